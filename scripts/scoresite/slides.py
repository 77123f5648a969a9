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
from typing import Any, Literal

from markupsafe import Markup

from .catalogue import TEMPLATES, Printable, labels, module_name, session_number, url
from .fields import LANGUAGES, Translated
from .figures import WORD, Figure, figure, ink_on, shade
from .model import POSTER_KINDS, Module, Project, Step
from .render import clock
from .schedule import Slot, run_sheet, timetable

# What fits the body box at deck.BODY_PT, in quarter lines: Arial sets 65-75 characters a line
# after word wrap (62 is safe), 12 lines fit; a paragraph costs its lines and a quarter line.
CHARS_PER_LINE, ROOM = 62, 46
WORDS, SHORT = 40, 30  # most words of body on a slide; of one paragraph's short form
Style = Literal["bullet", "plain", "meta", "row"]
INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(A-Z0-9])")


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
    figure: Figure | None = None

    def words(self) -> int:
        """Words of body a reader sees (not the kicker, title or footer)."""
        shown = sum(words(p.text) for p in self.body)
        return shown + (self.figure.words() if self.figure else 0)


@dataclass(frozen=True)
class Part:
    """A slide before it is paginated: its head (kicker, title, notes, figure) and its body,
    each paragraph with what it adds to the notes (its whole text where the slide shows less)."""

    head: Slide
    body: tuple[Paragraph, ...] = ()
    said: tuple[str, ...] = ()


def words(text: str) -> int:
    return len(WORD.findall(text))


def cost(text: str) -> int:
    """Room a paragraph takes in the body box, in quarter lines: its lines (estimated from its
    length) and the space before it."""
    return 4 * max(1, math.ceil(len(text) / CHARS_PER_LINE)) + 1


def plain(text: str) -> str:
    """Markdown signs dropped, for the notes pane."""
    return "".join(p.strip("*`") if INLINE.fullmatch(p) else p for p in INLINE.split(text))


