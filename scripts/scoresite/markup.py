"""The Markdown a text may use: a small fixed subset, so that text stays text on every page
and in every PDF.

Allowed: emphasis (`*x*`, `**x**`, `_x_`) and links to http(s), mailto and pages of the site
(`[x](https://…)`, `[x](../mutu/index.md)`). Anything else that the site's Markdown extensions
(mkdocs.yml) would turn into markup is refused with a hint on what to write instead, never
stripped in silence. HTML needs no rule: it is escaped, so shown as text.
"""

from __future__ import annotations

import re

SAFE_LINKS = ("http://", "https://", "mailto:")
SCHEME = re.compile(r"^[^/?#]*:")  # `javascript:`, `data:`, `file:`, also `JaVaScRiPt:`
LINK = re.compile(r"\]\s*\(\s*<?([^()\s>]*(?:\([^()\s]*\))?)")

BEFORE: list[tuple[str, re.Pattern[str]]] = [
    ("markup_control", re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")),
    ("markup_break", re.compile(r"[\n\r]")),
]
# (problem code, pattern): the first match in a text is reported
ANYWHERE: list[tuple[str, re.Pattern[str]]] = [
    ("markup_attributes", re.compile(r"\{[^}]*\}")),  # attr_list: {: …}, {#id}, {.class}
    ("markup_code", re.compile(r"`")),
    ("markup_image", re.compile(r"!\[")),
    ("markup_toc", re.compile(r"\[TOC\]")),
]
AT_START: list[tuple[str, re.Pattern[str]]] = [
    ("markup_heading", re.compile(r"#")),
    ("markup_list", re.compile(r"([-+*]|\d+\.)(\s|$)")),
    ("markup_rule", re.compile(r"([-*_=])(\s*\1){2,}\s*$")),
    ("markup_block", re.compile(r"(!!!|\?\?\?|~~~|:)")),  # admonition, details, fence, def_list
    ("markup_definition", re.compile(r"\*?\[[^\]]*\]\s?:")),  # abbr `*[x]: …`, `[ref]: url`
    ("markup_task", re.compile(r"\[[ xX]\](\s|$)")),
]
STARTS = frozenset("#-+*_=!?~:[0123456789")


def _snippet(text: str, start: int) -> str:
    part = text[start : start + 30].split("\n")[0]
    return part + ("…" if len(text) > start + len(part) else "")


def _brackets(text: str) -> int | None:
    """Where square brackets stop pairing up, or None when they pair."""
    depth = 0
    for i, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth < 0:
            return i
    return text.rindex("[") if depth else None


def check(text: str) -> tuple[str, str] | None:
    """The first thing in `text` outside the subset: (problem code, the part found)."""
    for code, pattern in BEFORE:  # the part before: the sign itself is invisible
        if found := pattern.search(text):
            return code, text[max(0, found.start() - 30) : found.start()]
    for code, pattern in ANYWHERE:
        if found := pattern.search(text):
            return code, _snippet(text, found.start())
    for code, pattern in AT_START if text[:1] in STARTS else ():
        if pattern.match(text):
            return code, _snippet(text, 0)
    if "[" not in text and "]" not in text:
        return None
    for found in LINK.finditer(text):
        target = found[1]
        if SCHEME.match(target) and not target.lower().startswith(SAFE_LINKS):
            return "markup_link", target[:40]
        if target.startswith("//"):
            return "markup_link", target[:40]
    at = _brackets(text)
    return ("markup_brackets", _snippet(text, at)) if at is not None else None


def check_term(term: str) -> str | None:
    """A glossary term becomes `*[term]: expansion` (the tooltip) and a link's text, so it
    may not hold square brackets or a backslash."""
    return next((sign for sign in "[]\\" if sign in term), None)
