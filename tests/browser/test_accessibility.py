"""Accessible and clean: axe-core finds nothing serious, the console stays clean over http and
from disk, and the Nu Html Checker finds no error in the site's own markup.

One page of every kind in both languages (kinds.PAGES). axe-core and vnu.jar come from npm
(tests/browser/package.json, installed by `make test`) and run from disk: nothing is fetched.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from kinds import AXE, KINDS, PAGES, VNU
from playwright.sync_api import Browser, Page

SERIOUS = ("serious", "critical")
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
# On a phone, the kinds whose layout changes most (tables become cards or scroll regions).
PHONE_KINDS = ("programme", "module", "session", "worksheet", "print")
ON = {
    "desktop": PAGES,
    "phone": [p for kind in PHONE_KINDS for p in (KINDS[kind], f"en/{KINDS[kind]}")],
}


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
