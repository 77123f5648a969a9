"""Publishing the new site (cli._swap, two renames) is safe at every instant: a build killed
at any point leaves the next build a whole site, old or new, kept until a new one is built."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scoresite import cli
from scoresite.problems import SiteError

KILLED_AT_STEP = """
import os, shutil, signal, sys
from pathlib import Path
from scoresite import cli
steps = []
def killing(real):
    def step(*args, **kwargs):
        steps.append(real)
        if len(steps) == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return step
Path.rename = killing(Path.rename)  # steps 1 and 2: the old site aside, the new one in
shutil.rmtree = killing(shutil.rmtree)  # step 3: the old site removed
cli._swap(Path(sys.argv[2]), Path(sys.argv[3]))
"""


def _site(folder: Path, text: str) -> Path:
    (folder / "materi").mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "materi" / "page.html").write_text(text, encoding="utf-8")
    return folder


def _whole(site: Path) -> str:
    pages = {(site / name).read_text("utf-8") for name in ("index.html", "materi/page.html")}
    assert len(pages) == 1, pages
    return pages.pop()


@pytest.mark.parametrize("killed_at, found", [(1, "old"), (2, "old"), (3, "new")])
def test_a_build_killed_while_publishing_leaves_a_whole_site_to_the_next(
    killed_at: int, found: str, tmp_path: Path
) -> None:
    """Killed before the first rename, between the two, or after both (before the old site
    is removed): the next build starts from a whole site and keeps it when it fails."""
    site = _site(tmp_path / "site", "old")
    fresh = _site(tmp_path / ".site.build-1", "new")
    command = [sys.executable, "-c", KILLED_AT_STEP, str(killed_at), str(fresh), str(site)]
    assert subprocess.run(command, check=False).returncode == -9  # SIGKILL
    if killed_at == 2:
        assert not site.exists()  # the instant the test is about
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    with pytest.raises(SiteError, match="build failed"):
        cli.build(tmp_path / "mkdocs.yml", site)  # the next build: it fails
    assert _whole(site) == found
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "mkdocs.yml", "site"]
