"""Names for the certificates: an optional `modules/peserta.csv`, one participant per row.

The first row is the header; its first column is `nama` (other columns, e.g. `perusahaan`,
are allowed and ignored). Spreadsheets that save with `;` work as well as `,`. The file is
git-ignored: names stay on the trainer's machine and end up only in the certificate PDFs.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .problems import Problem, problem

FILE = "peserta.csv"
# A certificate prints the name on one line above its rule, stepping the type down as names
# grow: (up to this many characters, at this size in pt). A longer name is refused.
NAME_SIZES = ((36, 22.0), (48, 18.0), (64, 15.0), (80, 12.0))
LONGEST_NAME = NAME_SIZES[-1][0]


def name_size(name: str) -> float:
    """The certificate's type size for a name (names past LONGEST_NAME are refused on reading)."""
    return next((pt for most, pt in NAME_SIZES if len(name) <= most), NAME_SIZES[-1][1])


def read_participants(root: Path) -> tuple[list[str], list[Problem]]:
    path = root / FILE
    if not path.exists():
        return [], []
    shown = f"{root.name}/{FILE}"
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return [], [problem(shown, 1, 1, "encoding")]
    delimiter = ";" if lines and ";" in lines[0] else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    if not rows or not rows[0] or rows[0][0].strip().lower() != "nama":
        detail = "the first row must be the header, starting with the column `nama`"
        return [], [problem(shown, 1, 1, "value", detail=detail)]
    names: list[str] = []
    problems: list[Problem] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank line
        name = " ".join(row[0].split())
        if not name:
            detail = "the name (first column) is empty"
            problems.append(problem(shown, line, 1, "value", detail=detail))
        elif len(name) > LONGEST_NAME:
            too_long = {"got": len(name), "limit": LONGEST_NAME}
            problems.append(problem(shown, line, 1, "name_too_long", **too_long))
        else:
            names.append(name)
    return names, problems
