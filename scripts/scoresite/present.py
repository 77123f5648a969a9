"""Each deck as a presentation for the browser, from the same slide plan as the .pptx
(slides.py): one self-contained HTML file per deck and language (styles, script and slides
inside; nothing fetched), with keyboard, touch and full-screen navigation and the notes in a
trainer view. Cached like the decks: the same plan gives the same bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from markupsafe import Markup

from .catalogue import Printable, Rendered, labels, module_name, url
from .fields import LANGUAGES
from .model import Project
from .pdf import PRINT, environment, write_atomic
from .slides import deck_context


def presentation_printables(project: Project) -> list[Printable]:
    present = labels()["present"]
    return [
        Printable(
            url.presentation(m),
            url.module(m),
            "presentation",
            "present.html",
            present,
            module_name(m),
            True,
            {"course": m},
        )
        for m in project.modules
    ]


def presentation_html(item: Printable, project: Project, lang: str) -> str:
    """The whole presentation as one HTML page."""
    context = deck_context(item.context["course"], project, lang)
    return (
        environment()
        .get_template(item.template)
        .render(
            project=project,
            lang=lang,
            L=labels(),
            document_title=f"{item.group(lang)} · {item.title(lang)}",
            present_css=Markup((PRINT / "present.css").read_text(encoding="utf-8")),
            present_js=Markup((PRINT / "present.js").read_text(encoding="utf-8")),
            **context,
        )
    )


def cached_presentation(page: Path) -> int | None:
    """Slides of a cached presentation; None when it is missing or cut short."""
    try:
        html = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return html.count('<section class="frame"') if html.rstrip().endswith("</html>") else None


def render_presentations(project: Project, cache_dir: Path) -> list[Rendered]:
    """Every presentation in both languages, written where its bytes are new."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    found: list[Rendered] = []
    for item in presentation_printables(project):
        for lang in LANGUAGES:
            data = presentation_html(item, project, lang).encode()
            target = cache_dir / f"{hashlib.sha256(data).hexdigest()[:32]}.html"
            if not target.is_file():
                write_atomic(target, data)
            slides = cached_presentation(target) or 0
            found.append(Rendered(item, lang, target, slides, len(data)))
    used = {r.file for r in found}
    for stale in cache_dir.iterdir():
        if stale not in used:
            stale.unlink()
    return found
