"""The real content: complete enough for a trainer to run every module, in both languages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from scoresite.model import Project
from scoresite.validate import load_project


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT / "modules")


def test_all_five_score_modules_are_there_in_order(project: Project) -> None:
    assert [(m.number, m.id) for m in project.modules if m.number] == [
        (1, "kerja-sama"),
        (2, "mutu"),
        (3, "produksi-bersih"),
        (4, "sdm"),
        (5, "k3"),
    ]
    assert all(m.prerequisites == ["kerja-sama"] for m in project.modules[1:5])


def test_5r_workshop_runs_a_day_with_a_baseline_red_tags_and_an_after_audit(
    project: Project,
) -> None:
    workshop, presentation = (m for m in project.modules if m.label)
    assert (workshop.id, presentation.id) == ("lokakarya-5r", "presentasi-5r")
    assert presentation.prerequisites == ["lokakarya-5r"]
    assert sum(s.minutes for s in workshop.sessions) >= 300
    titles = " ".join(s.title.id for s in workshop.sessions)
    assert "label merah" in titles and "Audit sesudah satu hari" in titles
    methods = [a.method for s in workshop.sessions for a in s.activities]
    assert methods[0] == "quiz" and methods[-1] == "quiz"  # pre-test first, post-test last
    sheets = {w.id for w in workshop.worksheets} | {w.id for w in presentation.worksheets}
    assert sheets >= {
        "label-merah-kartu",
        "label-merah-daftar",
        "periksa-5r-harian",
        "standar-area",
        "presentasi-sebelum-sesudah",
    }


def test_every_module_opens_with_a_pre_test(project: Project) -> None:
    for module in project.modules:
        if module.number:
            first = module.sessions[0].activities[0]
            assert (first.method, first.title.id) == ("quiz", "Tes awal"), module.id


def test_each_module_fills_a_classroom_day(project: Project) -> None:
    for module in project.modules:
        if module.id == "presentasi-5r":  # half a day at the end of coaching
            continue
        assert len(module.sessions) >= 4, module.id
        assert len(module.worksheets) >= 3, module.id
        assert sum(s.minutes for s in module.sessions) >= 300, module.id
        assert len(module.quiz) >= 5, module.id
        methods = {a.method for s in module.sessions for a in s.activities}
        assert len(methods) >= 4, module.id
        assert all(a.trainer_notes for s in module.sessions for a in s.activities[:1]), module.id


def test_each_5r_step_has_at_least_six_audit_criteria(project: Project) -> None:
    assert [s.name for s in project.five_r.steps] == ["Ringkas", "Rapi", "Resik", "Rawat", "Rajin"]
    for step in project.five_r.steps:
        assert len(step.criteria) >= 6, step.id
        assert step.examples.weaving and step.examples.metal


def test_glossary_has_at_least_forty_terms(project: Project) -> None:
    assert len(project.glossary.terms) >= 40


def test_programme_has_delivery_cycle_and_measurement_worksheets(project: Project) -> None:
    programme = project.programme
    assert len(programme.delivery) >= 4 and len(programme.five_r_cycle) == 3
    assert {w.id for w in programme.worksheets} >= {"catatan-kunjungan", "data-dasar-kpi"}


class ArticleText(HTMLParser):
    """The words of a page's main article, without navigation, header or footer."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif tag == "article":
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.words += re.findall(r"\w[\w'’-]*", data)


def words(html_files: list[Path]) -> int:
    total = 0
    for path in html_files:
        parser = ArticleText()
        parser.feed(path.read_text(encoding="utf-8"))
        total += len(parser.words)
    return total


def test_page_bodies_hold_enough_words_in_both_languages(built_site: Path) -> None:
    indonesian = [
        p for p in built_site.rglob("*.html") if p.relative_to(built_site).parts[0] != "en"
    ]
    english = list((built_site / "en").rglob("*.html"))
    id_words, en_words = words(indonesian), words(english)
    assert id_words >= 15_000
    assert en_words >= 0.9 * id_words
