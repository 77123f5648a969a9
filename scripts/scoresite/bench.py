"""`make bench`: how long each step takes on the real content. Figures, not assertions."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .cli import build
from .pdf import render_pdfs
from .render import render_all
from .validate import load_project


def timed(step: Callable[[], object], runs: int) -> float:
    """Median seconds of `runs` runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(modules: Path = Path("modules"), config: Path = Path("mkdocs.yml")) -> str:
    project = load_project(modules)
    pages = render_all(project, [])
    site_url = "https://example.org/"
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        site, caches = Path(tmp) / "site", Path(tmp)
        serial = timed(lambda: render_pdfs(project, site_url, caches / "serial", jobs=1), 1)
        parallel = timed(lambda: render_pdfs(project, site_url, caches / "par", jobs=cores), 1)
        prints = render_pdfs(project, site_url, caches / "serial", jobs=1)
        build(config, site)  # fills the project's own PDF cache, as a first `make site` does
        rows = [
            ("load + validate modules/", timed(lambda: load_project(modules), 5)),
            ("render Markdown pages", timed(lambda: render_all(project, prints), 5)),
            ("render all PDFs, 1 process, empty cache", serial),
            (f"render all PDFs, {cores} processes, empty cache", parallel),
            (
                "render all PDFs, cache full",
                timed(lambda: render_pdfs(project, site_url, caches / "serial", jobs=1), 3),
            ),
            (
                "site build, PDFs cached (mkdocs --strict, 2 languages)",
                timed(lambda: build(config, site), 2),
            ),
        ]
        files = sum(1 for p in site.rglob("*") if p.is_file())
        html = sum(1 for _ in site.rglob("*.html"))
        shutil.rmtree(site, ignore_errors=True)
    lines = ["| step | seconds (median) |", "|---|--:|"]
    lines += [f"| {name} | {seconds:.3f} |" for name, seconds in rows]
    lines.append(f"\n{len(pages)} Markdown pages; site/ has {html} HTML pages, {files} files")
    lines.append(f"{len(prints)} PDFs with {sum(r.pages for r in prints)} A4 pages in all")
    return "\n".join(lines)
