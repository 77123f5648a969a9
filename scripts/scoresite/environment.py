"""The environment values the build reads, checked before they are used: one line each.

SOURCE_DATE_EPOCH (the build's "now": sitemap dates, PDF and deck dates) and SCORESITE_PDFS
(0: pages only) are read by MkDocs, WeasyPrint and our hook; a wrong one would end deep in
one of them as a traceback. SITE_URL is checked where it is read (see hook.py).
Running out of disk space is expected on a small machine or USB stick, and named as such.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping

from .problems import SiteError, printable

MAX_EPOCH = 253_402_300_799  # 9999-12-31 23:59:59 UTC, the last second a date can show
NEEDED_MB = 100  # free room a build needs (README): a new site (~20 MB) beside the old, .cache/
FULL_DISK = (
    f"no space left on the disk; a build needs about {NEEDED_MB} MB free (the new site "
    "beside the old one, and .cache/): free some space and build again; {site}/ is unchanged"
)
PROGRESS_VARIABLE = "SCORESITE_PROGRESS"  # "1": PDF progress bar, though output is a pipe
FULL_DISK_ERROR = f"[Errno {errno.ENOSPC}]"  # how a Python traceback names it


def problems(environ: Mapping[str, str] = os.environ) -> list[str]:
    """One line for each environment value the build cannot use."""
    found = []
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not (epoch.isascii() and epoch.isdigit() and int(epoch) <= MAX_EPOCH):
        found.append(
            f"SOURCE_DATE_EPOCH={epoch[:40]!r} is not a time; it is the build's date in "
            "seconds since 1970 (e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)), "
            "or unset it to use the last commit's"
        )
    pdfs = environ.get("SCORESITE_PDFS")
    if pdfs not in (None, "", "0", "1"):
        found.append(
            f"SCORESITE_PDFS={pdfs[:40]!r} is not 0 or 1; 0 builds the pages without PDFs, "
            "1 (or unset) builds everything"
        )
    return [printable(line) for line in found]


def check(environ: Mapping[str, str] = os.environ) -> None:
    found = problems(environ)
    if found:
        raise SiteError("\n".join(found))


def full_disk(error: OSError) -> bool:
    return error.errno in (errno.ENOSPC, errno.EDQUOT)
