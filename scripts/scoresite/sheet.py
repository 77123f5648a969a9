"""How write-in tables sit on paper: column widths by what people write, and page orientation.

Widths come from the YAML (`widths:`) or are guessed from the Indonesian header: a name, an
action or a hazard needs room; a date, a number or a yes/no needs little. No column is
narrower than its longest header word in either language (so no header word breaks), nor the
row number than 11 mm. A table that cannot give every column its room on A4 portrait goes on a
landscape page; a table squeezed onto its page gives up room in proportion, down to those floors.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from . import load
from .fields import LANGUAGES, Translated
from .model import Numbers, Table, Worksheet

TEMPLATES = Path(__file__).parent / "templates"
NUMBER_MM = 11.0  # the pre-printed row number
ROOM_MM = {1: 16.0, 2: 26.0, 3: 42.0}  # narrow, normal, wide write-in column
LANDSCAPE_MM = 210.0  # squeezing more than this into portrait leaves too little room
UNIT_MM = 13.0  # per unit of a `widths:` number in the YAML
PAGE_MM = {False: 182.0, True: 269.0}  # A4 portrait and landscape, less the 14 mm margins
# the header as print.css sets it: DejaVu Sans Bold 9 pt, 1.8 mm padding either side, a rule
HEADER_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
HEADER_PT = 9.0
HEADER_EDGES_MM = 2 * 1.8 + 0.3 + 0.5  # padding, the rule, and a little for rounding


@dataclass(frozen=True)
class TableLayout:
    columns: list[Translated]  # the columns from the YAML that are printed
    numbered: bool  # the template prints its own row-number column first
    widths: list[float]  # percent of the table width per printed column, number column first
    need_mm: float  # the width the columns need: above LANDSCAPE_MM means a landscape page
    hints: list[list[Translated | None]]  # per printed row, per printed column: `cells:`
    floors: list[float]  # mm per printed column under which a header word would break


def number_column(table: Table) -> str:
    """'own' when the first column is "No." (the template prints the row numbers under it),
    'hand' when it is a reference such as "No. bahaya" (left blank), else ''."""
    first = table.columns[0].id.strip().lower()
    return "own" if first in ("no", "no.") else "hand" if first.startswith("no.") else ""


@cache
def _advances() -> tuple[dict[int, int], int]:
    """Advance width of each character of the header font, and its units per em."""
    font = TTFont(HEADER_FONT, lazy=True)
    hmtx = font["hmtx"]
    widths = {code: hmtx[glyph][0] for code, glyph in font.getBestCmap().items()}
    return widths, font["head"].unitsPerEm


def text_mm(text: str, pt: float = HEADER_PT) -> float:
    """How wide a text prints in the header font (without kerning, which only narrows it)."""
    widths, em = _advances()
    return sum(widths.get(ord(c), em) for c in text) / em * pt * 25.4 / 72


def floor_mm(header: Translated) -> float:
    """The narrowest a column may be: its longest header word, in either language, whole."""
    words = [w.strip("*_`") for lang in LANGUAGES for w in header(lang).split()]
    return max(map(text_mm, words), default=0.0) + HEADER_EDGES_MM


def fit(rooms: list[float], floors: list[float], page_mm: float) -> list[float]:
    """Share a page's width out in proportion to the rooms, no column under its floor."""
    held: set[int] = set()
    while len(held) < len(rooms):
        free = page_mm - sum(floors[i] for i in held)
        scale = free / sum(r for i, r in enumerate(rooms) if i not in held)
        short = {i for i, r in enumerate(rooms) if i not in held and r * scale < floors[i]}
        if not short:
            return [floors[i] if i in held else r * scale for i, r in enumerate(rooms)]
        held |= short
    return floors


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
    floors = [NUMBER_MM] * numbered + [floor_mm(c) for c in columns]
    rooms = [max(room, floor) for room, floor in zip(rooms, floors, strict=True)]
    total = sum(rooms)
    mm = fit(rooms, floors, PAGE_MM[total > LANDSCAPE_MM])
    percents = [round(100 * m / sum(mm), 2) for m in mm]
    return TableLayout(columns, numbered, percents, total, hints, floors)


def landscape(worksheet: Worksheet) -> bool:
    """A worksheet prints on landscape pages when one of its tables needs more than portrait."""
    return any(
        table_layout(f).need_mm > LANDSCAPE_MM for f in worksheet.fields if isinstance(f, Table)
    )


@dataclass(frozen=True)
class Placed:
    """One number of the numbers game, centred at (left, top) in % of its frame."""

    number: int
    left: float
    top: float
    size: int  # pt
    turn: int  # degrees


def placed(numbers: Numbers) -> list[Placed]:
    """Where each number goes: a grid in order, or one random cell each of a larger grid,
    moved about inside it, in random sizes and turns (the same every build)."""
    total = numbers.count + numbers.extra
    if numbers.arrangement == "grid":
        columns = math.ceil(math.sqrt(total))
        rows = math.ceil(total / columns)
        return [
            Placed(n, 100 * (0.5 + (n - 1) % columns) / columns,
                   100 * (0.5 + (n - 1) // columns) / rows, 22, 0)
            for n in range(1, total + 1)
        ]
    rng = random.Random(f"numbers {numbers.count} {numbers.extra}")
    columns = math.ceil(math.sqrt(total) * 0.85)  # the frame is taller than wide
    rows = math.ceil(total * 1.3 / columns)
    cells = rng.sample(range(columns * rows), total)
    return [
        Placed(
            n,
            100 * (cell % columns + rng.uniform(0.3, 0.7)) / columns,
            100 * (cell // columns + rng.uniform(0.3, 0.7)) / rows,
            rng.choice((12, 14, 16, 18, 20, 24, 28)),
            rng.randrange(-45, 50, 15),
        )
        for n, cell in enumerate(cells, start=1)
    ]
