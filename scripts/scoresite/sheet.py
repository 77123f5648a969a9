"""How write-in tables sit on paper: column widths by what people write, and page orientation.

Widths come from the YAML (`widths:`) or are guessed from the Indonesian header: a name, an
action or a hazard needs room; a date, a number or a yes/no needs little. A table that cannot
give every column its room on A4 portrait goes on a landscape page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import load
from .fields import Translated
from .model import Table, Worksheet

TEMPLATES = Path(__file__).parent / "templates"
NUMBER_MM = 11.0  # the pre-printed row number
ROOM_MM = {1: 16.0, 2: 26.0, 3: 42.0}  # narrow, normal, wide write-in column
LANDSCAPE_MM = 210.0  # squeezing more than this into portrait leaves too little room
UNIT_MM = 13.0  # per unit of a `widths:` number in the YAML


@dataclass(frozen=True)
class TableLayout:
    columns: list[Translated]  # the columns from the YAML that are printed
    numbered: bool  # the template prints its own row-number column first
    widths: list[float]  # percent of the table width per printed column, number column first
    need_mm: float  # the width the columns need: above LANDSCAPE_MM means a landscape page
    hints: list[list[Translated | None]]  # per printed row, per printed column: `cells:`


def number_column(table: Table) -> str:
    """'own' when the first column is "No." (the template prints the row numbers under it),
    'hand' when it is a reference such as "No. bahaya" (left blank), else ''."""
    first = table.columns[0].id.strip().lower()
    return "own" if first in ("no", "no.") else "hand" if first.startswith("no.") else ""


@cache
def _rooms() -> dict[str, list[str]]:
    return dict(load.ours(TEMPLATES / "print" / "widths.yml"))


def weight(header: str) -> int:
    """1 narrow, 2 normal, 3 wide: from the first words of the header; "Tugas 3" is narrow."""
    words = " ".join(re.findall(r"[a-z0-9]+", header.lower())) + " "
    if words == " " or re.search(r"\b\d\b", header) or _starts(words, "narrow"):
        return 1
    return 3 if _starts(words, "wide") else 2


def _starts(words: str, room: str) -> bool:
    return any(words.startswith(entry + " ") for entry in _rooms()[room])


def table_layout(table: Table) -> TableLayout:
    numbers = number_column(table)
    numbered = numbers != "hand" and not table.row_labels
    columns, widths = list(table.columns), table.widths
    hints: list[list[Translated | None]] = [[None, *row] for row in table.cells]
    hints += [[None] * len(columns)] * (table.rows - len(hints))
    if numbers == "own":  # one "No." column, not two
        columns, widths = columns[1:], widths and widths[1:]
        hints = [row[1:] for row in hints]
    # the maintainer's numbers give 13 mm a unit; otherwise the header says
    rooms = [UNIT_MM * w for w in widths] if widths else [ROOM_MM[weight(c.id)] for c in columns]
    rooms = [NUMBER_MM] * numbered + rooms
    total = sum(rooms)
    percents = [round(100 * r / total, 1) for r in rooms]
    return TableLayout(columns, numbered, percents, total, hints)


def landscape(worksheet: Worksheet) -> bool:
    """A worksheet prints on landscape pages when one of its tables needs more than portrait."""
    return any(
        table_layout(f).need_mm > LANDSCAPE_MM for f in worksheet.fields if isinstance(f, Table)
    )
