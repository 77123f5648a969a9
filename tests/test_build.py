"""The whole build, as `make site` runs it: pages, clock times, reproducibility, safety."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml
from conftest import ROOT, run_build
from pypdf import PdfReader


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def clock(minutes: int, sep: str) -> str:
    return f"{minutes // 60:02d}{sep}{minutes % 60:02d}"


MODULE_FILES = [
    *sorted((ROOT / "modules").glob("modul-*.yml")),
    *sorted((ROOT / "modules").glob("lokakarya-*.yml")),
]


def expected_schedule(module: dict) -> list[tuple[str, int]]:
    """Session start times worked out from the raw YAML, independently of the generator."""
    hours, mins = map(int, module["schedule"]["start"].split(":"))
    now = hours * 60 + mins + module["schedule"].get("opening", {}).get("minutes", 0)
    pauses = {b["after"]: b["minutes"] for b in module["schedule"].get("breaks", [])}
    starts = []
    for session in module["sessions"]:
        starts.append((session["id"], now))
        now += sum(a["minutes"] for a in session["activities"]) + pauses.get(session["id"], 0)
    return starts


def test_real_site_has_every_page_in_both_languages(built_site: Path) -> None:
    for page in (
        "index.html",
        "panduan.html",
        "materi/program/index.html",
        "materi/5r/index.html",
        "materi/5r/rajin.html",
        "materi/glosarium.html",
    ):
        assert (built_site / page).is_file(), page
        assert (built_site / "en" / page).is_file(), page
    for path in MODULE_FILES:
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang in ("", "en/"):
            folder = built_site / f"{lang}materi/{module['id']}"
            assert (folder / "index.html").is_file()
            for session in module["sessions"]:
                assert (folder / f"{session['id']}.html").is_file()
            for sheet in module.get("worksheets", []):
                assert (folder / "lembar-kerja" / f"{sheet['id']}.html").is_file()


SESSION_ROW = r"<td>(\d\d[.:]\d\d)–\d\d[.:]\d\d</td>\s*<td><a href=\"([\w-]+)\.html\""


def test_module_pages_show_the_schedule_with_computed_clock_times(built_site: Path) -> None:
    for path in MODULE_FILES:
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang, sep in (("", "."), ("en/", ":")):
            html = (built_site / f"{lang}materi/{module['id']}/index.html").read_text("utf-8")
            weekday = html.split('id="jadwal-jumat"')[0]
            rows = re.findall(SESSION_ROW, weekday)
            assert rows == [(clock(start, sep), sid) for sid, start in expected_schedule(module)]


def test_total_time_reads_as_teaching_plus_breaks(built_site: Path) -> None:
    for path in MODULE_FILES:
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        teaching = sum(s["minutes"] for s in module["sessions"])
        pauses = sum(b["minutes"] for b in module["schedule"].get("breaks", []))
        html = (built_site / f"materi/{module['id']}/index.html").read_text("utf-8")
        opening = module["schedule"].get("opening", {}).get("minutes")
        said = rf"<dt>Lama seluruhnya</dt>\s*<dd>[^<]*: {teaching} menit belajar \+ {pauses} "
        said += "menit istirahat" + (rf" \+ {opening} menit pembukaan" if opening else "")
        assert re.search(said + "</dd>", html), path.name


def test_no_table_has_an_empty_header_cell(built_site: Path) -> None:
    """A screen reader names each cell by its column's header: an empty one names nothing
    (a module's facts are a list of terms, not a table with a blank header row)."""
    empty = re.compile(r"<th[^>]*>\s*</th>")
    found = [p.name for p in built_site.rglob("*.html") if empty.search(p.read_text("utf-8"))]
    assert found == []


def minutes(text: str) -> int:
    return int(text[:2]) * 60 + int(text[3:])


SLOT_ROW = r"<td>(\d\d[.:]\d\d)–(\d\d[.:]\d\d)</td>\s*<td>(?:<a href=\"([\w-]+)\.html\"|<em>)"


def test_friday_schedule_keeps_session_minutes_and_frees_friday_prayer(built_site: Path) -> None:
    """Every full-day module shows a Friday table: the same sessions with the same minutes, in
    the same order, none of them between 11.30 and 13.00, covered by one break."""
    for path in MODULE_FILES:
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        weekday_starts = dict(expected_schedule(module))
        html = (built_site / f"materi/{module['id']}/index.html").read_text("utf-8")
        if max(weekday_starts.values()) < 11 * 60 + 30:
            assert 'id="jadwal-jumat"' not in html  # a morning only: nothing changes on Friday
            continue
        friday = re.findall(SLOT_ROW, html.split('id="jadwal-jumat"')[1])
        slots = [(minutes(a), minutes(b), sid) for a, b, sid in friday]
        lengths = {s["id"]: sum(a["minutes"] for a in s["activities"]) for s in module["sessions"]}
        sessions = [(start, end, sid) for start, end, sid in slots if sid]
        assert [sid for _, _, sid in sessions] == [s["id"] for s in module["sessions"]]
        assert all(end - start == lengths[sid] for start, end, sid in sessions)
        assert all(end <= 11 * 60 + 30 or start >= 13 * 60 for start, end, _ in sessions)
        assert any(start <= 11 * 60 + 30 and end >= 13 * 60 for start, end, sid in slots if not sid)
        assert all(a[1] == b[0] for a, b in zip(slots, slots[1:], strict=False))  # no gaps
        assert slots[0][0] <= minutes(module["schedule"]["start"].replace(":", "."))


def test_build_is_byte_for_byte_reproducible(tmp_project: Callable[..., Path]) -> None:
    root = tmp_project()
    assert run_build(root, root / "one").returncode == 0
    shutil.rmtree(root / ".cache" / "slides")  # slide decks are made again, seconds later
    assert run_build(root, root / "two").returncode == 0
    assert digest(root / "one") == digest(root / "two")
    assert any(name.endswith(".pptx") for name in digest(root / "one"))


def test_failed_build_leaves_previous_site_as_it_was(tmp_project: Callable[..., Path]) -> None:
    root = tmp_project()
    assert run_build(root, root / "site").returncode == 0
    before = digest(root / "site")
    module = root / "modules" / "modul-1-contoh.yml"
    module.write_text(module.read_text("utf-8").replace("minutes: 40", "minutes: 45"), "utf-8")
    result = run_build(root, root / "site")
    assert result.returncode == 1
    assert "modules/modul-1-contoh.yml:14:14: session 'sesi-a' lasts 60 minutes" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(root / "site") == before
    assert sorted(p.name for p in root.glob(".site.*")) == []  # no temporary folder left


def test_generated_pages_live_outside_docs_and_pair_their_languages(
    tmp_project: Callable[..., Path],
) -> None:
    """`mkdocs serve` watches docs/: pages written there would start a second build."""
    root = tmp_project()
    before = digest(root / "docs")
    assert run_build(root, root / "site").returncode == 0
    assert digest(root / "docs") == before
    assert (root / ".cache" / "pages" / "materi" / "kerja-sama" / "index.en.md").is_file()
    page = "materi/kerja-sama/index.html"
    assert '<h1 id="modul-1-modul-contoh">' in (root / "site" / page).read_text("utf-8")
    english = (root / "site" / "en" / page).read_text("utf-8")
    assert '<h1 id="module-1-sample-module">' in english
    assert 'href="../../../materi/kerja-sama/index.html" hreflang="id"' in english


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_reloads_when_a_yaml_file_changes(tmp_project: Callable[..., Path]) -> None:
    root = tmp_project()
    port = free_port()
    published = "https://score.pelatihan.test/5r/"  # as `make serve SITE_URL=...` passes it
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, SITE_URL=published),
    )
    try:
        base = urllib.parse.urlparse(published)
        page = f"http://127.0.0.1:{port}{base.path}materi/kerja-sama/sesi-b.html"
        assert wait_for(page, "Sesi B", 60)
        module = root / "modules" / "modul-1-contoh.yml"
        module.write_text(module.read_text("utf-8").replace("Sesi B", "Sesi Baru"), "utf-8")
        assert wait_for(page, "Sesi Baru", 60)
        # printouts made while serving still point to the published site, not to 127.0.0.1
        pdfs = sorted((root / ".cache" / "pdf").glob("*.pdf"))
        assert pdfs
        for pdf in pdfs:
            text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
            assert "127.0.0.1" not in text, pdf
            certificate = "CERTIFICATE OF PARTICIPATION" in text or "SERTIFIKAT" in text
            assert certificate or base.netloc in text, pdf  # a certificate has no link
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_editor_schemas_are_published_with_the_site(built_site: Path) -> None:
    module = json.loads((built_site / "schema" / "module.json").read_text(encoding="utf-8"))
    assert {"sessions", "worksheets", "quiz", "follow_up"} <= set(module["properties"])
    assert module["additionalProperties"] is False
    for name in ("5r.json", "glossary.json", "programme.json"):
        assert json.loads((built_site / "schema" / name).read_text(encoding="utf-8"))["properties"]
