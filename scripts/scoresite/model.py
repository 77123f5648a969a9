"""The typed content model: what each YAML file may hold, built from the field types of
fields.py (`Text`, `Slug`, `Clock`…).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    Strict,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .fields import (
    Clock,
    Minutes,
    Name,
    Slug,
    Strictly,
    Text,
    Texts,
    Translated,
    term_without_signs,
)

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
    width when the widths guessed from the headers do not fit. A first column "No." gets the
    row numbers printed; "No. something" (a cross-reference) is left blank to write in."""

    kind: Literal["table"]
    label: Text
    columns: Texts
    rows: Annotated[int, Strict(), Field(ge=1, le=40)] = 5
    widths: list[Weight] | None = None
    # printed in the first column of the first rows (e.g. the indicators of a KPI sheet)
    row_labels: list[Text] = []
    # printed small and grey in the cells of the first rows, one list per row, one hint per
    # column after the first (e.g. a risk matrix's score and level: "6 · tinggi")
    cells: list[list[Text]] = []

    @model_validator(mode="after")
    def _shape(self) -> Table:
        if len(self.row_labels) > self.rows:
            raise PydanticCustomError(
                "row_labels",
                "{count} row labels but only {rows} rows; set `rows:` to at least {count}",
                {"count": len(self.row_labels), "rows": self.rows},
            )
        if len(self.cells) > self.rows:
            raise PydanticCustomError(
                "table_shape",
                "{count} rows of cells but only {rows} rows; set `rows:` to at least {count}",
                {"count": len(self.cells), "rows": self.rows},
            )
        for row in self.cells:
            if len(row) != len(self.columns) - 1:
                raise PydanticCustomError(
                    "table_shape",
                    "each row of `cells` needs one hint per column after the first ({want}); "
                    "this row has {got}",
                    {"got": len(row), "want": len(self.columns) - 1},
                )
        if self.widths is not None and len(self.widths) != len(self.columns):
            raise PydanticCustomError(
                "table_shape",
                "widths has {got} numbers for {want} columns; give one number per column",
                {"got": len(self.widths), "want": len(self.columns)},
            )
        return self

    @property
    def printed_rows(self) -> list[Translated | None]:
        """One entry per printed row: its pre-printed label, or None."""
        return [*self.row_labels, *[None] * (self.rows - len(self.row_labels))]


class Checklist(Strictly):
    kind: Literal["checklist"]
    label: Text
    items: Texts
    # the SCORE modules of modules/ ticked before `items` (after-first: all but Module 1)
    modules: Literal["all", "after-first"] | None = None


WorksheetField = Annotated[Box | Table | Checklist, Field(discriminator="kind")]


class Worksheet(Strictly):
    id: Slug
    title: Text
    purpose: Text
    instructions: Texts
    example: Text | None = None
    fields: Annotated[list[WorksheetField], Field(min_length=1)]
    # "cards": small cards, several to an A4 sheet with cut lines (e.g. the red-tag card)
    layout: Literal["sheet", "cards"] = "sheet"


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


class Opening(Strictly):
    """Registration and opening remarks before the first session."""

    minutes: Minutes
    title: Text


class Schedule(Strictly):
    start: Clock
    opening: Opening | None = None
    breaks: list[Break] = []


class Question(Strictly):
    question: Text
    options: Annotated[list[Text], Field(min_length=2, max_length=5)]
    answer: Annotated[int, Strict()]
    explanation: Text


class FollowUp(Strictly):
    actions: Texts
    coach_checks: Texts


class Reference(Strictly):
    """A legal point for trainers only: the statement, its regulation, and where it was checked."""

    statement: Text
    regulation: Name
    article: Name | None = None
    checked: Text


class Module(Strictly):
    """A SCORE module (`number: 1`) or a workshop run the same way (`label: Lokakarya 5R`)."""

    id: Slug
    number: Annotated[int, Strict(), Field(ge=1, le=99)] | None = None
    label: Text | None = None
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
    references: list[Reference] = []

    @model_validator(mode="after")
    def _number_or_label(self) -> Module:
        if (self.number is None) == (self.label is None):
            raise PydanticCustomError(
                "number_or_label",
                "a module has either `number:` (a SCORE module) or `label:` (a workshop), "
                "not both and not neither; write one of them",
            )
        return self


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
    term: Annotated[Text, AfterValidator(term_without_signs)]
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
    # course paperwork: attendance, registration, evaluation, test answer sheets
    administration: list[Worksheet] = []


class Project(Strictly):
    """All content, checked: the one thing the renderers read."""

    programme: Programme
    modules: list[Module]
    five_r: FiveR
    glossary: Glossary
    participants: list[str] = []  # names for the certificates, from modules/peserta.csv

    def module(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)
