"""Coaching plans: visits that fit between the events they join, a real baseline before the
first red tag, agendas that add up, and the pages and PDFs a coach takes along."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from pypdf import PdfReader
from scoresite.catalogue import printables
from scoresite.coaching import milestone_order
from scoresite.model import Module, Project
from scoresite.pdf import print_html
from scoresite.problems import ContentError
from scoresite.validate import load_project


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT / "modules")


def plans(project: Project) -> list[tuple[Module, Module | None, object]]:
    assert project.coaching is not None
    return [
        (project.module(p.module), project.module(p.until) if p.until else None, p)
        for p in project.coaching.plans
    ]


def test_every_score_module_and_the_5r_workshop_have_a_plan(project: Project) -> None:
    assert project.coaching is not None
    followed = {p.module for p in project.coaching.plans}
    assert followed == {m.id for m in project.modules if m.number} | {"lokakarya-5r"}
    five_r = project.coaching.plan_for("lokakarya-5r")
    assert five_r is not None and five_r.until == "presentasi-5r"
    assert project.coaching.plan_for("presentasi-5r") is five_r


def test_visits_are_ordered_and_fit_between_the_events_they_join(project: Project) -> None:
    assert project.coaching is not None
    for plan in project.coaching.plans:
        weeks = [v.week for v in plan.visits]
        assert weeks == sorted(set(weeks)), plan.module
        assert weeks[0] >= 1, plan.module
        if plan.until:  # the closing event falls in week `weeks`: every visit comes before it
            assert weeks[-1] < plan.weeks, plan.module
            assert plan.module in project.module(plan.until).prerequisites
        else:  # the end of the module's coaching period (about three months)
            assert weeks[-1] <= plan.weeks <= 13, plan.module


def test_the_5r_plan_visits_weeks_1_3_5_and_7_before_the_presentation_in_week_8(
    project: Project,
) -> None:
    assert project.coaching is not None
    plan = project.coaching.plan_for("lokakarya-5r")
    assert plan is not None
    assert ([v.week for v in plan.visits], plan.weeks) == ([1, 3, 5, 7], 8)
    latest = plan.visits[-1].agenda[0].title.id
    assert "Audit terakhir" in latest and "dipimpin" in latest  # who does the latest audit


def test_visit_agendas_add_up(project: Project) -> None:
    assert project.coaching is not None
    for plan in project.coaching.plans:
        for number, visit in enumerate(plan.visits, start=1):
            total = sum(item.minutes for item in visit.agenda)
            assert total == visit.minutes, f"{plan.module} visit {number}"


def test_each_coach_check_of_a_module_is_checked_at_some_visit(project: Project) -> None:
    assert project.coaching is not None
    for plan in project.coaching.plans:
        module = project.module(plan.module)
        used = {n for v in plan.visits for n in v.follow_up_checks}
        assert used == set(range(1, len(module.follow_up.coach_checks) + 1)), plan.module
        assert all(v.follow_up_checks or v.checks for v in plan.visits), plan.module


def test_the_baseline_comes_before_the_first_red_tag_in_every_plan(project: Project) -> None:
    assert project.coaching is not None
    workshop = project.module("lokakarya-5r")
    in_class = [a.milestone for s in workshop.sessions for a in s.activities]
    assert "baseline" in in_class and "red_tag" in in_class
    assert milestone_order(in_class) is None
    for plan in project.coaching.plans:
        agenda = [item.milestone for v in plan.visits for item in v.agenda]
        assert milestone_order(agenda) is None, plan.module
    five_r = project.coaching.plan_for("lokakarya-5r")
    assert five_r is not None
    first = [item.milestone for item in five_r.visits[0].agenda if item.milestone]
    assert first[0] == "baseline" and "red_tag" in first  # at home: visit 1, week 1
    # the follow-up at home says so before anything else
    action = workshop.follow_up.actions[0]
    assert action.id.startswith("Sebelum memasang label merah") and "audit awal" in action.id
    assert action.en.startswith("Before the first red tag") and "baseline audit" in action.en


def test_milestone_order_finds_a_red_tag_before_the_baseline() -> None:
    assert milestone_order([None, "red_tag", "baseline"]) == 1
    assert milestone_order(["baseline", "red_tag"]) is None
    assert milestone_order([None, None]) is None


def test_a_plan_out_of_order_is_refused_at_its_line(tmp_project: Callable[..., Path]) -> None:
    plan = (ROOT / "modules" / "pendampingan.yml").read_text(encoding="utf-8")
    plan = plan.replace("      - week: 3\n", "      - week: 9\n", 1)
    files = {"pendampingan.yml": plan}
    for path in sorted((ROOT / "modules").glob("*.yml")):
        files.setdefault(path.name, path.read_text(encoding="utf-8"))
    root = tmp_project(files=files)
    for extra in (root / "modules").glob("modul-1-contoh.yml"):
        extra.unlink()
    with pytest.raises(ContentError) as raised:
        load_project(root / "modules")
    report = raised.value.report()
    assert re.search(r"modules/pendampingan\.yml:\d+:\d+: visit in week 9 falls after", report)
    assert "visit in week 5 does not come after the visit before it (week 9)" in report


def test_the_presentation_compares_baseline_with_latest(project: Project) -> None:
    day = project.module("presentasi-5r")
    sheet = next(w for w in day.worksheets if w.id == "presentasi-sebelum-sesudah")
    scores = next(f for f in sheet.fields if f.kind == "table" and f.row_labels)
    assert [c.id for c in scores.columns][1:3] == ["Audit awal", "Audit terakhir"]
    assert [r.id for r in scores.row_labels] == [
        "Ringkas",
        "Rapi",
        "Resik",
        "Rawat",
        "Rajin",
        "Total",
    ]
    assert day.schedule.opening is not None
    bring = next(w for w in day.worksheets if w.id == "bawaan-hari-presentasi")
    assert any("audit awal" in i.id for f in bring.fields if f.kind == "checklist" for i in f.items)


def test_the_good_fixture_needs_no_coaching_file() -> None:
    assert load_project(DATA / "good").coaching is None


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_coaching_pages_and_pdfs_are_built_for_trainers(built_site: Path, project: Project) -> None:
    assert project.coaching is not None
    for plan in project.coaching.plans:
        folder = f"materi/{plan.module}"
        for lang, visit, total in (("", "Kunjungan", "Jumlah"), ("en/", "Visit", "Total")):
            html = (built_site / f"{lang}{folder}/pendampingan.html").read_text(encoding="utf-8")
            assert 'class="trainer-only"' in html and "pendampingan.pdf" in html
            pages = pdf_text(built_site / f"{lang}{folder}/pendampingan.pdf")
            assert len(pages) == 1 + len(plan.visits), (lang, plan.module)  # a page per visit
            for number, text in enumerate(pages[1:], start=1):
                assert f"{visit} {number}:" in text and total in text, (lang, plan.module)
            planner = PdfReader(built_site / f"{lang}{folder}/pendampingan-perencana.pdf")
            assert len(planner.pages) == 1, (lang, plan.module)
            box = planner.pages[0].mediabox
            assert float(box.width) > float(box.height)  # landscape
            marks = "K" if lang == "" else "V"
            text = planner.pages[0].extract_text()
            assert all(f"{marks}{n}" in text for n in range(1, len(plan.visits) + 1))


def test_coaching_plans_are_linked_from_module_workshop_and_programme(
    built_site: Path, project: Project
) -> None:
    assert project.coaching is not None
    for lang in ("", "en/"):
        programme = (built_site / f"{lang}materi/program/index.html").read_text(encoding="utf-8")
        for plan in project.coaching.plans:
            assert f'href="../{plan.module}/pendampingan.html"' in programme, plan.module
            own = (built_site / f"{lang}materi/{plan.module}/index.html").read_text("utf-8")
            assert 'href="pendampingan.html"' in own, (lang, plan.module)
            if plan.until:
                closing = built_site / f"{lang}materi/{plan.until}/index.html"
                link = f'href="../{plan.module}/pendampingan.html"'
                assert link in closing.read_text(encoding="utf-8"), (lang, plan.until)


def test_each_plan_ends_with_a_certificate_of_completion(
    built_site: Path, project: Project
) -> None:
    """Without participants one certificate with a line for the enterprise's name, naming the
    module, the visits and weeks, and the event that closes the plan."""
    assert project.coaching is not None
    for plan in project.coaching.plans:
        for lang, title, detail in (
            ("", "SERTIFIKAT PENYELESAIAN", f"{len(plan.visits)} kunjungan pendampingan dalam"),
            ("en/", "CERTIFICATE OF COMPLETION", f"{len(plan.visits)} coaching visits over"),
        ):
            folder = built_site / f"{lang}materi/{plan.module}"
            (page,) = pdf_text(folder / "sertifikat-penyelesaian.pdf")
            assert title in page and detail in page, (lang, plan.module)
            own = project.module(plan.module).title
            assert (own.id if lang == "" else own.en)[:20] in page.replace("\n", " ")
            if plan.until:
                closing = project.module(plan.until).title
                assert (closing.id if lang == "" else closing.en)[:20] in page.replace("\n", " ")
            coaching_page = (folder / "pendampingan.html").read_text("utf-8")
            assert 'href="sertifikat-penyelesaian.pdf"' in coaching_page


def test_a_completion_certificate_per_company_of_the_plan_s_participants(tmp_path: Path) -> None:
    """Companies of the module's and its closing event's participants, each once, in order."""
    root = tmp_path / "modules"
    shutil.copytree(ROOT / "modules", root, ignore=shutil.ignore_patterns("peserta*.csv"))
    (root / "peserta-lokakarya-5r.csv").write_text(
        "nama;perusahaan\nSiti;CV Tenun Sekar\nBudi;Bengkel Las Maju\nAni;CV Tenun Sekar\n",
        encoding="utf-8",
    )
    (root / "peserta-presentasi-5r.csv").write_text(
        "nama,perusahaan\nSiti,CV Tenun Sekar\nWati,UD Logam Tegal\n", encoding="utf-8"
    )
    project = load_project(root)
    made = {p.path: p for p in printables(project) if p.kind == "completion"}
    five_r = made["materi/lokakarya-5r/sertifikat-penyelesaian.pdf"]
    assert five_r.context["companies"] == ["CV Tenun Sekar", "Bengkel Las Maju", "UD Logam Tegal"]
    html = print_html(five_r, project, "id", "")
    assert html.count('class="certificate') == 3
    assert 'class="cert-name">Bengkel Las Maju<' in html
    k3 = made["materi/k3/sertifikat-penyelesaian.pdf"]
    assert k3.context["companies"] == [""]  # nobody listed for that module: one blank
