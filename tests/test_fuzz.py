"""Clumsy edits of the real content: whatever a maintainer does to a file, loading ends in a
valid project or in a ContentError whose every problem has a file and a line; never in
another exception, never slowly."""

from __future__ import annotations

import copy
import datetime
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DATA, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoresite.load import Document, Loc, read
from scoresite.problems import ContentError
from scoresite.validate import load_project

FILES = sorted(p.name for p in (ROOT / "modules").glob("*.yml"))
TRAPS = [
    "no",
    "yes",
    "on",
    "10:30",
    "*x",
    "&a",
    "!t",
    "%",
    "@",
    "`",
    "[",
    "{",
    "}",
    "]",
    "'",
    '"',
    "- ",
    ": ",
    "#",
    "|",
    ">",
    "~",
    "null",
    "[x](javascript:alert(1))",
    "{: .x}",
    "!!! note",
    "*[A]: b",
    "2026-01-01",
    "0x1F",
    "1e3",
    "\\x07",
    "&a [*a, *a]",
    "? x",
]
LOCATED = re.compile(r"modules/[^/:]+\.yml:\d+:\d+: [^\n]+; [^\n]+")  # path:line:col: what; fix
SCALARS = st.one_of(st.sampled_from(TRAPS), st.text(max_size=12), st.integers(-10, 10**6))


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


Edit = tuple[str, float, object, int]  # kind, where (0..1), scalar, indentation shift
EDITS = st.tuples(
    st.sampled_from(["delete", "indent", "duplicate", "scalar", "cut"]),
    st.floats(0, 1, exclude_max=True),
    SCALARS,
    st.sampled_from([-4, -2, 2, 4]),
)


def apply(edit: Edit, text: str) -> str:
    """One clumsy edit: delete a line, change a line's indentation, duplicate a line (and so
    its key), put a random scalar after a key, or cut the file."""
    kind, where, value, shift = edit
    lines = text.splitlines(keepends=True) or [""]
    i = int(where * len(lines))
    line = lines[i]
    if kind == "delete":
        del lines[i]
    elif kind == "indent":
        stripped = line.lstrip(" ")
        lines[i] = " " * max(0, len(line) - len(stripped) + shift) + stripped
    elif kind == "duplicate":
        lines.insert(i, line)
    elif kind == "scalar":
        key, sep, _ = line.partition(": ")
        lines[i] = f"{key}{sep or ': '}{value}\n"
    else:
        return text[: int(where * len(text))]
    return "".join(lines)


@pytest.fixture(scope="module")
def modules() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp()) / "modules"
    shutil.copytree(ROOT / "modules", folder)
    yield folder
    shutil.rmtree(folder.parent)


@settings(
    max_examples=40,
    deadline=None,  # wall time depends on the machine's load; CPU time is bounded below
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(name=st.sampled_from(FILES), changes=st.lists(EDITS, min_size=1, max_size=3))
def test_edited_content_loads_or_reports_located_problems(
    modules: Path, name: str, changes: list[Edit]
) -> None:
    original = (ROOT / "modules" / name).read_text(encoding="utf-8")
    text = original
    for change in changes:
        text = apply(change, text)
    (modules / name).write_text(text, encoding="utf-8")
    started = time.process_time()
    try:
        load_project(modules)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert LOCATED.fullmatch(str(problem)), problem
    finally:
        (modules / name).write_text(original, encoding="utf-8")
    # CPU seconds: loading all real content takes ~0.3 s
    assert time.process_time() - started < 2


# Every type YAML can give a value, in every place that names something (ids) or points at
# something (references, `after:`, numbers), and as every key of every mapping.
VALUES = [2024, 1.5, True, None, [], {}, ["x"], {"a": 1}, datetime.date(2026, 1, 1)]
VALUES += ["x" * 1000, "\x1b[2K\r", "Bad Id"]
REFERENCES = {"prerequisites", "terms", "worksheets"}


def _places(doc: Document) -> Iterator[Loc]:
    for loc in doc.values:
        named = loc[-1:] in [("id",), ("after",), ("number",), ("answer",)]
        listed = loc[-2:-1] in [(key,) for key in REFERENCES] and isinstance(loc[-1], int)
        if named or listed or loc[-2:-1] == ("scores",):
            yield loc


def _replaced(data: Any, loc: Loc, value: object) -> Any:
    data = copy.deepcopy(data)
    inner = data
    for part in loc[:-1]:
        inner = inner[part]
    inner[loc[-1]] = value
    return data


def _mappings(data: Any, loc: Loc = ()) -> Iterator[Loc]:
    if isinstance(data, dict):
        yield loc
        for key, value in data.items():
            yield from _mappings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _mappings(value, (*loc, i))


def _variants() -> Iterator[tuple[str, Any]]:
    for path in sorted((DATA / "good").glob("*.yml")):
        doc, _ = read(path, DATA / "good")
        for loc in _places(doc):
            for value in VALUES:
                yield path.name, _replaced(doc.data, loc, value)
        keys = [v for v in VALUES if not isinstance(v, list | dict)]
        for i, loc in enumerate(_mappings(doc.data)):  # each mapping, one type of key in turn
            yield path.name, _replaced(doc.data, (*loc, keys[i % len(keys)]), "x")


def test_any_type_in_any_id_reference_or_key_is_a_located_problem(tmp_path: Path) -> None:
    modules = tmp_path / "modules"
    shutil.copytree(DATA / "good", modules)
    tried = 0
    for name, data in _variants():
        (modules / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            load_project(modules)
        except ContentError as error:
            report = error.report()
            assert all(LOCATED.fullmatch(str(p)) for p in error.problems), report
            assert "\x1b" not in report and "\r" not in report, report
        shutil.copy(DATA / "good" / name, modules / name)
        tried += 1
    assert tried > 800
