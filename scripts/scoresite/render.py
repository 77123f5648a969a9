"""Model → Markdown pages, one per language. Knows nothing of MkDocs.

`render()` fills a page's Jinja2 template (the catalogue says which pages exist, and where)
for one language.
"""

from __future__ import annotations

import posixpath
from functools import cache

import jinja2

from .catalogue import (
    TEMPLATES,
    Page,
    Rendered,
    labels,
    localized,
    module_label,
    pages,
    session_number,
    url,
)
from .fields import LANGUAGES, Translated
from .model import Project
from .schedule import sessions_using, timetable
from .sheet import table_layout


def escape(text: str) -> str:
    """Text from YAML is Markdown, never HTML: anything HTML-like is shown as text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clock(minutes: int, lang: str) -> str:
    """08.30 in Indonesian, 08:30 in English."""
    sep = "." if lang == "id" else ":"
    return f"{minutes // 60:02d}{sep}{minutes % 60:02d}"


@jinja2.pass_context
def _t(context: jinja2.runtime.Context, text: Translated | None) -> str:
    return escape(text(context["lang"])) if text else ""


@jinja2.pass_context
def _cell(context: jinja2.runtime.Context, text: Translated | None) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(_t(context, text).split()).replace("|", "\\|")


@jinja2.pass_context
def clock_filter(context: jinja2.runtime.Context, minutes: int) -> str:
    """Jinja filter `clock`: minutes since midnight as a time in the page's language."""
    return clock(minutes, context["lang"])


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, target: str) -> str:
    """A relative link from the current page to another page path (both under docs/)."""
    return posixpath.relpath(target, posixpath.dirname(context["page"].path))


@jinja2.pass_context
def _site_link(context: jinja2.runtime.Context, target: str, lang: str | None = None) -> str:
    """A relative link from the current page to a file in site/ of a language (default: the
    page's own); works from a folder or USB stick, where absolute links would not."""
    here = url.in_site(context["page"].path, context["lang"])
    there = url.in_site(target, lang or context["lang"])
    return posixpath.relpath(there, posixpath.dirname(here))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / "pages"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(t=_t, cell=_cell, clock=clock_filter, link=_link, site_link=_site_link)
    return env


def render(page: Page, project: Project, lang: str) -> str:
    template = environment().get_template(page.template)
    return template.render(
        page=page,
        project=project,
        lang=lang,
        L=labels(),
        url=url,
        timetable=timetable,
        sessions_using=sessions_using,
        table_layout=table_layout,
        module_label=module_label,
        session_number=session_number,
        **page.context,
    )


def render_all(project: Project, prints: list[Rendered]) -> dict[str, str]:
    """Every generated file: {path under docs/: Markdown text}, both languages, stable order."""
    return {
        localized(page.path, lang): render(page, project, lang)
        for page in pages(project, prints)
        for lang in LANGUAGES
    }


MODULE_LIST = "<!-- modules -->"  # in a page at the top of docs/: the SCORE modules' links


def module_list(project: Project, lang: str) -> str:
    """The SCORE modules as Markdown list items (linked from a page at the top of docs/), for
    `MODULE_LIST` in hand-written pages: a new module in modules/ appears there by itself."""
    return render(Page("index.md", "module_list.md"), project, lang).rstrip("\n")


def problems_banner(problems: str, lang: str) -> str:
    """A box on top of a page listing the content's problems (`mkdocs serve` shows the last
    good pages while modules/ has problems)."""
    template = environment().get_template("problems.md")
    return template.render(problems=problems, lang=lang, L=labels())


def abbreviations(project: Project, lang: str) -> str:
    """Markdown abbreviation lines (`*[UKM]: …`) so every use of a term shows its meaning."""
    lines = [
        f"*[{term.term(lang)}]: {escape(term.expansion(lang))}"
        for term in project.glossary.terms
        if term.expansion
    ]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
