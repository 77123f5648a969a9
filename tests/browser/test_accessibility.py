"""Accessible and clean: axe-core finds nothing serious, the console stays clean over http and
from disk, and the Nu Html Checker finds no error in the site's own markup.

One page of every kind in both languages (kinds.PAGES). axe-core and vnu.jar come from npm
(tests/browser/package.json, installed by `make test`) and run from disk: nothing is fetched.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from kinds import AXE, KINDS, PAGES, VNU
from playwright.sync_api import Browser, Page, expect

SERIOUS = ("serious", "critical")
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
# On a phone, the kinds whose layout changes most (tables become cards or scroll regions),
# and the trainer guides whose tables are widest
PHONE_KINDS = ("programme", "module", "session", "worksheet", "print", "trainer", "5r-index")
WIDE = ("materi/k3/pelatih.html", "materi/sdm/pelatih.html")
PHONE = [*(KINDS[kind] for kind in PHONE_KINDS), *WIDE]
ON = {"desktop": PAGES, "phone": [*PHONE, *(f"en/{path}" for path in PHONE)]}


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    yield page
    page.close()


def axe_problems(page: Page) -> list[str]:
    """Serious and critical axe-core violations of the open page: 'rule: element' each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{rule['id']}: {node['target']}"
        for rule in result["violations"]
        if rule["impact"] in SERIOUS
        for node in rule["nodes"]
    ]


@pytest.mark.parametrize("size", SIZES)
def test_axe_finds_nothing_serious_on_any_kind_of_page(
    page: Page, site_url: str, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    found: dict[str, list[str]] = {}
    for path in ON[size]:
        page.goto(site_url + path)
        if problems := axe_problems(page):
            found[path] = problems
    assert found == {}


def console_problems(page: Page, url: str) -> list[str]:
    """Console errors and failed requests while a page loads and settles."""
    problems: list[str] = []

    def on_console(message):  # type: ignore[no-untyped-def]
        if message.type == "error":
            problems.append(f"console: {message.text}")

    def on_response(response):  # type: ignore[no-untyped-def]
        if response.status >= 400:
            problems.append(f"{response.status}: {response.url}")

    def on_failed(request):  # type: ignore[no-untyped-def]
        # not an abort: the search worker of the page before may still be loading its files
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"failed: {request.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.remove_listener("console", on_console)
    page.remove_listener("response", on_response)
    page.remove_listener("requestfailed", on_failed)
    return problems


def test_console_is_clean_over_http(page: Page, site_url: str) -> None:
    found = {p: problems for p in PAGES if (problems := console_problems(page, site_url + p))}
    assert found == {}


def test_console_is_clean_from_disk(page: Page, built_site: Path) -> None:
    found: dict[str, list[str]] = {}
    for path in PAGES:
        if problems := console_problems(page, (built_site / path).as_uri()):
            found[path] = problems
    assert found == {}


# Errors the Nu Html Checker reports in markup the theme writes and we do not override:
# Material's base.html puts autocomplete="off" on its two hidden toggle checkboxes.
THEME_MARKUP = ('class="md-toggle"',)


def test_nu_html_checker_finds_no_error_in_our_markup(built_site: Path) -> None:
    files = [str(built_site / path) for path in PAGES]
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(run.stderr)["messages"]
    assert all(m["type"] == "error" for m in messages)
    ours = [
        f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not any(theme in m.get("extract", "") for theme in THEME_MARKUP)
    ]
    assert ours == []
    # the filter is not hiding everything: the theme's own errors are still seen
    assert len(messages) == 2 * len(PAGES)


class _NotFound(http.server.SimpleHTTPRequestHandler):
    """A static host as GitHub Pages is: a missing address gets 404.html of the site."""

    page: Path

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = self.page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


OWN_404 = "the server responded with a status of 404 (Not Found)"


@pytest.mark.parametrize("folder", ["", "score-5r/"])
def test_404_page_is_whole_at_the_server_root_and_in_the_published_folder(
    page: Page, built_site: Path, tmp_path: Path, folder: str
) -> None:
    """Served at a server's root or in its published folder, for an address at any depth:
    its styles and scripts load, no console error, nothing serious for axe, links lead home."""
    root = built_site
    if folder:
        (tmp_path / folder).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / folder.rstrip("/")).symlink_to(built_site)
        root = tmp_path
    host = type("Host", (_NotFound,), {"page": built_site / "404.html"})
    handler = functools.partial(host, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{server.server_port}/{folder}"
    try:
        missing = site + "tidak/ada/halaman.html"
        own = [f"404: {missing}", f"console: Failed to load resource: {OWN_404}"]
        for address in (site + "404.html", missing):
            page.set_viewport_size(SIZES["phone"])
            problems = sorted(console_problems(page, address))
            assert problems == (own if address == missing else []), address  # its own status
            assert axe_problems(page) == [], address
            header = "getComputedStyle(document.querySelector('.md-header')).position"
            assert page.evaluate(header) == "sticky", address  # the theme's stylesheet is there
            home = page.locator(".md-header__button.md-logo").get_attribute("href")
            home = page.evaluate("h => new URL(h, document.baseURI).href", home)
            assert home in (site, f"{site}en/index.html"), address  # the page is in English
            assert page.request.get(home).status == 200, home
            expect(page.locator("article h1")).to_have_text("Halaman tidak ditemukan")
            for lang, target in (("id", f"{site}index.html"), ("en", f"{site}en/index.html")):
                link = page.locator(f'article [lang="{lang}"] a')  # each language's home page
                assert link.evaluate("a => a.href") == target, (address, lang)
    finally:
        server.shutdown()
        server.server_close()
