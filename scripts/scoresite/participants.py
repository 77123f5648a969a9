"""Names for the certificates: an optional `modules/peserta.csv`, one participant per row.

The first row is the header; its first column is `nama` (other columns, e.g. `perusahaan`,
are allowed and ignored). Spreadsheets that save with `;` work as well as `,`, and a cell
written over two lines (Alt+Enter in Excel) is one name. The file is read with the rules of
the YAML files (load.py): a regular file inside the project, UTF-8, no control characters,
bounded. It is git-ignored: names stay on the trainer's machine and end up only in the
certificate PDFs.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from pathlib import Path

from . import load
from .problems import Problem, problem

FILE = "peserta.csv"
MAX_ROWS = load.MAX_ITEMS  # a training has a few dozen participants
PRINT_CSS = Path(__file__).parent / "templates" / "print" / "print.css"
FONT_FILE = re.compile(r"url\(file://(/[^)]+)\)")
# A certificate prints the name on one line above its rule, stepping the type down as names
# grow: (up to this many characters, at this size in pt). A longer name is refused.
NAME_SIZES = ((36, 22.0), (48, 18.0), (64, 15.0), (80, 12.0))
LONGEST_NAME = NAME_SIZES[-1][0]


def name_size(name: str) -> float:
    """The certificate's type size for a name (names past LONGEST_NAME are refused on reading)."""
    return next((pt for most, pt in NAME_SIZES if len(name) <= most), NAME_SIZES[-1][1])


def read_participants(root: Path) -> tuple[list[str], list[Problem]]:
    """The names of `root/peserta.csv` (none when there is no such file), or its problems."""
    rows, problems = _rows(root)
    names: list[str] = []
    for line, row in rows:
        name = " ".join(row[0].split()) if row else ""
        if not name:
            detail = "the name (first column) is empty"
            problems.append(problem(f"{root.name}/{FILE}", line, 1, "value", detail=detail))
        elif len(name) > LONGEST_NAME:
            too_long = {"got": len(name), "limit": LONGEST_NAME}
            problems.append(problem(f"{root.name}/{FILE}", line, 1, "name_too_long", **too_long))
        else:
            names.append(name)
    return names, problems


def _rows(root: Path) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """The rows after the header that are not blank, each with the line it starts on."""
    path = root / FILE
    if not path.exists() and not path.is_symlink():
        return [], []
    shown, data, problems = load.read_bytes(path, root)
    text, problems = (None, problems) if data is None else load.decode(shown, data)
    if text is None:
        return [], problems
    problems = _controls(shown, text)
    if problems:
        return [], problems
    first = text.partition("\n")[0]
    delimiter = ";" if ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    reader_rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            reader_rows.append((start, row))
            start = reader.line_num + 1
            if len(reader_rows) > MAX_ROWS + 1:
                return [], [problem(shown, start - 1, 1, "too_many", limit=MAX_ROWS)]
    except csv.Error as error:
        return [], [problem(shown, start, 1, "csv", detail=str(error))]
    if not reader_rows or not reader_rows[0][1] or reader_rows[0][1][0].strip().lower() != "nama":
        detail = "the first row must be the header, starting with the column `nama`"
        return [], [problem(shown, 1, 1, "value", detail=detail)]
    return [(line, row) for line, row in reader_rows[1:] if any(c.strip() for c in row)], []


def _controls(shown: str, text: str) -> list[Problem]:
    """Control characters (but the line ends and tabs a spreadsheet writes), at their place."""
    found = []
    for match in load.CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        found.append(problem(shown, line, column, "control", char=f"U+{ord(match[0]):04X}"))
    return found[: load.MAX_PROBLEMS]


def font_warnings(root: Path) -> list[str]:
    """One line per name with characters the certificates' fonts cannot draw (they would
    print as empty boxes), naming the characters."""
    rows, problems = _rows(root)
    drawable = _drawable()
    if problems or not drawable:
        return []  # `check` reports the problems as errors; no fonts: nothing to compare
    found = []
    for line, row in rows:
        missing = sorted({c for c in (row[0] if row else "") if not c.isspace()} - drawable)
        if missing:
            chars = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:10])
            found.append(
                f"{root.name}/{FILE}:{line}:1: warning: the certificate fonts cannot draw "
                f"{chars}; they print as empty boxes. Write the name in Latin letters"
            )
    return found


@cache
def _drawable() -> frozenset[str]:
    """Every character the fonts of print.css (the ones the PDFs embed) have a glyph for;
    none when those fonts are not installed (`make site` installs them)."""
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency; only when a name is checked

    chars: set[str] = set()
    for font in FONT_FILE.findall(PRINT_CSS.read_text(encoding="utf-8")):
        if not Path(font).is_file():
            continue
        chars.update(map(chr, TTFont(font, lazy=True).getBestCmap()))
    return frozenset(chars)