def short(text: str, limit: int = SHORT) -> str:
    """A paragraph's slide form: its first sentence, cut after a comma or at `limit` words."""
    first = SENTENCE_END.split(text.strip())[0]
    tokens = first.split()
    if len(tokens) > limit:
        head = " ".join(tokens[:limit])
        clause = max(head.rfind(", "), head.rfind("; "), head.rfind(": "))
        first = (head[:clause] if clause > len(head) // 2 else head).rstrip(",;:") + " …"
    balanced = first.count("**") % 2 == 0 and first.count("`") % 2 == 0
    return first if balanced else plain(first)


def fits(pages: Sequence[Sequence[Paragraph]]) -> bool:
    """Every language's share of a slide within its words and room."""
    return all(
        sum(words(p.text) for p in page) <= WORDS and sum(cost(p.text) for p in page) <= ROOM
        for page in pages
    )


def page_sizes(bodies: Sequence[Sequence[Paragraph]]) -> list[int]:
    """How many paragraphs go on each slide, the same in every language (`bodies`, one per
    language, paragraph for paragraph): as few slides as fit them all, shared out evenly
    (three and three rather than five and one)."""
    count = len(bodies[0])
    greedy: list[int] = []
    start = 0
    while start < count:
        size = 1
        while start + size < count and fits([b[start : start + size + 1] for b in bodies]):
            size += 1
        greedy.append(size)
        start += size
    if len(greedy) < 2:
        return greedy or [0]
    even = [count // len(greedy) + (n < count % len(greedy)) for n in range(len(greedy))]
    edges = [sum(even[:n]) for n in range(len(even) + 1)]
    spread = all(fits([b[a:z] for b in bodies]) for a, z in zip(edges, edges[1:], strict=False))
    return even if spread else greedy


def notes(*sections: tuple[str, Sequence[str]]) -> str:
    parts = [
        "\n".join([heading, *(f"- {plain(t)}" for t in texts)])
        for heading, texts in sections
        if texts
    ]
    return "\n\n".join(parts)


def continued(part: Part, sizes: Sequence[int], first: int, lang: str) -> list[Slide]:
    """One slide per page of body; the head's notes on the first, 'continued from' on the
    others, and on each the whole text of what it shows shortened."""
    L = labels()
    more, back = L["continued"](lang), L["continued_from"](lang).format(n=first)
    slides, start = [], 0
    for n, size in enumerate(sizes):
        page, said = (
            part.body[start : start + size],
            [s for s in part.said[start : start + size] if s],
        )
        start += size
        head = part.head.notes if n == 0 else back
        slides.append(
            Slide(
                kicker=part.head.kicker if n == 0 else f"{part.head.kicker} ({more})",
                title=part.head.title,
                body=page,
                notes="\n".join([head, *(f"- {plain(text)}" for text in said)]).strip(),
                cover=part.head.cover,
                figure=part.head.figure,
            )
        )
    return slides


def items(
    texts: Sequence[Translated], lang: str, whole: bool = False
) -> tuple[list[Paragraph], list[str]]:
    """Bullets in their short form; the whole text for the notes where it is shortened (or
    always, when `whole`)."""
    shown = [Paragraph(short(t(lang))) for t in texts]
    said = [t(lang) if whole or short(t(lang)) != t(lang) else "" for t in texts]
    return shown, said


def parts(
    course: Module, name: Translated, lang: str, programme: str, steps: Sequence[Step]
) -> list[Part]:
    """Every slide of a deck before pagination, in one language: the cover, the objectives,
    the day's schedule, then each session's slides."""
    L = labels()
    slots = timetable(course)
    sessions = [s for s in slots if s.session]
    cover = f"{len(sessions)} {L['sessions'](lang).lower()} · "
    cover += f"{clock(slots[0].start, lang)}–{clock(slots[-1].end, lang)}"
    welcome = f"{L['notes_cover'](lang)}\n{plain(course.summary(lang))}"
    head = Slide(kicker=programme, title=name(lang), notes=welcome, cover=True)
    deck = [Part(head, (Paragraph(cover, "plain"),), ("",))]
    goals, said = items(course.objectives, lang)
    head = Slide(name(lang), L["objectives"](lang), notes=L["notes_objectives"](lang))
    deck.append(Part(head, tuple(goals), tuple(said)))
    agenda = [
        Paragraph(f"{clock(s.start, lang)}–{clock(s.end, lang)}\t{s.title(lang)}", "row")
        for s in slots
    ]
    head = Slide(name(lang), L["schedule"](lang), notes=L["notes_schedule"](lang))
    deck.append(Part(head, tuple(agenda), ("",) * len(agenda)))
    for number, slot in enumerate(sessions, start=1):
        deck += session_parts(course, number, slot, lang, steps)
    return deck


def session_parts(
    course: Module, number: int, slot: Slot, lang: str, steps: Sequence[Step]
) -> list[Part]:
    """A session's slides: its time and objectives, its key points, its diagrams and one
    slide per activity."""
    L = labels()
    session = slot.session
    assert session
    tag = f"{L['session'](lang)} {session_number(course, number)}"
    minutes = L["minutes_short"](lang)
    when = f"{clock(slot.start, lang)}–{clock(slot.end, lang)} · {session.minutes} {minutes}"
    trainer = (L["trainer_notes"](lang), [t(lang) for t in session.trainer_notes])
    kit = notes(trainer, (L["materials"](lang), [m(lang) for m in session.materials]))
    goals, said = items(session.objectives, lang)
    intro = [Paragraph(L["objectives_intro"](lang), "plain"), *goals]
    head = Slide(f"{tag} · {when}", session.title(lang), notes=kit or L["notes_session"](lang))
    found = [Part(head, tuple(intro), ("", *said))]
    points, said = items(session.key_points, lang, whole=True)
    kicker = f"{tag} · {L['key_points'](lang)}"
    found.append(
        Part(
            Slide(kicker, session.title(lang), notes=L["key_points"](lang)),
            tuple(points),
            tuple(said),
        )
    )
    for diagram in session.diagrams:
        drawn = figure(diagram, course, steps, lang)
        note = plain(diagram.note(lang))
        found.append(Part(Slide(kicker, diagram.title(lang), notes=note, figure=drawn)))
    run = run_sheet(session, slot.start)
    for n, step in enumerate(run, start=1):
        found.append(activity_part(f"{tag} · {L['activity'](lang)} {n}/{len(run)}", step, lang))
    return found


def activity_part(kicker: str, step: Slot, lang: str) -> Part:
    """An activity's slide: its time, length and method, and its instructions in short; the
    trainer notes and the whole instructions in the notes."""
    L = labels()
    activity = step.activity
    assert activity
    method = L["methods"][activity.method](lang)
    meta = f"{clock(step.start, lang)}–{clock(step.end, lang)} · "
    meta += f"{activity.minutes} {L['minutes_short'](lang)} · {method}"
    told = activity.instructions(lang)
    said = [activity.trainer_notes(lang)] if activity.trainer_notes else []
    spoken = notes((L["trainer_notes"](lang), said), (L["instructions"](lang), [told]))
    body = (Paragraph(meta, "meta"), Paragraph(short(told), "plain"))
    return Part(Slide(kicker, activity.title(lang), notes=spoken), body, ("", ""))


def plan(
    course: Module, name: Translated, lang: str, programme: Translated, steps: Sequence[Step] = ()
) -> list[Slide]:
    """Every slide of a deck, as text: the pure part, and the cache key. Each part takes as
    many slides in every language, so the decks stay slide for slide alike."""
    every = {other: parts(course, name, other, programme(other), steps) for other in LANGUAGES}
    deck: list[Slide] = []
    for n, part in enumerate(every[lang]):
        sizes = page_sizes([every[other][n].body for other in LANGUAGES])
        deck += continued(part, sizes, len(deck) + 1, lang)
    return deck


def three_to_a_page(count: int) -> list[range]:
    """A handout's pages, three slides each; never one slide alone (the last two pages then
    take two each)."""
    starts = list(range(0, count, 3))
    if count % 3 == 1 and count > 1:
        starts[-1] -= 1
    return [range(a, z) for a, z in zip(starts, [*starts[1:], count], strict=True)]


def deck_context(course: Module, project: Project, lang: str) -> dict[str, Any]:
    """What slide.html draws a deck with (the presentation and the handout): its slides and
    name, the diagrams' colours and the Pareto chart's series names."""
    name, L = module_name(course), labels()
    css = (TEMPLATES / "print" / "slide.css").read_text(encoding="utf-8")
    return {
        "slides": plan(course, name, lang, project.programme.title, project.five_r.steps),
        "name": name(lang),
        "slide_css": Markup(css),
        "shade": shade,
        "ink_on": ink_on,
        "pareto_names": (L["pareto_count"](lang), L["pareto_cumulative"](lang)),
        "handout_pages": three_to_a_page,
        "poster_kinds": POSTER_KINDS,
    }


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
