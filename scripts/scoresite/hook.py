"""The MkDocs hook: a thin layer that runs our steps inside `mkdocs build` and `mkdocs serve`.

Named in mkdocs.yml under `hooks:`. It loads modules/, writes the generated Markdown into
docs/materi/ (git-ignored, only files that changed), renders the PDFs (cached) and copies
them into the site, sets the navigation, and adds the glossary's abbreviations to every page.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load
from scoresite.model import LANGUAGES, Project
from scoresite.pdf import copy_pdfs, published, render_pdfs
from scoresite.problems import SiteError
from scoresite.render import ROOT, TEMPLATES, abbreviations, navigation, render_all
from scoresite.validate import load_project, schemas
from scoresite.write import sync_tree

_state: dict[str, Any] = {}
# printed, not logged: a warning through MkDocs' logger would fail `mkdocs build --strict`
NO_ADDRESS = (
    "WARNING: site_url {site_url} is not a published address; printouts carry no QR code "
    "or web address. Set the real one: make site SITE_URL=https://..."
)


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    os.environ.setdefault("SOURCE_DATE_EPOCH", last_commit_time(root))
    site_url = published_url(config)
    inputs = fingerprint(root / "modules", TEMPLATES, site_url, config.docs_dir)
    generated_dir = Path(config.docs_dir) / ROOT
    # the second language's build (and a serve rebuild with no content change) reuses the work
    if _state.get("inputs") != inputs or not generated_dir.is_dir():
        if not published(site_url):
            print(NO_ADDRESS.format(site_url=site_url or "(none)"), file=sys.stderr)
        try:
            project = load_project(root / "modules")
            prints = render_pdfs(project, site_url, root / ".cache" / "pdf")
            pages = render_all(project, prints)
            generated = {p.removeprefix(f"{ROOT}/"): t for p, t in pages.items()}
            sync_tree(generated_dir, generated)
        except SiteError as error:
            _state.pop("inputs", None)  # build again next time, whatever the files say
            raise PluginError(str(error)) from None
        nav, titles = navigation(project)
        _state.update(inputs=inputs, project=project, titles=titles, prints=prints, nav=nav)
    config.nav = copy.deepcopy(_state["nav"])
    return config


def published_url(config: MkDocsConfig) -> str:
    """The site's public address, for QR codes on printouts. `mkdocs serve` puts its own
    local address in site_url; the printouts (and their cache) keep the published one."""
    if _state.get("command") != "serve":
        return config.site_url or ""
    with open(config.config_file_path, encoding="utf-8") as file:
        return str(yaml_load(file).get("site_url") or "")


def fingerprint(modules: Path, templates: Path, *settings: str) -> tuple[object, ...]:
    """What the generated pages and PDFs depend on: file names, sizes, times; settings."""
    files = sorted([*modules.glob("*.y*ml"), *templates.rglob("*")])
    stats = [(str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file()]
    return (*settings, *stats)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    copy_pdfs(_state["prints"], site)
    (site / "schema").mkdir(exist_ok=True)
    for name, text in schemas().items():
        (site / "schema" / name).write_text(text, encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n has built the navigation of a language
def on_nav(nav: Navigation, config: MkDocsConfig, **_: Any) -> Navigation:
    lang = _language(config)
    for item in nav.items:
        if isinstance(item, Section):
            _translate(item, _state["titles"], lang)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    project: Project = _state["project"]
    return markdown + abbreviations(project, _language(config))


def last_commit_time(root: Path) -> str:
    """The build's "now" for reproducible output (sitemap dates, font subsets in PDFs)."""
    git = ["git", "-C", str(root), "log", "-1", "--format=%ct"]
    stamp = subprocess.run(git, capture_output=True, text=True, check=False).stdout.strip()
    return stamp or "0"


def _language(config: MkDocsConfig) -> str:
    lang = config.theme["language"]
    return lang if lang in LANGUAGES else LANGUAGES[0]


def _translate(section: Section, titles: dict[str, Any], lang: str) -> None:
    if section.title in titles:
        section.title = titles[section.title](lang)
    for child in section.children:
        if isinstance(child, Section):
            _translate(child, titles, lang)
