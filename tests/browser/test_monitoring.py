"""The monitoring page in a real browser, from disk (file://) and over http: a generated cohort
imported and its figures checked against those worked out in Python (cohort_data.py); files
kept across a reload, exported merged, deleted; every bad file gets a located message."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from cohort_data import AS_OF, expected, write_cohort
from playwright.sync_api import Browser, Page
from test_audit import Errors

PAGE = {"id": "materi/program/pemantauan.html", "en": "en/materi/program/pemantauan.html"}


@pytest.fixture(params=["file", "http"])
def base(request: pytest.FixtureRequest, built_site: Path) -> str:
    if request.param == "file":
        return built_site.as_uri() + "/"
    return str(request.getfixturevalue("site_url"))


def opened(browser: Browser, url: str, files: list[Path], init: str = "") -> Page:
    page = browser.new_context().new_page()
    if init:
        page.add_init_script(init)
    page.goto(url)
    page.fill("#monitoring-as-of", AS_OF)
    page.dispatch_event("#monitoring-as-of", "change")
    if files:
        page.set_input_files("#monitoring-files", files)
        kept = re.compile(rf"^{len(files)} (berkas|files) ")
        page.locator("#monitoring-status").filter(has_text=kept).wait_for()
    return page


def cohort_shown(page: Page) -> dict[str, tuple[str, str, str, bool, bool]]:
    rows = page.locator("#monitoring-cohort-table tbody tr")
    shown = {}
    for cells in (rows.nth(i).locator("th, td").all_inner_texts() for i in range(rows.count())):
        days, overdue = cells[7].removesuffix(" (overdue)"), cells[7].endswith("(overdue)")
        shown[cells[0]] = (
            cells[5],
            cells[6],
            days,
            overdue or days == "no audit yet",
            cells[8] == "met",
        )
    return shown


def test_a_cohort_is_imported_and_its_figures_match_those_computed_apart(
    browser: Browser, base: str, tmp_path: Path
) -> None:
    write_cohort(tmp_path / "data")
    files = sorted((tmp_path / "data").glob("*.csv"))
    want = expected()
    errors = Errors()
    page = errors.watch(opened(browser, base + PAGE["en"], files))
    assert page.locator("#monitoring-problems li").count() == 0
    assert cohort_shown(page) == want.rows
    names = page.inner_text("#monitoring-overdue")
    assert [code for code in want.rows if code in names] == want.overdue
    weakest = page.locator("#monitoring-weakest-table tbody tr")
    assert [
        (weakest.nth(i).get_attribute("data-key"), weakest.nth(i).locator("td").first.inner_text())
        for i in range(weakest.count())
    ] == want.weakest
    for kpi, (index, improving, count) in want.kpis.items():
        cells = page.locator(f'#monitoring-kpi-table tr[data-kpi="{kpi}"] td').all_inner_texts()
        assert (cells[1], cells[2]) == (str(index), f"{improving} of {count}")
    assert page.locator("#monitoring-trends li svg circle.audit-point").count() == 24
    assert page.locator("#monitoring-radar polygon.monitoring-median").count() == 1
    assert page.locator("#monitoring-grid tbody tr").count() == 7
    open_, late = want.actions
    assert page.inner_text("#monitoring-actions p") == f"{open_} open, {late} past their due date."
    assert page.locator("#monitoring-actions-table tbody tr").count() == open_

    page.reload()  # kept in IndexedDB
    page.fill("#monitoring-as-of", AS_OF)
    page.dispatch_event("#monitoring-as-of", "change")
    page.locator("#monitoring-cohort-table").wait_for()
    assert cohort_shown(page) == want.rows
    with page.expect_download() as download:
        page.click("[data-action=export]")
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    merged = list(csv.DictReader(io.StringIO(text)))
    assert [r["code"] for r in merged] == list(want.rows)
    assert [r["last_percent"] for r in merged][:2] == [want.rows["E01"][0][:-2], "9"]

    page.on("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=delete]")
    page.locator("#monitoring-status").filter(has_text="deleted").wait_for()
    page.reload()
    assert page.locator("#monitoring-cohort-table").count() == 0
    assert errors == []


def test_without_indexeddb_the_page_works_for_as_long_as_it_is_open(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    write_cohort(tmp_path)
    refuse = "Object.defineProperty(window, 'indexedDB', {get() { throw new Error('off'); }})"
    page = opened(
        browser, (built_site / PAGE["id"]).as_uri(), sorted(tmp_path.glob("*.csv")), refuse
    )
    assert "tidak mengizinkan IndexedDB" in page.inner_text("#monitoring-status")
    assert page.locator("#monitoring-cohort-table tbody tr").count() == 7


def test_files_dropped_on_the_page_are_read(browser: Browser, built_site: Path) -> None:
    page = opened(browser, (built_site / PAGE["en"]).as_uri(), [])
    page.evaluate("""() => {
        const data = new DataTransfer();
        data.items.add(new File(["code,name,district,sector,size,cohort,start_date\\r\\n"
            + "X1,UD Satu,Tuban,logam,kecil,A,2026-01-05\\r\\n"], "roster.csv"));
        document.getElementById('monitoring-drop').dispatchEvent(
            new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
    }""")
    page.locator("#monitoring-cohort-table").wait_for()
    assert page.locator("#monitoring-cohort-table tbody th").all_inner_texts() == ["X1"]


ROSTER = (
    "code,name,district,sector,size,cohort,start_date\r\n"
    "E01,UD Satu,Tuban,logam,kecil,A,2026-01-05\r\n"
)
AUDIT = (
    "enterprise_code,enterprise,area,auditor,date,step,criterion,score,note,action_who,action_by"
)
KPI = "enterprise_code,month,kpi,value,baseline"
BAD = [
    (
        "judul.csv",
        "kode,nama\r\nE01,UD\r\n",
        "judul.csv, baris 1: judul kolom tidak dikenal; daftar usaha: code,name,",
    ),
    ("kosong.csv", "", "kosong.csv, baris 1: berkas kosong."),
    (
        "kutip.csv",
        f'{KPI}\r\nE01,2026-06,cacat,"12,1\r\n',
        'kutip.csv, baris 2: tanda kutip " tidak ditutup.',
    ),
    (
        "dua.csv",
        ROSTER.replace("E01", "E05") + "E05,UD Lain,Tegal,,,,\r\n",
        "dua.csv, baris 3: kode usaha 'E05' sudah ada di dua.csv:2",
    ),
    (
        "tanggal.csv",
        ROSTER.replace("E01", "E02").replace("2026-01-05", "31/02/2026"),
        "tanggal.csv, baris 2: '31/02/2026' bukan tanggal",
    ),
    (
        "asing.csv",
        f"{AUDIT}\r\nE09,UD,Gudang,Ani,2026-06-01,ringkas,hanya-barang-perlu,2,,,\r\n",
        "asing.csv, baris 2: kode usaha 'E09' tidak ada dalam daftar usaha.",
    ),
    (
        "tanpa-kode.csv",
        f"{AUDIT}\r\n,UD,Gudang,Ani,2026-06-01,ringkas,hanya-barang-perlu,2,,,\r\n",
        "tanpa-kode.csv, baris 2: enterprise_code kosong; isi kolom ini.",
    ),
    (
        "skor.csv",
        f"{AUDIT}\r\nE01,UD,Gudang,Ani,2026-06-01,ringkas,hanya-barang-perlu,7,,,\r\n",
        "skor.csv, baris 2: skor '7' harus 0, 1, 2, 3, 4 atau kosong.",
    ),
    (
        "kolom.csv",
        f"{KPI}\r\nE01,2026-06,cacat\r\n",
        "kolom.csv, baris 2: ada 3 kolom, seharusnya 5.",
    ),
    (
        "bulan.csv",
        f"{KPI}\r\nE01,Juni 2026,cacat,12,1\r\n",
        "bulan.csv, baris 2: 'Juni 2026' bukan bulan; tulis TTTT-BB",
    ),
    (
        "kpi.csv",
        f"{KPI}\r\nE01,2026-06,omzet,12,1\r\n",
        "kpi.csv, baris 2: KPI 'omzet' tidak dikenal; gunakan salah satu: produktivitas,",
    ),
    (
        "angka.csv",
        f"{KPI}\r\nE01,2026-06,cacat,dua belas,1\r\n",
        "angka.csv, baris 2: 'dua belas' bukan angka",
    ),
    (
        "dasar.csv",
        f"{KPI}\r\nE01,2026-06,cacat,12,ya\r\n",
        "dasar.csv, baris 2: baseline 'ya' harus 1 (bulan data dasar) atau kosong.",
    ),
    (
        "ulang.csv",
        f"{KPI}\r\nE01,2026-06,cacat,12,1\r\nE01,2026-06,cacat,13,\r\n",
        "ulang.csv, baris 3: nilai cacat untuk E01 bulan 2026-06 sudah ada di ulang.csv:2.",
    ),
]


def test_every_bad_file_gets_a_located_message_in_the_page_language(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    (tmp_path / "daftar-usaha.csv").write_text(ROSTER, encoding="utf-8")
    for name, text, _ in BAD:
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = [tmp_path / "daftar-usaha.csv", *(tmp_path / name for name, _, _ in BAD)]
    page = opened(browser, (built_site / PAGE["id"]).as_uri(), files)
    problems = page.locator("#monitoring-problems li").all_inner_texts()
    assert len(problems) == len(BAD)
    for _, _, message in BAD:
        assert [p for p in problems if p.startswith(message)], message


def test_files_excel_saved_in_windows_1252_with_semicolons_and_day_month_dates_import(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    roster = (
        ROSTER.replace("UD Satu", "Kafé Ñusa").replace(",", ";").replace("2026-01-05", "05/01/2026")
    )
    (tmp_path / "roster.csv").write_bytes(roster.encode("cp1252"))
    audit = f"{AUDIT}\r\nE01,Kafé,Gudang,Ani,30/11/2026,ringkas,hanya-barang-perlu,4,,,\r\n"
    (tmp_path / "audit.csv").write_bytes(audit.replace(",", ";").encode("cp1252"))
    page = opened(
        browser,
        (built_site / PAGE["en"]).as_uri(),
        [tmp_path / "roster.csv", tmp_path / "audit.csv"],
    )
    assert page.locator("#monitoring-problems li").count() == 0
    assert cohort_shown(page)["E01"][2] == "0"
    assert page.locator("#monitoring-cohort-table td").nth(0).inner_text() == "Kafé Ñusa"
