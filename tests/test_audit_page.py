"""The interactive 5R audit page carries every criterion as JSON that no content can break."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest
from conftest import ROOT
from scoresite.fields import Translated
from scoresite.model import Project
from scoresite.render import render_all
from scoresite.validate import load_project

PAGE = "materi/5r/audit.md"
EVIL = '</script><script>alert("x")</script><!-- & </SCRIPT > \\u003c'


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT / "modules")


class Scripts(HTMLParser):
    """The JSON data elements of an HTML page, as a browser's parser splits them."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str] = {}
        self._id: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("type") == "application/json":
            self._id = found.get("id") or ""
            self.data[self._id] = ""

    def handle_data(self, data: str) -> None:
        if self._id is not None:
            self.data[self._id] += data

    def handle_endtag(self, tag: str) -> None:
        self._id = None


def embedded(project: Project, lang: str) -> dict[str, Any]:
    """The audit page rendered and converted by Python-Markdown as MkDocs does, then the
    embedded data read back as the browser would."""
    path = PAGE if lang == "id" else PAGE.replace(".md", ".en.md")
    html = markdown.markdown(
        render_all(project, [])[path], extensions=["admonition", "attr_list", "md_in_html"]
    )
    parser = Scripts()
    parser.feed(html)
    assert list(parser.data) == ["audit-data"]
    data: dict[str, Any] = json.loads(parser.data["audit-data"])
    return data


@pytest.mark.parametrize("lang", ["id", "en"])
def test_audit_page_holds_all_35_criteria_with_5_descriptions(project: Project, lang: str) -> None:
    data = embedded(project, lang)
    assert data["lang"] == lang
    assert [s["name"] for s in data["steps"]] == ["Ringkas", "Rapi", "Resik", "Rawat", "Rajin"]
    criteria = [c for s in data["steps"] for c in s["criteria"]]
    assert len(criteria) == 35
    model = [c for s in project.five_r.steps for c in s.criteria]
    for got, want in zip(criteria, model, strict=True):
        assert got["text"] == want.text(lang)
        assert got["scores"] == [want.scores[level](lang) for level in range(5)]
    assert data["labels"]["export"] == ("Ekspor CSV" if lang == "id" else "Export CSV")


def test_content_cannot_break_out_of_the_embedded_data(project: Project) -> None:
    step = project.five_r.steps[0]
    first = step.criteria[0].model_copy(update={"text": Translated(id=EVIL, en=EVIL)})
    steps = [step.model_copy(update={"criteria": [first, *step.criteria[1:]]})]
    evil = project.model_copy(update={"five_r": project.five_r.model_copy(update={"steps": steps})})
    data = embedded(evil, "id")
    assert data["steps"][0]["criteria"][0]["text"] == EVIL
    page = render_all(evil, [])[PAGE]
    data_line = next(line for line in page.splitlines() if 'id="audit-data"' in line)
    assert data_line.count("<") == 2 and "&" not in data_line
