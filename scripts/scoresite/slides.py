"""Slide decks for trainers: model → plan of slides → editable 16:9 .pptx (python-pptx).

One deck per module (or any course with sessions) and language: a title slide, the
objectives and the day's schedule, then per session a slide with its time and objectives,
its key points and one slide per activity. Lists too long for a slide continue on the next
one rather than shrink. Trainer notes go to the notes pane only; quiz answers nowhere.
Decks are cached under a hash of their plan and written byte-identically (fixed dates).
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

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

from .model import LANGUAGES, Module, Project, Translated, run_sheet, timetable
from .pdf import write_atomic
from .render import Printable, Rendered, clock, labels, module_name, session_number, url

ENGINE = "python-pptx-1.0.2"
FONT = "Arial"  # on every PowerPoint; LibreOffice on Debian draws it as Liberation Sans or DejaVu
TEAL = RGBColor(0x00, 0x69, 0x5C)  # the site's teal, darker: 6.9:1 against white
INK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x4A, 0x4A, 0x4A)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
TITLE_PT, COVER_PT, BODY_PT, KICKER_PT, FOOTER_PT = 36, 44, 24, 20, 14
# What fits the body box at BODY_PT: Arial sets ~80 characters a line, fewer after word wrap;
# 12 lines fit, 10 leave room for the gaps between paragraphs and a two-line title.
CHARS_PER_LINE, LINES_PER_SLIDE = 70, 10
WIDTH, HEIGHT, MARGIN = Inches(13.333), Inches(7.5), Inches(0.6)
INNER = Emu(WIDTH - 2 * MARGIN)
LANGUAGE_IDS = {"id": MSO_LANGUAGE_ID.INDONESIAN, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
ROW_HANG = Inches(2.2)  # a schedule row's title starts here, after its clock times
Style = Literal["bullet", "plain", "meta", "row"]
SLIDE_NUMBER_ID = "{5C6F1A2B-0D3E-4F5A-8B9C-0D1E2F3A4B5C}"  # any fixed GUID
INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`)")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a slide: a bullet, plain text, an activity's time line (`meta`) or a
    schedule row (`row`: "time<TAB>title", wrapped lines under the title)."""

    text: str
    style: Style = "bullet"


@dataclass(frozen=True)
class Slide:
    kicker: str
    title: str
    body: tuple[Paragraph, ...] = ()
    notes: str = ""
    cover: bool = False


def lines(text: str) -> int:
    """Lines a paragraph takes in the body box, estimated from its length."""
    return max(1, math.ceil(len(text) / CHARS_PER_LINE))


def split_long(paragraph: Paragraph) -> list[Paragraph]:
    """A paragraph longer than a slide, cut at sentence ends."""
    if lines(paragraph.text) <= LINES_PER_SLIDE:
        return [paragraph]
    parts = re.split(r"(?<=[.!?;:])\s+", paragraph.text)
    return [Paragraph(p, paragraph.style) for p in parts if p]


def pack(paragraphs: Sequence[Paragraph]) -> list[tuple[Paragraph, ...]]:
    """As many paragraphs on each slide as fit."""
    pages: list[list[Paragraph]] = [[]]
    used = 0
    for paragraph in paragraphs:
        need = lines(paragraph.text)
        if pages[-1] and used + need > LINES_PER_SLIDE:
            pages.append([])
            used = 0
        pages[-1].append(paragraph)
        used += need
    return [tuple(page) for page in pages]


def paginate(paragraphs: Sequence[Paragraph]) -> list[tuple[Paragraph, ...]]:
    """Paragraphs in slide-sized groups, in order: a long list continues on as few slides as
    it needs, shared out evenly (three and three rather than five and one)."""
    rest = [p for whole in paragraphs for p in split_long(whole)]
    fewest = pack(rest)
    pages: list[tuple[Paragraph, ...]] = []
    while rest:
        share = math.ceil(sum(lines(p.text) for p in rest) / max(1, len(fewest) - len(pages)))
        page = [rest.pop(0)]
        used = lines(page[0].text)
        while rest and used < share and used + lines(rest[0].text) <= LINES_PER_SLIDE:
            used += lines(rest[0].text)
            page.append(rest.pop(0))
        pages.append(tuple(page))
    return pages if len(pages) == len(fewest) else fewest


