"""Names for the certificates: an optional `modules/peserta.csv`, one participant per row,
for every module's and workshop's certificates, and optional `modules/peserta-<id>.csv`, the
participants of one event (a module or workshop id), which that event's certificates take
instead.

The first row is the header; its first column is `nama`; the columns `perusahaan` (the
company, printed under the name) and `nomor` (the certificate's number) are optional, other
columns are allowed and ignored. Spreadsheets that save with `;` work as well as `,`, and a
cell written over two lines (Alt+Enter in Excel) is one value. Each file is read with the
rules of the YAML files (load.py): a regular file inside the project, UTF-8, no control
characters, bounded. They are git-ignored: names stay on the trainer's machine and end up
only in the certificate PDFs.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import load
from .problems import Problem, problem

FILE = "peserta.csv"
EVENT_FILE = re.compile(r"peserta-(.+)\.csv")  # one event's participants: peserta-<id>.csv
EVERY_EVENT = ""  # the key of peserta.csv in what read_participants returns
COLUMNS = {"perusahaan": "company", "nomor": "number"}  # optional columns → Participant field
LONGEST = {"company": 80, "number": 40}  # characters, on one line of the certificate
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


@dataclass(frozen=True)
class Participant:
    name: str
    company: str = ""
    number: str = ""


def participant_files(root: Path) -> list[Path]:
    """`peserta.csv` and every `peserta-<id>.csv` in `root` (links and folders included: they
    are refused when read)."""
    return sorted(
        p for p in root.glob("peserta*.csv") if p.name == FILE or EVENT_FILE.fullmatch(p.name)
    )


def event_of(path: Path) -> str:
    """The module or workshop id a file names (EVERY_EVENT for peserta.csv)."""
    found = EVENT_FILE.fullmatch(path.name)
    return found[1] if found else EVERY_EVENT


def read_participants(root: Path) -> tuple[dict[str, list[Participant]], list[Problem]]:
    """Each file's participants by the event it names (none without files), or the problems."""
    found: dict[str, list[Participant]] = {}
    problems: list[Problem] = []
    for path in participant_files(root):
        participants, more = _read(path, root)
        problems += more
        found[event_of(path)] = participants
    return found, problems


def named(root: Path) -> tuple[int, str]:
    """How many names the readable participant files hold, and those files, for messages."""
    people = {path: _read(path, root)[0] for path in participant_files(root)}
    files = [str(path) for path, found in people.items() if found]
    return sum(map(len, people.values())), ", ".join(files)


def _printed(header: list[str]) -> dict[str, int]:
    """Where each value a certificate prints is: the name first, then the optional columns."""
    return {"name": 0, **{field: header.index(c) for c, field in COLUMNS.items() if c in header}}


def _read(path: Path, root: Path) -> tuple[list[Participant], list[Problem]]:
    shown = f"{root.name}/{path.name}"
    header, rows, problems = _rows(path, root)
    where = _printed(header)
    participants: list[Participant] = []
    for line, row in rows:
        cells = {field: _cell(row, at) for field, at in where.items()}
        name = cells.pop("name")
        if not name:
            detail = "the name (first column) is empty"
            problems.append(problem(shown, line, 1, "value", detail=detail))
        elif len(name) > LONGEST_NAME:
            too_long = {"got": len(name), "limit": LONGEST_NAME}
            problems.append(problem(shown, line, 1, "name_too_long", **too_long))
        elif long := [f for f, text in cells.items() if len(text) > LONGEST[f]]:
            column = next(c for c, f in COLUMNS.items() if f == long[0])
            detail = (
                f"the {column} has {len(cells[long[0]])} characters; a certificate prints at "
                f"most {LONGEST[long[0]]} on one line: shorten it"
            )
            problems.append(problem(shown, line, where[long[0]] + 1, "value", detail=detail))
        else:
            participants.append(Participant(name, **cells))
    return participants, problems


def _cell(row: list[str], at: int) -> str:
    return " ".join(row[at].split()) if at < len(row) else ""


def _rows(
    path: Path, root: Path
) -> tuple[list[str], list[tuple[int, list[str]]], list[Problem]]:
    """The header (lower case) and the rows after it that are not blank, each with the line it
    starts on."""
    shown, data, problems = load.read_bytes(path, root)
    text, problems = (None, problems) if data is None else load.decode(shown, data)
    if text is None:
        return [], [], problems
    problems = _controls(shown, text)
    if problems:
        return [], [], problems
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
                return [], [], [problem(shown, start - 1, 1, "too_many", limit=MAX_ROWS)]
    except csv.Error as error:
        return [], [], [problem(shown, start, 1, "csv", detail=str(error))]
    header = [cell.strip().lower() for cell in reader_rows[0][1]] if reader_rows else []
    if not header or header[0] != "nama":
        detail = "the first row must be the header, starting with the column `nama`"
        return [], [], [problem(shown, 1, 1, "value", detail=detail)]
    rows = [(line, row) for line, row in reader_rows[1:] if any(c.strip() for c in row)]
    return header, rows, []


def _controls(shown: str, text: str) -> list[Problem]:
    """Control characters (but the line ends and tabs a spreadsheet writes), at their place."""
    found = []
    for match in load.CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        found.append(problem(shown, line, column, "control", char=f"U+{ord(match[0]):04X}"))
    return found[: load.MAX_PROBLEMS]


def font_warnings(root: Path) -> list[str]:
    """One line per value a certificate prints (name, company, number) with characters the
    certificates' fonts cannot draw (they would print as empty boxes), naming them."""
    drawable = _drawable()
    found = []
    for path in participant_files(root) if drawable else []:  # no fonts: nothing to compare
        header, rows, problems = _rows(path, root)
        if problems:
            continue  # `check` reports them as errors
        for line, row in rows:
            for at in _printed(header).values():
                missing = sorted({c for c in _cell(row, at) if not c.isspace()} - drawable)
                if missing:
                    chars = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:10])
                    found.append(
                        f"{root.name}/{path.name}:{line}:{at + 1}: warning: the certificate "
                        f"fonts cannot draw {chars}; they print as empty boxes. Write it in "
                        "Latin letters"
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
