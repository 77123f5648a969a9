"""Slides (planned in slides.py) drawn as an editable 16:9 .pptx with python-pptx: Arial,
titles 36 pt and body text 24 pt, never shrunk; a teal rule, the module's name and a slide
number field on every slide but the cover; trainer notes in the notes pane. Decks are cached
under a hash of their plan and this code, and the same slides give the same bytes (fixed
dates)."""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.base import BaseShape
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches

from .catalogue import Rendered, labels
from .deck_figures import draw_figure
from .deck_style import (
    BODY_PT,
    COVER_PT,
    FONT,
    FOOTER_PT,
    GREY,
    HEIGHT,
    INK,
    INNER,
    KICKER_PT,
    MARGIN,
    TEAL,
    TITLE_PT,
    WHITE,
    WIDTH,
    box,
    fill,
)
from .fields import LANGUAGES
from .model import Project
from .pdf import write_atomic
from .slides import Paragraph, Slide, cached_slides, deck_printables, plan

ENGINE = f"python-pptx-{version('python-pptx')}"

CLOCK = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
SLIDE_NUMBER_ID = "{5C6F1A2B-0D3E-4F5A-8B9C-0D1E2F3A4B5C}"  # any fixed GUID


def template() -> PptxPresentation:
    """python-pptx's blank template made 16:9, with Arial as the theme's fonts, so slides a
    trainer adds match the generated ones."""
    deck = Presentation()
    scale = WIDTH / deck.slide_width
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    for owner in (deck.slide_master, *deck.slide_layouts):
        for shape in owner.placeholders:
            top, height = shape.top, shape.height
            left, width = Emu(round(shape.left * scale)), Emu(round(shape.width * scale))
            shape.left, shape.top, shape.width, shape.height = left, top, width, height
    theme = deck.slide_master.part.part_related_by(RT.THEME)
    theme._blob = theme.blob.replace(b'typeface="Calibri"', f'typeface="{FONT}"'.encode())
    return deck


def place(shape: BaseShape, top: float, height: float) -> None:
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(top), INNER, Inches(height)


def footer(page: PptxSlide, name: str, number: int, lang: str) -> None:
    """A teal rule, the module's name and the slide's number (a field: right after edits)."""
    rule = page.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, Inches(6.88), INNER, Inches(0.04))
    rule.name = "Rule"
    rule.fill.solid()
    rule.fill.fore_color.rgb = TEAL
    rule.line.fill.background()
    fill(box(page, "Footer", 6.95, 0.4), [Paragraph(name, "plain")], FOOTER_PT, GREY, lang)
    frame = box(page, "Slide number", 6.95, 0.4)
    fill(frame, [Paragraph(str(number), "plain")], FOOTER_PT, GREY, lang)
    frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    field = frame.paragraphs[0].runs[0]._r  # a styled run made a field: renumbers itself
    field.tag = qn("a:fld")
    field.set("id", SLIDE_NUMBER_ID)
    field.set("type", "slidenum")


def draw(deck: PptxPresentation, slide: Slide, name: str, lang: str) -> None:
    page = deck.slides.add_slide(deck.slide_layouts[0 if slide.cover else 1])
    title, body = page.placeholders[0], page.placeholders[1]
    if slide.cover:
        page.background.fill.solid()
        page.background.fill.fore_color.rgb = TEAL
    place(title, *((1.6, 2.8) if slide.cover else (0.85, 1.25)))
    place(body, *((4.6, 1.4) if slide.cover else (2.15, 4.65)))
    ink, accent = (WHITE, WHITE) if slide.cover else (INK, TEAL)
    kicker = box(page, "Kicker", 0.35, 0.5)
    fill(kicker, [Paragraph(slide.kicker, "plain")], KICKER_PT, accent, lang, bold=True)
    size = COVER_PT if slide.cover else TITLE_PT
    fill(title.text_frame, [Paragraph(slide.title, "plain")], size, accent, lang, bold=True)
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM if slide.cover else MSO_ANCHOR.TOP
    body.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    fill(body.text_frame, slide.body, BODY_PT, ink, lang)
    if slide.figure:
        body.element.getparent().remove(body.element)
        L = labels()
        names = (L["pareto_count"](lang), L["pareto_cumulative"](lang))
        draw_figure(page, slide.figure, lang, names)
    for line in (*title.text_frame.paragraphs, *body.text_frame.paragraphs):
        line.alignment = PP_ALIGN.LEFT
    if not slide.cover:
        footer(page, name, len(deck.slides), lang)
    if slide.notes:
        page.notes_slide.notes_text_frame.text = slide.notes


def pptx_bytes(
    slides: Sequence[Slide], name: str, title: str, author: str, lang: str, when: datetime
) -> bytes:
    """The deck as .pptx bytes, the same bytes for the same slides and date."""
    deck = template()
    for slide in slides:
        draw(deck, slide, name, lang)
    props = deck.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.language, props.revision = lang, 1
    props.created = props.modified = props.last_printed = when
    raw = io.BytesIO()
    deck.save(raw)
    return reproducible_zip(raw.getvalue(), when)


def reproducible_zip(data: bytes, when: datetime) -> bytes:
    """The same zip with fixed entry dates (python-pptx stamps the current time), and so the
    workbook inside a chart (whose properties XlsxWriter dates with the clock)."""
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for entry in old.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            body = old.read(entry)
            if entry.filename.endswith(".xlsx"):
                body = reproducible_zip(body, when)
            elif entry.filename == "docProps/core.xml":
                body = CLOCK.sub(f"{when.isoformat(timespec='seconds')}Z".encode(), body)
            new.writestr(fixed, body)
    return out.getvalue()


def build_time() -> datetime:
    """The deck's dates: the build's SOURCE_DATE_EPOCH (the last commit), not the clock."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), 315532800)  # zip starts 1980
    return datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)


def render_decks(project: Project, cache_dir: Path) -> list[Rendered]:
    """Every deck in both languages, from the cache where its slides are unchanged."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    drawing = ("slides.py", "figures.py", "deck.py", "deck_style.py", "deck_figures.py")
    code = b"".join((Path(__file__).parent / f).read_bytes() for f in drawing)
    when, layout = build_time(), hashlib.sha256(code).hexdigest()  # the plan and the drawing
    found: list[Rendered] = []
    for item in deck_printables(project):
        for lang in LANGUAGES:
            author = project.programme.title(lang)
            course, steps = item.context["course"], project.five_r.steps
            slides = plan(course, item.group, lang, project.programme.title, steps)
            title = f"{item.title(lang)} · {item.group(lang)}"
            inputs = f"{ENGINE}\n{layout}\n{when.isoformat()}\n{title}\n{slides!r}"
            target = cache_dir / f"{hashlib.sha256(inputs.encode()).hexdigest()[:32]}.pptx"
            if cached_slides(target) != len(slides):
                data = pptx_bytes(slides, item.group(lang), title, author, lang, when)
                write_atomic(target, data)
            found.append(Rendered(item, lang, target, len(slides), target.stat().st_size))
    used = {r.file for r in found}
    for stale in cache_dir.iterdir():
        if stale not in used:
            stale.unlink()
    return found
