"""SITE_URL is checked before anything is built: each hostile value in tests/data/site-url/
(first line: the expected message, second line: the value) stops the build with its line."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from scoresite.cli import main
from scoresite.publish.address import MAX_LENGTH, checked

CASES = sorted((Path(__file__).parent / "data" / "site-url").glob("*.txt"))


def _case(path: Path) -> tuple[str, str]:
    message, value, _ = path.read_text(encoding="utf-8").split("\n")
    return message, value


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_hostile_site_url_stops_the_build_with_one_line(
    path: Path,
    tmp_project: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    message, value = _case(path)
    project = tmp_project()
    monkeypatch.setenv("SITE_URL", value)
    config, site = project / "mkdocs.yml", project / "site"
    assert main(["build", "--config-file", str(config), "--site-dir", str(site)]) == 1
    assert capsys.readouterr().err == message + "\n"
    assert not site.exists() and not (project / ".cache").exists()  # nothing built, no lock


@pytest.mark.parametrize(
    "value",
    ["", "https://pelatihan.contoh.id/score-5r/", "http://127.0.0.1:8108/score-5r/",
     "https://contoh.id"],
)
def test_plain_addresses_pass(value: str) -> None:
    assert checked(value) == value


def test_the_longest_address_a_qr_code_carries_passes() -> None:
    value = "https://contoh.id/" + "a" * (MAX_LENGTH - len("https://contoh.id/"))
    assert checked(value) == value


def test_mkdocs_build_alone_stops_at_a_hostile_address(tmp_project: Callable[..., Path]) -> None:
    message, value = _case(CASES[0])
    project = tmp_project()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, SITE_URL=value),
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert not (project / "site").exists()


def test_names_of_participants_are_never_built_for_a_published_address(
    tmp_project: Callable[..., Path],
) -> None:
    project = tmp_project(files={"peserta.csv": "nama\nSiti Aminah\n"})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, SITE_URL="https://pelatihan.contoh.id/score-5r/"),
    )
    assert result.returncode == 1
    assert "1 participants are named in" in result.stderr and "peserta.csv" in result.stderr
    assert "Siti" not in result.stderr
    assert not (project / "site").exists()
