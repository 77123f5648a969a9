"""Zip archives with the same bytes from build to build: fixed entry times and attributes,
entries in the order given."""

from __future__ import annotations

import io
import re
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
XLSX_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def restamp(archive: bytes) -> bytes:
    """The same archive with fixed entry times and, in an Office file's properties, a fixed
    creation and modification date (openpyxl writes the time of saving)."""
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    fixed = b"\\g<1>2000-01-01T00:00:00Z\\g<2>"
    return stable_zip(
        [(n, XLSX_DATES.sub(fixed, d) if n == "docProps/core.xml" else d) for n, d in entries]
    )
