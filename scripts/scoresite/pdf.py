"""Printables: model → print HTML (Jinja2, autoescaped) → A4 PDF (WeasyPrint).

Each PDF is cached under a hash of its print HTML (which holds the CSS and every word; its QR
code is named there by the address it encodes) and of the versions of the libraries that draw
it, so an unchanged PDF is never rendered again; missing ones are rendered in parallel. Cache
entries are written whole or not at all; a damaged one counts as missing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import markdown
import segno
from markupsafe import Markup
from tqdm import tqdm

from .catalogue import (
    TEMPLATES,
    Printable,
    Rendered,
    labels,
    module_label,
    module_name,
    printables,
    session_number,
    url,
)
from .environment import PROGRESS_VARIABLE
from .fields import LANGUAGES, Translated
from .fit import TIGHT, fitted
from .model import Project
from .participants import name_size
from .render import clock_filter, escape
from .schedule import run_sheet, sessions_using, timetable
from .sheet import landscape, placed, table_layout
from .slides import deck_context
from .tags import tag_header_scope

PRINT = TEMPLATES / "print"
DRAWING = ("weasyprint", "pydyf", "fonttools", "segno")  # lay out, write and subset; QR codes
LIBRARIES = (*DRAWING, "markdown", "jinja2", "pydantic", "pyyaml")


def _system_library(name: str, function: str) -> str:
    """A shared library's own version string, or "none" where it is not installed."""
    found = ctypes.util.find_library(name)
    if not found:
        return "none"
    call = getattr(ctypes.CDLL(found), function)
    call.restype = ctypes.c_char_p
    return str(call().decode())


def system_engine() -> str:
    """The system libraries that shape the PDF bytes: Pango lays the text out, and WeasyPrint
    subsets the fonts with HarfBuzz when `libharfbuzz-subset` is installed, else with
    fontTools; the two subsets differ in bytes, not in looks (the Makefile installs it)."""
    subsetter = "harfbuzz" if ctypes.util.find_library("harfbuzz-subset") else "fonttools"
    pango = _system_library("pango-1.0", "pango_version_string")
    harfbuzz = _system_library("harfbuzz", "hb_version_string")
    return f"pango-{pango} harfbuzz-{harfbuzz} subset-{subsetter}"


ENGINE = " ".join([*(f"{name}-{version(name)}" for name in LIBRARIES), system_engine()])
QR = "qr:"


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=[])


MARKDOWN_SIGNS = frozenset("*_`[\\")


@lru_cache(maxsize=8192)
def inline(text: str) -> Markup:
    """Inline Markdown to HTML; HTML written in the YAML is escaped first, so shown as text."""
    if MARKDOWN_SIGNS.isdisjoint(text):
        return Markup(escape(text))
    html = _markdown().reset().convert(escape(text))
    return Markup(html.removeprefix("<p>").removesuffix("</p>"))


PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")


def published(site_url: str) -> str:
    """The site's public address for printouts, or "" while it is unset or a placeholder
    (example.org): a QR code to a placeholder sends every reader nowhere."""
    host = urlsplit(site_url).hostname or ""
    if any(host == p or host.endswith("." + p) for p in PLACEHOLDER_HOSTS):
        return ""
    return site_url


@lru_cache(maxsize=1024)
def link(page: str, lang: str, site_url: str) -> dict[str, str] | None:
    """QR code and short address of a page online, or None when no real site_url is set. The QR
    image is named by its address (`qr:https://…`) and drawn only when a PDF is rendered."""
    if not published(site_url):
        return None
    address = site_url.rstrip("/") + "/" + url.in_site(page, lang)
    return {"qr": QR + address, "short": address.split("://", 1)[-1]}


def page_of_css(lang: str) -> Markup:
    """'Halaman 2 dari 5' as CSS content, from the labels."""
    words = labels()["page_of"](lang).replace("{pages}", "\0pages\0").replace("{page}", "\0page\0")
    parts = [
        f"counter({p})" if p in ("page", "pages") else json.dumps(p) for p in words.split("\0") if p
    ]
    return Markup(" ".join(parts))


@jinja2.pass_context
def _t(context: jinja2.runtime.Context, text: Translated | None) -> str:
    return text(context["lang"]) if text else ""


@jinja2.pass_context
def _md(context: jinja2.runtime.Context, text: Translated | None) -> Markup | str:
    return inline(text(context["lang"])) if text else ""


