"""Loading and validation: good content loads; each bad fixture reports its exact problem."""

from __future__ import annotations

import codecs
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from scoresite.cli import main
from scoresite.problems import ContentError
from scoresite.validate import load_project

DATA = Path(__file__).parent / "data"
BAD = sorted((DATA / "bad").glob("*.yml"))


def expectations(case: Path, key: str = "expect") -> list[str]:
    lines = case.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(f"# {key}: ") for line in lines if line.startswith(f"# {key}: ")]


def set_up(case: Path, modules: Path, outside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a case's `# setup:` lines in its modules/ folder: entries a YAML file cannot be.

    folder NAME / fifo NAME / big NAME BYTES / write NAME TEXT (Python escapes) /
    link NAME TARGET / secret NAME (a link to a file outside the project) /
    unreadable NAME (chmod 000; as root, whom permissions do not stop, reading it fails the
    same way through a patched Path.read_bytes).
    """
    for line in expectations(case, "setup"):
        op, name, *rest = line.split(" ", 2)
        path = modules / name
        if op == "folder":
            path.mkdir()
        elif op == "fifo":
            os.mkfifo(path)
        elif op == "big":
            path.write_bytes(b"# " + b"x" * int(rest[0]) + b"\n")
        elif op == "write":
            path.write_bytes(codecs.decode(rest[0], "unicode_escape").encode("latin-1"))
        elif op == "link":
            path.symlink_to(rest[0])
        elif op == "secret":
            (outside / "secret.yml").write_text("password: geheim-123\n", encoding="utf-8")
            path.symlink_to(outside / "secret.yml")
        elif op == "unreadable":
            path.write_text("terms: []\n", encoding="utf-8")
            path.chmod(0)
            if os.geteuid() == 0:

                def refuse(self: Path, locked: Path = path, real: Any = Path.read_bytes) -> bytes:
                    if self == locked:
                        raise PermissionError(13, "Permission denied")
                    return real(self)

                monkeypatch.setattr(Path, "read_bytes", refuse)
        else:
            raise ValueError(f"{case.name}: unknown setup {op!r}")


def case_files(case: Path) -> dict[str, str]:
    """The case file is its target file (`name.TARGET.yml`; `none` for no file); sections
    after a line `# --- file: NAME` are further files of the case."""
    target = case.name.split(".", 1)[1]
    parts = re.split(r"^# --- file: (\S+)\n", case.read_text(encoding="utf-8"), flags=re.M)
    files = dict(zip(parts[1::2], parts[2::2], strict=True))
    if target != "none.yml":
        files[target] = parts[0]
    return files


@pytest.mark.parametrize("case", BAD, ids=[c.name for c in BAD])
def test_bad_fixture_reports_file_line_and_message(
    case: Path,
    tmp_project: Callable[..., Path],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each `# expect: LINE:COL: text` is in the report for the case's file, each
    `# expect: FILE:LINE:COL: text` for another file; `# expect-total: N` counts every
    problem (so none spill into files that are fine); `# expect-not: text` never appears."""
    target = case.name.split(".", 1)[1]
    root = tmp_project(files=case_files(case))
    set_up(case, root / "modules", tmp_path_factory.mktemp("outside"), monkeypatch)
    with pytest.raises(ContentError) as raised:
        load_project(root / "modules")
    report = raised.value.report()
    for expected in expectations(case):
        place = expected if re.match(r"[^:]+\.(ya?ml|csv):", expected) else f"{target}:{expected}"
        assert f"modules/{place}" in report, report
    for total in expectations(case, "expect-total"):
        assert len(raised.value.problems) == int(total), report
    for unwanted in expectations(case, "expect-not"):
        assert unwanted not in report, report


def test_there_are_golden_cases_for_every_kind_of_problem() -> None:
    assert len(BAD) >= 45


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
