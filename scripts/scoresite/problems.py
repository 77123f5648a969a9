"""Problems found in the content, their wording, and the small exception tree.

Every check reports a `Problem`; the wording of each kind of problem lives in `MESSAGES`,
apart from the checks, as a pair: what is wrong, and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MESSAGES: dict[str, tuple[str, str]] = {
    "yaml_syntax": ("YAML syntax error: {detail}", "check indentation, colons and quotes here"),
    "encoding": (
        "this file is not UTF-8 text",
        "save it as UTF-8 (in most editors: Save with encoding, UTF-8)",
    ),
    "tab": (
        "tab character in indentation",
        "YAML indents with spaces only; replace the tab with spaces",
    ),
    "duplicate_key": (
        "duplicate key '{key}' (first at line {first_line})",
        "keep one of the two; a later key would silently replace the first",
    ),
    "unknown_file": (
        "unknown file name; expected programme.yml, glossary.yml, 5r.yml, modul-*.yml "
        "or lokakarya-*.yml",
        "rename the file, or move it out of modules/",
    ),
    "unknown_key": (
        "unknown key '{key}'; expected one of: {allowed}",
        "{hint}",
    ),
    "missing": ("missing required key '{key}'", "add '{key}:' here"),
    "wrong_type": ("expected {expected}, got {got}", "change the value to {expected}"),
    "text": (
        "expected text: a string, or {{id: …, en: …}}; got {got}",
        "write `key: Teks` or `key: {{id: Teks, en: Text}}`",
    ),
    "translation_missing": (
        "missing translation '{lang}'",
        "add `{lang}: …` beside the other language, or use one plain string for both",
    ),
    "translation_unknown": (
        "unknown language '{key}' in text; expected 'id' and 'en'",
        "use exactly the keys id (Bahasa Indonesia) and en (English)",
    ),
    "empty": ("text is empty", "write the text, or remove the key if it is optional"),
    "slug": (
        "'{value}' is not a safe id",
        "use lower-case letters, digits and single hyphens, e.g. 'kerja-sama'",
    ),
    "clock": ("'{value}' is not a time of day", 'write the time as HH:MM, e.g. "08:00"'),
    "value": ("{detail}", "correct the value"),
    "reserved": (
        "module id '{value}' is taken by the site itself",
        "choose an id other than {taken}",
    ),
    "choice": ("{got} is not allowed here; expected one of {expected}", "use one of those words"),
    "minutes_sum": (
        "session '{session}' lasts {minutes} minutes but its activities add up to {total}",
        "make the activity minutes add up to {minutes}, or change the session's minutes",
    ),
    "duplicate_id": (
        "duplicate id '{value}' (first at line {first_line})",
        "give each {what} its own id",
    ),
    "unknown_ref": (
        "unknown {what} '{value}'",
        "use one of: {known}",
    ),
    "missing_file": (
        "missing file {name}",
        "create modules/{name}; the README section 'Editing content' shows its shape",
    ),
    "scores": (
        "scores must describe each level 0, 1, 2, 3 and 4; got {got}",
        "write one description for each score 0 to 4",
    ),
    "answer": (
        "answer {value} does not match any of the {count} options",
        "give the number of the right option, 1 to {count}",
    ),
}

# Indonesian key names a maintainer may write by habit, and the key the model expects.
KEY_SYNONYMS = {
    "judul": "title",
    "menit": "minutes",
    "durasi": "minutes",
    "tujuan": "objectives",
    "sesi": "sessions",
    "kegiatan": "activities",
    "bahan": "materials",
    "catatan": "trainer_notes",
    "lembar_kerja": "worksheets",
    "ringkasan": "summary",
    "peserta": "audience",
    "metode": "method",
    "instruksi": "instructions",
    "kolom": "columns",
    "baris": "rows",
    "istilah": "terms",
    "kriteria": "criteria",
    "skor": "scores",
    "nilai": "scores",
}


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    code: str
    details: tuple[tuple[str, str], ...] = ()

    def message(self) -> str:
        what, fix = MESSAGES[self.code]
        values = dict(self.details)
        return f"{what.format(**values)}; {fix.format(**values)}"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message()}"


def problem(path: Path | str, line: int, column: int, code: str, **details: object) -> Problem:
    return Problem(str(path), line, column, code, tuple((k, str(v)) for k, v in details.items()))


class SiteError(Exception):
    """An expected failure: shown as a message, never as a traceback."""


class ContentError(SiteError):
    """The YAML content has problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        files = len({p.path for p in self.problems})
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(self.problems)} problem(s) in {files} file(s)")
        return "\n".join(lines)
