"""Loading and validation: good content loads; each bad fixture reports its exact problem."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from scoresite.cli import main
from scoresite.problems import ContentError
from scoresite.validate import load_project

DATA = Path(__file__).parent / "data"
BAD = sorted((DATA / "bad").glob("*.yml"))


def expectations(case: Path) -> list[str]:
    lines = case.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def test_good_fixture_loads() -> None:
    project = load_project(DATA / "good")
    assert [m.id for m in project.modules] == ["kerja-sama"]
    assert project.modules[0].sessions[1].minutes == 30


def test_real_content_is_valid() -> None:
    project = load_project(Path(__file__).parents[1] / "modules")
    assert project.modules[0].id == "kerja-sama"


@pytest.mark.parametrize("case", BAD, ids=[c.name for c in BAD])
def test_bad_fixture_reports_file_line_and_message(
    case: Path, tmp_project: Callable[..., Path]
) -> None:
    target = case.name.split(".", 1)[1]
    root = tmp_project(files={target: case.read_text(encoding="utf-8")})
    with pytest.raises(ContentError) as raised:
        load_project(root / "modules")
    report = raised.value.report()
    for expected in expectations(case):
        assert f"modules/{target}:{expected}" in report, report


def test_all_problems_are_reported_at_once(tmp_project: Callable[..., Path]) -> None:
    module = (DATA / "good" / "modul-1-contoh.yml").read_text(encoding="utf-8")
    module = module.replace("minutes: 20", "menit: 20").replace("rows: 4", "rows: many")
    module = module.replace("minutes: 30\n    objectives", "minutes: 35\n    objectives")
    glossary = "terms:\n  - id: UKM\n    term: UKM\n    definition: x\n"
    root = tmp_project(files={"modul-1-contoh.yml": module, "glossary.yml": glossary})
    with pytest.raises(ContentError) as raised:
        load_project(root / "modules")
    files = {p.path for p in raised.value.problems}
    assert files == {"modules/modul-1-contoh.yml", "modules/glossary.yml"}
    assert len(raised.value.problems) >= 5
    # the module has type errors, yet its well-formed session is still checked
    assert "session 'sesi-b' lasts 35 minutes but its activities add up to 30" in str(raised.value)
    assert raised.value.report().endswith("problem(s) in 2 file(s)")


def test_missing_and_unknown_files_are_named(tmp_project: Callable[..., Path]) -> None:
    root = tmp_project()
    (root / "modules" / "5r.yml").unlink()
    (root / "modules" / "catatan.yml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_project(root / "modules")
    report = raised.value.report()
    assert "modules/5r.yml:1:1: missing file 5r.yml" in report
    assert "modules/catatan.yml:1:1: unknown file name" in report


def test_check_command_exits_1_without_traceback(
    tmp_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    case = DATA / "bad" / "unknown-key.modul-1-contoh.yml"
    root = tmp_project(files={"modul-1-contoh.yml": case.read_text(encoding="utf-8")})
    assert main(["check", str(root / "modules")]) == 1
    err = capsys.readouterr().err
    assert "did you mean 'minutes'?" in err
    assert "Traceback" not in err
    assert main(["check", str(DATA / "good")]) == 0


def test_new_module_scaffold_is_valid_and_never_overwrites(tmp_path: Path) -> None:
    modules = tmp_path / "modules"
    shutil.copytree(DATA / "good", modules)
    command = ["new-module", "--id", "pemasaran", "--number", "6", "--modules", str(modules)]
    assert main(command) == 0
    project = load_project(modules)
    assert [m.number for m in project.modules] == [1, 6]
    before = (modules / "modul-6-pemasaran.yml").read_text(encoding="utf-8")
    assert main(command) == 1
    assert (modules / "modul-6-pemasaran.yml").read_text(encoding="utf-8") == before


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_project: Callable[..., Path]) -> None:
    root = tmp_project()
    (root / "modules" / "glossary.yml").write_bytes(b"terms:\n  - id: caf\xe9\n")
    with pytest.raises(ContentError) as raised:
        load_project(root / "modules")
    assert "modules/glossary.yml:2:12: this file is not UTF-8 text" in raised.value.report()
