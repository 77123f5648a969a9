"""Slide decks for trainers: model → plan of slides (here) → editable 16:9 .pptx (deck.py).

One deck per module (or any course with sessions) and language: a title slide, the
objectives and the day's schedule, then per session a slide with its time and objectives,
its key points and one slide per activity. Lists too long for a slide continue on the next
one rather than shrink. Trainer notes go to the notes pane only; quiz answers nowhere.
Decks are cached under a hash of their plan and written byte-identically (fixed dates).
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .catalogue import Printable, labels, module_name, session_number, url
from .fields import Translated
from .model import Module, Project
from .render import clock
from .schedule import run_sheet, timetable

# What fits the body box at deck.BODY_PT, in quarter lines: Arial sets 65-75 characters a line
# after word wrap (62 is safe), 12 lines fit; a paragraph costs its lines and a quarter line.
CHARS_PER_LINE, ROOM = 62, 46
Style = Literal["bullet", "plain", "meta", "row"]
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


def cost(text: str) -> int:
    """Room a paragraph takes in the body box, in quarter lines: its lines (estimated from its
    length) and the space before it."""
    return 4 * max(1, math.ceil(len(text) / CHARS_PER_LINE)) + 1


def split_long(paragraph: Paragraph) -> list[Paragraph]:
    """A paragraph longer than a slide, cut at sentence ends."""
    if cost(paragraph.text) <= ROOM:
        return [paragraph]
    parts = re.split(r"(?<=[.!?;:])\s+", paragraph.text)
    return [Paragraph(p, paragraph.style) for p in parts if p]


def pack(paragraphs: Sequence[Paragraph]) -> list[tuple[Paragraph, ...]]:
    """As many paragraphs on each slide as fit."""
    pages: list[list[Paragraph]] = [[]]
    used = 0
    for paragraph in paragraphs:
        need = cost(paragraph.text)
        if pages[-1] and used + need > ROOM:
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
        share = math.ceil(sum(cost(p.text) for p in rest) / max(1, len(fewest) - len(pages)))
        page = [rest.pop(0)]
        used = cost(page[0].text)
        while rest and used < share and used + cost(rest[0].text) <= ROOM:
            used += cost(rest[0].text)
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
