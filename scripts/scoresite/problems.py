"""Problems found in the content, their wording, and the small exception tree.

Every check reports a `Problem`; the wording of each kind of problem lives in `MESSAGES`,
apart from the checks, as a pair: what is wrong, and how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# characters a terminal acts on (escape sequences, carriage return, bidi overrides) rather
# than shows; a message shows them as Python escapes, so nothing in the content can erase or
# overprint the real error in a terminal or CI log
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")

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
        "unknown file name; expected programme.yml, glossary.yml, 5r.yml, pendampingan.yml, "
        "modul-*.yml or lokakarya-*.yml",
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
    "name_too_long": (
        "the name has {got} characters; a certificate prints at most {limit} on one line",
        "shorten it as the person writes it on forms, e.g. initials for middle names",
    ),
    "reserved": (
        "module id '{value}' is taken by the site itself",
        "choose an id other than {taken}",
    ),
    "at_least": ("{got} is too small here", "use a number of at least {limit}"),
    "more_than": ("{got} is too small here", "use a number greater than {limit}"),
    "at_most": ("{got} is too large here", "use a number of at most {limit}"),
    "too_few": ("{got} entries, fewer than the {limit} needed here", "add entries"),
    "too_many_entries": ("{got} entries, more than the {limit} allowed here", "remove entries"),
    "choice": ("{got} is not allowed here; expected one of {expected}", "use one of those words"),
    "minutes_sum": (
        "session '{session}' lasts {minutes} minutes but its activities add up to {total}",
        "make the activity minutes add up to {minutes}, or change the session's minutes",
    ),
    "red_tag_first": (
        "the first red tag comes before any baseline: once items are moved, the 'before' "
        "state is gone",
        "put an activity or agenda item with `milestone: baseline` (fixed-spot photos and a "
        "first audit) before this one",
    ),
    "visit_minutes": (
        "the visit lasts {minutes} minutes but its agenda adds up to {total}",
        "make the agenda minutes add up to {minutes}, or change the visit's minutes",
    ),
    "visit_order": (
        "visit in week {week} does not come after the visit before it (week {previous})",
        "list the visits in order of their weeks, one visit per week at most",
    ),
    "visit_late": (
        "visit in week {week} falls after the coaching period (last week for a visit: {last})",
        "move the visit to week {last} or earlier, or make `weeks:` longer",
    ),
    "visit_empty": (
        "this visit names nothing for the coach to check",
        "add `follow_up_checks:` (numbers of the module's coach checks) or `checks:`",
    ),
    "follow_up_number": (
        "there is no follow-up item {n}: the module's follow_up.{what} has {count}",
        "use a number from 1 to {count}",
    ),
    "plan_joins": (
        "'{until}' does not follow '{module}': the plan joins two events out of order",
        "add '{module}' to the prerequisites of '{until}', or name the event that follows it",
    ),
    "plan_twice": (
        "a second plan for module '{module}' (first at line {first_line})",
        "keep one plan per module; put all its visits in that one",
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
    # what is in modules/: named, never shown
    "folder": ("this is a folder, not a file", "rename it, or move it out of modules/"),
    "not_a_file": ("this is not a regular file", "replace it with a regular file, or remove it"),
    "broken_link": (
        "this link leads to no file (its target is missing, or links back to it)",
        "remove the link",
    ),
    "second_document": (
        "a second YAML document starts here",
        "keep one document per file: remove the '---' line and what follows, or move it",
    ),
    "outside": (
        "this link points to a file outside the project; it is not read",
        "copy the file into modules/ instead of linking to it",
    ),
    "csv": (
        "this row cannot be read as CSV ({detail})",
        'a cell with a quote, comma, semicolon or line break is written in "quotes", '
        'with "" for a quote inside; check the quotes from here on',
    ),
    "unreadable": ("cannot read this file ({reason})", "check its permissions, e.g. chmod a+r"),
    # bounded input
    "too_big": (
        "file of {size} KB is larger than the limit of {limit} KB",
        "split the content into several files, or remove what is not content",
    ),
    "too_deep": (
        "lists and mappings nested more than {limit} levels deep",
        "check the indentation here; content never nests this deep",
    ),
    "too_many": (
        "more than {limit} entries in one list or mapping",
        "split the list; content never needs this many entries",
    ),
    "text_too_long": (
        "text of {size} characters is longer than the limit of {limit}",
        "shorten it, or split it into several texts (e.g. a list of paragraphs)",
    ),
    "alias": (
        "'*{name}' is a YAML alias (a copy of another part); content does not use them",
        "if this is text, put it in quotes; otherwise write the part out in full",
    ),
    "anchor": (
        "'&{name}' is a YAML anchor; content does not use them",
        "if this is text, put it in quotes; otherwise remove '&{name}'",
    ),
    "tag": (
        "'{tag}' is a YAML tag; content does not use them",
        "if this is text, put it in quotes; otherwise remove the tag",
    ),
    "quote_sign": (
        "a text cannot start with '{sign}' in YAML",
        'put the text in quotes, e.g. "{sign}…"',
    ),
    "complex_key": ("a key must be a plain word", "write the key as a word followed by ':'"),
    # YAML 1.1 traps
    "unquoted": (
        "YAML reads this as {got}, not as text",
        "put the text in quotes (unquoted yes, no, on, off, numbers and dates are values)",
    ),
    "clock_number": (
        "YAML reads an unquoted time as a number (base 60), not as {time}",
        'put the time in quotes: "{time}"',
    ),
    "slug_long": (
        "id of {size} characters is longer than the limit of {limit}; ids become file names",
        "shorten it to a few words, e.g. 'kerja-sama'",
    ),
    "term_sign": (
        "'{sign}' in a glossary term breaks its tooltip and links",
        "write the term without square brackets or backslashes",
    ),
    "term_edge": (
        "glossary term '{term}' starts or ends with '{sign}'; its tooltip is found for whole "
        "words only, so it would never show",
        "write the term without the '{sign}' (e.g. 'dll' for 'dll.')",
    ),
    "term_case": (
        "glossary term '{term}' is written again, differing only in case (first at line "
        "{first_line})",
        "keep one term: a page shows one meaning for a word, whatever its case",
    ),
    "day_too_long": (
        "the day ends at {end}, past midnight",
        "start earlier, or shorten the sessions and breaks",
    ),
    "cycle": (
        "circular prerequisites: {cycle}",
        "a module cannot come before itself; remove one of these prerequisites",
    ),
    "collision": (
        "{this} would be written to {target}, which is also {other} ({where})",
        "give it another id",
    ),
    # Markdown beyond the subset (markup.py); {found} is the part of the text concerned
    "markup_break": (
        "line break inside a text ('{found}'); a text is one paragraph",
        "use '>' instead of '|' (or no sign), or make a list of texts for several paragraphs",
    ),
    "markup_attributes": (
        "'{found}': curly braces set HTML attributes in this site's Markdown",
        "remove the {{…}}, or use round brackets",
    ),
    "markup_code": (
        "'{found}': backticks make code, which texts do not use",
        "remove the backticks, or use quotes",
    ),
    "markup_control": (
        "invisible control character in the text, after '{found}'",
        "delete it (it often comes with text pasted from another program)",
    ),
    "markup_image": ("'{found}': texts cannot show images", "remove the '!' before '['"),
    "markup_toc": ("'{found}' would become a table of contents", "write it another way"),
    "markup_heading": (
        "'{found}': a text starting with '#' becomes a heading",
        "reword the start, e.g. 'No. 1' instead of '#1'",
    ),
    "markup_list": (
        "'{found}': a text starting like this becomes a list",
        "reword the start; for several items, make a YAML list of texts",
    ),
    "markup_rule": ("'{found}' becomes a horizontal line", "write words, not a line of signs"),
    "markup_block": (
        "'{found}': a text starting like this becomes a box, code or definition",
        "reword the start",
    ),
    "markup_definition": (
        "'{found}': a text starting with [x]: defines a link or an abbreviation",
        "put abbreviations in glossary.yml; write links as [text](https://…)",
    ),
    "markup_task": ("'{found}' becomes a tick box", "reword the start, e.g. '(x)'"),
    "markup_link": (
        "link to '{found}' is not allowed; links may go to http(s), mailto or pages of this site",
        "link to an https:// address or a page path, or remove the link",
    ),
    "markup_brackets": (
        "'{found}': square brackets that do not pair up break links",
        "write brackets in pairs, or use round brackets",
    ),
    "control": (
        "invisible control character {char}",
        "delete it (it often comes with text pasted from another program)",
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
        return printable(f"{what.format(**values)}; {fix.format(**values)}")

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.column}: {self.message()}"


def printable(text: str) -> str:
    """`text` with every character a terminal would act on written as an escape (\\x1b)."""
    return UNPRINTABLE.sub(lambda m: repr(m[0])[1:-1], text)


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
