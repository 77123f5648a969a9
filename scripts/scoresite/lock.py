"""One build at a time per project: an advisory lock on `.cache/build.lock`.

`scoresite build` takes the lock and hands it to its `mkdocs build` child through an inherited
file descriptor (named in SCORESITE_LOCK_FD); `mkdocs build` and `mkdocs serve` run alone take
it in the hook (`Shared`: `mkdocs serve --dirty` holds it for a build and for the printables
made in the background after the one before). The kernel drops the lock when its process
ends, so a killed build never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import sys
import threading
from pathlib import Path

from .problems import SiteError

FD_VARIABLE = "SCORESITE_LOCK_FD"


def lock_file(root: Path) -> Path:
    return root / ".cache" / "build.lock"


def _inherited(path: Path) -> int | None:
    """The lock descriptor a parent `scoresite build` passed down, if it is really ours."""
    value = os.environ.get(FD_VARIABLE, "")
    if not value.isdigit() or not path.exists():
        return None
    try:
        same = os.fstat(int(value)).st_ino == path.stat().st_ino
    except OSError:
        return None
    return int(value) if same else None


def acquire(root: Path, *, wait: bool) -> tuple[int, bool]:
    """Take the project's build lock; return its descriptor and whether it was inherited.

    When another build holds it: wait for it (`wait`), or raise a SiteError naming its pid.
    """
    path = lock_file(root)
    inherited = _inherited(path)
    if inherited is not None:
        return inherited, True
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
        if not wait:
            os.close(fd)
            raise SiteError(
                f"another build is running (pid {holder}); wait for it or stop it"
            ) from None
        print(f"waiting for another build (pid {holder}) to finish", file=sys.stderr)
        fcntl.flock(fd, fcntl.LOCK_EX)
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    return fd, False


def release(fd: int, inherited: bool) -> None:
    """Give the lock back; an inherited one stays with the parent that holds it."""
    if not inherited:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


class Shared:
    """The lock held in one process for several holders at once; let go when the last one is
    done."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._held: tuple[int, bool] | None = None
        self._holders: set[str] = set()

    def hold(self, root: Path, holder: str, *, wait: bool) -> None:
        with self._guard:
            if self._held is None:
                self._held = acquire(root, wait=wait)
            self._holders.add(holder)

    def let_go(self, holder: str) -> None:
        with self._guard:
            self._holders.discard(holder)
            if self._held is not None and not self._holders:
                release(*self._held)
                self._held = None
