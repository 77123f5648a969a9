"""The audit page keeps data safe: stored data it cannot read is kept aside and reported, never
replaced; files from Excel (Windows-1252, `;`, day/month/year) import; exported text never
runs as a spreadsheet formula; a large file shows progress without freezing the page."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from test_audit import COLUMNS, CRITERIA, PAGE, export

AUDIT = {"id": "a1", "enterprise": "UD Maju", "date": "2026-11-01", "scores": {}, "changed": 1}


def audit_csv(about: list[str], delimiter: str = ",", rows: int = 1) -> str:
    """An audit file: the header and `rows` copies of every criterion, scored 2."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS.split(","))
    for _ in range(rows):
        writer.writerows([*about, step, c, 2, "", "", ""] for step, c in CRITERIA)
    return text.getvalue()


def opened(browser: Browser, built_site: Path, stored: dict[str, str]) -> Page:
    page = browser.new_context().new_page()
    page.goto((built_site / PAGE["en"]).as_uri())
    for key, value in stored.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])
    page.reload()
    return page


STORED = [
    ("{broken", "The audits stored in this browser cannot be read (damaged data)."),
    ('{"audits": []}', "The audit data stored in this browser is not a list of audits."),
    ("42", "The audit data stored in this browser is not a list of audits."),
    (json.dumps([AUDIT, "x"]), "Some audits stored in this browser are damaged."),
]


@pytest.mark.parametrize(("stored", "message"), STORED)
def test_unreadable_stored_data_is_kept_aside_and_reported(
    browser: Browser, built_site: Path, stored: str, message: str
) -> None:
    page = opened(browser, built_site, {"score5r-audits": stored})
    assert page.inner_text("#audit-problems").startswith(message)
    page.check("input[type=radio] >> nth=2")  # the first tap saves
    assert page.evaluate("localStorage.getItem('score5r-audits.unreadable')") == stored
    saved = json.loads(page.evaluate("localStorage.getItem('score5r-audits')"))
    assert isinstance(saved, list) and len(saved) == 1  # the audit open, intact or new
    assert (saved[0]["id"] == "a1") == ("damaged." in message)
    with page.expect_download() as download:
        page.click("#audit-rescue")
    assert Path(download.value.path()).read_text(encoding="utf-8-sig") == stored


def test_nothing_is_saved_while_older_unreadable_data_cannot_be_kept_aside(
    browser: Browser, built_site: Path
) -> None:
    stored = {"score5r-audits": "{broken", "score5r-audits.unreadable": "older"}
    page = opened(browser, built_site, stored)
    assert "Not saved" in page.inner_text("#audit-problems")
    page.check("input[type=radio] >> nth=2")
    assert page.evaluate("localStorage.getItem('score5r-audits')") == "{broken"
    assert page.inner_text("#audit-status").startswith("Not saved")


def imported(page: Page, path: Path) -> None:
    page.set_input_files("#audit-import", path)
    page.locator("#audit-status").filter(has_text=path.name).wait_for()


def test_a_windows_1252_file_from_excel_is_read_in_that_encoding(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    path = tmp_path / "ansi.csv"
    text = audit_csv(["K-1", "Kafé Ñusa", "Dapur", "Bu Ánh", "2026-11-30"])
    path.write_bytes(text.encode("cp1252"))
    page = opened(browser, built_site, {})
    imported(page, path)
    assert page.input_value("#audit-enterprise") == "Kafé Ñusa"
    assert page.input_value("#audit-auditor") == "Bu Ánh"
    assert "Windows-1252" in page.inner_text("#audit-status")


def test_excel_with_indonesian_settings_imports(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    """`;` between columns, dates as 30/11/2026, no byte-order mark."""
    path = tmp_path / "excel-id.csv"
    text = audit_csv(["K-2", "UD Sari", "Gudang", "Ani", "30/11/2026"], delimiter=";")
    path.write_text(text.replace("2;;;", "2;;Pak Budi;5/1/2027", 1), encoding="utf-8")
    page = opened(browser, built_site, {})
    imported(page, path)
    assert page.locator("#audit-problems li").count() == 0
    assert page.input_value("#audit-date") == "2026-11-30"
    first = f"#audit-{CRITERIA[0][0]}-{CRITERIA[0][1]}"
    assert page.input_value(f"{first}-by") == "2027-01-05"
    assert page.inner_text("#audit-total") == str(2 * len(CRITERIA))


def test_a_file_from_before_enterprise_codes_imports(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    path = tmp_path / "lama.csv"
    old = audit_csv(["", "UD Lama", "Gudang", "Ani", "2026-10-01"])
    lines = [line.split(",", 1)[1] for line in old.splitlines()]
    path.write_text("\r\n".join(lines), encoding="utf-8")
    page = opened(browser, built_site, {})
    imported(page, path)
    assert page.input_value("#audit-enterprise") == "UD Lama"
    assert page.input_value("#audit-enterprise_code") == ""


def test_exported_text_never_runs_as_a_formula_and_reads_back(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    page = opened(browser, built_site, {})
    about = {
        "enterprise_code": "-7",
        "enterprise": '=HYPERLINK("http://x","klik")',
        "area": "+62 812",
        "auditor": "@budi",
    }
    for field, value in about.items():
        page.fill(f"#audit-{field}", value)
    page.check("input[type=radio] >> nth=2")
    data = export(page)
    row = next(csv.reader(io.StringIO(data.decode("utf-8-sig").splitlines()[1])))
    assert row[:4] == ["-7", '\'=HYPERLINK("http://x","klik")', "'+62 812", "'@budi"]
    (tmp_path / "formula.csv").write_bytes(data)
    elsewhere = opened(browser, built_site, {})
    imported(elsewhere, tmp_path / "formula.csv")
    assert [elsewhere.input_value(f"#audit-{f}") for f in about] == list(about.values())


def test_a_large_import_shows_progress_and_keeps_the_page_responsive(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    """5 MB: the same audit 1,600 times over, refused for its repeated criteria."""
    path = tmp_path / "besar.csv"
    path.write_text(
        audit_csv(["K-3", "UD Besar " + "x" * 40, "Gudang", "Ani", "2026-11-30"], rows=1600),
        encoding="utf-8",
    )
    assert path.stat().st_size > 5_000_000
    page = opened(browser, built_site, {})
    page.evaluate("""() => {
        window.seen = 0; window.ticks = 0; setInterval(() => window.ticks++, 50);
        new MutationObserver(() => { if (!document.getElementById('audit-progress').hidden)
          window.seen++; }).observe(document.getElementById('audit-progress'),
          {attributes: true});
    }""")
    start = time.monotonic()
    page.set_input_files("#audit-import", path)
    page.locator("#audit-problems li").first.wait_for()
    seconds = time.monotonic() - start
    assert seconds < 10
    assert page.evaluate("window.seen") > 3
    assert page.evaluate("window.ticks") >= seconds * 2  # timers ran: the page never froze long
    problems = page.locator("#audit-problems li").all_inner_texts()
    again = "/".join(CRITERIA[0])
    assert problems[0] == f"Line 37: the criterion '{again}' already appears on an earlier line."
    assert problems[-1] == f"… and {1599 * len(CRITERIA) - 10} more problems."
