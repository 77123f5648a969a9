"""The MkDocs hook: a thin layer that runs our steps inside `mkdocs build` and `mkdocs serve`.

Named in mkdocs.yml under `hooks:`. It loads modules/, writes the generated Markdown into
.cache/pages/materi/ (only files that changed; outside docs/, so that `mkdocs serve`, which
watches docs/, builds once per save) and hands those files to MkDocs, renders the PDFs (cached)
and links them into the site, sets the navigation, and adds the glossary's abbreviations to
every page.
One build at a time per project (lock.py): a second `mkdocs build` stops at once, a rebuild
of `mkdocs serve` waits for the other build to finish. Under `mkdocs serve --dirty` (`make
serve`) a save rebuilds only the changed pages and the printables come after them (serve.py).
"""

from __future__ import annotations

import copy
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load
from scoresite import environment, lock, search_dedup, serve
from scoresite.catalogue import GENERATED, ROOT, Rendered, not_found_words, view_words
from scoresite.fields import LANGUAGES
from scoresite.model import Project
from scoresite.notfound import relocatable
from scoresite.pdf import ENGINE, copy_pdfs, published
from scoresite.problems import SiteError
from scoresite.publish import address
from scoresite.publish.light import lighten
from scoresite.publish.webapp import write_app
from scoresite.render import MODULE_LIST, problems_banner
from scoresite.search import first_files, rebase_search, write_search
from scoresite.validate import load_project
from scoresite.work import MEMO, PACKAGE, content_hash, made, page_work, recall
from scoresite.write import MARKER, sync_tree

PRINTED = Path(".cache") / "serve" / "printed"  # touched when later printables change a page
DIRTY_NOTES = ("'dirty' build", "contains stale files")
_state: dict[str, Any] = {}
_lock = lock.Shared()
_later = serve.Later()
_compiled = serve.Compiled()
# printed, not logged: a warning through MkDocs' logger would fail `mkdocs build --strict`
NO_ADDRESS = (
    "WARNING: site_url {site_url} is not a published address; printouts carry no QR code "
    "or web address. Set the real one: make site SITE_URL=https://..."
)
search_dedup.install()


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command
    if command == "serve" and dirty:
        _state["preview"] = serve.Preview()
        # "A 'dirty' build ... inaccurate navigation" (serve.py keeps it right), and "stale
        # files" (the second language's build, a dirty one, into the served folder)
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not any(m in record.getMessage() for m in DIRTY_NOTES)
        )
    # its INFO lines ("Language 'id' is not supported by lunr.js", "should be an absolute
    # path") read like problems but are expected here: search.py does Indonesian search
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _state.get("depth"):  # the second language's build, inside the first: the same work
        return _configured(config)
    root = Path(config.config_file_path).parent
    try:
        environment.check()  # before MkDocs or WeasyPrint read them
        site_url = address.checked(published_url(config))
        address.refuse_names(site_url, root / "modules")
    except SiteError as error:
        raise PluginError(str(error)) from None
    _hold(root, "build")
    os.environ.setdefault("SOURCE_DATE_EPOCH", last_commit_time(root))
    pdfs = os.environ.get("SCORESITE_PDFS") != "0"  # 0: pages only (the bench, at scale)
    epoch = os.environ["SOURCE_DATE_EPOCH"]  # decks carry the build date: part of the work
    key = content_hash(
        root / "modules", PACKAGE, site_url, ENGINE, config.docs_dir, str(pdfs), epoch
    )
    generated_dir = root / GENERATED / ROOT
    _forget_old_pages(Path(config.docs_dir) / ROOT)
    # a serve rebuild with no content change reuses the work (complete, if printed since)
    if _state.get("key") != key or _state.get("quick") or not generated_dir.is_dir():
        if pdfs and not published(site_url):
            print(NO_ADDRESS.format(site_url=site_url or "(none)"), file=sys.stderr)
        _state.pop("problems", None)
        _state["quick"] = False
        try:
            work = _generate(root, key, site_url if pdfs else None, generated_dir)
        except SiteError as error:
            work = _last_good(root, error, generated_dir, content_hash(PACKAGE, ENGINE))
        _state.update(work, key=key)
    if "preview" in _state:
        _preview(config, root)
    return _configured(config)


