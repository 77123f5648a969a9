"""On a 360 px phone: every run-sheet reads without sideways scrolling, the print page names
each download, wide worksheet tables scroll in their own focusable region."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

PHONE = {"width": 360, "height": 740}

# Every cell of a run-sheet that lies (partly) outside the screen, and how wide the page is.
OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const cells = [...document.querySelectorAll('.run-sheet td')].filter(c => c.textContent.trim());
  const off = cells.filter(c => {
    const box = c.getBoundingClientRect();
    return box.width === 0 || box.left < 0 || box.right > width;
  }).map(c => c.textContent.trim().slice(0, 40));
  return {cells: cells.length, off, scrollWidth: document.scrollingElement.scrollWidth};
}"""


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport=PHONE)
    yield page
    page.close()


def test_every_run_sheet_fits_a_phone_screen(phone: Page, built_site: Path) -> None:
    sessions = sorted(built_site.glob("materi/*/sesi-*.html"))
    sessions += sorted(built_site.glob("en/materi/*/sesi-*.html"))
    assert len(sessions) >= 20
    for path in sessions:
        phone.goto(path.as_uri())
        found = phone.evaluate(OFF_SCREEN)
        where = path.relative_to(built_site)
        assert found["cells"] >= 5, where  # time, minutes, activity, method, instructions
        assert found["off"] == [], where
        assert found["scrollWidth"] <= PHONE["width"], where


def test_run_sheet_cards_name_each_value_on_a_phone(phone: Page, built_site: Path) -> None:
    phone.goto((built_site / "materi/kerja-sama/sesi-komunikasi.html").as_uri())
    first = phone.locator(".run-sheet tbody tr").first
    labels = first.evaluate("r => [...r.cells].map(c => getComputedStyle(c, '::before').content)")
    names = ("Waktu", "Menit", "Kegiatan", "Metode", "Petunjuk untuk peserta")
    assert labels == [f'"{name}: "' for name in names]
    # stacked: each value on a line of its own, read from the left
    tops = first.evaluate("r => [...r.cells].map(c => c.getBoundingClientRect().top)")
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    aligned = first.evaluate("r => [...r.cells].map(c => getComputedStyle(c).textAlign)")
    assert set(aligned) == {"left"}


def test_print_page_links_say_what_they_download(phone: Page, built_site: Path) -> None:
    for root, languages in (
        (built_site, ("Bahasa Indonesia", "Bahasa Inggris")),
        (built_site / "en", ("Indonesian", "English")),
    ):
        phone.goto((root / "materi/cetak.html").as_uri())
        entries = phone.locator("article li:has(a)")
        assert entries.count() >= 20
        for i in range(entries.count()):
            entry = entries.nth(i)
            title = entry.locator("strong").first.inner_text()
            links = entry.locator("a").all()
            assert len(links) == len(languages), title
            for link, language in zip(links, languages, strict=True):
                name = link.text_content() or ""
                what = rf"{re.escape(title)}, {language} · (PDF|PPTX|HTML) · \d+ \w+ · \d+ KB"
                assert re.fullmatch(what, name), name
                assert (link.get_attribute("href") or "").endswith((".pdf", ".pptx", ".html")), name
                box = link.bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name
        assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_wide_worksheet_table_scrolls_in_its_own_focusable_region(
    browser: Browser, built_site: Path
) -> None:
    sheet = (built_site / "materi/sdm/lembar-kerja/lk-matriks-keterampilan.html").as_uri()
    desktop = browser.new_page(viewport={"width": 1280, "height": 900})
    desktop.goto(sheet)
    region = desktop.locator(".ws-table").first
    assert region.locator("th").count() >= 9
    article = desktop.locator("article").bounding_box()
    table = region.locator("table").bounding_box()
    toc = desktop.locator(".md-sidebar--secondary").bounding_box()
    assert article and table and toc
    # the whole table is inside the text column, left of the table of contents
    assert table["x"] + table["width"] <= min(article["x"] + article["width"], toc["x"]) + 1
    desktop.close()

    phone = browser.new_page(viewport=PHONE)
    phone.goto(sheet)
    region = phone.locator(".ws-table").first
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # it scrolls, by itself
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    phone.close()


def test_quiz_page_links_the_workbook_that_prints_it(phone: Page, built_site: Path) -> None:
    phone.goto((built_site / "materi/kerja-sama/tes.html").as_uri())
    link = phone.locator("article a[href$='.pdf#tes']")
    assert link.count() == 1
    assert (built_site / "materi/kerja-sama" / link.get_attribute("href").split("#")[0]).is_file()


# For each letter of the A–Z index: whether its target exists, and the first letters of the
# terms listed under that letter's heading.
GLOSSARY = """() => [...document.querySelectorAll('nav.az a')].map(a => {
  const heading = document.getElementById(a.getAttribute('href').slice(1));
  const terms = [];
  for (let e = heading && heading.nextElementSibling; e && e.tagName !== 'H2';
       e = e.nextElementSibling) {
    e.querySelectorAll('dt').forEach(dt => terms.push(dt.textContent.trim()[0].toUpperCase()));
  }
  return {letter: a.textContent, found: !!heading, terms};
})"""


def test_glossary_letters_lead_to_their_terms(phone: Page, built_site: Path) -> None:
    for root in (built_site, built_site / "en"):
        phone.goto((root / "materi/glosarium.html").as_uri())
        letters = phone.evaluate(GLOSSARY)
        assert len(letters) >= 5
        assert [x["letter"] for x in letters] == sorted(x["letter"] for x in letters)
        for x in letters:
            assert x["found"] and x["terms"] and set(x["terms"]) == {x["letter"]}, x
        assert sum(len(x["terms"]) for x in letters) == phone.locator("article dt").count()


# Each table wider than its box, and whether that box is a named region that takes focus.
WIDE = """() => [...document.querySelectorAll('article table')].map(table => {
  let box = table.parentElement;
  while (box && box.tagName !== 'ARTICLE' && !(box.scrollWidth > box.clientWidth &&
         ['auto', 'scroll'].includes(getComputedStyle(box).overflowX))) box = box.parentElement;
  return box && box.tagName !== 'ARTICLE' ? {
    focusable: box.tabIndex === 0, role: box.getAttribute('role'),
    label: (box.getAttribute('aria-label') || '').trim(),
  } : null;
}).filter(Boolean)"""


def _own_tables(page: Path) -> bool:
    """Tables other than worksheets' and run-sheets' (one template each, tested above)."""
    html = page.read_text(encoding="utf-8")
    if "lembar-kerja" in page.parts:
        return False
    return html.count("<table") > html.count('class="ws-table"') + html.count('"run-sheet"')


def test_every_wide_table_scrolls_in_a_named_region_that_takes_focus(
    phone: Page, built_site: Path
) -> None:
    pages = [p for p in sorted(built_site.rglob("*.html")) if _own_tables(p)]
    seen = 0
    for path in pages:
        phone.goto(path.as_uri())
        phone.wait_for_load_state("load")
        for region in phone.evaluate(WIDE):
            seen += 1
            assert region["focusable"] and region["role"] == "region", path
            assert region["label"], path
        assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], path
    assert seen >= 10  # the trainer guides' tables and the 5R overview, both languages
