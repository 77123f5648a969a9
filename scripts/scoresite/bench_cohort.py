"""Scale of the monitoring page and the cohort report (rows of `make bench`; alone with
`scoresite bench --only cohort`): a synthetic cohort as coaches would export it, imported by
the page in Debian's chromium, and printed by `scoresite report`."""

from __future__ import annotations

import csv
import io
import random
import sys
import time
from pathlib import Path

from .data.fieldcsv import HEADERS
from .validate import load_project

AS_OF = "2026-12-31"


def _write(path: Path, rows: list[list[str]]) -> None:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")


def synthetic(folder: Path, modules: Path, enterprises: int, audits: int) -> int:
    """A roster, `audits` audit files a month apart for each enterprise (actions on some
    criteria) and a KPI file each with every KPI for 12 months; returns the number of files."""
    project = load_project(modules)
    keys = [(s.id, c.id) for s in project.five_r.steps for c in s.criteria]
    kpis = [k.id for k in project.programme.kpis]
    rand = random.Random(17)
    folder.mkdir(parents=True, exist_ok=True)
    roster = [HEADERS["roster"].split(",")]
    for e in range(enterprises):
        code = f"K{e:04d}"
        roster.append(
            [code, f"Usaha {e}", f"Kab {e % 30}", "logam", "kecil", "2026-A", "2026-01-05"]
        )
        for a in range(audits):
            day = (
                f"{2026 - (audits - 1 - a) // 12}-{12 - (audits - 1 - a) % 12:02d}-{1 + e % 28:02d}"
            )
            rows = [HEADERS["audit"].split(",")]
            for i, (step, criterion) in enumerate(keys):
                score = str(min(4, rand.randrange(3) + a * 4 // audits))
                action = ["Pak Budi", day] if i % 9 == e % 9 else ["", ""]
                rows.append(
                    [
                        code,
                        f"Usaha {e}",
                        "Produksi",
                        "Ani",
                        day,
                        step,
                        criterion,
                        score,
                        "",
                        *action,
                    ]
                )
            _write(folder / f"audit-{code}-{a:02d}.csv", rows)
        values = [
            [code, f"2026-{m:02d}", k, f"{10 + rand.random() * 5:.2f}", "1" if m == 1 else ""]
            for m in range(1, 13)
            for k in kpis
        ]
        _write(folder / f"kpi-{code}.csv", [HEADERS["kpi"].split(","), *values])
    _write(folder / "daftar-usaha.csv", roster)
    return 1 + enterprises * (audits + 1)


def page_import(site: Path, folder: Path) -> float:
    """Seconds from choosing every file of `folder` on the monitoring page (from file://) to
    its figures shown."""
    from playwright.sync_api import sync_playwright

    files = sorted(folder.glob("*.csv"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        page = browser.new_page()
        page.goto((site / "materi" / "program" / "pemantauan.html").as_uri())
        page.fill("#monitoring-as-of", AS_OF)
        start = time.perf_counter()
        page.set_input_files("#monitoring-files", files)
        done = page.locator("#monitoring-status").filter(has_text=f"{len(files)} berkas tersimpan")
        done.wait_for(timeout=120_000)
        page.locator("#monitoring-cohort-table").wait_for()
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def report_command(folder: Path, out: Path, modules: Path) -> list[str]:
    argv = ["report", str(folder), "--out", str(out), "--as-of", AS_OF, "--modules", str(modules)]
    return [sys.executable, "-m", "scoresite", *argv, "--site-dir", str(out.parent / "site")]
