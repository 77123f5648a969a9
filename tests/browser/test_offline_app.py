"""The site as an installed app on a phone, over http(s) from a sub-path (`/score-5r/`), in
Debian's chromium: the manifest installs, the worker precaches, and with the network gone
pages of both languages open, search answers, and a module kept for offline use opens its
PDF; a rebuilt site announces itself. From file:// nothing changes and nothing errors."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, FLAGS
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright
from scoresite.fields import LANGUAGES
from scoresite.publish.archive import write_zip
from scoresite.publish.static import serving
from scoresite.publish.webapp import precached, write_app

PHONE = {"width": 360, "height": 740}
READY = """navigator.serviceWorker.ready.then(r => new Promise(done => {
  const worker = r.active;
  const check = () => worker.state === "activated" && done(worker.state);
  worker.addEventListener("statechange", check);
  check();
}))"""


@pytest.fixture(scope="module")
def served(
    built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, str]]:
    """A copy of the built site (the update test rebuilds it) at http://…/score-5r/."""
    site = tmp_path_factory.mktemp("app") / "site"
    shutil.copytree(built_site, site)
    with serving(site) as base:
        yield site, base


@pytest.fixture(scope="module")
def app(
    served: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[BrowserContext, Page]]:
    """A phone's browser profile (not incognito: a site can be installed only from a profile),
    with the worker installed from the home page."""
    profile = tmp_path_factory.mktemp("profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS, viewport=PHONE
        )
        page = context.pages[0]
        page.goto(served[1] + "index.html")
        assert page.evaluate(READY) == "activated"
        yield context, page
        context.close()


def test_manifest_has_no_installability_errors(app: tuple[BrowserContext, Page]) -> None:
    context, page = app
    cdp = context.new_cdp_session(page)
    for start, manifest in (("index.html", ""), ("en/", "en/")):
        page.goto(_base(page) + start)
        found = cdp.send("Page.getAppManifest")
        assert found["url"].endswith(f"/score-5r/{manifest}manifest.webmanifest")
        assert found["errors"] == []
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    cdp.detach()


def _base(page: Page) -> str:
    return page.url.split("/score-5r/")[0] + "/score-5r/"


def _search(page: Page, start: str, query: str) -> list[str]:
    page.goto(_base(page) + start)
    # the whole index, kept by the worker, follows the quick one (search-full.js)
    expect(page.locator("html")).to_have_attribute("data-search-index", "full")
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator(".md-search__input").press_sequentially(query, delay=10)  # keys, as typed
    page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    return page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")


def test_offline_pages_of_both_languages_and_search_answer(
    app: tuple[BrowserContext, Page], served: tuple[Path, str]
) -> None:
    context, page = app
    pages = [p for p in precached(served[0]) if p.endswith(".html") and p != "404.html"]
    english = [p for p in pages if p.startswith("en/")]
    indonesian = [p for p in pages if not p.startswith("en/")]
    context.set_offline(True)
    try:
        not_kept = "fetch('sitemap.xml').then(r => r.status, () => 'no network')"
        assert page.evaluate(not_kept) == "no network"  # offline indeed, for the worker too
        for pages_of_a_language in (indonesian, english):
            chosen = pages_of_a_language[:: len(pages_of_a_language) // 10][:10]
            assert len(chosen) == 10
            for path in chosen:
                response = page.goto(_base(page) + path)
                assert response is not None and response.ok, path
                assert page.locator("article h1").count() == 1, path
        found = _search(page, "index.html", "pilah")
        assert any("/score-5r/materi/5r/ringkas.html" in link for link in found)
        found = _search(page, "en/index.html", "sorting")
        assert found and all("/score-5r/en/" in link for link in found)
    finally:
        context.set_offline(False)


FETCHED = """url => fetch(url).then(async r => [r.status, new TextDecoder().decode(
  (await r.arrayBuffer()).slice(0, 5))])"""


def test_a_module_kept_for_offline_use_opens_its_pdf(app: tuple[BrowserContext, Page]) -> None:
    context, page = app
    page.goto(_base(page) + "en/materi/k3/index.html")
    keep = page.locator(".app-keep")
    assert "Keep this module for offline use (PDFs and slides, " in keep.inner_text()
    keep.click()
    page.wait_for_function("document.querySelector('.app-keep').textContent.startsWith('Kept')")
    context.set_offline(True)
    try:
        pdf = _base(page) + "en/materi/k3/buku-kerja.pdf"
        assert page.evaluate(FETCHED, pdf) == [200, "%PDF-"]
        page.reload()
        expect(page.locator(".app-keep")).to_contain_text("Kept on this device")
    finally:
        context.set_offline(False)


def test_a_rebuilt_site_says_so_and_reloads_into_the_new_content(
    app: tuple[BrowserContext, Page], served: tuple[Path, str]
) -> None:
    context, page = app
    site, base = served
    home = site / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace("</h1>", " (baru)</h1>", 1), encoding="utf-8"
    )
    write_app(site, LANGUAGES)  # the build's last step: a new worker for the new content
    page.goto(base + "index.html")
    notice = page.locator(".app-notice")
    notice.wait_for(timeout=60_000)  # the worker registers 10 s after the page settles
    assert notice.inner_text().startswith("Versi baru materi ini tersedia.")
    page.screenshot(path=str(site.parent / "update-notice-360.png"))
    with page.expect_navigation():
        notice.locator("button").click()
    assert "(baru)" in page.locator("article h1").inner_text()


def test_from_disk_nothing_registers_and_nothing_errors(
    app: tuple[BrowserContext, Page], built_site: Path
) -> None:
    context, _ = app
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    for path in ("index.html", "en/materi/k3/index.html"):
        page.goto((built_site / path).as_uri())
        page.wait_for_load_state("load")
        assert page.locator("link[rel=manifest], .app-keep").count() == 0
    assert problems == []
    page.close()


def test_the_zip_opens_and_its_index_loads_from_disk(
    app: tuple[BrowserContext, Page], built_site: Path, tmp_path: Path
) -> None:
    archive = write_zip(built_site, tmp_path / "modules", tmp_path, 1764633600)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(tmp_path / "usb")
    page = app[0].new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto((tmp_path / "usb" / "score-5r" / "index.html").as_uri())
    page.locator("article a[href$='materi/k3/index.html']").first.click()
    assert "K3" in page.locator("article h1").inner_text()
    assert problems == []
    page.close()
