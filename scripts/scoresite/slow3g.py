"""The built site on a phone's slow 3G: first paint of the home page and of a session page,
and how soon after opening the page search answers (from the quick index) and has every word
(the whole index, which follows: no target), in Debian's chromium with the network
emulated (400 kbit/s each way, 400 ms latency) and the site served gzip-compressed from a
sub-path, as static hosts serve it. Each figure is the median of three fresh browser
contexts (empty cache); "later visit" opens the page again once the service worker has kept
the site. Part of `make bench`; alone: `python -m scoresite.slow3g site/`."""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

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
RUNS = 3
FIRST_PAINT = """() => new Promise(done => {
  const seen = () => performance.getEntriesByName('first-contentful-paint')[0];
  const wait = () => seen() ? done(seen().startTime / 1000) : setTimeout(wait, 50);
  wait();
})"""
WORKER_READY = """() => navigator.serviceWorker.ready.then(r => new Promise(done => {
  const check = () => r.active.state === "activated" && done(true);
  r.active.addEventListener("statechange", check);
  check();
}))"""


@dataclass(frozen=True)
class Figure:
    what: str
    seconds: float
    target: float | None

    @property
    def ok(self) -> bool:
        return self.target is None or self.seconds <= self.target


def _slow(context: BrowserContext, page: Page) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)


def first_paint(page: Page, url: str) -> float:
    page.goto(url, wait_until="commit")
    return float(page.evaluate(FIRST_PAINT))


def search_answered(page: Page, url: str, query: str) -> float:
    """Seconds from the start of navigation to the first search result on screen."""
    page.goto(url, wait_until="commit")
    page.locator('label.md-header__button[for="__search"]').click(timeout=60_000)
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
    return float(page.evaluate("performance.now()")) / 1000


def every_word(page: Page, url: str) -> float:
    """Seconds from the start of navigation to the search worker holding the whole index."""
    page.goto(url, wait_until="commit")
    page.locator("html[data-search-index=full]").wait_for(state="attached", timeout=120_000)
    return float(page.evaluate("performance.now()")) / 1000


def _median(browser: Browser, measure: Callable[[Page], float], *, later: str = "") -> float:
    """The median over fresh contexts; with `later`, the worker is installed first from that
    address at full speed, and the measured visit is a later one."""
    seconds = []
    for _ in range(RUNS):
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        if later:
            page.goto(later)
            page.evaluate(WORKER_READY)
            page = context.new_page()
        _slow(context, page)
        seconds.append(measure(page))
        context.close()
    return statistics.median(seconds)


def figures(site: Path) -> list[Figure]:
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        found = []
        for name, path in (("home page", "index.html"), ("session page", SESSION_PAGE)):
            seconds = _median(browser, partial(first_paint, url=base + path))
            found.append(Figure(f"first paint, {name}", seconds, PAINT_TARGET))
        for start, query in SEARCHES:
            search = partial(search_answered, url=base + start, query=query)
            seconds = _median(browser, search)
            found.append(Figure(f"search '{query}' answered", seconds, SEARCH_TARGET))
            seconds = _median(browser, search, later=base + start)
            found.append(Figure(f"search '{query}', later visit", seconds, SEARCH_TARGET))
            seconds = _median(browser, partial(every_word, url=base + start))
            found.append(Figure(f"search of every word ({start})", seconds, None))
        browser.close()
    return found


if __name__ == "__main__":
    for figure in figures(Path(sys.argv[1] if len(sys.argv) > 1 else "site")):
        met = "yes" if figure.ok else "NO"
        target = "no target" if figure.target is None else f"target ≤ {figure.target:.0f} s: {met}"
        print(f"{figure.what}: {figure.seconds:.2f} s ({target})")
