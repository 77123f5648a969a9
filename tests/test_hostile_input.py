"""Hostile input is refused quickly and small; text stays text in tooltips and PDFs."""

from __future__ import annotations

import resource
import time
import tracemalloc
from collections.abc import Callable
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import markdown
import pytest
from scoresite.model import Glossary, Project, Term
from scoresite.pdf import inline
from scoresite.problems import ContentError
from scoresite.render import abbreviations
from scoresite.validate import load_project

LEVELS = "abcdefghij"
ALIAS_BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n" for prev, name in pairwise(LEVELS)
)  # 9**10 (3.5 billion) strings once expanded, in 500 bytes
MB = 1_000_000
HOSTILE = {
    "alias bomb": ALIAS_BOMB.encode(),
    "file of 20 MB": b"terms:\n" + b"  - x\n" * (20 * MB // 6),
    "a million items, under the size limit": b"terms: [" + b"x," * (MB // 2 - 10) + b"]\n",
    "nesting 400 000 deep": b"terms: " + b"[" * 400_000 + b"]" * 400_000 + b"\n",
    "one text of 900 KB": b"terms: " + b"x" * 900_000 + b"\n",
    "50 000 anchors": b"terms:\n" + b"".join(b"  - &a%d x\n" % i for i in range(50_000)),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_is_rejected_within_a_second_and_200_mb(
    name: str, tmp_project: Callable[..., Path]
) -> None:
    root = tmp_project()
    (root / "modules" / "glossary.yml").write_bytes(HOSTILE[name])
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    started = time.process_time()  # CPU time: the machine's load does not count
    with pytest.raises(ContentError) as raised:
        load_project(root / "modules")
    seconds = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss_before
    assert seconds < 1, seconds
    assert peak < 200 * MB and rss_growth < 200 * MB, (peak, rss_growth)
    assert all(p.path == "modules/glossary.yml" for p in raised.value.problems)
    assert len(raised.value.report()) < 5000  # a few located lines, not the file


def test_abbreviation_tooltip_shows_the_expansion_as_written() -> None:
    """`*[term]: expansion` lines: signs in an expansion reach the tooltip unchanged."""
    expansion = 'research & "development" <x> [y]: z'
    fields = {"id": "rd", "term": "R&D", "expansion": expansion, "definition": "x"}
    term = Term.model_validate(fields)
    project = Project.model_construct(glossary=Glossary(terms=[term]))
    page = "Kata R&D di sini.\n" + abbreviations(project, "id")
    html = markdown.markdown(page, extensions=["abbr", "attr_list", "md_in_html"])

    class Titles(HTMLParser):
        found: list[tuple[str, str]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "abbr":
                self.found.append(("abbr", dict(attrs)["title"] or ""))

    parser = Titles()
    parser.feed(html)
    assert parser.found == [("abbr", expansion)], html


def test_print_markdown_keeps_the_subset_and_escapes_html() -> None:
    assert str(inline("*a* <b>")) == "<em>a</em> &lt;b&gt;"
    assert str(inline("[ILO](https://www.ilo.org)")) == '<a href="https://www.ilo.org">ILO</a>'
