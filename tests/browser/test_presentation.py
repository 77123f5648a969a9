"""Each deck's HTML presentation in a real browser (Debian's chromium), opened from disk as
on a USB stick: keys move between slides, notes show only in the trainer view, nothing is
asked of another host and nothing goes to the console."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    yield page
    page.close()


def shown(page: Page) -> list[str]:
    return page.locator(".frame:not([hidden])").evaluate_all("els => els.map(e => e.id)")


@pytest.mark.parametrize("path", ["materi/lokakarya-5r/slide.html", "en/materi/mutu/slide.html"])
def test_the_presentation_moves_by_keys_and_shows_notes_only_to_the_trainer(
    page: Page, built_site: Path, path: str
) -> None:
    requests: list[str] = []
    said: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: said.append(message.text))
    page.on("pageerror", lambda error: said.append(str(error)))
    page.goto((built_site / path).as_uri())
    page.wait_for_load_state("load")
    count = page.locator(".frame").count()
    assert count > 10 and shown(page) == ["slide-1"]
    assert not page.locator("#slide-1 .notes").is_visible()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert shown(page) == ["slide-3"]
    page.keyboard.press("ArrowLeft")
    assert shown(page) == ["slide-2"]
    assert page.locator("#where").inner_text() == f"2 / {count}"
    assert not page.locator("#slide-2 .notes").is_visible()
    page.keyboard.press("t")
    assert page.locator("#slide-2 .notes").is_visible()
    assert page.locator("#slide-2 .notes p").inner_text().strip()
    page.keyboard.press("End")
    assert shown(page) == [f"slide-{count}"]
    page.keyboard.press("t")
    assert not page.locator(f"#slide-{count} .notes").is_visible()
    page.reload()
    assert shown(page) == [f"slide-{count}"]  # the place is kept in the address
    assert [url for url in requests if not url.startswith(("file://", "data:"))] == []
    assert said == []


def test_a_swipe_moves_to_the_next_slide(browser: Browser, built_site: Path) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 640}, has_touch=True)
    page.goto((built_site / "materi/k3/slide.html").as_uri())
    page.evaluate(
        """() => {
          const at = (x) => [
            new Touch({identifier: 1, target: document.body, clientX: x, clientY: 300}),
          ];
          document.dispatchEvent(new TouchEvent("touchstart", {touches: at(300)}));
          document.dispatchEvent(new TouchEvent("touchend", {changedTouches: at(100)}));
        }"""
    )
    assert shown(page) == ["slide-2"]
    page.close()


def test_the_module_page_links_the_presentation_and_the_handout(
    page: Page, built_site: Path
) -> None:
    page.goto((built_site / "materi/mutu/index.html").as_uri())
    links = page.locator("a.md-button").evaluate_all("els => els.map(e => e.href)")
    for name in ("slide.pptx", "slide.html", "handout-slide.pdf"):
        [link] = [link for link in links if link.endswith(f"/materi/mutu/{name}")]
        assert Path(link.removeprefix("file://")).is_file(), link
