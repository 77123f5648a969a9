"""The KPI entry page in a real browser: an enterprise's monthly values with the programme's
definitions, the baseline marked, kept across a reload, exported as the monitoring page's KPI
CSV and imported back elsewhere; a bad file is refused with located messages."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml
from conftest import ROOT
from playwright.sync_api import Browser, Page
from test_audit import Errors

PAGE = {"id": "materi/program/kpi.html", "en": "en/materi/program/kpi.html"}
KPIS = yaml.safe_load((ROOT / "modules" / "programme.yml").read_text(encoding="utf-8"))["kpis"]


def add_month(page: Page, month: str) -> None:
    page.fill("#kpi-month", month)
    page.click("[data-action=add]")


def export(page: Page) -> list[dict[str, str]]:
    with page.expect_download() as download:
        page.click("[data-action=export]")
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_values_are_kept_exported_and_imported_elsewhere(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    errors = Errors()
    page = errors.watch(browser.new_context().new_page())
    page.goto((built_site / PAGE["en"]).as_uri())
    assert page.locator("#kpi-definitions dt").count() == len(KPIS)
    page.fill("#kpi-code", "E01")
    page.fill("#kpi-name", "UD Tenun Sari")
    for month in ("2026-07", "2026-06"):
        add_month(page, month)
    first = KPIS[0]["id"]
    page.fill(f'[data-month="2026-06"][data-kpi="{first}"]', "12,5")
    page.fill(f'[data-month="2026-07"][data-kpi="{first}"]', "13.1")
    page.check('input[name=kpi-baseline][value="2026-06"]')
    page.reload()
    assert page.input_value(f'[data-month="2026-06"][data-kpi="{first}"]') == "12,5"
    assert page.is_checked('input[name=kpi-baseline][value="2026-06"]')
    rows = export(page)
    assert [
        (r["enterprise_code"], r["month"], r["kpi"], r["value"], r["baseline"]) for r in rows
    ] == [
        ("E01", "2026-06", first, "12,5", "1"),
        ("E01", "2026-07", first, "13.1", ""),
    ]
    with page.expect_download() as download:
        page.click("[data-action=export]")
    path = tmp_path / "kpi-e01.csv"
    path.write_bytes(Path(download.value.path()).read_bytes())

    elsewhere = errors.watch(browser.new_context().new_page())
    elsewhere.goto((built_site / PAGE["id"]).as_uri())
    elsewhere.set_input_files("#kpi-import", path)
    elsewhere.locator("#kpi-status").filter(has_text="kpi-e01.csv").wait_for()
    assert elsewhere.input_value("#kpi-code") == "E01"
    assert elsewhere.input_value(f'[data-month="2026-07"][data-kpi="{first}"]') == "13.1"
    assert elsewhere.is_checked('input[name=kpi-baseline][value="2026-06"]')
    assert errors == []


def test_a_bad_kpi_file_is_refused_with_located_messages(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "rusak.csv"
    rows = [
        "enterprise_code,month,kpi,value,baseline",
        "E01,2026-13,cacat,1,1",
        "E02,2026-06,omzet,2,",
    ]
    bad.write_text("\r\n".join(rows), encoding="utf-8")
    page = browser.new_context().new_page()
    page.goto((built_site / PAGE["id"]).as_uri())
    page.set_input_files("#kpi-import", bad)
    problems = page.locator("#kpi-problems li")
    problems.first.wait_for()
    texts = problems.all_inner_texts()
    assert texts[0] == "rusak.csv, baris 2: '2026-13' bukan bulan; tulis TTTT-BB, misalnya 2026-11."
    assert texts[1].startswith("rusak.csv, baris 3: KPI 'omzet' tidak dikenal")
    assert page.locator("#kpi-table tbody tr").count() == 0
