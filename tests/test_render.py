"""Model → Markdown pages: clock times, both languages, two views, text never HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scoresite.model import Project
from scoresite.render import render_all
from scoresite.validate import load_project

GOOD = Path(__file__).parent / "data" / "good"


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(GOOD)


@pytest.fixture(scope="module")
def pages(project: Project) -> dict[str, str]:
    return render_all(project, [])


def test_schedule_clock_times_follow_the_minutes(pages: dict[str, str]) -> None:
    # sesi-a 60 min from 08:00, a 15-minute break, then sesi-b 30 min
    module_id = pages["materi/kerja-sama/index.md"]
    assert "| 08.00–09.00 | [Sesi A](sesi-a.md) | 60 |" in module_id
    assert "| 09.00–09.15 | *Rehat kopi* | 15 |" in module_id
    assert "| 09.15–09.45 | [Sesi B](sesi-b.md) | 30 |" in module_id
    module_en = pages["materi/kerja-sama/index.en.md"]
    assert "| 09:15–09:45 | [Session B](sesi-b.md) | 30 |" in module_en


def run_sheet_rows(page: str) -> list[list[tuple[str, str]]]:
    """(label, text) of each cell of each activity row of a run-sheet."""
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    return [
        re.findall(r'<td data-label="([^"]+)"[^>]*>(.*?)</td>', row)
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    ]


def test_run_sheet_gives_each_activity_its_clock_time(pages: dict[str, str]) -> None:
    first = run_sheet_rows(pages["materi/kerja-sama/sesi-a.md"])
    rows = [[text for _, text in row] for row in first]
    assert rows[0][:4] == ["08.00–08.20", "20", "Pembukaan", "Paparan"]
    assert rows[1][:4] == ["08.20–09.00", "40", "Diskusi", "Diskusi"]
    later = run_sheet_rows(pages["materi/kerja-sama/sesi-b.en.md"])
    assert [text for _, text in later[0]][:4] == ["09:15–09:45", "30", "Exercise", "Exercise"]


def test_run_sheet_cells_carry_their_column_name_for_phone_cards(pages: dict[str, str]) -> None:
    for path, labels in (
        ("materi/kerja-sama/sesi-a.md", ["Waktu", "Menit", "Kegiatan", "Metode"]),
        ("materi/kerja-sama/sesi-a.en.md", ["Time", "Minutes", "Activity", "Method"]),
    ):
        rows = run_sheet_rows(pages[path])
        assert rows
        for row in rows:
            assert [label for label, _ in row][:4] == labels
            assert len(row) == 5


def test_every_page_exists_in_both_languages(pages: dict[str, str]) -> None:
    indonesian = {p for p in pages if not p.endswith(".en.md")}
    english = {p.removesuffix(".en.md") + ".md" for p in pages if p.endswith(".en.md")}
    assert indonesian == english
    assert len(indonesian) == 15  # with the exports, monitoring and KPI entry pages


def test_html_in_yaml_is_shown_as_text(pages: dict[str, str]) -> None:
    session = pages["materi/kerja-sama/sesi-a.md"]
    assert "Dengarkan &lt;b&gt;ini&lt;/b&gt;." in session
    assert "<b>ini</b>" not in session


def test_participant_pages_hold_no_trainer_notes_or_answers(pages: dict[str, str]) -> None:
    participant = [p for p in pages if "/lembar-kerja/" in p or p.split("/")[-1].startswith("tes.")]
    assert participant
    for path in participant:
        for secret in ("Catatan pelatih rahasia", "Secret trainer note", "Kunci rahasia"):
            assert secret not in pages[path], path
    assert "Catatan pelatih rahasia" in pages["materi/kerja-sama/sesi-a.md"]
    assert "Kunci rahasia" in pages["materi/kerja-sama/pelatih.md"]


def test_worksheet_has_header_boxes_table_rows_and_tick_list(pages: dict[str, str]) -> None:
    sheet = pages["materi/kerja-sama/lembar-kerja/lk-a.md"]
    assert "[Sesi 1.1: Sesi A](../sesi-a.md)" in sheet
    for label in ("Tanggal", "Perusahaan", "Tim", "Tanda tangan"):
        assert f"<th>{label}</th>" in sheet
    assert '<div class="ws-box" style="--lines: 3"></div>' in sheet
    assert "| No. | Kolom | Jumlah |" in sheet
    assert "| 4 |   |   |" in sheet
    assert "- [ ] Satu" in sheet


def test_pages_stay_inside_the_generated_folder(pages: dict[str, str]) -> None:
    for path in pages:
        assert path.startswith("materi/") and ".." not in path
