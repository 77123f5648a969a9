"""`make serve` (`mkdocs serve --dirty`) rebuilds only the changed pages and makes the
printables after them; once it has settled, the served site is the one a first build of the
same content gives: every page with its sidebar and footer, the search indexes, the PDFs."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# the builds `mkdocs serve --dirty` runs, in one process: a first one, then one per save, and
# one more when the printables made after a save change a page (serve.py); "--dirty" in
# sys.argv makes mkdocs-static-i18n build the second language dirty too, as under serve
SERVE = """
import json, sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

URL = "http://127.0.0.1:8000/score-5r/"
site, saves = sys.argv[2], json.loads(sys.argv[3])

def config():
    loaded = load_config("mkdocs.yml", site_dir=site)
    loaded.site_url = URL
    return loaded

def settled():
    hook = next(m for m in list(sys.modules.values()) if hasattr(m, "_later"))
    printed = Path(".cache/serve/printed")
    before = printed.stat().st_mtime_ns if printed.exists() else 0
    hook._later.wait()
    if printed.exists() and printed.stat().st_mtime_ns != before:
        build(config(), serve_url=URL, dirty=True)
        settled()

if __name__ == "__main__":  # not in the PDF workers, which import this file
    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, serve_url=URL, dirty=True)
    settled()
    for name, old, new in saves:
        path = Path(name)
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        build(config(), serve_url=URL, dirty=True)
        settled()
"""
MODULE = "modules/modul-1-contoh.yml"
LONG = "Catat apa yang didengar lalu bandingkan dengan catatan rekan sebelah. " * 60


def served(project: Path, site: Path, saves: list[tuple[str, str, str]]) -> None:
    script = project / "serve_builds.py"
    script.write_text(SERVE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), "--dirty", site, json.dumps(saves)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]


def differences(left: Path, right: Path) -> list[str]:
    """Paths (under `left`) of the files that differ or are in one folder only."""
    found = []
    compared = filecmp.dircmp(left, right)
    names = compared.left_only + compared.right_only
    names += [n for n in compared.common_files if not filecmp.cmp(left / n, right / n, False)]
    found += [str(left / name) for name in names]
    for name in compared.common_dirs:
        found += differences(left / name, right / name)
    return found


def test_a_served_site_after_saves_is_the_site_of_a_first_build(
    tmp_project: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    project = tmp_project()
    edited = tmp_path_factory.mktemp("edited")
    saves = [
        (MODULE, "Dengarkan <b>ini</b>.", "Dengarkan <b>ini</b>. " + LONG),  # its PDFs grow
        (MODULE, "Sesi B", "Sesi Baru"),  # a title: the navigation of every page
        (MODULE, "Kerjakan.", "Kerjakan berdua."),
        ("docs/index.md", "# SCORE", "# SCORE dan 5R"),  # a hand-written page's title
    ]
    served(project, edited / "site", saves)

    fresh = tmp_path_factory.mktemp("fresh")
    for folder in ("docs", "overrides", "scripts", "modules"):
        shutil.copytree(project / folder, fresh / folder)
    shutil.copy(project / "mkdocs.yml", fresh / "mkdocs.yml")
    served(fresh, fresh / "site", [])

    untouched = edited / "site" / "materi" / "kerja-sama" / "sesi-a.html"  # its text is the same
    assert "Sesi Baru" in untouched.read_text(encoding="utf-8")  # in its sidebar and footer
    # the stems of words new since the first build wait for `make site` (README)
    stems = edited / "site" / "assets" / "javascripts" / "lunr" / "min" / "lunr.id.min.js"
    assert differences(edited / "site", fresh / "site") == [str(stems)]