def _configured(config: MkDocsConfig) -> MkDocsConfig:
    config.nav = copy.deepcopy(_state["nav"])
    config.extra["view_words"] = view_words()
    config.extra["not_found"] = not_found_words()
    config.extra["search_first"] = first_files(LANGUAGES)
    return config


def _preview(config: MkDocsConfig, root: Path) -> None:
    """`mkdocs serve --dirty`: every page is built again when what they all show changed."""
    shown = [_state[name] for name in ("nav", "titles", "heads", "abbreviations", "module_list")]
    shown += [_state.get("problems"), _state.get("code")]
    read = [Path(config.docs_dir), Path(config.config_file_path), *map(Path, config.theme.dirs)]
    _state["preview"].start(config, serve.shape(shown, [p for p in read if p.is_relative_to(root)]))


def _generate(root: Path, key: str, site_url: str | None, generated_dir: Path) -> dict[str, Any]:
    """Pages, PDFs and navigation; remembered in .cache/ under the hash of every input (the
    content, our code and templates, the site address, library versions), so a build of
    unchanged content in a new process skips loading and rendering. No `site_url`: no PDFs.

    A rebuild of `mkdocs serve --dirty` makes the pages with the printables of the content
    before (same names; their pages and sizes on the print page may be out of date) and the
    printables after the build (`_print_later`)."""
    work = recall(root / MEMO, key)
    if work is None:
        project = load_project(root / "modules")
        if site_url is not None and "preview" in _state and "prints" in _state:
            work = page_work(project, _state["prints"])
            later = partial(_print_later, project, root, key, site_url, work["generated"])
            _state.update(quick=True, later=later)
        else:
            work = made(project, root, key, site_url)
    return _written(work, generated_dir)


def _print_later(
    project: Project, root: Path, key: str, site_url: str, served: dict[str, str], site: Path
) -> None:
    """The printables of a content whose pages were made with the ones before: made,
    remembered, linked into the served site. When they change what a page says (pages and
    sizes on the print page), a touch of PRINTED makes `mkdocs serve` build again."""
    work = made(project, root, key, site_url)
    _linked(work["prints"], site)
    if key == _state.get("key"):
        _state["copied"] = key
        if work["generated"] != served:
            (root / PRINTED).parent.mkdir(parents=True, exist_ok=True)
            (root / PRINTED).touch()


def _written(work: dict[str, Any], generated_dir: Path) -> dict[str, Any]:
    generated = work.pop("generated")  # written: not kept through the build
    sync_tree(generated_dir, generated)
    pages = sorted(f"{ROOT}/{path}" for path in generated)
    return dict(work, pages=pages, heads=serve.heads(generated))


def _last_good(root: Path, error: SiteError, generated_dir: Path, code: str) -> dict[str, Any]:
    """`mkdocs serve` keeps showing the last good pages (made by this code), each with the
    problems on top, and reloads once they are fixed; a build (or a first serve build with
    nothing remembered) stops with them."""
    _state.pop("key", None)  # build again next time, whatever the files say
    work = recall(root / MEMO, None) if _state.get("command") == "serve" else None
    if work is None or work.get("code") != code:
        _let_go("build")
        raise PluginError(str(error)) from None
    print(str(error), file=sys.stderr)
    return dict(_written(work, generated_dir), problems=str(error))


def _forget_old_pages(folder: Path) -> None:
    """Generated pages lived in docs/materi/ before: a clone that still has them would list
    each page twice. Only a folder carrying our marker goes."""
    if (folder / MARKER).is_file():
        shutil.rmtree(folder)


def _hold(root: Path, holder: str) -> None:
    """Hold the project's build lock: for a build, from its first on_config to its end; for
    printables made in the background (both at once in `mkdocs serve --dirty`)."""
    try:
        _lock.hold(root, holder, wait=_state.get("command") == "serve")
    except SiteError as error:
        raise PluginError(str(error)) from None


def _let_go(holder: str) -> None:
    """Let another build run, in `mkdocs serve` (a build process that ends lets go anyway)."""
    if _state.get("command") == "serve":
        _lock.let_go(holder)


def _holding(root: Path, job: Callable[[], None]) -> None:
    _hold(root, "print")
    try:
        job()
    finally:
        _let_go("print")