@cache
def environment(folder: Path = PRINT) -> jinja2.Environment:
    """Print HTML templates of a folder (the printables', the SCORM page's, the report's):
    autoescaped, strict, with the text filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(t=_t, md=_md, clock=clock_filter, inline=inline)
    return env


def print_html(item: Printable, project: Project, lang: str, site_url: str) -> str:
    L = labels()
    module = item.context.get("module")
    steps = item.context.get("steps", [])
    name = module_name(module)(lang) if module else None
    section = name or (L["five_r"](lang) if steps else None)
    parts = [project.programme.title(lang), section, item.title(lang)]
    parts.append(f"{L['version'](lang)} {project.programme.version}")
    kicker = [name or project.programme.title(lang)]
    if module and "worksheet" in item.context:
        used = sessions_using(module, item.context["worksheet"].id)
        kicker += [
            f"{L['session'](lang)} {session_number(module, n)}: {s.title(lang)}" for n, s in used
        ]
    document_title = f"{item.title(lang)} · {item.group(lang)}"
    template = environment().get_template(item.template)
    return template.render(
        project=project,
        lang=lang,
        L=L,
        title=item.title(lang),
        document_title=document_title,
        link=link(item.page, lang, site_url),
        css=Markup((PRINT / "print.css").read_text(encoding="utf-8")),
        page_of_css=page_of_css(lang),
        author=project.programme.title(lang),
        description=document_title,
        footer=" · ".join(dict.fromkeys(p for p in parts if p)),
        owner=" · ".join(kicker),
        slots=timetable(module) if module else [],
        friday_slots=timetable(module, friday=True) if module else [],
        run=run_sheet,
        module_label=module_label,
        session_number=session_number,
        max_total=sum(len(s.criteria) * 4 for s in steps),
        criteria_rows=[f"{L['criterion'](lang)} {i}" for i in range(1, len(steps[0].criteria) + 1)]
        if len(steps) == 1
        else [],
        table_layout=table_layout,
        placed=placed,
        landscape=landscape,
        name_size=name_size,
        **(
            deck_context(item.context["module"], project, lang)
            if item.kind in ("handout", "posters")
            else {}
        ),
        **item.context,
    )


def _fetcher() -> Any:
    """WeasyPrint's fetcher, drawing `qr:<address>` images as QR codes (SVG)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class QRFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, address: str, headers: Any = None) -> Any:
            if not address.startswith(QR):
                return super().fetch(address, headers)
            svg = io.BytesIO()
            qr = segno.make(address.removeprefix(QR), error="m")
            qr.save(svg, kind="svg", border=4, dark="#000", light="#fff")  # with its quiet zone
            return URLFetcherResponse(address, svg.getvalue(), {"Content-Type": "image/svg+xml"})

    return QRFetcher(fail_on_errors=True)


def write_atomic(target: Path, data: bytes) -> None:
    """Write a file whole or not at all: a temporary file of our own beside it, then rename."""
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as file:
            os.fchmod(file.fileno(), 0o644)
            file.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_pdf(job: tuple[str, str]) -> int:
    """Render one PDF (in a worker process) and its page count into the cache; return pages."""
    from weasyprint import CSS, HTML

    tag_header_scope()
    html, target = job
    page = HTML(string=html, base_url=str(PRINT), url_fetcher=_fetcher())
    document = fitted(lambda extra: page.render(stylesheets=[CSS(string=css) for css in extra]))
    # tagged (structure tree, /MarkInfo, DisplayDocTitle); no PDF/UA conformance is claimed
    data = document.write_pdf(pdf_tags=True)
    pdf = Path(target)
    write_atomic(pdf, data)
    meta = {"pages": len(document.pages), "size": len(data)}
    write_atomic(pdf.with_suffix(".json"), json.dumps(meta).encode())
    return len(document.pages)


def cached_pages(pdf: Path) -> int | None:
    """Pages of a cached PDF; None when it is missing, cut short or its record is damaged."""
    try:
        meta = json.loads(pdf.with_suffix(".json").read_bytes())
        with pdf.open("rb") as file:
            size = file.seek(0, os.SEEK_END)
            file.seek(max(0, size - 32))
            tail = file.read()
    except (OSError, ValueError):
        return None
    pages = meta.get("pages") if isinstance(meta, dict) else None
    whole = isinstance(meta, dict) and meta.get("size") == size and b"%%EOF" in tail
    return pages if whole and isinstance(pages, int) and pages > 0 else None


def _render(batch: list[tuple[str, str]], jobs: int) -> None:
    """Render the missing PDFs, in parallel when there are several, showing n of N on a terminal."""
    workers = min(jobs or os.cpu_count() or 1, len(batch))
    # on a terminal; `scoresite build` passes our messages on and says if it writes to one
    disable = False if os.environ.get(PROGRESS_VARIABLE) == "1" else None
    progress = tqdm(total=len(batch), desc="PDF", unit="pdf", disable=disable, leave=False)
    with progress:
        if workers <= 1:
            for job in batch:
                _write_pdf(job)
                progress.update()
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for _ in pool.map(_write_pdf, batch):
                progress.update()


def render_pdfs(project: Project, site_url: str, cache_dir: Path, jobs: int = 0) -> list[Rendered]:
    """Every printable in both languages, from the cache where its inputs are unchanged.

    The cache keeps only what this content needs: PDFs of older content are removed."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    planned: list[tuple[Printable, str, Path]] = []
    todo: dict[Path, str] = {}
    for item in printables(project):
        for lang in LANGUAGES:
            html = print_html(item, project, lang, site_url)
            key = hashlib.sha256(f"{ENGINE}\n{TIGHT}\n{html}".encode()).hexdigest()[:32]
            pdf = cache_dir / f"{key}.pdf"
            planned.append((item, lang, pdf))
            if cached_pages(pdf) is None:
                todo[pdf] = html
    _render([(html, str(pdf)) for pdf, html in todo.items()], jobs)
    used = {p for _, _, pdf in planned for p in (pdf, pdf.with_suffix(".json"))}
    for stale in cache_dir.iterdir():
        if stale not in used:
            stale.unlink()
    return [
        Rendered(item, lang, pdf, cached_pages(pdf) or 0, pdf.stat().st_size)
        for item, lang, pdf in planned
    ]


def copy_pdfs(rendered: list[Rendered], site_dir: Path) -> None:
    """Put each PDF in the site: a hard link to its cache entry (which is never written in
    place, only replaced), or a copy where links cannot be made."""
    for r in rendered:
        target = site_dir / url.in_site(r.printable.path, r.lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(r.file, target)
        except OSError:
            shutil.copyfile(r.file, target)
