"""The diagrams of a session (`diagrams:` in a module's YAML) as figures for the slide plan:
plain texts and numbers in one language, drawn as shapes by deck.py and as HTML by the
presentation and handout templates. Knows nothing of either drawing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .catalogue import labels
from .model import Diagram, Module, Step, Table

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

    def cumulative(self) -> tuple[float, ...]:
        """A Pareto chart's running share of the total, in percent."""
        total, running, out = sum(self.values) or 1, 0, []
        for value in self.values:
            running += value
            out.append(round(100 * running / total, 1))
        return tuple(out)


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
