"""`make serve` (`mkdocs serve --dirty`) in a real browser: a broken file shows its problems
on the page, and the page recovers by itself (livereload) once the file is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from scoresite.bench_serve import SERVE, stop

PAGE = "score-5r/materi/kerja-sama/sesi-b.html"  # mkdocs.yml's site_url path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(
    tmp_project: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, str]]:
    root = tmp_project()
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", *SERVE, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
    address = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        _wait_until_served(address)
        yield root, address
    finally:
        stop(server)
    assert "Traceback" not in log.read_text(encoding="utf-8")


def _wait_until_served(address: str) -> None:
    for _ in range(600):
        try:
            with urllib.request.urlopen(address, timeout=2):
                return
        except OSError:
            subprocess.run(["sleep", "0.2"], check=True)
    raise AssertionError(f"{address} never answered")


def test_a_broken_file_shows_its_problems_in_the_page_until_fixed(
    served: tuple[Path, str], browser: Browser
) -> None:
    root, address = served
    module = root / "modules" / "modul-1-contoh.yml"
    good = module.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(address)
    expect(page.locator("h1")).to_contain_text("Sesi B")

    module.write_text(good.replace("minutes: 40", "minutes: 45"), encoding="utf-8")
    box = page.locator(".admonition.failure")
    expect(box).to_contain_text(
        "modules/modul-1-contoh.yml:14:14: session 'sesi-a' lasts 60", timeout=60_000
    )
    expect(box).to_contain_text("halaman ini dari versi terakhir yang benar")
    expect(page.locator("h1")).to_contain_text("Sesi B")  # the last good page, still readable

    module.write_text(good.replace("Sesi B", "Sesi Baru"), encoding="utf-8")
    expect(page.locator("h1")).to_contain_text("Sesi Baru", timeout=60_000)
    expect(box).to_have_count(0)
