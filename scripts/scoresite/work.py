"""What a build makes of modules/: the pages, the printables (PDFs, slide decks,
presentations, exports) and the navigation, remembered in .cache/build.pickle under a hash of
every input (the content, our code and templates, the site address, library versions), so a
build of unchanged content in a new process skips loading and rendering."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from .catalogue import ROOT, TEMPLATES, Rendered, navigation, url
from .fields import LANGUAGES
from .model import Project
from .pdf import ENGINE, cached_pages, render_pdfs, write_atomic
from .present import cached_presentation, render_presentations
from .render import abbreviations, module_list, render_all
from .schema import schemas
from .slides import cached_slides

PACKAGE = TEMPLATES.parent  # our code and templates, as imported (not the hook's copy)
MEMO = Path(".cache") / "build.pickle"


def made(project: Project, root: Path, key: str, site_url: str | None) -> dict[str, Any]:
    """Printables (none without `site_url`) and pages, remembered under `key`."""
    prints = [] if site_url is None else printables(project, root, site_url)
    work = page_work(project, prints)
    write_atomic(root / MEMO, pickle.dumps((key, work)))
    return work


def printables(project: Project, root: Path, site_url: str) -> list[Rendered]:
    cache = root / ".cache"
    prints = render_pdfs(project, site_url, cache / "pdf")
    from .deck import render_decks  # python-pptx: only when decks may be drawn

    prints += render_decks(project, cache / "slides")
    prints += render_presentations(project, cache / "present")
    from .export.files import render_exports

    return prints + render_exports(project, prints, cache / "export")


def page_work(project: Project, prints: list[Rendered]) -> dict[str, Any]:
    pages = render_all(project, prints)
    nav, titles = navigation(project)
    return {
        "prints": prints,
        "nav": nav,
        "titles": titles,
        "generated": {p.removeprefix(f"{ROOT}/"): t for p, t in pages.items()},
        "abbreviations": {lang: abbreviations(project, lang) for lang in LANGUAGES},
        "module_list": {lang: module_list(project, lang) for lang in LANGUAGES},
        "schemas": schemas(),
        "code": content_hash(PACKAGE, ENGINE),  # what made it (see _last_good)
    }


def recall(memo: Path, key: str | None) -> dict[str, Any] | None:
    """The remembered work for these inputs (None: the last remembered), if every PDF it names
    is still whole in the cache."""
    try:
        stored, work = pickle.loads(memo.read_bytes())
    except Exception:  # missing or damaged: a miss, never an error
        return None
    if key not in (stored, None) or not all(map(intact, work["prints"])):
        return None
    return dict(work)


def intact(rendered: Rendered) -> bool:
    """A cached PDF, slide deck, presentation or export is still there and whole."""
    if rendered.printable.page == url.exports:
        return rendered.file.is_file()
    checks = {"slides": cached_slides, "presentation": cached_presentation}
    return checks.get(rendered.printable.kind, cached_pages)(rendered.file) is not None


def content_hash(*sources: Path | str) -> str:
    """SHA-256 of the given settings and of every file (name and bytes) in the given folders."""
    digest = hashlib.sha256()
    for source in sources:
        if isinstance(source, str):
            digest.update(f"setting\0{source}\0".encode())
            continue
        for path in sorted(source.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"file\0{path.relative_to(source)}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