def published_url(config: MkDocsConfig) -> str:
    """The site's public address, for QR codes on printouts. `mkdocs serve` puts its own
    local address in site_url; the printouts (and their cache) keep the published one."""
    if _state.get("command") != "serve":
        return config.site_url or ""
    with open(config.config_file_path, encoding="utf-8") as file:
        return str(yaml_load(file).get("site_url") or "")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, **_: Any) -> LiveReloadServer:
    """`mkdocs serve --dirty` builds again when printables made later change a page."""
    if "preview" in _state:
        printed = Path(config.config_file_path).parent / PRINTED
        printed.parent.mkdir(parents=True, exist_ok=True)
        printed.touch()
        server.watch(str(printed.parent))
    return server


def on_shutdown() -> None:
    """Printables still being made finish before `mkdocs serve` removes the served folder."""
    _later.wait()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The generated pages, named as if they were in docs/: mkdocs-static-i18n (next, at -100)
    pairs `x.md` with `x.en.md` only there. `on_nav` then points them at their real files."""
    for path in _state["pages"]:
        files.append(File(path, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_pre_build(config: MkDocsConfig) -> None:
    _state["depth"] = _state.get("depth", 0) + 1  # mkdocs-static-i18n nests one build per language


# after mkdocs-static-i18n (-100), which builds the other language inside its own and merges
# the languages' search entries, and after offline (-100), which inlines the merged index
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    _state["depth"] -= 1
    if _state["depth"]:
        return
    site = Path(config.site_dir)
    root = Path(config.config_file_path).parent
    if "preview" in _state:
        _state["preview"].merge_search(site)
    serving = _state.get("command") == "serve"
    write_search(site, LANGUAGES, root / ".cache" / "search", any_words=serving)
    lighten(site, LANGUAGES)
    (site / "schema").mkdir(exist_ok=True)
    for name, text in _state["schemas"].items():
        (site / "schema" / name).write_text(text, encoding="utf-8")
    _link_printables(root, site)
    _let_go("build")


def _link_printables(root: Path, site: Path) -> None:
    """PDFs, decks and exports into the site, then the app that keeps them offline: now, or
    under `mkdocs serve --dirty` in the background, after the printables being made (a served
    site keeps them from build to build)."""
    later = _state.pop("later", None)
    if "preview" not in _state:
        _linked(_state["prints"], site)
    elif later is not None:
        _later.run(partial(_holding, root, partial(later, site=site)))
    elif _state.get("copied") != _state.get("key"):
        _state["copied"] = _state.get("key")
        _later.run(partial(_holding, root, partial(_linked, _state["prints"], site)))


def _linked(prints: list[Rendered], site: Path) -> None:
    copy_pdfs(prints, site)
    # last: its worker lists what the site holds; none for `mkdocs serve`, whose pages change
    write_app(site, LANGUAGES, worker=_state.get("command") != "serve")


def on_build_error(error: Exception, **_: Any) -> None:
    _state["depth"] = 0
    _state.pop("later", None)
    _let_go("build")


@event_priority(-200)  # after mkdocs-static-i18n has built the navigation of a language
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Each generated page reads its file in .cache/pages/ (pages are read after this event);
    the sections get their titles in the page's language."""
    source = Path(config.config_file_path).parent / GENERATED
    generated = set(_state["pages"])
    for file in files:
        if file.src_uri in generated:
            file.abs_src_path = str(source / file.src_uri)
    if "preview" in _state:
        _state["preview"].choose(nav, files)
    lang = _language(config)
    for item in nav.items:
        if isinstance(item, Section):
            _translate(item, _state["titles"], lang)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    lang = _language(config)
    problems = _state.get("problems")
    banner = problems_banner(problems, lang) if problems else ""
    markdown = markdown.replace(MODULE_LIST, _state["module_list"][lang])
    return banner + markdown + str(_state["abbreviations"][lang])


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = _compiled
    return env


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return relocatable(output, config.site_url or "") if template_name == "404.html" else output


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if "preview" in _state:
        _state["preview"].built(page)
    lang = _language(config)
    return output if lang == LANGUAGES[0] else rebase_search(output, lang)


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