def continued(slide: Slide, pages: list[tuple[Paragraph, ...]], lang: str) -> list[Slide]:
    """One slide per page of body; notes on the first, '(continued)' on the others."""
    more = labels()["continued"](lang)
    return [
        Slide(
            kicker=slide.kicker if n == 0 else f"{slide.kicker} ({more})",
            title=slide.title,
            body=page,
            notes=slide.notes if n == 0 else "",
        )
        for n, page in enumerate(pages)
    ]


def plain(text: str) -> str:
    """Markdown signs dropped, for the notes pane."""
    return "".join(p.strip("*`") if INLINE.fullmatch(p) else p for p in INLINE.split(text))


def notes(*sections: tuple[str, Sequence[Translated]], lang: str) -> str:
    parts = [
        "\n".join([heading, *(f"- {plain(t(lang))}" for t in texts)])
        for heading, texts in sections
        if texts
    ]
    return "\n\n".join(parts)


def plan(course: Module, name: Translated, lang: str, programme: str) -> list[Slide]:
    """Every slide of a deck, as text: the pure part, and the cache key."""
    L = labels()
    slots = timetable(course)
    minutes = L["minutes_short"](lang)
    sessions = [s for s in slots if s.session]
    cover = f"{len(sessions)} {L['sessions'](lang).lower()} · "
    cover += f"{clock(slots[0].start, lang)}–{clock(slots[-1].end, lang)}"
    deck = [
        Slide(kicker=programme, title=name(lang), body=(Paragraph(cover, "plain"),), cover=True)
    ]
    goals = [Paragraph(o(lang)) for o in course.objectives]
    deck += continued(Slide(name(lang), L["objectives"](lang)), paginate(goals), lang)
    agenda = [
        Paragraph(f"{clock(s.start, lang)}–{clock(s.end, lang)}\t{s.title(lang)}", "row")
        for s in slots
    ]
    deck += continued(Slide(name(lang), L["schedule"](lang)), paginate(agenda), lang)
    for number, slot in enumerate(sessions, start=1):
        session = slot.session
        assert session
        tag = f"{L['session'](lang)} {session_number(course, number)}"
        when = f"{clock(slot.start, lang)}–{clock(slot.end, lang)} · {session.minutes} {minutes}"
        trainer = (L["trainer_notes"](lang), session.trainer_notes)
        kit = notes(trainer, (L["materials"](lang), session.materials), lang=lang)
        intro = [Paragraph(L["objectives_intro"](lang), "plain")]
        intro += [Paragraph(o(lang)) for o in session.objectives]
        head = Slide(f"{tag} · {when}", session.title(lang), notes=kit)
        deck += continued(head, paginate(intro), lang)
        points = [Paragraph(k(lang)) for k in session.key_points]
        head = Slide(f"{tag} · {L['key_points'](lang)}", session.title(lang))
        deck += continued(head, paginate(points), lang)
        run = run_sheet(session, slot.start)
        for n, step in enumerate(run, start=1):
            activity = step.activity
            assert activity
            method = L["methods"][activity.method](lang)
            meta = f"{clock(step.start, lang)}–{clock(step.end, lang)} · "
            meta += f"{activity.minutes} {minutes} · {method}"
            body = [Paragraph(meta, "meta"), Paragraph(activity.instructions(lang), "plain")]
            said = [activity.trainer_notes] if activity.trainer_notes else []
            kicker = f"{tag} · {L['activity'](lang)} {n}/{len(run)}"
            said_notes = notes((L["trainer_notes"](lang), said), lang=lang)
            head = Slide(kicker, activity.title(lang), notes=said_notes)
            deck += continued(head, paginate(body), lang)
    return deck


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


def build_time() -> datetime:
    """The deck's dates: the build's SOURCE_DATE_EPOCH (the last commit), not the clock."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), 315532800)  # zip starts 1980
    return datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)


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


def deck_printables(project: Project) -> list[Printable]:
    """One deck per module; a workshop gets one the same way (context `course`)."""
    slides = labels()["slides"]
    return [
        Printable(
            url.slides(m), url.module(m), "slides", "", slides, module_name(m), True, {"course": m}
        )
        for m in project.modules
    ]


def cached_slides(deck: Path) -> int | None:
    """Slides of a cached deck; None when it is missing or not a whole zip."""
    try:
        with zipfile.ZipFile(deck) as package:
            names = package.namelist()
    except (OSError, zipfile.BadZipFile):
        return None
    return sum(1 for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)) or None


def render_decks(project: Project, cache_dir: Path) -> list[Rendered]:
    """Every deck in both languages, from the cache where its slides are unchanged."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    when, layout = build_time(), hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
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
