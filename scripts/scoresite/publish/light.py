"""What the theme ships and the site never uses, taken out of site/: source maps (and the
comments that point at them), and lunr's scripts for languages other than the site's
(Japanese and Thai word segmenters among them, 0.7 MB)."""

from __future__ import annotations

import re
from pathlib import Path

from ..search import LUNR_DIR, LUNR_LANGUAGES

MAP_COMMENT = re.compile(r"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")
LUNR_KEPT = ("stemmer.support", "multi")  # loaded by the search worker for every language


def unused(site: Path, languages: tuple[str, ...]) -> list[Path]:
    """The files to remove: every source map, and lunr's language files but the site's own."""
    lunr = site / LUNR_DIR
    names = (*LUNR_KEPT, *languages, *(LUNR_LANGUAGES.get(lang, lang) for lang in languages))
    kept = {f"lunr.{name}.min.js" for name in names}
    files = sorted(site.rglob("*.map"))
    files += sorted(p for p in lunr.glob("lunr.*.min.js") if p.name not in kept)
    files += sorted(p for p in lunr.parent.glob("*.js"))  # tinyseg.js, wordcut.js
    return files


def lighten(site: Path, languages: tuple[str, ...]) -> None:
    for path in unused(site, languages):
        path.unlink()
    for path in sorted((site / "assets").rglob("*.min.*")):
        if path.suffix in (".js", ".css"):
            text = path.read_text(encoding="utf-8")
            bare = MAP_COMMENT.sub("", text)
            if bare != text:
                path.write_text(bare + "\n", encoding="utf-8")
