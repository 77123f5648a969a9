"""The monitoring page reads a KoboToolbox export of our XLSForms by question name: the
generated cohort, sent through the audit and KPI forms, shows the same figures as our CSVs."""

from __future__ import annotations

from pathlib import Path

from cohort_data import expected, write_cohort
from conftest import ROOT
from playwright.sync_api import Browser
from scoresite.validate import load_project
from test_audit import Errors
from test_kobo_export import kobo_exports
from test_monitoring import PAGE, cohort_shown, opened


def test_a_kobo_export_shows_the_same_cohort_as_our_own_files(
    browser: Browser, site_url: str, tmp_path: Path
) -> None:
    project = load_project(ROOT / "modules")
    steps = [(s.id, [c.id for c in s.criteria]) for s in project.five_r.steps]
    write_cohort(tmp_path / "ours")
    kobo_exports(tmp_path / "ours", tmp_path / "kobo", steps)
    files = sorted((tmp_path / "kobo").glob("*.csv"))
    assert len(files) == 3
    want = expected()
    errors = Errors()
    page = errors.watch(opened(browser, site_url + PAGE["en"], files))
    assert page.locator("#monitoring-problems li").all_inner_texts() == []
    assert cohort_shown(page) == want.rows
    for kpi, (index, improving, count) in want.kpis.items():
        cells = page.locator(f'#monitoring-kpi-table tr[data-kpi="{kpi}"] td').all_inner_texts()
        assert (cells[1], cells[2]) == (str(index), f"{improving} of {count}")
    assert errors == []
