"""The built site on a phone's slow 3G: first paint of the home page and of a session page,
and how soon after opening the page search answers, in Debian's chromium with the network
emulated (400 kbit/s each way, 400 ms latency) and the site served gzip-compressed from a
sub-path, as static hosts serve it. Run alone: `python -m scoresite.slow3g site/`."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from .publish.static import serving

CHROMIUM = "/usr/bin/chromium"
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400_000 / 8,
    "uploadThroughput": 400_000 / 8,
}
SESSION_PAGE = "materi/kerja-sama/sesi-komunikasi.html"
SEARCHES = (("index.html", "sampah"), ("en/index.html", "waste"))
PAINT_TARGET, SEARCH_TARGET = 2.0, 5.0
FIRST_PAINT = """() => new Promise(done => {
  const seen = () => performance.getEntriesByName('first-contentful-paint')[0];
  const wait = () => seen() ? done(seen().startTime / 1000) : setTimeout(wait, 50);
  wait();
})"""


@dataclass(frozen=True)
class Figure:
    what: str
    seconds: float
    target: float

    @property
    def ok(self) -> bool:
        return self.seconds <= self.target


def _page(browser: Browser, url: str, wait: str = "commit"):  # type: ignore[no-untyped-def]
    """A fresh context (empty cache, no service worker) on the slow network, at `url`."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    page.goto(url, wait_until=wait)  # type: ignore[arg-type]
    return context, page


def first_paint(browser: Browser, url: str) -> float:
    context, page = _page(browser, url)
    seconds = float(page.evaluate(FIRST_PAINT))
    context.close()
    return seconds


def search_answered(browser: Browser, url: str, query: str) -> float:
    """Seconds from the start of navigation to the first search result on screen."""
    context, page = _page(browser, url)
    page.locator('label.md-header__button[for="__search"]').click(timeout=60_000)
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
    seconds = float(page.evaluate("performance.now()")) / 1000
    context.close()
    return seconds


def figures(site: Path) -> list[Figure]:
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        found = [
            Figure("first paint, home page", first_paint(browser, base + "index.html"), 2.0),
            Figure("first paint, session page", first_paint(browser, base + SESSION_PAGE), 2.0),
        ]
        for start, query in SEARCHES:
            seconds = search_answered(browser, base + start, query)
            found.append(Figure(f"search '{query}' answered ({start})", seconds, SEARCH_TARGET))
        browser.close()
    return found


if __name__ == "__main__":
    for figure in figures(Path(sys.argv[1] if len(sys.argv) > 1 else "site")):
        met = "yes" if figure.ok else "NO"
        print(f"{figure.what}: {figure.seconds:.2f} s (target ≤ {figure.target:.0f} s: {met})")
