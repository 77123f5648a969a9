"""Two builds of one project at once: one waits its turn or stops clearly; site/ is whole."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import run_build
from scoresite import lock
from test_build import digest


def start_build(root: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "scoresite", "build", "--site-dir", str(root / "site")]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    return subprocess.Popen(command, cwd=root, env=env, text=True, stderr=subprocess.PIPE)


def test_two_builds_at_once_leave_a_whole_site(tmp_project: Callable[..., Path]) -> None:
    root = tmp_project()
    assert run_build(root, root / "alone").returncode == 0
    expected = digest(root / "alone")
    builds = [start_build(root), start_build(root)]
    results = [(b.wait(timeout=600), b.stderr.read() if b.stderr else "") for b in builds]
    for code, stderr in results:
        assert code == 0 or (code == 1 and "another build is running (pid " in stderr), stderr
        assert "Traceback" not in stderr
    assert 0 in [code for code, _ in results]
    assert digest(root / "site") == expected  # every file of a normal build, none missing
    assert not [p.name for p in root.glob(".site.*")]  # no temporary folder left behind


def test_a_second_build_stops_at_once_with_the_pid_of_the_first(
    tmp_project: Callable[..., Path],
) -> None:
    root = tmp_project()
    fd, _ = lock.acquire(root, wait=False)  # this test plays the first build
    try:
        refused = run_build(root, root / "site")
        assert refused.returncode == 1
        assert f"another build is running (pid {os.getpid()}); wait for it or stop it" in (
            refused.stderr
        )
        assert not (root / "site").exists()
        plain = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        assert plain.returncode == 1
        assert f"another build is running (pid {os.getpid()})" in plain.stderr
        assert not (root / ".cache" / "pages").exists()
    finally:
        lock.release(fd, inherited=False)
    assert run_build(root, root / "site").returncode == 0
