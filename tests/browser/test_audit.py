"""The interactive 5R audit in a real browser, from disk (file://) and over http: scored,
kept across a reload, exported to CSV and imported back elsewhere; charts drawn; no errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from playwright.sync_api import Browser, ConsoleMessage, Page

PAGE = {"id": "materi/5r/audit.html", "en": "en/materi/5r/audit.html"}
STEPS = yaml.safe_load((ROOT / "modules" / "5r.yml").read_text(encoding="utf-8"))["steps"]
CRITERIA = [(s["id"], c["id"]) for s in STEPS for c in s["criteria"]]
NOTE = 'Benang sisa, "merah";\nbaris dua, dengan koma'
COLUMNS = (
    "enterprise_code,enterprise,area,auditor,date,step,criterion,score,note,action_who,action_by"
)


@pytest.fixture(params=["file", "http"])
def base(request: pytest.FixtureRequest, built_site: Path) -> str:
    if request.param == "file":
        return built_site.as_uri() + "/"
    return str(request.getfixturevalue("site_url"))


class Errors(list[str]):
    """Console errors and uncaught exceptions of a page."""

    def watch(self, page: Page) -> Page:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.append(str(error)))
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.append(message.text)


def score_of(index: int) -> int | None:
    """The test audit: criterion i scores i % 5; the last one stays unscored."""
    return None if index == len(CRITERIA) - 1 else index % 5


def fill_audit(page: Page) -> None:
    page.fill("#audit-enterprise_code", "TBN-03")
    page.fill("#audit-enterprise", "CV Tenun Gedog, Sari")
    page.fill("#audit-area", "Ruang tenun")
    page.fill("#audit-auditor", "Bu Siti")
    page.fill("#audit-date", "2026-11-30")
    for index, (step, criterion) in enumerate(CRITERIA):
        score = score_of(index)
        if score is not None:
            page.check(f'input[name="{step}/{criterion}"][value="{score}"]')
    first = f"#audit-{CRITERIA[0][0]}-{CRITERIA[0][1]}"
    page.fill(f"{first}-note", NOTE)
    page.fill(f"{first}-who", "Pak Budi")
    page.fill(f"{first}-by", "2026-12-15")


def shown(page: Page) -> dict[str, object]:
    """What the form and the results show now."""
    checked = page.eval_on_selector_all(
        "input[type=radio]:checked", "els => els.map(e => [e.name, Number(e.value)])"
    )
    first = f"#audit-{CRITERIA[0][0]}-{CRITERIA[0][1]}"
    return {
        "about": [page.input_value(f"#audit-{f}") for f in COLUMNS.split(",")[:5]],
        "scores": dict(checked),
        "action": [page.input_value(f"{first}-{f}") for f in ("note", "who", "by")],
        "subtotals": [page.inner_text(f'[data-result="{s["id"]}"]') for s in STEPS],
        "total": page.inner_text("#audit-total"),
        "percent": page.inner_text("#audit-percent"),
    }


def export(page: Page) -> bytes:
    with page.expect_download() as download:
        page.click("[data-action=export]")
    return Path(download.value.path()).read_bytes()


def test_audit_scored_reloaded_exported_and_imported_elsewhere(
    browser: Browser, base: str, tmp_path: Path
) -> None:
    errors = Errors()
    page = errors.watch(browser.new_context().new_page())
    page.goto(base + PAGE["id"])
    fill_audit(page)
    before = shown(page)
    expected = [0] * len(STEPS)
    for index, (step, _) in enumerate(CRITERIA):
        expected[[s["id"] for s in STEPS].index(step)] += score_of(index) or 0
    assert before["subtotals"] == [str(n) for n in expected]
    assert before["total"] == str(sum(expected))
    assert before["percent"] == f"{round(100 * sum(expected) / 140)} %"
    assert len(before["scores"]) == 34  # type: ignore[arg-type]

    page.reload()
    assert shown(page) == before

    data = export(page)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == COLUMNS.split(",") and len(rows) == 36
    assert rows[1][:5] == ["TBN-03", "CV Tenun Gedog, Sari", "Ruang tenun", "Bu Siti", "2026-11-30"]
    assert rows[1][5:] == [*CRITERIA[0], "0", NOTE, "Pak Budi", "2026-12-15"]
    assert rows[-1][7] == ""

    elsewhere = errors.watch(browser.new_context().new_page())
    elsewhere.goto(base + PAGE["en"])
    assert elsewhere.inner_text("#audit-total") == "0"
    (tmp_path / "audit.csv").write_bytes(data)
    elsewhere.set_input_files("#audit-import", tmp_path / "audit.csv")
    elsewhere.locator("#audit-status").filter(has_text="audit.csv").wait_for()
    assert shown(elsewhere) == before
    assert export(elsewhere) == data

    radar = elsewhere.locator("#audit-results svg")
    assert radar.locator("line.audit-axis").count() == 5
    assert radar.locator("polygon.audit-value").count() == 1
    assert elsewhere.locator("#audit-trend circle.audit-point").count() == 1
    assert errors == []


def test_saved_audits_are_listed_compared_and_drawn_as_a_trend(
    browser: Browser, built_site: Path
) -> None:
    errors = Errors()
    page = errors.watch(browser.new_context().new_page())
    page.goto((built_site / PAGE["en"]).as_uri())
    page.fill("#audit-enterprise", "Bengkel Logam Jaya")
    for date, score in (("2026-06-01", 1), ("2026-09-01", 2), ("2026-11-30", 4)):
        if score > 1:
            page.click("[data-action=new]")  # keeps enterprise and area
        page.fill("#audit-date", date)
        for step in STEPS:
            page.check(f'input[name="{step["id"]}/{step["criteria"][0]["id"]}"][value="{score}"]')
    assert page.locator("#audit-saved li").count() == 3
    assert page.inner_text("#audit-trend p") == "Audits of Bengkel Logam Jaya, by date."
    page.focus("input[type=radio]:checked")  # the keyboard changes a score too
    page.keyboard.press("ArrowUp")
    assert page.inner_text(f'[data-result="{STEPS[0]["id"]}"]') == "3"
    page.keyboard.press("ArrowDown")
    assert page.locator("#audit-trend circle.audit-point").count() == 3
    page.select_option("#audit-pick-a", label="Jun 1, 2026 · Bengkel Logam Jaya")
    differences = page.locator("#audit-compare td.audit-diff").all_inner_texts()
    assert differences == ["+3"] * 5 + ["+15"]
    page.emulate_media(media="print")
    assert not page.locator(".audit-toolbar").is_visible()
    assert not page.locator("#audit-saved").is_visible()
    criterion = page.locator(".audit-criterion").first
    assert criterion.locator(".audit-choice:has(input:checked)").is_visible()
    assert criterion.locator(".audit-choice").nth(0).is_hidden()
    assert errors == []


def test_import_says_what_is_wrong_in_the_page_language(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "rusak.csv"
    rows = [
        COLUMNS,
        "K,A,B,C,2026-13-45,ringkas,hanya-barang-perlu,5,,,",
        "K,A,B,C,2026-13-45,x,y,1,,,11/30/2026",
    ]
    bad.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    page = browser.new_context().new_page()
    page.goto((built_site / PAGE["id"]).as_uri())
    page.set_input_files("#audit-import", bad)
    problems = page.locator("#audit-problems li").all_inner_texts()
    assert problems == [
        "Baris 2: '2026-13-45' bukan tanggal; tulis TTTT-BB-HH (2026-11-30) atau HH/BB/TTTT"
        " (30/11/2026).",
        "Baris 2: skor '5' harus 0, 1, 2, 3, 4 atau kosong.",
        "Baris 3: '2026-13-45' bukan tanggal; tulis TTTT-BB-HH (2026-11-30) atau HH/BB/TTTT"
        " (30/11/2026).",
        "Baris 3: '11/30/2026' bukan tanggal; tulis TTTT-BB-HH (2026-11-30) atau HH/BB/TTTT"
        " (30/11/2026).",
        "Baris 3: kriteria 'x/y' tidak ada dalam audit 5R ini.",
    ]
    assert page.evaluate("localStorage.getItem('score5r-audits')") is None


def test_import_reads_a_csv_that_excel_saved_with_semicolons(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    """Excel in an Indonesian locale saves CSV with ';' between columns."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS.split(","))
    for step, criterion in CRITERIA:
        about = ["", "UD Logam; Tegal", "Bubut", "Ani", "2026-11-30"]
        row = [*about, step, criterion, 2, NOTE, "", ""]
        writer.writerows([row, []])  # and blank lines between, which import skips
    (tmp_path / "excel.csv").write_text(text.getvalue(), encoding="utf-8")
    page = browser.new_context().new_page()
    page.goto((built_site / PAGE["id"]).as_uri())
    page.set_input_files("#audit-import", tmp_path / "excel.csv")
    page.locator("#audit-status").filter(has_text="excel.csv").wait_for()
    assert page.locator("#audit-problems li").count() == 0
    assert page.input_value("#audit-enterprise") == "UD Logam; Tegal"
    assert page.inner_text("#audit-total") == "70"
    assert page.input_value(f"#audit-{CRITERIA[0][0]}-{CRITERIA[0][1]}-note") == NOTE
