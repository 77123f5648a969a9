"""`make serve` (`mkdocs serve --dirty`): a save shows the changed page in about a second.

MkDocs then builds only the pages whose Markdown is newer than their built file (the hook
rewrites a generated page in .cache/pages/ only when its text changes; mkdocs-static-i18n
builds the second language so too, seeing `--dirty` on the command line). That is right while
everything a page shows besides its own text stays the same: the navigation, the titles in
it, the glossary's abbreviations, the list of modules, the problems box, our templates,
docs/ and mkdocs.yml (`shape`). When any of those changes, every page is built again. MkDocs
knows no title for a page it does not build: the sidebar and the footer get the title of its
last build. The search index gets the entries of the rebuilt pages in place of their old ones.

The printables (PDFs, slide decks, presentations, exports) are made after the pages, in the
background (`Later`), and linked into the served site when done.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

TITLE = re.compile(r"^# .*$", re.MULTILINE)


def heads(pages: dict[str, str]) -> dict[str, str]:
    """Each page's Markdown up to its title line: front matter and the title, as in the nav."""
    found = {path: TITLE.search(text) for path, text in pages.items()}
    return {path: text[: m.end()] if (m := found[path]) else text for path, text in pages.items()}


def shape(shown: Iterable[object], paths: Iterable[Path]) -> str:
    """A hash of what every page shows besides its own text, and of the files besides
    modules/ that MkDocs reads (by name, size and time of change)."""
    digest = hashlib.sha256()
    for part in shown:
        digest.update(f"{part!r}\0".encode())
    for top in paths:
        for path in sorted([top, *top.rglob("*")] if top.is_dir() else [top]):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


@dataclass
class Preview:
    """What one `mkdocs serve --dirty` remembers from build to build."""

    shape: str = ""
    titles: dict[str, str | None] = field(default_factory=dict)  # page URL → its title
    search: list[dict[str, Any]] = field(default_factory=list)  # every page's search entries
    rebuilt: set[str] = field(default_factory=set)  # URLs of the pages built this time
    full: bool = True

    def start(self, config: MkDocsConfig, shape: str) -> None:
        """A new build: of every page when the shape changed, else of the changed pages only
        (the theme's 404 page and sitemap stay as they are)."""
        self.full = shape != self.shape
        self.shape, self.rebuilt = shape, set()
        if not self.full:
            config.theme.static_templates.clear()
        search = config.plugins.get("material/search")
        if search is not None:  # its own merging of dirty indexes assumes one page, one language
            search.is_dirty = False  # type: ignore[attr-defined]

    def choose(self, nav: Navigation, files: Files) -> None:
        """Before MkDocs reads the pages of a language: all of them when the shape changed
        (their built files go), else the changed ones, the others keeping their titles."""
        if self.full:
            for file in files.documentation_pages():
                Path(file.abs_dest_path).unlink(missing_ok=True)
            return
        for page in nav.pages:
            if not page.file.is_modified():
                page.title = self.titles.get(page.url, page.title)  # type: ignore[misc]

    def built(self, page: Page) -> None:
        self.titles[page.url] = page.title
        self.rebuilt.add(page.url)

    def merge_search(self, site: Path) -> None:
        """The index MkDocs wrote holds the rebuilt pages only: add every other page's."""
        path = site / "search" / "search_index.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        if not self.full:
            index["docs"] = replaced(self.search, index["docs"], self.rebuilt)
            path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        self.search = index["docs"]


def replaced(
    old: list[dict[str, Any]], new: list[dict[str, Any]], pages: set[str]
) -> list[dict[str, Any]]:
    """`old` search entries with those of `pages` replaced by theirs in `new`, in place."""
    fresh: dict[str, list[dict[str, Any]]] = {}
    for entry in new:
        fresh.setdefault(_page(entry), []).append(entry)
    merged: list[dict[str, Any]] = []
    for entry in old:
        page = _page(entry)
        if page not in pages:
            merged.append(entry)
        elif page in fresh:
            merged += fresh.pop(page)
    return merged + [entry for entries in fresh.values() for entry in entries]


def _page(entry: dict[str, Any]) -> str:
    return str(entry["location"]).split("#", 1)[0]


class Compiled(jinja2.BytecodeCache):
    """The theme's templates compiled once per process: MkDocs makes a new Jinja environment
    for each build of each language. Jinja compiles a template again when its source changed."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class Later:
    """Background jobs, one at a time. A job given while another runs waits for it; of the
    waiting jobs only the newest is kept (an older one is out of date)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._next: Callable[[], None] | None = None
        self._thread: threading.Thread | None = None

    def run(self, job: Callable[[], None]) -> None:
        with self._guard:
            self._next = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, daemon=True)
                self._thread.start()

    def busy(self) -> bool:
        with self._guard:
            return self._thread is not None

    def wait(self) -> None:
        while self.busy():
            time.sleep(0.1)

    def _work(self) -> None:
        while True:
            with self._guard:
                job, self._next = self._next, None
                if job is None:
                    self._thread = None
                    return
            try:
                job()
            except Exception:  # the preview goes on; the next save tries again
                traceback.print_exc(file=sys.stderr)
