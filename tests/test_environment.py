"""Environment values the build reads are checked first, one line each; a disk that fills up
during the build is named in one line, and the previous site stays."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from scoresite import environment
from scoresite.cli import main

EPOCH = (
    "is not a time; it is the build's date in seconds since 1970 "
    "(e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)), or unset it to use the last commit's"
)
PDFS = "is not 0 or 1; 0 builds the pages without PDFs, 1 (or unset) builds everything"
WRONG = {  # (variable, value): the line
    ("SOURCE_DATE_EPOCH", "gestern"): f"SOURCE_DATE_EPOCH='gestern' {EPOCH}",
    ("SOURCE_DATE_EPOCH", ""): f"SOURCE_DATE_EPOCH='' {EPOCH}",
    ("SOURCE_DATE_EPOCH", "-1"): f"SOURCE_DATE_EPOCH='-1' {EPOCH}",
    ("SOURCE_DATE_EPOCH", "1.7e9"): f"SOURCE_DATE_EPOCH='1.7e9' {EPOCH}",
    ("SOURCE_DATE_EPOCH", " 1700000000"): f"SOURCE_DATE_EPOCH=' 1700000000' {EPOCH}",
    ("SOURCE_DATE_EPOCH", "١٧٠٠٠٠٠٠٠٠"): f"SOURCE_DATE_EPOCH='١٧٠٠٠٠٠٠٠٠' {EPOCH}",
    ("SOURCE_DATE_EPOCH", "9" * 30): f"SOURCE_DATE_EPOCH='{'9' * 30}' {EPOCH}",
    ("SOURCE_DATE_EPOCH", "\x1b[2K"): f"SOURCE_DATE_EPOCH='\\x1b[2K' {EPOCH}",
    ("SCORESITE_PDFS", "yes"): f"SCORESITE_PDFS='yes' {PDFS}",
}


@pytest.mark.parametrize("given", WRONG, ids=[f"{k}={v!r}" for k, v in WRONG])
def test_a_wrong_environment_value_is_one_line(given: tuple[str, str]) -> None:
    assert environment.problems(dict([given])) == [WRONG[given]]


def test_good_environment_values_pass() -> None:
    good = {"SOURCE_DATE_EPOCH": "1700000000", "SCORESITE_PDFS": "0"}
    assert environment.problems(good) == environment.problems({}) == []


def test_build_and_mkdocs_stop_at_a_wrong_value_before_anything_else(
    tmp_project: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_project()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gestern")
    site = root / "site"
    assert main(["build", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site)])
    assert capsys.readouterr().err == f"SOURCE_DATE_EPOCH='gestern' {EPOCH}\n"
    assert not site.exists() and not (root / ".cache").exists()
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    done = subprocess.run(mkdocs, cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"SOURCE_DATE_EPOCH='gestern' {EPOCH}" in done.stderr


# mkdocs copies the theme's files first: there the disk is full (a real tmpfs of 1 MB gives
# the same message, see the README)
FULL_DISK = """
import errno, os, shutil
real = shutil.copyfile
def copyfile(source, target, **kwargs):
    if ".site.build-" in str(target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
    return real(source, target, **kwargs)
shutil.copyfile = copyfile
"""


def test_a_full_disk_is_one_line_and_the_site_stays(tmp_project: Callable[..., Path]) -> None:
    root = tmp_project()
    (root / "full").mkdir()
    (root / "full" / "sitecustomize.py").write_text(FULL_DISK, encoding="utf-8")
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    command = [sys.executable, "-m", "scoresite", "build", "--site-dir", str(site)]
    env = dict(os.environ, PYTHONPATH=str(root / "full"), SCORESITE_PDFS="0")
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr == environment.FULL_DISK.format(site=site) + "\n"
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert not list(root.glob(".site.*"))
