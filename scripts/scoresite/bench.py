"""`make bench`: whole-process build times against their targets, in one run, side by side.

Every step runs in a fresh copy of the project in a temporary folder (a cold cache there, as
in a fresh clone), as a child process; its wall time, its CPU time (with its workers') and its
peak memory come from the kernel. Ratios use CPU seconds, which other work on the machine
disturbs less than wall seconds. Synthetic content (the real modules and workshops 10 and 50
times over, under new ids) is made there too and never lands in the repository.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from .bench_cohort import page_import, report_command, synthetic
from .bench_serve import SAVES, edit_module, serve_reload
from .catalogue import GENERATED, ROOT, localized, navigation
from .fields import LANGUAGES
from .pdf import render_pdfs
from .render import abbreviations
from .slow3g import figures
from .validate import MODULE_GLOBS, load_project

SCALES = (1, 10, 50)
SERVE_STEP = "save a YAML file → page reloaded, `make serve`"
RELOAD_TARGET = 1.5  # seconds, on 2 idle cores
QUIET = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mib: float


@dataclass(frozen=True)
class Row:
    step: str
    run: Run
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None
    note: str = ""


def measure(command: list[str], cwd: Path, **env: str) -> Run:
    """Run a command to its end; its wall and CPU seconds (with its children) and peak memory."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        child = subprocess.Popen(
            command, cwd=cwd, env=dict(os.environ, **QUIET, **env), stdout=log, stderr=log
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if child.returncode != 0:
            log.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{log.read().decode()[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> Run:
    return Run(
        *(statistics.median(getattr(r, f) for r in runs) for f in ("wall", "cpu", "peak_mib"))
    )


def copy_project(source: Path, target: Path, times: int = 1) -> Path:
    """mkdocs.yml, docs/, scripts/, overrides/ and modules/, with
    `times` - 1 copies of every module and workshop under new ids (see `module_copies`)."""
    target.mkdir(parents=True)
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("docs", "scripts", "modules", "overrides"):
        shutil.copytree(source / folder, target / folder, ignore=ignore)
    files = sorted({p for glob in MODULE_GLOBS for p in (source / "modules").glob(glob)})
    modules = [yaml.load(path.read_text(encoding="utf-8"), yaml.CSafeLoader) for path in files]
    for name, data in module_copies(modules, times):
        text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
        (target / "modules" / name).write_text(text, encoding="utf-8")
    return target


def module_copies(modules: list[dict[str, Any]], times: int) -> Iterator[tuple[str, dict]]:
    """Copy k (1 ≤ k < times) of each module under the id `id-sk`, as (file name, data): a
    SCORE module's copy keeps a number (its own + k·the highest, as long as numbers last: they
    stop at 99), later copies and copies of workshops are workshops labelled as the copy they
    are. Every page of a copy is a real page, so n× content has n times the real modules'
    pages and words at every scale."""
    step = max(m["number"] for m in modules if "number" in m)
    for k in range(1, times):
        for module in modules:
            copy = dict(module, id=f"{module['id']}-s{k}")
            number = module.get("number")
            if number is not None and number + step * k <= 99:
                copy["number"] = number + step * k
                yield f"modul-{copy['number']}-{copy['id']}.yml", copy
                continue
            if number is not None:
                label = {"id": f"Salinan {k} Modul {number}", "en": f"Copy {k} of Module {number}"}
            else:
                old = module["label"]
                label = {"id": f"{old['id']} (salinan {k})", "en": f"{old['en']} (copy {k})"}
            copy = {("label" if key == "number" else key): value for key, value in copy.items()}
            copy["label"] = label
            yield f"lokakarya-{copy['id']}.yml", copy


def scoresite_build(root: Path) -> Run:
    return measure([sys.executable, "-m", "scoresite", "build"], root)


def mkdocs_build(root: Path, **env: str) -> Run:
    return measure([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], root, **env)


def plain_project(root: Path, target: Path) -> Path:
    """The same site as plain MkDocs input: generated pages with the abbreviations our hook adds,
    PDFs and schemas as static files, the navigation written out; no hook."""
    project = load_project(root / "modules")
    shutil.copytree(root / "docs", target / "docs")
    shutil.copytree(root / GENERATED, target / "docs", dirs_exist_ok=True)
    shutil.copytree(root / "overrides", target / "overrides")
    for page in (target / "docs").rglob("*.md"):
        lang = next((x for x in LANGUAGES[1:] if page.name.endswith(f".{x}.md")), LANGUAGES[0])
        with page.open("a", encoding="utf-8") as file:
            file.write(abbreviations(project, lang))
    site = root / "site"
    for pdf in site.rglob("*.pdf"):
        relative = pdf.relative_to(site).as_posix()
        lang = relative.split("/", 1)[0] if relative.split("/", 1)[0] in LANGUAGES else ""
        name = relative.removeprefix(f"{lang}/") if lang else relative
        static = localized(name.removesuffix(".pdf") + ".md", lang or LANGUAGES[0])
        (target / "docs" / static).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, (target / "docs" / static).with_suffix(".pdf"))
    shutil.copytree(site / "schema", target / "docs" / "schema")
    with (root / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)  # MkDocs' own loader: it knows `!ENV`
    config.pop("hooks")
    config.pop("watch", None)
    config["nav"] = navigation(project)[0]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return target


def module_pdf_inodes(site: Path, module_id: str) -> set[int]:
    return {p.stat().st_ino for p in site.rglob(f"materi/{module_id}/**/*.pdf")}


def edits(project: Path) -> tuple[Run, str, bool]:
    """Three one-text edits in one module; only that module's PDFs may be rendered again."""
    module = sorted((project / "modules").glob("modul-*.yml"))[1]
    module_id = re.search(r"^id: (\S+)", module.read_text(encoding="utf-8"), re.M)
    assert module_id
    cache = project / ".cache" / "pdf"
    runs, counts, only_module = [], [], True
    for n in range(3):
        before = {p.stat().st_ino for p in cache.glob("*.pdf")}
        edit_module(module, n)
        runs.append(scoresite_build(project))
        fresh = {p.stat().st_ino for p in cache.glob("*.pdf")} - before
        only_module &= bool(fresh) and fresh <= module_pdf_inodes(project / "site", module_id[1])
        counts.append(len(fresh))
    mine = len(module_pdf_inodes(project / "site", module_id[1]))
    return median(runs), f"{'/'.join(map(str, counts))} of its {mine} PDFs rendered", only_module


def pdf_rows(project: Path) -> list[Row]:
    loaded = load_project(project / "modules")
    cores = os.cpu_count() or 1
    runs = []
    for jobs in (1, cores):
        with tempfile.TemporaryDirectory() as cache:
            start = time.perf_counter()
            count = len(render_pdfs(loaded, "https://example.org/", Path(cache), jobs=jobs))
            runs.append(time.perf_counter() - start)
    serial = Row(f"render {count} PDFs, 1 process (wall)", Run(runs[0], 0, 0))
    ratio = runs[1] / runs[0]
    return [serial, Row(f"the same, {cores} processes (wall)", Run(runs[1], 0, 0), ratio)]


def module_output(project: Path) -> tuple[int, int]:
    """HTML pages made from modules and workshops (both languages), and the words of their
    generated Markdown."""
    ids = [
        re.search(r"^id: (\S+)", p.read_text(encoding="utf-8"), re.M)
        for glob in MODULE_GLOBS
        for p in (project / "modules").glob(glob)
    ]
    folders = [f"{ROOT}/{found[1]}" for found in ids if found]
    site, docs = project / "site", project / GENERATED
    pages = sum(
        len(list((site / lang).glob(f"{f}/**/*.html"))) for lang in ("", "en") for f in folders
    )
    words = sum(
        len(md.read_text(encoding="utf-8").split())
        for f in folders
        for md in (docs / f).rglob("*.md")
    )
    return pages, words


def scale_rows(source: Path, tmp: Path) -> list[Row]:
    rows: list[Row] = []
    first = (0.0, 0, 0)
    for times in SCALES:
        project = copy_project(source, tmp / f"x{times}", times)
        run = mkdocs_build(project, SCORESITE_PDFS="0")
        pages = sum(1 for _ in (project / "site").rglob("*.html"))
        per_page = run.cpu / pages
        modules, words = module_output(project)
        first = first if first[0] else (per_page, modules, words)
        note = (
            f"{pages} HTML pages, {per_page * 1000:.1f} ms CPU per page; modules' pages "
            f"{modules / first[1]:.1f}×, words {words / first[2]:.1f}× the real ones"
        )
        growth = per_page / first[0]
        if times == SCALES[-1]:
            rows.append(
                Row(f"{times}× content, pages only", run, growth, "≤ 1.3", growth <= 1.3, note)
            )
            memory = run.peak_mib < 1024
            rows.append(Row(f"peak memory at {times}×", run, None, "< 1024 MiB", memory))
        else:
            rows.append(Row(f"{times}× content, pages only", run, growth, "", None, note))
        shutil.rmtree(project)
    return rows


def measure_all(source: Path, tmp: Path) -> list[Row]:
    project = copy_project(source, tmp / "project")
    cold = scoresite_build(project)
    noop = median([scoresite_build(project) for _ in range(3)])
    edit, edited, only_module = edits(project)
    ours = median([mkdocs_build(project) for _ in range(3)])
    plain_root = plain_project(project, tmp / "plain")
    plain = median([mkdocs_build(plain_root) for _ in range(3)])
    serve = serve_row(project)
    r_noop, r_edit, r_ours = noop.cpu / cold.cpu, edit.cpu / cold.cpu, ours.cpu / plain.cpu
    return [
        Row("plain `mkdocs build` of the same pages, PDFs, schemas", plain),
        Row("our `mkdocs build` (hook), nothing changed", ours, r_ours, "≤ 1.15", r_ours <= 1.15),
        Row("cold `scoresite build`, empty cache", cold),
        Row("no-op rebuild", noop, r_noop, "≤ 0.25", r_noop <= 0.25),
        Row(
            "one text edited in one module",
            edit,
            r_edit,
            "≤ 0.4",
            r_edit <= 0.4 and only_module,
            edited + ("" if only_module else "; OTHER PDFs TOO"),
        ),
        *pdf_rows(project),
        serve,
        *[Row(f"{f.what}, slow 3G", Run(f.seconds, 0, 0), None,
              *(("", None) if f.target is None else (f"≤ {f.target:.0f} s", f.ok)))
          for f in figures(project / "site")],
        *scale_rows(source, tmp),
        *cohort_rows(project, tmp),
    ]


def cohort_rows(project: Path, tmp: Path) -> list[Row]:
    """The monitoring page importing 200 enterprises × 6 audits; the report of 1,000 × 12."""
    small, large = tmp / "cohort-200x6", tmp / "cohort-1000x12"
    files = synthetic(small, project / "modules", 200, 6)
    synthetic(large, project / "modules", 1000, 12)
    page = page_import(project / "site", small)
    report = measure(report_command(large, tmp / "laporan.pdf", project / "modules"), project)
    fits = report.cpu <= 60 and report.peak_mib < 1024  # CPU s: other work disturbs them less
    return [
        Row(
            f"monitoring page imports 200 × 6 ({files} files)",
            Run(page, 0, 0),
            None,
            "≤ 5 s",
            page <= 5,
        ),
        Row("`scoresite report` of 1,000 × 12", report, None, "≤ 60 CPU s, < 1024 MiB", fits),
    ]


def serve_row(project: Path) -> Row:
    reload = serve_reload(project, QUIET)
    ok = reload.wall <= RELOAD_TARGET
    note = f"median of {SAVES} saves; CPU s: the server's, with the printables made after"
    return Row(SERVE_STEP, Run(reload.wall, reload.cpu, 0), None, f"≤ {RELOAD_TARGET}", ok, note)


def run_serve(source: Path = Path(".")) -> str:
    """Only the save → reload row (`make bench-serve`)."""
    with tempfile.TemporaryDirectory(prefix="scoresite-bench-") as tmp:
        row = serve_row(copy_project(source.resolve(), Path(tmp) / "project"))
    return f"{table([row])}\n\nload average {os.getloadavg()[0]:.1f} at the end"


def table(rows: list[Row]) -> str:
    lines = ["| step | wall s | CPU s | peak MiB | ratio | target | met | notes |"]
    lines.append("|---|--:|--:|--:|--:|---|---|---|")
    for r in rows:
        cells = [
            r.step,
            f"{r.run.wall:.2f}",
            f"{r.run.cpu:.2f}" if r.run.cpu else "",
            f"{r.run.peak_mib:.0f}" if r.run.peak_mib else "",
            f"{r.ratio:.2f}" if r.ratio is not None else "",
            r.target,
            {True: "yes", False: "**no**", None: ""}[r.ok],
            r.note,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run(source: Path = Path("."), only: str = "") -> str:
    """Measure everything (or only the cohort rows); write a CSV under .cache/bench/; return
    the table."""
    with tempfile.TemporaryDirectory(prefix="scoresite-bench-") as tmp:
        if only == "cohort":
            project = copy_project(source.resolve(), Path(tmp) / "project")
            scoresite_build(project)
            rows = cohort_rows(project, Path(tmp))
        else:
            rows = measure_all(source.resolve(), Path(tmp))
    out = source / ".cache" / "bench" / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["step", "wall_s", "cpu_s", "peak_mib", "ratio", "target", "met", "notes"])
        for r in rows:
            writer.writerow(
                [
                    r.step,
                    f"{r.run.wall:.3f}",
                    f"{r.run.cpu:.3f}",
                    f"{r.run.peak_mib:.0f}",
                    "" if r.ratio is None else f"{r.ratio:.3f}",
                    r.target,
                    r.ok,
                    r.note,
                ]
            )
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0]
    return f"{table(rows)}\n\n{cores} cores, load average {load:.1f} at the end; wrote {out}"
