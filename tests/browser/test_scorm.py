"""A SCORM package inside an LMS: scorm-again's SCORM 1.2 runtime plays the LMS in a page
that opens the package's index.html in a frame, as Moodle does."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, _QuietHandler
from playwright.sync_api import Browser

RUNTIME = ROOT / "tests" / "browser" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
LMS = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<link rel="icon" href="data:,">
<script src="scorm12.js"></script>
<script>
  window.calls = [];
  window.API = new Scorm12API({autocommit: false, logLevel: 5});
  for (const name of ["LMSInitialize", "LMSSetValue", "LMSCommit", "LMSFinish"]) {
    window.API.on(name, (...args) => window.calls.push([name, ...args]));
  }
</script></head>
<body><iframe id="sco" src="package/index.html" title="module" width="900" height="600">
</iframe></body></html>"""


@pytest.fixture(scope="module")
def lms(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An http server holding the test LMS page and the Module 2 package, unpacked."""
    folder = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(built_site / "materi" / "ekspor" / "scorm" / "mutu.zip") as package:
        package.extractall(folder / "package")
    shutil.copy(RUNTIME, folder / "scorm12.js")
    (folder / "index.html").write_text(LMS, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_a_package_in_an_lms_frame_initialises_completes_and_finishes(browser: Browser, lms: str):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(lms)
    frame = page.frame_locator("#sco")
    status = frame.locator("#scorm-status")
    assert page.evaluate("window.API.cmi.core.lesson_status") == "incomplete"
    assert "Modul ini tercatat sedang diikuti" in status.inner_text()
    frame.get_by_role("button", name="Tandai modul ini selesai").click()
    assert page.evaluate("window.API.cmi.core.lesson_status") == "completed"
    assert "tercatat selesai" in status.inner_text()
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.calls.some(c => c[0] === 'LMSFinish')")
    names = [c[0] for c in page.evaluate("window.calls")]
    assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish"
    assert ["LMSSetValue", "cmi.core.lesson_status", "completed"] in page.evaluate("window.calls")
    assert all(r.startswith(lms) or r == "about:blank" for r in requests), requests
    assert errors == []
    page.close()


def test_a_package_opened_without_an_lms_says_nothing_is_recorded(browser: Browser, lms: str):
    page = browser.new_page()
    page.goto(lms + "package/index.html")
    assert "di luar LMS" in page.locator("#scorm-status").inner_text()
    assert page.locator("#scorm-done").is_hidden()
    page.close()
