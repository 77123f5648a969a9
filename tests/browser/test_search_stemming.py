"""Search stems in both languages: an inflected word finds the pages of its root.

The theme's own search worker runs over the built index, as on the site (it loads
lunr.id.min.js or lunr.english.min.js), for every word of tests/data/search/inflected.yml;
at least 90 % of each language's words must find every page their root finds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import DATA
from playwright.sync_api import Browser
from scoresite.search import FULL_INDEX

WORDS = yaml.safe_load((DATA / "search" / "inflected.yml").read_text(encoding="utf-8"))
INDEX = {"id": f"search/{FULL_INDEX}", "en": f"en/search/{FULL_INDEX}"}

SEARCH = """async ({worker, index, queries}) => {
  const w = new Worker(worker);
  const ask = message => new Promise((answer, fail) => {
    w.onmessage = event => answer(event.data);
    w.onerror = event => fail(new Error(`search worker: ${event.message}`));
    w.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {}}});
  const found = {};
  for (const query of queries) {
    const result = await ask({type: 2, data: query});
    const pages = result.data.items.flat().map(doc => doc.location.split("#")[0]);
    found[query] = [...new Set(pages)].sort();
  }
  w.terminate();
  return found;
}"""


def pages_found(
    browser: Browser, site_url: str, built_site: Path, lang: str, queries: list[str]
) -> dict[str, list[str]]:
    """The pages the theme's search worker lists for each query, in one worker."""
    (worker,) = (built_site / "assets/javascripts/workers").glob("search.*.min.js")
    page = browser.new_page()
    page.goto(site_url + "index.html")
    index = (built_site / INDEX[lang]).read_text(encoding="utf-8")
    found: dict[str, list[str]] = page.evaluate(
        f"args => ({SEARCH})({{...args, index: JSON.parse(args.index)}})",
        {"worker": site_url + worker.relative_to(built_site).as_posix(), "index": index}
        | {"queries": queries},
    )
    page.close()
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_inflected_words_find_the_pages_of_their_root(
    browser: Browser, site_url: str, built_site: Path, lang: str
) -> None:
    words: dict[str, str] = WORDS[lang]
    assert len(words) >= 40
    found = pages_found(browser, site_url, built_site, lang, [*words, *set(words.values())])
    table = [
        (word, root, len(found[root]), len(found[word]), set(found[root]) <= set(found[word]))
        for word, root in words.items()
    ]
    report = "\n".join(
        f"{w} → {r}: root {nr} pages, word {nw} pages, {'found' if ok else 'MISSED'}"
        for w, r, nr, nw, ok in table
    )
    (built_site.parent / f"search-stemming-{lang}.txt").write_text(report, encoding="utf-8")
    assert all(found[root] for root in words.values()), report  # every root is on the site
    assert sum(ok for *_, ok in table) >= 0.9 * len(table), report
