"""modules/peserta.csv: read with the rules of the YAML files; names the fonts cannot draw
are named in a warning. (Files that cannot be read are golden cases in tests/data/bad/.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from scoresite.cli import main
from scoresite.participants import MAX_ROWS, Participant, read_participants


def _csv(tmp_path: Path, text: str) -> Path:
    modules = tmp_path / "modules"
    modules.mkdir(parents=True)
    (modules / "peserta.csv").write_text(text, encoding="utf-8")
    return modules


def test_a_cell_over_two_lines_is_one_name_and_excel_bom_and_semicolons_work(
    tmp_path: Path,
) -> None:
    modules = _csv(tmp_path, '\ufeffNama;Perusahaan\r\n"Budi\r\nSantoso";CV Maju\r\nAni;PT B\r\n')
    people = [Participant("Budi Santoso", "CV Maju"), Participant("Ani", "PT B")]
    assert read_participants(modules) == ({"": people}, [])


def test_rows_beyond_the_limit_are_refused_at_their_line(tmp_path: Path) -> None:
    modules = _csv(tmp_path, "nama\n" + "Budi\n" * MAX_ROWS)
    assert read_participants(modules)[1] == []
    modules = _csv(tmp_path / "more", "nama\n" + "Budi\n" * (MAX_ROWS + 1))
    (found,) = read_participants(modules)[1]
    assert str(found).startswith(f"modules/peserta.csv:{MAX_ROWS + 2}:1: more than {MAX_ROWS}")


def test_a_name_too_long_for_a_certificate_is_refused(tmp_path: Path) -> None:
    (found,) = read_participants(_csv(tmp_path, "nama\n" + "Budi " * 30 + "\n"))[1]
    assert str(found).startswith(
        "modules/peserta.csv:2:1: the name has 149 characters; a certificate prints at most 80"
    )


def test_names_the_fonts_cannot_draw_get_a_located_warning(
    tmp_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_project()
    names = "nama,perusahaan\nJosé Müller,CV A\nꦧꦸꦢꦶ,CV B\nAni 🙂,CV 🙂\n"
    (root / "modules" / "peserta.csv").write_text(names, encoding="utf-8")
    assert main(["check", str(root / "modules")]) == 0
    out = capsys.readouterr().out.splitlines()
    warnings = [line for line in out if "warning" in line]
    assert warnings == [
        "modules/peserta.csv:3:1: warning: the certificate fonts cannot draw ꦢ (U+A9A2) "
        "ꦧ (U+A9A7) ꦶ (U+A9B6) ꦸ (U+A9B8); they print as empty boxes. Write it in "
        "Latin letters",
        "modules/peserta.csv:4:1: warning: the certificate fonts cannot draw 🙂 (U+1F642); "
        "they print as empty boxes. Write it in Latin letters",
        "modules/peserta.csv:4:2: warning: the certificate fonts cannot draw 🙂 (U+1F642); "
        "they print as empty boxes. Write it in Latin letters",
    ]


def test_messages_reach_the_terminal_with_control_characters_escaped(
    tmp_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_project()
    glossary = root / "modules" / "glossary.yml"
    glossary.write_text('"\\e[2K\\r\\e[32mOK": 1\n' + glossary.read_text("utf-8"), "utf-8")
    assert main(["check", str(root / "modules")]) == 1
    err = capsys.readouterr().err
    assert "modules/glossary.yml:1:1: unknown key '\\x1b[2K\\r\\x1b[32mOK'" in err
    assert "\x1b" not in err and "\r" not in err
