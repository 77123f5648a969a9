"""`make zip`: the built site as one dated archive for USB sticks and phones' file managers,
with a note in both languages that says to open index.html. The date is the last commit's
(SOURCE_DATE_EPOCH), entries are sorted and stamped with it: the same site gives the same
bytes. A site built with participants' names (modules/peserta.csv) is never archived."""

from __future__ import annotations

import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import jinja2

from ..catalogue import TEMPLATES
from ..participants import named
from ..problems import SiteError

FOLDER = "score-5r"
NOTE = "BACA-SAYA.txt"  # "read me"; the note says it in both languages
ZIP_EPOCH = 315532800  # 1980-01-01, the first time a zip entry can carry
Stamp = tuple[int, int, int, int, int, int]


def refuse_names(modules: Path) -> None:
    count, files = named(modules)
    if count:
        raise SiteError(
            f"{count} participants are named in {files}, and their certificates in "
            "site/ print them; an archive travels, so move the files away, run make site, "
            "then make zip"
        )


def archive_name(epoch: int) -> str:
    return f"{FOLDER}-{datetime.fromtimestamp(epoch, UTC):%Y-%m-%d}.zip"


def write_zip(site: Path, modules: Path, out: Path, epoch: int) -> Path:
    """Write `<out>/score-5r-<date>.zip` holding `score-5r/` (the site and the note)."""
    refuse_names(modules)
    if not (site / "index.html").is_file():
        raise SiteError(f"{site}/index.html is missing; build the site first: make site")
    when = datetime.fromtimestamp(max(epoch, ZIP_EPOCH), UTC)
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    date = f"{datetime.fromtimestamp(epoch, UTC):%Y-%m-%d}"
    note = jinja2.Template((TEMPLATES / "app" / NOTE).read_text(encoding="utf-8"))
    target = out / archive_name(epoch)
    partial = out / f".{target.name}.partial"
    out.mkdir(parents=True, exist_ok=True)
    try:  # whole or not at all: a killed run leaves no half archive under the real name
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            _add(archive, f"{FOLDER}/{NOTE}", note.render(date=date).encode(), stamp)
            for path in sorted(p for p in site.rglob("*") if p.is_file()):
                name = f"{FOLDER}/{path.relative_to(site).as_posix()}"
                _add(archive, name, path.read_bytes(), stamp)
        partial.chmod(0o644)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _add(archive: zipfile.ZipFile, name: str, data: bytes, stamp: Stamp) -> None:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.external_attr = 0o644 << 16
    entry.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(entry, data, compresslevel=9)


def epoch_of(root: Path) -> int:
    """The build's "now": SOURCE_DATE_EPOCH, else the last commit's time."""
    from ..hook import last_commit_time  # git, as the build dates itself

    return int(os.environ.get("SOURCE_DATE_EPOCH") or last_commit_time(root))
