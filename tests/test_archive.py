"""`make zip`: one dated archive of the built site with a note to open index.html, the same
bytes for the same site, and never one of a site built with participants' names."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from scoresite.problems import SiteError
from scoresite.publish.archive import write_zip

EPOCH = 1764633600  # 2025-12-02 00:00 UTC


def test_archive_is_dated_reproducible_and_says_how_to_open_it(
    built_site: Path, tmp_path: Path
) -> None:
    first = write_zip(built_site, tmp_path / "modules", tmp_path / "a", EPOCH)
    second = write_zip(built_site, tmp_path / "modules", tmp_path / "b", EPOCH)
    assert first.name == "score-5r-2025-12-02.zip"
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        note = archive.read("score-5r/BACA-SAYA.txt").decode("utf-8")
        assert archive.testzip() is None
    assert "score-5r/index.html" in names and "score-5r/en/index.html" in names
    site_files = [p for p in built_site.rglob("*") if p.is_file()]
    assert len(names) == len(site_files) + 1
    assert "buka berkas index.html" in note and "open the file index.html" in note
    assert "2025-12-02" in note


def test_no_archive_of_a_site_with_participants_names(built_site: Path, tmp_path: Path) -> None:
    modules = tmp_path / "modules"
    modules.mkdir()
    (modules / "peserta.csv").write_text("nama\nSiti Aminah\nBudi\n", encoding="utf-8")
    with pytest.raises(SiteError, match=r"2 participants are named in .*modules/peserta\.csv"):
        write_zip(built_site, modules, tmp_path / "out", EPOCH)
    assert not (tmp_path / "out").exists()
