"""Writing generated files: only when their content changed, and nowhere but their folder."""

from __future__ import annotations

from pathlib import Path

from .problems import SiteError

MARKER = ".generated"
MARKER_TEXT = "Generated from modules/ by scripts/scoresite; edits here are lost. Edit modules/.\n"


def sync_tree(folder: Path, files: dict[str, str]) -> int:
    """Make `folder` hold exactly `files` ({relative path: text}); return how many were written.

    Unchanged files are not touched (so `mkdocs serve` settles); files no longer generated
    are removed. A folder without our marker is never written into: it may be hand-made.
    """
    marker = folder / MARKER
    if folder.exists() and not marker.exists():
        raise SiteError(f"{folder}: exists but was not made by the generator; move it away")
    if not marker.exists():
        folder.mkdir(parents=True, exist_ok=True)
        marker.write_text(MARKER_TEXT, encoding="utf-8")
    written = 0
    for relative, text in files.items():
        target = (folder / relative).resolve()
        if not target.is_relative_to(folder.resolve()):
            raise SiteError(f"{relative}: would be written outside {folder}")
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    wanted = {(folder / r).resolve() for r in files} | {marker.resolve()}
    for old in sorted(folder.rglob("*"), reverse=True):
        if old.is_file() and old.resolve() not in wanted:
            old.unlink()
        elif old.is_dir() and not any(old.iterdir()):
            old.rmdir()
    return written
