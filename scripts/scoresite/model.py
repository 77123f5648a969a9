"""The typed content model: what each YAML file may hold.

Every human-readable field is `Text`: one plain string (the same in both languages) or
`{id: …, en: …}`. Ids are safe slugs, so they can become file names and URLs.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    model_validator,
)
from pydantic_core import PydanticCustomError

LANGUAGES = ("id", "en")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


class Strictly(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Translated(Strictly):
    id: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


def type_name(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _to_text(value: Any) -> Translated:
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("empty", "text is empty")
        return Translated(id=value.strip(), en=value.strip())
    if not isinstance(value, dict):
        raise PydanticCustomError("text", "expected text", {"got": type_name(value)})
    for key in value:
        if key not in LANGUAGES:
            raise PydanticCustomError("translation_unknown", "unknown language", {"key": key})
    for lang in LANGUAGES:
        text = value.get(lang)
        if text is None or (isinstance(text, str) and not text.strip()):
            raise PydanticCustomError("translation_missing", "missing translation", {"lang": lang})
        if not isinstance(text, str):
            raise PydanticCustomError("text", "expected text", {"got": type_name(text)})
    return Translated(id=value["id"].strip(), en=value["en"].strip())


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise PydanticCustomError("slug", "not a safe id", {"value": value})
    return value


def _clock(value: str) -> str:
    if not CLOCK.match(value):
        raise PydanticCustomError("clock", "not a time of day", {"value": value})
    return value


Text = Annotated[Translated, BeforeValidator(_to_text, json_schema_input_type=str | Translated)]
Texts = Annotated[list[Text], Field(min_length=1)]
Slug = Annotated[str, Strict(), AfterValidator(_slug)]
Clock = Annotated[str, Strict(), AfterValidator(_clock)]
Minutes = Annotated[int, Strict(), Field(gt=0, le=600)]
Name = Annotated[str, Strict(), Field(min_length=1)]

Method = Literal[
    "presentation",
    "discussion",
    "group_work",
    "exercise",
    "demonstration",
    "role_play",
    "game",
    "factory_walk",
    "quiz",
    "reflection",
]


class Box(Strictly):
    kind: Literal["box"]
    label: Text
    lines: Annotated[int, Strict(), Field(ge=1, le=30)] = 4


Weight = Annotated[int, Strict(), Field(ge=1, le=9)]


class Table(Strictly):
    """Columns to write in. `widths` (one number per column, e.g. [3, 1, 1]) shares out the
    width when the widths guessed from the headers do not fit; `row_labels` pre-prints the
    first column, one row per label. A first column "No." is left blank to number by hand."""

    kind: Literal["table"]
    label: Text
    columns: Texts
    rows: Annotated[int, Strict(), Field(ge=1, le=40)] = 5
    widths: list[Weight] | None = None
    row_labels: list[Text] | None = None

    @model_validator(mode="after")
    def _shape(self) -> Table:
        if self.widths is not None and len(self.widths) != len(self.columns):
            raise PydanticCustomError(
                "table_shape",
                "widths has {got} numbers for {want} columns; give one number per column",
                {"got": len(self.widths), "want": len(self.columns)},
            )
        if self.row_labels and "rows" in self.model_fields_set:
            raise PydanticCustomError(
                "table_shape", "rows and row_labels both given; keep row_labels only", {}
            )
        return self

    @property
    def printed_rows(self) -> list[Translated | None]:
        """One entry per printed row: its pre-printed label, or None."""
        return list(self.row_labels) if self.row_labels else [None] * self.rows


class Checklist(Strictly):
    kind: Literal["checklist"]
    label: Text
    items: Texts


WorksheetField = Annotated[Box | Table | Checklist, Field(discriminator="kind")]


class Worksheet(Strictly):
    id: Slug
    title: Text
    purpose: Text
    instructions: Texts
    example: Text | None = None
    fields: Annotated[list[WorksheetField], Field(min_length=1)]


class Activity(Strictly):
    title: Text
    method: Method
    minutes: Minutes
    instructions: Text
    trainer_notes: Text | None = None


class Session(Strictly):
    id: Slug
    title: Text
    minutes: Minutes
    objectives: Texts
    key_points: Texts
    materials: Texts
    activities: Annotated[list[Activity], Field(min_length=1)]
    worksheets: list[Slug] = []
    terms: list[Slug] = []
    trainer_notes: list[Text] = []


class Break(Strictly):
    after: Slug
    minutes: Minutes
    title: Text


class Schedule(Strictly):
    start: Clock
    breaks: list[Break] = []


class Question(Strictly):
    question: Text
    options: Annotated[list[Text], Field(min_length=2, max_length=5)]
    answer: Annotated[int, Strict()]
    explanation: Text


class FollowUp(Strictly):
    actions: Texts
    coach_checks: Texts


class Module(Strictly):
    id: Slug
    number: Annotated[int, Strict(), Field(ge=1, le=99)]
    title: Text
    summary: Text
    audience: Texts
    prerequisites: list[Slug] = []
    objectives: Texts
    schedule: Schedule
    sessions: Annotated[list[Session], Field(min_length=1)]
    worksheets: list[Worksheet] = []
    quiz: Annotated[list[Question], Field(min_length=1)]
    follow_up: FollowUp


class Criterion(Strictly):
    id: Slug
    text: Text
    scores: dict[Annotated[int, Strict()], Text]


class Examples(Strictly):
    weaving: Texts
    metal: Texts


class Step(Strictly):
    id: Slug
    name: Name
    japanese: Name
    english: Name
    meaning: Text
    why: Text
    how: Texts
    examples: Examples
    criteria: Annotated[list[Criterion], Field(min_length=1)]
    terms: list[Slug] = []


class FiveR(Strictly):
    title: Text
    summary: Text
    steps: Annotated[list[Step], Field(min_length=1)]


class Term(Strictly):
    id: Slug
    term: Text
    expansion: Text | None = None
    definition: Text


class Glossary(Strictly):
    terms: Annotated[list[Term], Field(min_length=1)]


class Section(Strictly):
    title: Text
    paragraphs: Texts


class Stage(Strictly):
    title: Text
    text: Text


class Programme(Strictly):
    title: Text
    summary: Text
    version: Name
    sections: list[Section] = []
    delivery: Annotated[list[Stage], Field(min_length=1)]
    five_r_cycle: Annotated[list[Stage], Field(min_length=1)]
    worksheets: list[Worksheet] = []


class Project(Strictly):
    """All content, checked: the one thing the renderers read."""

    programme: Programme
    modules: list[Module]
    five_r: FiveR
    glossary: Glossary

    def module(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)


class Slot(BaseModel):
    """One line of a timetable: a session, an activity or a break, with clock minutes."""

    start: int
    end: int
    title: Translated
    session: Session | None = None
    activity: Activity | None = None


def timetable(module: Module) -> list[Slot]:
    """The module's day: sessions and breaks one after another from the schedule's start."""
    hours, minutes = module.schedule.start.split(":")
    clock = int(hours) * 60 + int(minutes)
    breaks = {b.after: b for b in module.schedule.breaks}
    slots = []
    for session in module.sessions:
        slots.append(
            Slot(start=clock, end=clock + session.minutes, title=session.title, session=session)
        )
        clock += session.minutes
        if session.id in breaks:
            pause = breaks[session.id]
            slots.append(Slot(start=clock, end=clock + pause.minutes, title=pause.title))
            clock += pause.minutes
    return slots


def run_sheet(session: Session, start: int) -> list[Slot]:
    """The session's activities with their clock times, starting at `start` minutes."""
    slots = []
    for activity in session.activities:
        slots.append(
            Slot(start=start, end=start + activity.minutes, title=activity.title, activity=activity)
        )
        start += activity.minutes
    return slots


def sessions_using(module: Module, worksheet_id: str) -> list[tuple[int, Session]]:
    """The sessions (with their number in the module) that hand out a worksheet."""
    return [
        (number, session)
        for number, session in enumerate(module.sessions, start=1)
        if worksheet_id in session.worksheets
    ]
