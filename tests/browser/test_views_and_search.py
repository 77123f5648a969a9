"""Trainer/participant views and per-language search, in Debian's chromium, from disk
(as from a USB stick) and over http (as published)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect
from scoresite.search import FULL_INDEX, LUNR_DIR, corpus_words, stem, stem_table

SESSION = "materi/kerja-sama/sesi-komunikasi.html"
MODULE = "materi/kerja-sama/index.html"


@pytest.fixture(scope="module", params=["file", "http"])
def url(request: pytest.FixtureRequest, built_site: Path) -> Callable[[str], str]:
    """The address of a page of the built site, opened from disk or served over http."""
    if request.param == "file":
        return lambda path: (built_site / path).as_uri()
    served: str = request.getfixturevalue("site_url")
    return lambda path: served + path


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser profile each time: nothing remembered from another test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def trainer_notes(page: Page) -> object:
    return page.locator("article h2").filter(has_text="Catatan pelatih")


def test_first_visit_shows_the_trainer_view(page: Page, url: Callable[[str], str]) -> None:
    page.goto(url(SESSION))
    expect(page.get_by_role("button", name="Pelatih")).to_have_attribute("aria-pressed", "true")
    expect(trainer_notes(page)).to_be_visible()


def test_participant_view_hides_trainer_material_and_is_remembered(
    page: Page, url: Callable[[str], str]
) -> None:
    page.goto(url(SESSION))
    page.get_by_role("group", name="Tampilan").get_by_role("button", name="Peserta").click()
    expect(trainer_notes(page)).to_be_hidden()
    expect(page.locator(".admonition.info").first).to_be_hidden()  # "Halaman pelatih"
    expect(page.locator('.md-nav a[href$="pelatih.html"]').first).to_be_hidden()
    expect(page.locator('.md-nav a[href^="#catatan-pelatih"]').first).to_be_hidden()
    expect(page.locator("article").get_by_text("Tujuan pembelajaran").first).to_be_visible()

    page.reload()
    expect(trainer_notes(page)).to_be_hidden()
    page.goto(url(MODULE))
    expect(page.get_by_role("button", name="Peserta")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("article h3").filter(has_text="pendamping")).to_be_hidden()
    expect(page.locator('article a[href="pelatih.pdf"]')).to_be_hidden()
    page.goto(url("en/" + MODULE))
    switch = page.get_by_role("group", name="View")
    expect(switch.get_by_role("button", name="Participant")).to_have_attribute(
        "aria-pressed", "true"
    )

    switch.get_by_role("button", name="Trainer").click()
    page.goto(url(SESSION))
    expect(trainer_notes(page)).to_be_visible()


def test_view_switch_works_from_the_keyboard(page: Page, url: Callable[[str], str]) -> None:
    page.goto(url(SESSION))
    page.get_by_role("button", name="Peserta").focus()
    page.keyboard.press("Enter")
    expect(trainer_notes(page)).to_be_hidden()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    expect(trainer_notes(page)).to_be_visible()


def test_without_javascript_everything_shows(browser: Browser, built_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / SESSION).as_uri())
    expect(trainer_notes(page)).to_be_visible()
    expect(page.locator(".view-switch")).to_have_count(0)
    context.close()


def wait_for_every_word(page: Page) -> None:
    """Over http the whole index follows the quick one (search-full.js); from disk it is
    there at once."""
    if not page.url.startswith("file:"):
        expect(page.locator("html")).to_have_attribute("data-search-index", "full")


def search(page: Page, url: Callable[[str], str], start: str, query: str) -> list[str]:
    """The pages the theme's search lists for `query`, as paths inside the site."""
    page.goto(url(start))
    wait_for_every_word(page)
    page.locator(".md-search__input").click(force=True)
    page.locator(".md-search__input").press_sequentially(query, delay=10)
    page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    links = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    root = url("index.html").removesuffix("index.html")
    return sorted({link.removeprefix(root).split("?")[0].split("#")[0] for link in links})


def only_in_the_whole_index(site: Path) -> tuple[str, set[str]]:
    """A word of the Indonesian pages that the quick index cannot find: none of its words or
    their stems begins as this word or its stem does (the theme searches prefixes, stemmed);
    and the pages whose text has it."""
    quick = json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]
    full = json.loads((site / "search" / FULL_INDEX).read_text("utf-8"))["docs"]
    table = stem_table(corpus_words(full))
    early = corpus_words(quick)
    beginnings = {w[:5] for w in early} | {stem(w, table)[:5] for w in early}
    word = next(
        w for w in sorted(corpus_words(full) - early)
        if len(w) >= 8 and not {w[:5], stem(w, table)[:5]} & beginnings
    )
    return word, {d["location"].split("#")[0] for d in full if word in d["text"].lower()}


