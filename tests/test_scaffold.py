"""`make new-module`: values never pass through a shell; everything `make check` would refuse
is refused before a file is written, in one line."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from scoresite.cli import main
from scoresite.validate import load_project

EXAMPLE = "e.g. make new-module ID=pemasaran NUMBER=6"
SAFE = "is not a safe id; use lower-case letters, digits and single hyphens, e.g. ID=pemasaran"
RANGE = "is not a module number; use a whole number from 1 to 99, e.g. NUMBER=6"
REFUSED = {  # (ID, NUMBER): the one line printed
    (None, "6"): f"ID is missing; name the module, {EXAMPLE}",
    ("pemasaran", None): f"NUMBER is missing; give the module's number, {EXAMPLE}",
    ("", ""): f"ID is missing; name the module, {EXAMPLE}",
    ("kerja-sama", "6"): (
        "ID=kerja-sama is already used in modules/modul-1-contoh.yml; choose another ID"
    ),
    ("pemasaran", "1"): (
        "NUMBER=1 is already used in modules/modul-1-contoh.yml; choose another NUMBER"
    ),
    ("pemasaran", "0"): f"NUMBER='0' {RANGE}",
    ("pemasaran", "-3"): f"NUMBER='-3' {RANGE}",
    ("pemasaran", "100"): f"NUMBER='100' {RANGE}",
    ("pemasaran", "6.5"): f"NUMBER='6.5' {RANGE}",
    ("pemasaran", "٣"): f"NUMBER='٣' {RANGE}",  # an Arabic-Indic digit: isdigit() says yes
    ("a" * 61, "6"): (
        "ID of 61 characters is longer than the limit of 60; ids become file names: "
        "use a few words, e.g. ID=pemasaran"
    ),
    ("a" * 1000, "6"): (
        "ID of 1000 characters is longer than the limit of 60; ids become file names: "
        "use a few words, e.g. ID=pemasaran"
    ),
    ("Pemasaran", "6"): f"ID='Pemasaran' {SAFE}",
    ("../x", "6"): f"ID='../x' {SAFE}",
    ('`touch pwned`"', "6"): f"ID='`touch pwned`\"' {SAFE}",
    ("x\x1b[2K\ry", "6"): f"ID='x\\x1b[2K\\ry' {SAFE}",
    ("program", "6"): "ID=program is taken by the site itself; choose an id other than 5r, program",
}


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("given", REFUSED, ids=[repr(k)[:40] for k in REFUSED])
def test_refused_input_writes_nothing_and_says_why_in_one_line(
    given: tuple[str | None, str | None],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    modules = tmp_path / "modules"
    shutil.copytree(DATA / "good", modules)
    before = _snapshot(modules)
    monkeypatch.chdir(tmp_path)
    for variable, value in zip(("SCORESITE_ID", "SCORESITE_NUMBER"), given, strict=True):
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, value)
    assert main(["new-module"]) == 1
    assert capsys.readouterr().err == REFUSED[given] + "\n"
    assert _snapshot(modules) == before


def test_the_scaffold_passes_check_and_explains_its_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modules = tmp_path / "modules"
    shutil.copytree(DATA / "good", modules)
    command = ["new-module", "--id", "pemasaran", "--number", "6", "--modules", str(modules)]
    assert main(command) == 0
    text = (modules / "modul-6-pemasaran.yml").read_text(encoding="utf-8")
    assert [m.number for m in load_project(modules).modules] == [1, 6]
    for explained in ("counting from 1", "`after:` names the session", "must add up"):
        assert explained in text


def _make(project: Path, *arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ID", "NUMBER", "MAKEFLAGS")}
    return subprocess.run(
        ["make", "-s", "new-module", *arguments],
        cwd=project,
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_make_passes_id_and_number_as_plain_text(tmp_path: Path) -> None:
    """Quotes, backticks and $(shell …) in ID or NUMBER, on the command line or in the
    environment, run nothing and are refused as text."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)  # its date: the venv stays up to date
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    shutil.copytree(DATA / "good", tmp_path / "modules")
    before = _snapshot(tmp_path / "modules")
    hostile = '`touch pwned-1`"$(shell touch pwned-2)\'$$(touch pwned-3)'
    for result in (
        _make(tmp_path, f"ID={hostile}", "NUMBER=$(shell touch pwned-4)"),
        _make(tmp_path, ID=hostile, NUMBER="6"),
    ):
        assert result.returncode != 0
        assert result.stderr.splitlines()[0] == f"ID={hostile!r} {SAFE}", result.stderr
        assert not list(tmp_path.glob("pwned*"))
        assert _snapshot(tmp_path / "modules") == before
    result = _make(tmp_path, "ID=pemasaran", "NUMBER=6")
    wrote = "wrote modules/modul-6-pemasaran.yml; now edit it\n"
    assert (result.returncode, result.stdout) == (0, wrote)
