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

from .coaching_model import Coaching, Milestone
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
from .participants import EVERY_EVENT, Participant

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
    # an unruled frame to stick a photo in, `lines` × 9 mm tall
    photo: Annotated[bool, Strict()] = False


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
    # printed in the first column of the first rows (e.g. "Bulan / tahun")
    row_labels: list[Text] = []
    # KPI ids from programme.yml `kpis:`: the rows after row_labels are these KPIs, labelled
    # with their names and units when the project is loaded (kpis.py)
    kpis: list[Slug] = []
    # printed small and grey in the cells of the first rows, one list per row, one hint per
    # column after the first (e.g. a risk matrix's score and level: "6 · tinggi")
    cells: list[list[Text]] = []

    @model_validator(mode="after")
    def _shape(self) -> Table:
        if len(self.kpis) + len(self.row_labels) > self.rows:
            count = len(self.kpis) + len(self.row_labels)
            raise PydanticCustomError(
                "row_labels",
                "{count} row labels but only {rows} rows; set `rows:` to at least {count}",
                {"count": count, "rows": self.rows},
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


class KpiList(Strictly):
    """The definitions of some KPIs (programme.yml `kpis:`), printed as a table."""

    kind: Literal["kpis"]
    label: Text
    kpis: Annotated[list[Slug], Field(min_length=1)]


class KpiRecap(Strictly):
    """The programme recap: per KPI one small table, a column per enterprise (by number), rows
    for month 0, 3 and 6 and the change against the enterprise's own baseline. Becomes those
    tables on loading."""

    kind: Literal["kpi_recap"]
    kpis: Annotated[list[Slug], Field(min_length=1)]
    enterprises: Annotated[int, Strict(), Field(ge=1, le=10)] = 8


class Numbers(Strictly):
    """The 5R numbers game: the numbers 1 to `count` on a page of their own, scattered at
    random in all sizes and at all angles among `extra` numbers nobody looks for (a cluttered
    workplace), or in order in a grid (the same workplace after Ringkas and Rapi)."""

    kind: Literal["numbers"]
    label: Text
    arrangement: Literal["scattered", "grid"]
    count: Annotated[int, Strict(), Field(ge=9, le=100)] = 49
    extra: Annotated[int, Strict(), Field(ge=0, le=40)] = 0

    @model_validator(mode="after")
    def _extra_only_scattered(self) -> Numbers:
        if self.extra and self.arrangement == "grid":
            raise PydanticCustomError(
                "numbers_extra",
                "`extra` numbers go on a scattered sheet only; remove `extra`, or use "
                "`arrangement: scattered`",
            )
        return self


class Cards(Strictly):
    """Cards to cut out, one per item in large type, two to a row (activities to sort,
    messages to pass on)."""

    kind: Literal["cards"]
    label: Text
    items: Annotated[list[Text], Field(min_length=2, max_length=30)]


WorksheetField = Annotated[
    Box | Table | Checklist | KpiList | KpiRecap | Numbers | Cards, Field(discriminator="kind")
]


class Worksheet(Strictly):
    id: Slug
    title: Text
    purpose: Text
    instructions: Texts
    example: Text | None = None
    fields: Annotated[list[WorksheetField], Field(min_length=1)]
    # "cards": small cards, several to an A4 sheet with cut lines (e.g. the red-tag card)
    # "wall": the fields first, on the front (the sheet pinned up), how to fill it in after
    layout: Literal["sheet", "cards", "wall"] = "sheet"
    # the fields printed at the top: an enterprise's (date, enterprise, team, filled in by),
    # a class's (module, date, venue, trainer), a posted area's (area, owner, photo date,
    # revision) or none (e.g. an anonymous evaluation)
    header: Literal["enterprise", "class", "area", "none"] = "enterprise"
    # the sign-off under the last field: name and signature, the trainer's, or none
    signoff: Literal["name", "trainer", "none"] = "name"


class Activity(Strictly):
    title: Text
    method: Method
    minutes: Minutes
    instructions: Text
    trainer_notes: Text | None = None
    milestone: Milestone | None = None


DiagramKind = Literal[
    "five_r", "flow", "cycle", "ladder", "hierarchy", "matrix", "pareto", "photos"
]
# diagrams that stand on a wall by themselves: a module's posters (not a sample chart, not
# empty photo frames)
POSTER_KINDS = frozenset({"five_r", "flow", "cycle", "ladder", "hierarchy", "matrix"})
Count = Annotated[int, Strict(), Field(ge=0)]
NEEDS_ITEMS = {"flow": 2, "cycle": 3, "ladder": 2, "hierarchy": 2, "pareto": 2, "photos": 1}


class Diagram(Strictly):
    """A drawing on a slide of its own after the session's key points (slides.py), drawn as
    editable shapes in the deck and as HTML in the presentation and handout: `five_r` (the
    steps of 5r.yml), boxes with arrows (`flow`), a loop (`cycle`), rising steps (`ladder`),
    levels from strongest to weakest (`hierarchy`), a risk `matrix` (a worksheet's table with
    `cells`), a `pareto` chart (`items` with their `values`), frames for local `photos`."""

    kind: DiagramKind
    title: Text
    note: Text  # what the trainer says: the slide's notes
    items: Annotated[list[Text], Field(max_length=8)] = []
    values: Annotated[list[Count], Field(max_length=8)] = []
    worksheet: Slug | None = None

    @model_validator(mode="after")
    def _shape(self) -> Diagram:
        least = NEEDS_ITEMS.get(self.kind, 0)
        if len(self.items) < least or (not least and self.items):
            want = f"at least {least}" if least else "no"
            raise PydanticCustomError(
                "diagram_shape",
                "a {kind} diagram takes {want} `items`; this one has {got}",
                {"kind": self.kind, "want": want, "got": len(self.items)},
            )
        if (self.kind == "pareto") != bool(self.values) or (
            self.values and len(self.values) != len(self.items)
        ):
            raise PydanticCustomError(
                "diagram_shape",
                "`values` go with a pareto diagram, one count per item; "
                "give {count} counts (or remove `values`)",
                {"count": len(self.items) if self.kind == "pareto" else 0},
            )
        if (self.kind == "matrix") != (self.worksheet is not None):
            raise PydanticCustomError(
                "diagram_shape",
                "a matrix diagram names the `worksheet` whose table with `cells` it draws; "
                "only a matrix takes `worksheet`",
            )
        return self


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
    diagrams: list[Diagram] = []


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

    def posters(self) -> list[Diagram]:
        """Its sessions' diagrams that make wall posters (POSTER_KINDS), in order."""
        return [d for s in self.sessions for d in s.diagrams if d.kind in POSTER_KINDS]


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


class Kpi(Strictly):
    """One key performance indicator, defined once for every sheet and every enterprise, so
    that figures from many enterprises add up."""

    id: Slug
    name: Text
    unit: Text
    definition: Text  # how the figure is computed, in words
    source: Text  # where the numbers come from (which book or sheet), and who counts them
    better: Literal["up", "down"]
    note: Text | None = None  # how to read a change, e.g. near-miss reports rise at first


class Programme(Strictly):
    title: Text
    summary: Text
    version: Name
    sections: list[Section] = []
    delivery: Annotated[list[Stage], Field(min_length=1)]
    five_r_cycle: Annotated[list[Stage], Field(min_length=1)]
    # the KPI definitions every KPI row on every sheet refers to by id
    kpis: list[Kpi] = []
    worksheets: list[Worksheet] = []
    # course paperwork: attendance, registration, evaluation, test answer sheets
    administration: list[Worksheet] = []


class Project(Strictly):
    """All content, checked: the one thing the renderers read."""

    programme: Programme
    modules: list[Module]
    five_r: FiveR
    glossary: Glossary
    # who the certificates name, by event (participants.py): modules/peserta.csv under "",
    # modules/peserta-<module id>.csv under that id
    participants: dict[str, list[Participant]] = {}
    coaching: Coaching | None = None  # visit plans, from modules/pendampingan.yml (optional)

    def module(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)

    def certified(self, module_id: str) -> list[Participant]:
        """The participants of a module's or workshop's event: its own file's, else those of
        peserta.csv (none: the certificate has lines to write on)."""
        return self.participants.get(module_id) or self.participants.get(EVERY_EVENT, [])
