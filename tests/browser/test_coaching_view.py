"""Coaching plans are trainer material: shown in the trainer view, hidden with every link to
them in the participant view, in Debian's chromium from disk (as from a USB stick)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

PLAN = "materi/lokakarya-5r/pendampingan.html"
WORKSHOP = "materi/lokakarya-5r/index.html"
PROGRAMME = "materi/program/index.html"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_trainer_view_shows_the_plan_and_participant_view_hides_it(
    page: Page, built_site: Path
) -> None:
    page.goto((built_site / PLAN).as_uri())
    visit = page.locator("article h2").filter(has_text="Kunjungan 1")
    expect(visit).to_be_visible()
    expect(page.locator('article a[href="pendampingan.pdf"]')).to_be_visible()
    page.get_by_role("group", name="Tampilan").get_by_role("button", name="Peserta").click()
    expect(visit).to_be_hidden()
    expect(page.locator('.md-nav a[href$="pendampingan.html"]').first).to_be_hidden()
    page.goto((built_site / WORKSHOP).as_uri())
    expect(page.locator('article a[href="pendampingan.html"]')).to_be_hidden()
    expect(page.locator("article").get_by_text("Tujuan pembelajaran").first).to_be_visible()
    page.goto((built_site / PROGRAMME).as_uri())
    expect(page.locator('article a[href="../lokakarya-5r/pendampingan.html"]')).to_be_hidden()
    page.get_by_role("group", name="Tampilan").get_by_role("button", name="Pelatih").click()
    expect(page.locator('article a[href="../lokakarya-5r/pendampingan.html"]')).to_be_visible()
