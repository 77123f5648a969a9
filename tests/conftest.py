from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


@pytest.fixture
def tmp_project(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the project (mkdocs.yml, docs/ with a plain home page) with the given
    modules/ content.

    `content` is a folder of YAML files (default: the small good fixture); `files` adds or
    replaces files by name.
    """

    def make(content: Path = DATA / "good", files: dict[str, str] | None = None) -> Path:
        shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", tmp_path / "docs")
        shutil.copytree(ROOT / "overrides", tmp_path / "overrides")  # theme partials
        # the real home page links the real modules; the fixture content has other ones
        for home in ("index.md", "index.en.md"):
            (tmp_path / "docs" / home).write_text("# SCORE\n", encoding="utf-8")
        shutil.copytree(
            ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copytree(content, tmp_path / "modules")
        for name, text in (files or {}).items():
            (tmp_path / "modules" / name).write_text(text, encoding="utf-8")
        return tmp_path

    return make


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`scoresite build` as a maintainer runs it (strict MkDocs build, then swap into place)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "scoresite",
            "build",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(site),
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        # the placeholder site_url of mkdocs.yml, whatever the caller's SITE_URL
        env=dict(
            {k: v for k, v in os.environ.items() if k != "SITE_URL"},
            SOURCE_DATE_EPOCH="1700000000",
        ),
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real modules/ built once into a temporary site/ for all tests that read it."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    (site.parent / "build-stderr.txt").write_text(result.stderr, encoding="utf-8")
    return site


# Browser tests (tests/browser/): the built site over http, and Debian's chromium.


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site over http from a server thread on a free local port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


CHROMIUM = "/usr/bin/chromium"  # Debian's
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Debian chromium per test module."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()
