"""The site as an app that works without signal over http(s): a web app manifest per language
(icons drawn at build time); `assets/javascripts/offline.js` (manifest link, worker
registration, the update notice, keeping a module for offline use, with each module's files in
`offline-modules.json`); and `sw.js`, the service worker, which precaches every page, style,
script and both search indexes under a content hash. Written into the built site after
everything else; from file:// none of it is used."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jinja2

from ..catalogue import TEMPLATES, labels
from .icon import png

APP = TEMPLATES / "app"
ICONS = {192: "assets/images/icon-192.png", 512: "assets/images/icon-512.png"}
PRECACHED = {".html", ".css", ".js", ".json", ".png", ".svg", ".webmanifest"}
NOT_PRECACHED = ("sw.js", "schema/")  # the worker itself; JSON schemas are for editors
FILE_ONLY = "search_index.js"  # the search index for file://, where no worker runs
KEPT = (".pdf", ".pptx")
THEME_COLOR = "#009688"  # Material's teal, the site's palette


def precached(site: Path) -> list[str]:
    """Paths (from the site's root) of what the worker keeps as soon as it is installed."""
    found = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix not in PRECACHED or path.name == FILE_ONLY or not path.is_file():
            continue
        if not relative.startswith(NOT_PRECACHED):
            found.append(relative)
    return found


def precache_bytes(site: Path) -> int:
    return sum((site / path).stat().st_size for path in precached(site))


def _hash(site: Path, paths: list[str]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path}\0".encode())
        digest.update((site / path).read_bytes())
    return digest.hexdigest()[:16]


def kept_files(site: Path) -> dict[str, str]:
    """Each PDF and slide deck, with a hash of its bytes: cached when opened."""
    files = sorted(p for p in site.rglob("*") if p.suffix in KEPT and p.is_file())
    return {p.relative_to(site).as_posix(): _hash(site, [p.relative_to(site).as_posix()])
            for p in files}


def modules(site: Path, kept: dict[str, str]) -> dict[str, list[list[Any]]]:
    """For each module's folder (`materi/<id>/`, per language): its PDFs and decks, with their
    sizes and hashes, for "keep this module for offline use"."""
    table: dict[str, list[list[Any]]] = {}
    for index in sorted(site.glob("**/materi/*/index.html")):
        folder = index.parent.relative_to(site).as_posix() + "/"
        files = [[p, (site / p).stat().st_size, h] for p, h in kept.items() if p.startswith(folder)]
        if files:
            table[folder] = files
    return table


def manifest(lang: str, languages: tuple[str, ...]) -> str:
    """The web app manifest of a language's root (`/` or `/en/`); its addresses are relative
    to it, so the site works under any sub-path. Its scope is the whole site."""
    app = labels()["app"]
    up = "" if lang == languages[0] else "../"
    document = {
        "id": "./index.html",
        "name": app["name"](lang),
        "short_name": app["short_name"](lang),
        "description": app["description"](lang),
        "lang": lang,
        "dir": "ltr",
        "start_url": "./index.html",
        "scope": f"./{up}",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": up + path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for size, path in ICONS.items()
            for purpose in ("any", "maskable")
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _render(name: str, **values: Any) -> str:
    environment = jinja2.Environment(keep_trailing_newline=True, autoescape=False)
    return environment.from_string((APP / name).read_text(encoding="utf-8")).render(**values)


def write_app(site: Path, languages: tuple[str, ...], *, worker: bool = True) -> None:
    """Everything the app needs; without `worker` (`mkdocs serve`, where pages change at every
    save) no service worker, and offline.js removes one a build left behind."""
    for size, path in ICONS.items():
        (site / path).write_bytes(png(size))
    for lang in languages:
        folder = site / ("" if lang == languages[0] else lang)
        (folder / "manifest.webmanifest").write_text(manifest(lang, languages), encoding="utf-8")
    app = labels()["app"]
    words = {lang: {key: text(lang) for key, text in app.items()} for lang in languages}
    kept = kept_files(site)
    scripts = site / "assets" / "javascripts"
    script = _render("offline.js", words=words, worker=worker)
    (scripts / "offline.js").write_text(script, encoding="utf-8")
    table = json.dumps(modules(site, kept), separators=(",", ":"))
    (scripts / "offline-modules.json").write_text(table + "\n", encoding="utf-8")
    if not worker:
        return
    files = precached(site)
    text = _render("sw.js", version=_hash(site, files), precached=files, kept=kept)
    (site / "sw.js").write_text(text, encoding="utf-8")
