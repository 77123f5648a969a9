"""The diagrams of a session (`diagrams:` in a module's YAML) as figures for the slide plan:
plain texts and numbers in one language, drawn as shapes by deck.py and as HTML by the
presentation and handout templates. Knows nothing of either drawing."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .catalogue import labels
from .model import Diagram, Module, Step, Table

TEAL = (0x00, 0x69, 0x5C)  # the decks' teal
WORD = re.compile(r"\S*\w\S*")  # a word has a letter or digit: "·" and "–" are not words


@dataclass(frozen=True)
class Figure:
    """What a diagram shows: `items` (with a second line each in `subs`), a Pareto chart's
    `values`, a matrix's `rows`, `cols` and `cells` under its `corner` header; `caption` is
    written in each photo frame."""

    kind: str
    items: tuple[str, ...] = ()
    subs: tuple[str, ...] = ()
    values: tuple[int, ...] = ()
    rows: tuple[str, ...] = ()
    cols: tuple[str, ...] = ()
    cells: tuple[tuple[str, ...], ...] = ()
    corner: str = ""
    caption: str = ""

    def words(self) -> int:
        """Words the figure puts on the slide (a Pareto chart's labels are the chart's)."""
        texts = [*self.subs, *self.rows, *self.cols, *(c for row in self.cells for c in row)]
        texts += [self.corner, *([self.caption] * len(self.items))]
        texts += [] if self.kind == "pareto" else list(self.items)
        return sum(len(WORD.findall(t)) for t in texts)

    def levels(self) -> tuple[float, ...]:
        """How dark each item is drawn (0 white to 1 teal): a ladder darkens as it rises, a
        hierarchy pales from its strongest level, other boxes are teal."""
        count = len(self.items)
        if self.kind == "ladder":
            return tuple((n + 1) / count for n in range(count))
        if self.kind == "hierarchy":
            return tuple(1 - n / count for n in range(count))
        return (0.0 if self.kind == "photos" else 1.0,) * count

    def cell_levels(self) -> tuple[tuple[float, ...], ...]:
        """A matrix's cells, darker as the score each starts with rises."""
        scores = [[score(c) for c in row] for row in self.cells]
        top = max((s for row in scores for s in row), default=0) or 1
        return tuple(tuple(0.6 * s / top for s in row) for row in scores)

    def ring(self) -> tuple[tuple[float, float], ...]:
        """A cycle's box centres round an ellipse, clockwise from the top, in fractions of
        the figure's width and height."""
        count = len(self.items)
        angles = [-math.pi / 2 + 2 * math.pi * n / count for n in range(count)]
        return tuple((0.5 + 0.3 * math.cos(a), 0.5 + 0.36 * math.sin(a)) for a in angles)

    def ring_arrows(self) -> tuple[tuple[float, float, float], ...]:
        """Arrowheads half-way between a cycle's boxes: (x, y, heading in degrees)."""
        count = len(self.items)
        heads = []
        for n in range(count):
            angle = -math.pi / 2 + 2 * math.pi * (n + 0.5) / count
            x, y = 0.5 + 0.3 * math.cos(angle), 0.5 + 0.36 * math.sin(angle)
            heads.append((x, y, math.degrees(angle) + 90))
        return tuple(heads)

    def cumulative(self) -> tuple[float, ...]:
        """A Pareto chart's running share of the total, in percent."""
        total, running, out = sum(self.values) or 1, 0, []
        for value in self.values:
            running += value
            out.append(round(100 * running / total, 1))
        return tuple(out)


def score(cell: str) -> int:
    """The number a matrix cell starts with ("6 · tinggi": 6), else 0."""
    first = cell.split()[0] if cell.split() else ""
    return int(first) if first.isdigit() else 0


def shade(level: float) -> tuple[int, int, int]:
    """Teal (1.0) fading towards white (0.0): a diagram box's fill at that level."""
    red, green, blue = (round(255 - (255 - c) * (0.15 + 0.85 * level)) for c in TEAL)
    return red, green, blue


def ink_on(level: float) -> str:
    """White text on the darker fills, near-black on the paler ones."""
    return "white" if level > 0.5 else "ink"


def grid(module: Module, worksheet: str) -> Table:
    """The table with `cells` of a module's worksheet (validate.py checks that it has one)."""
    sheet = next(w for w in module.worksheets if w.id == worksheet)
    return next(f for f in sheet.fields if isinstance(f, Table) and f.cells)


def figure(diagram: Diagram, module: Module, steps: Sequence[Step], lang: str) -> Figure:
    if diagram.kind == "five_r":
        ours = lang == "id"
        items = tuple(s.name if ours else s.english for s in steps)
        subs = tuple(s.japanese if ours else f"{s.name} · {s.japanese}" for s in steps)
        return Figure("five_r", items, subs)
    if diagram.kind == "matrix":
        table = grid(module, diagram.worksheet or "")
        return Figure(
            "matrix",
            rows=tuple(r(lang) for r in table.row_labels),
            cols=tuple(c(lang) for c in table.columns[1:]),
            cells=tuple(tuple(c(lang) for c in row) for row in table.cells),
            corner=table.columns[0](lang),
        )
    items = tuple(i(lang) for i in diagram.items)
    caption = labels()["add_photo"](lang) if diagram.kind == "photos" else ""
    return Figure(diagram.kind, items, values=tuple(diagram.values), caption=caption)
