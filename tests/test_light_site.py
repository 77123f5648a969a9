"""The built site is light: no source maps, no lunr scripts for languages it does not use, and
what the service worker keeps on a phone fits its budget."""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path

from scoresite.fields import LANGUAGES
from scoresite.publish.webapp import ICONS, precache_bytes, precached, write_app
from scoresite.search import FULL_INDEX, LUNR_DIR

QUICK = "search_index.json"
PRECACHE_BUDGET = 14_000_000  # bytes on the device: 8.8 MB early in December 2026, 11.8 MB
# at its end (coaching pages, the quick search index beside the whole one)


def test_no_source_maps_or_pointers_to_them(built_site: Path) -> None:
    assert sorted(built_site.rglob("*.map")) == []
    for path in (built_site / "assets").rglob("*.js"):
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8"), path


def test_lunr_ships_only_what_the_search_worker_loads(built_site: Path) -> None:
    lunr = built_site / LUNR_DIR
    assert sorted(p.name for p in lunr.parent.rglob("*") if p.is_file()) == [
        "lunr.english.min.js",  # the English index's stemming pipeline (search.py)
        "lunr.id.LICENSE.md",
        "lunr.id.min.js",
        "lunr.multi.min.js",
        "lunr.stemmer.support.min.js",
    ]


def test_what_the_worker_precaches_fits_the_budget(built_site: Path) -> None:
    files = precached(built_site)
    assert precache_bytes(built_site) <= PRECACHE_BUDGET
    html = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert html <= set(files)
    # the quick index and the whole one, of each language
    indexes = {f"{lang}search/{name}" for lang in ("", "en/") for name in (QUICK, FULL_INDEX)}
    assert indexes <= set(files)
    assert not [f for f in files if f.endswith((".pdf", ".pptx", "search_index.js", ".map"))]
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert json.dumps(files) in worker


def test_each_language_has_a_manifest_with_png_icons(built_site: Path) -> None:
    for root, lang, name in ((built_site, "id", "Materi"), (built_site / "en", "en", "Training")):
        manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["lang"] == lang and name in manifest["name"]
        assert manifest["start_url"] == "./index.html"
        for icon in manifest["icons"]:
            png = (root / icon["src"]).read_bytes()
            width, height = struct.unpack(">II", png[16:24])
            assert png.startswith(b"\x89PNG") and f"{width}x{height}" == icon["sizes"]
    assert {f"{s}x{s}" for s in ICONS} == {i["sizes"] for i in manifest["icons"]}


def test_no_worker_under_mkdocs_serve(built_site: Path, tmp_path: Path) -> None:
    """Pages change at every save there: a worker would show stale ones."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "sw.js").unlink()
    write_app(site, LANGUAGES, worker=False)
    assert not (site / "sw.js").exists()
    script = (site / "assets/javascripts/offline.js").read_text(encoding="utf-8")
    assert "var WORKER = false;" in script and "unregister()" in script
