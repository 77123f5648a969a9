"""`make bench`: how long each step takes on the real content. Figures, not assertions."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .cli import build
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
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        rows = [
            ("load + validate modules/", timed(lambda: load_project(modules), 5)),
            ("render Markdown pages", timed(lambda: render_all(project, []), 5)),
            ("full build (mkdocs --strict, both languages)", timed(lambda: build(config, site), 2)),
        ]
        files = sum(1 for p in site.rglob("*") if p.is_file())
        html = sum(1 for _ in site.rglob("*.html"))
        shutil.rmtree(site, ignore_errors=True)
    lines = ["| step | seconds (median) |", "|---|--:|"]
    lines += [f"| {name} | {seconds:.3f} |" for name, seconds in rows]
    lines.append(f"\n{len(pages)} Markdown pages; site/ has {html} HTML pages, {files} files")
    return "\n".join(lines)
