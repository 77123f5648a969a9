"""Every list of modules on pages and printables comes from modules/: a module made with
`make new-module` appears on the home page, the programme page and the registration form."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from scoresite.catalogue import printables
from scoresite.cli import new_module
from scoresite.pdf import print_html
from scoresite.render import MODULE_LIST
from scoresite.validate import load_project

ROOT = Path(__file__).resolve().parents[1]
FORM = """administration:
  - id: pendaftaran
    title: {id: Pendaftaran, en: Registration}
    purpose: {id: Mendaftar., en: To register.}
    instructions: [{id: Centang modul., en: Tick the modules.}]
    fields:
      - kind: checklist
        label: {id: Modul yang diminati, en: Modules of interest}
        modules: after-first
        items: [{id: Lokakarya 5R, en: 5R workshop}]
"""


def test_the_real_home_pages_take_their_module_list_from_modules() -> None:
    for home in ("index.md", "index.en.md"):
        text = (ROOT / "docs" / home).read_text(encoding="utf-8")
        assert MODULE_LIST in text
        assert "materi/kerja-sama/index.md" not in text, f"{home} lists a module by hand"


def test_a_new_module_appears_in_every_list_of_modules(tmp_project: Callable[..., Path]) -> None:
    programme = (ROOT / "tests/data/good/programme.yml").read_text(encoding="utf-8")
    root = tmp_project(files={"programme.yml": programme + FORM})
    new_module(root / "modules", "pemasaran", "6")
    for home, intro in (("index.md", "# SCORE"), ("index.en.md", "# SCORE")):
        (root / "docs" / home).write_text(f"{intro}\n\n{MODULE_LIST}\n", encoding="utf-8")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, SCORESITE_PDFS="0", NO_MKDOCS_2_WARNING="1"),
    )
    assert build.returncode == 0, build.stderr
    project = load_project(root / "modules")
    title = project.module("pemasaran").title
    site = root / "site"
    for prefix, lang, word in (("", "id", "Modul"), ("en/", "en", "Module")):
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert f'href="materi/pemasaran/index.html">{word} 6: {title(lang)}</a>' in home
        assert f"{word} 1:" in home
        page = (site / prefix / "materi/program/index.html").read_text(encoding="utf-8")
        assert f'href="../pemasaran/index.html">6. {title(lang)}</a>' in page
        form = (site / prefix / "materi/administrasi/pendaftaran.html").read_text("utf-8")
        form = form.split("<article", 1)[1].split("</article>")[0]  # not sidebar, footer
        assert f"{word} 6: {title(lang)}" in form
        assert f"{word} 1:" not in form  # after the first
        sheet = next(p for p in printables(project) if p.path.endswith("pendaftaran.pdf"))
        printed = print_html(sheet, project, lang, "https://example.org/")
        assert f"{word} 6: {title(lang)}" in printed
