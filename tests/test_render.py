"""Model → Markdown pages: clock times, both languages, two views, text never HTML."""

from __future__ import annotations

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


def test_run_sheet_gives_each_activity_its_clock_time(pages: dict[str, str]) -> None:
    session = pages["materi/kerja-sama/sesi-a.md"]
    assert "| 08.00–08.20 | 20 | Pembukaan | Paparan |" in session
    assert "| 08.20–09.00 | 40 | Diskusi | Diskusi |" in session
    later = pages["materi/kerja-sama/sesi-b.en.md"]
    assert "| 09:15–09:45 | 30 | Exercise | Exercise |" in later


def test_every_page_exists_in_both_languages(pages: dict[str, str]) -> None:
    indonesian = {p for p in pages if not p.endswith(".en.md")}
    english = {p.removesuffix(".en.md") + ".md" for p in pages if p.endswith(".en.md")}
    assert indonesian == english
    assert len(indonesian) == 12


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
