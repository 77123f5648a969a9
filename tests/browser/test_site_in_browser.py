"""The built site in a real browser (Debian's chromium), opened from disk as on a USB stick."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def test_pages_open_from_disk_without_any_request_to_another_host(
    page: Page, built_site: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("index.html", "materi/kerja-sama/index.html", "en/materi/5r/ringkas.html"):
        page.goto((built_site / path).as_uri())
        page.wait_for_load_state("load")
    assert requests
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []


def test_language_switcher_leads_to_the_same_page_in_english(page: Page, built_site: Path) -> None:
    page.goto((built_site / "materi/kerja-sama/index.html").as_uri())
    assert page.locator("h1").first.inner_text().startswith("Modul 1")
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/en/materi/kerja-sama/index.html")
    assert page.locator("h1").first.inner_text().startswith("Module 1")


def test_schedule_table_shows_clock_times(page: Page, built_site: Path) -> None:
    page.goto((built_site / "materi/kerja-sama/index.html").as_uri())
    first_cell = page.locator("table td").filter(has_text="–").first.inner_text()
    assert first_cell.startswith("07.40–")  # Module 1 opens with registration at 07.40


def test_search_finds_a_5r_step_offline(page: Page, built_site: Path) -> None:
    page.goto((built_site / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("Ringkas", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() >= 1


def test_abbreviations_explain_themselves(page: Page, built_site: Path) -> None:
    page.goto((built_site / "materi/glosarium.html").as_uri())
    titles = page.locator("abbr").evaluate_all("els => els.map(e => e.title)")
    assert any("usaha kecil dan menengah" in t.lower() for t in titles)


def test_worksheet_prints_without_site_chrome(page: Page, built_site: Path) -> None:
    sheet = next(sorted((built_site / "materi/kerja-sama/lembar-kerja").glob("*.html")).__iter__())
    page.goto(sheet.as_uri())
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-button").first.is_visible()
    assert page.locator(".ws-fill").first.is_visible()