def test_search_answers_from_the_quick_index_then_from_every_word(
    page: Page, site_url: str, built_site: Path
) -> None:
    """Over http the worker gets the quick index first; a word deep in a page's text is
    found once the whole index has come, without typing the query again."""
    word, pages = only_in_the_whole_index(built_site)
    held: list[Route] = []
    page.route("**/search/search_index.full.json", lambda route: held.append(route))
    page.goto(site_url + "index.html")
    page.locator(".md-search__input").click(force=True)
    page.locator(".md-search__input").press_sequentially(word, delay=10)
    expect(page.locator(".md-search-result__meta")).to_have_text("Tidak ada dokumen yang sesuai")
    expect(page.locator("html")).not_to_have_attribute("data-search-index", "full")
    page.wait_for_timeout(200)
    held[0].continue_()
    expect(page.locator("html")).to_have_attribute("data-search-index", "full")
    links = page.locator(".md-search-result__link")
    expect(links.first).to_be_visible()
    hrefs = links.evaluate_all("els => els.map(e => e.href)")
    found = {h.removeprefix(site_url).split("?")[0].split("#")[0] for h in hrefs}
    assert found & pages, (word, pages, found)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("keselamatannya", "materi/k3/index.html"),  # → selamat
        ("perawatan", "materi/5r/rawat.html"),  # → rawat, not Snowball's "awat"
        ("memilah", "materi/5r/ringkas.html"),  # → pilah
        ("pilah", "materi/5r/ringkas.html"),  # finds "dipilah", "memilah"
    ],
)
def test_indonesian_search_stems_and_lists_only_indonesian_pages(
    page: Page, url: Callable[[str], str], query: str, expected: str
) -> None:
    found = search(page, url, "index.html", query)
    assert expected in found
    assert [p for p in found if p.startswith("en/")] == []


def test_english_search_lists_only_english_pages(page: Page, url: Callable[[str], str]) -> None:
    found = search(page, url, "en/index.html", "sorting")
    assert "en/materi/5r/ringkas.html" in found
    assert [p for p in found if not p.startswith("en/")] == []


def test_browser_stems_every_word_as_the_build_does(browser: Browser, built_site: Path) -> None:
    """The shipped lunr.id.min.js (Snowball in JS + table) equals search.stem (Snowball in
    Python + table) on every word of the Indonesian pages and on forms not on the site."""
    index = json.loads((built_site / "search" / FULL_INDEX).read_text("utf-8"))
    words = corpus_words(index["docs"])
    table = stem_table(words)
    forms = ["keselamatannya", "perawatannya", "penilai", "pemilahannya", "pilahlah"]
    queries = sorted(words) + forms
    page = browser.new_page()
    page.set_content("<!doctype html><title>stemmer</title>")
    stub = "var lunr = {Pipeline: {registerFunction() {}}, QueryParser: {prototype: {}}};"
    page.add_script_tag(content=stub)
    page.add_script_tag(path=built_site / LUNR_DIR / "lunr.id.min.js")
    in_browser = page.evaluate("words => words.map(w => lunr.id.stem(w))", queries)
    page.close()
    assert len(queries) > 2000
    assert in_browser == [stem(w, table) for w in queries]


def test_participant_view_lists_no_trainer_guide_in_search(
    page: Page, url: Callable[[str], str]
) -> None:
    page.goto(url(SESSION))
    page.get_by_role("button", name="Peserta").click()
    wait_for_every_word(page)
    page.locator(".md-search__input").click(force=True)
    page.locator(".md-search__input").press_sequentially("jawaban", delay=10)
    page.locator(".md-search-result__item:visible").first.wait_for(timeout=20_000)
    guides = page.locator('.md-search-result__item:has(a[href*="/pelatih.html"])')
    assert guides.count() > 0
    expect(guides.first).to_be_hidden()
    assert page.locator('.md-search-result__item:visible a[href*="/pelatih.html"]').count() == 0


def test_participant_view_hides_the_trainer_slide_decks(
    page: Page, url: Callable[[str], str]
) -> None:
    page.goto(url(MODULE))
    page.get_by_role("button", name="Peserta").click()
    expect(page.locator('article a[href$="slide.pptx"]')).to_be_hidden()
    page.goto(url("materi/cetak.html"))
    decks = page.locator('article a[href$="slide.pptx"]')
    assert decks.count() >= 10
    for i in range(decks.count()):
        expect(decks.nth(i)).to_be_hidden()
    expect(page.locator("article h2").filter(has_text="Slide")).to_be_hidden()
    expect(page.locator('article a[href$=".pdf"]').first).to_be_visible()
    page.get_by_role("button", name="Pelatih").click()
    expect(decks.first).to_be_visible()
