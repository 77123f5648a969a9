"""Slides (planned in slides.py) drawn as an editable 16:9 .pptx with python-pptx: Arial,
titles 36 pt and body text 24 pt, never shrunk; a teal rule, the module's name and a slide
number field on every slide but the cover; trainer notes in the notes pane. Decks are cached
under a hash of their plan and this code, and the same slides give the same bytes (fixed
dates)."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.base import BaseShape
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from .catalogue import Rendered
from .fields import LANGUAGES
from .model import Project
from .pdf import write_atomic
from .slides import INLINE, Paragraph, Slide, cached_slides, deck_printables, plan

ENGINE = f"python-pptx-{version('python-pptx')}"

FONT = "Arial"  # on every PowerPoint; LibreOffice on Debian draws it as Liberation Sans or DejaVu
TEAL = RGBColor(0x00, 0x69, 0x5C)  # the site's teal, darker: 6.9:1 against white
INK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x4A, 0x4A, 0x4A)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
TITLE_PT, COVER_PT, BODY_PT, KICKER_PT, FOOTER_PT = 36, 44, 24, 20, 14
WIDTH, HEIGHT, MARGIN = Inches(13.333), Inches(7.5), Inches(0.6)
INNER = Emu(WIDTH - 2 * MARGIN)
LANGUAGE_IDS = {"id": MSO_LANGUAGE_ID.INDONESIAN, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
ROW_HANG = Inches(2.2)  # a schedule row's title starts here, after its clock times
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


def fill(
    frame: TextFrame,
    paragraphs: Sequence[Paragraph],
    size: int,
    color: RGBColor,
    lang: str,
    bold: bool = False,
) -> None:
    """Text into a frame, never shrunk: Markdown **bold**, *italic* and `code` as runs."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for n, paragraph in enumerate(paragraphs):
        line = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        if paragraph.style != "bullet":
            hang = str(ROW_HANG if paragraph.style == "row" else 0)
            properties = line._p.get_or_add_pPr()
            properties.set("marL", hang)
            properties.set("indent", f"-{hang}" if hang != "0" else "0")
            properties.append(properties.makeelement(qn("a:buNone"), {}))
        line.space_before = Pt(0 if n == 0 else 8)
        for piece in filter(None, INLINE.split(paragraph.text)):
            marked = INLINE.fullmatch(piece) is not None
            run = line.add_run()
            run.text = piece.strip("*`") if marked else piece
            font = run.font
            strong = paragraph.style == "meta"
            font.name, font.size, font.color.rgb = FONT, Pt(size), TEAL if strong else color
            font.bold = bold or strong or piece.startswith("**")
            font.italic = marked and piece.startswith("*") and not piece.startswith("**")
            font.language_id = LANGUAGE_IDS[lang]


def box(page: PptxSlide, name: str, top: float, height: float) -> TextFrame:
    shape = page.shapes.add_textbox(MARGIN, Inches(top), INNER, Inches(height))
    shape.name = name
    return shape.text_frame


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
    """The same zip with fixed entry dates (python-pptx stamps the current time)."""
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for entry in old.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(fixed, old.read(entry))
    return out.getvalue()


def build_time() -> datetime:
    """The deck's dates: the build's SOURCE_DATE_EPOCH (the last commit), not the clock."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), 315532800)  # zip starts 1980
    return datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)


def render_decks(project: Project, cache_dir: Path) -> list[Rendered]:
    """Every deck in both languages, from the cache where its slides are unchanged."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    code = b"".join((Path(__file__).parent / f).read_bytes() for f in ("slides.py", "deck.py"))
    when, layout = build_time(), hashlib.sha256(code).hexdigest()  # the plan and the drawing
    found: list[Rendered] = []
    for item in deck_printables(project):
        for lang in LANGUAGES:
            author = project.programme.title(lang)
            slides = plan(item.context["course"], item.group, lang, author)
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
