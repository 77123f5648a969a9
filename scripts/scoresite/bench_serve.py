"""`make bench`'s save → reload row: seconds from saving a YAML file to `mkdocs serve`
answering with the changed page, and the server's CPU seconds in between.

Also on its own: `make bench-serve` (a few minutes less than the whole bench).
"""

from __future__ import annotations

import functools
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

SAVES = 3  # one text edited, then saved, this many times; the median is kept
SERVE = ("mkdocs", "serve", "--dirty")  # as `make serve` runs it


@dataclass(frozen=True)
class Reload:
    wall: float  # save → the changed page served
    cpu: float  # the server's CPU seconds for that rebuild (its own and its waited-for workers')


def edit_module(path: Path, n: int) -> str:
    """Change the n-th activity instruction of a module (one text, one language)."""
    text = path.read_text(encoding="utf-8")
    spots = [m.end() for m in re.finditer(r"instructions:\s*\n\s+id: ", text)]
    text = text[: spots[n]] + f"(suntingan {n}) " + text[spots[n] :]
    path.write_text(text, encoding="utf-8")
    return f"(suntingan {n})"


def serve_reload(root: Path, env: dict[str, str]) -> Reload:
    """Median over `SAVES` one-text edits of the third module of `root` (a copy of the
    project), after the first build of `make serve` (the printables of an edited text are
    made after its page; the next save waits for them)."""
    module = sorted((root / "modules").glob("modul-*.yml"))[2]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", *SERVE, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=dict(os.environ, **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with (root / "mkdocs.yml").open(encoding="utf-8") as file:
            base = yaml_load(file)["site_url"]
        data = yaml.safe_load(module.read_text(encoding="utf-8"))
        page = f"{base.split('/', 3)[3]}materi/{data['id']}/{data['sessions'][0]['id']}.html"
        address = f"http://127.0.0.1:{port}/{page}"
        _wait(functools.partial(_shows, address, "</html>"), 600)
        runs = []
        for n in range(SAVES):
            _settle(server.pid)
            cpu = _cpu_seconds(server.pid)
            marker = edit_module(module, n)
            saved = time.perf_counter()
            _wait(functools.partial(_shows, address, marker), 300)
            wall = time.perf_counter() - saved
            _settle(server.pid)
            runs.append(Reload(wall, _cpu_seconds(server.pid) - cpu))
        return Reload(*(statistics.median(getattr(r, f) for r in runs) for f in ("wall", "cpu")))
    finally:
        stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    """As Ctrl-C does, so that it removes its temporary site (SIGTERM leaves it in /tmp); one
    that ignores SIGINT (started in the background by a shell) is terminated."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.terminate()
        server.wait(timeout=30)


def _cpu_seconds(pid: int) -> float:
    """utime + stime + cutime + cstime of a process, from /proc (Linux)."""
    return sum(_times(pid)) / os.sysconf("SC_CLK_TCK")


def _times(pid: int, *, children: bool = True) -> list[int]:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return [int(x) for x in fields[11 : 15 if children else 13]]


def _settle(pid: int) -> None:
    """Wait until the server and its running children (the PDF workers of printables made
    after the pages) have used no CPU for half a second (a build and its printables ended)."""
    before = _busy(pid)
    while True:
        time.sleep(0.5)
        now = _busy(pid)
        if now - before < 0.02 * os.sysconf("SC_CLK_TCK"):
            return
        before = now


def _busy(pid: int) -> int:
    """Clock ticks used by a process and by its children still running."""
    total = sum(_times(pid))
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                total += sum(_times(int(stat.parent.name), children=False))
        except (OSError, IndexError, ValueError):
            continue  # ended meanwhile
    return total


def _shows(address: str, text: str) -> bool:
    return text in _fetch(address)


def _fetch(address: str) -> str:
    try:
        with urllib.request.urlopen(address, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait(done: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("mkdocs serve did not answer in time")
        time.sleep(0.05)
