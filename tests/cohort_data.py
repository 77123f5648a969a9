"""A generated cohort for the monitoring page and the report: a roster, audit files and KPI
files as coaches would export them, and the figures expected from them, worked out here in
plain Python by the rules the page writes out (not with the page's or the report's code)."""

from __future__ import annotations

import csv
import io
import math
import statistics
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from conftest import ROOT

AS_OF = "2026-11-30"
STEPS = yaml.safe_load((ROOT / "modules" / "5r.yml").read_text(encoding="utf-8"))["steps"]
KEYS = [f"{s['id']}/{c['id']}" for s in STEPS for c in s["criteria"]]
KPIS = {"produktivitas": "up", "cacat": "down"}
MONTHS = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
AUDIT_HEAD = (
    "enterprise_code,enterprise,area,auditor,date,step,criterion,score,note,action_who,action_by"
)


def half_up(x: float) -> int:
    """Rounding as the page's Math.round does it (halves up), not Python's round()."""
    return math.floor(x + 0.5)


@dataclass
class Enterprise:
    code: str
    name: str
    district: str
    dates: list[str]  # one audit a date; the first also audits a second area for E06


ENTERPRISES = [
    Enterprise(
        "E01", "UD Tenun Sari", "Tuban", ["2026-06-02", "2026-07-15", "2026-09-01", "2026-11-10"]
    ),
    Enterprise(
        "E02", "CV Logam Jaya", "Tegal", ["2026-06-05", "2026-07-20", "2026-08-25", "2026-09-20"]
    ),
    Enterprise(
        "E03", "UD Kayu Makmur", "Jepara", ["2026-06-10", "2026-08-01", "2026-10-01", "2026-11-25"]
    ),
    Enterprise(
        "E04", "PT Rotan Indah", "Cirebon", ["2026-05-20", "2026-06-20", "2026-07-20", "2026-08-20"]
    ),
    Enterprise(
        "E05",
        "UD Batik Lestari",
        "Pekalongan",
        ["2026-06-12", "2026-08-12", "2026-10-12", "2026-11-20"],
    ),
    Enterprise(
        "E06", "CV Kulit Prima", "Garut", ["2026-06-15", "2026-07-30", "2026-09-15", "2026-11-01"]
    ),
    Enterprise("E07", "UD Bambu Baru", "Tuban", []),
]


GROWTH = [1.0, -0.4, 1.4, 0.6, 0.9, 1.1, 0.0]  # score points a visit, by enterprise


def score(e: int, visit: int, key: int, area: int = 0) -> int:
    """Scores that change visit by visit at each enterprise's pace (E02 slips back), slower
    for every fourth criterion (the weakest across the cohort)."""
    base = (key * 7 + e * 3 + area) % 5 // 2 + (1 if e == 1 else 0)
    pace = GROWTH[e] * (0.5 if key % 4 == 0 else 1)
    return min(4, max(0, math.floor(base + visit * pace)))


def audit_rows(e: int, ent: Enterprise, visit: int, area: int) -> list[list[str]]:
    rows = []
    for k, key in enumerate(KEYS):
        step, criterion = key.split("/")
        s = score(e, visit, k, area)
        who, by = ("Pak Budi", "2026-10-15") if (k + e) % 11 == 0 and s < 4 else ("", "")
        area_name = ["Produksi", "Gudang"][area]
        about = [ent.code, ent.name, area_name, "Bu Siti", ent.dates[visit]]
        rows.append([*about, step, criterion, str(s), "", who, by])
    return rows


def write_cohort(folder: Path) -> None:
    """The roster, one CSV per audit (E06's first audit in two areas) and one KPI CSV per
    enterprise into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    roster = [["code", "name", "district", "sector", "size", "cohort", "start_date"]]
    roster += [
        [x.code, x.name, x.district, "tekstil", "kecil", "2026-A", "2026-05-01"]
        for x in ENTERPRISES
    ]
    write(folder / "daftar-usaha.csv", roster)
    for e, ent in enumerate(ENTERPRISES):
        for visit, day in enumerate(ent.dates):
            areas = 2 if (ent.code == "E06" and visit == 0) else 1
            for area in range(areas):
                rows = [AUDIT_HEAD.split(","), *audit_rows(e, ent, visit, area)]
                write(folder / f"audit-{ent.code}-{day}-{area}.csv", rows)
        if ent.dates:
            head = ["enterprise_code", "month", "kpi", "value", "baseline"]
            values = [
                [ent.code, m, k, kpi_value(e, i, k), "1" if i == 0 else ""]
                for i, m in enumerate(MONTHS)
                for k in KPIS
            ]
            write(folder / f"kpi-{ent.code}.csv", [head, *values])


def kpi_value(e: int, month: int, kpi: str) -> str:
    """Productivity rises for most; defects fall for most; E02 gets worse at both."""
    sign = -1 if e == 1 else 1
    base = 10 + e if kpi == "produktivitas" else 40 - e
    step = (0.5 + e / 10) * sign * (1 if kpi == "produktivitas" else -1)
    return f"{base + step * month:.1f}"


def write(path: Path, rows: list[list[str]]) -> None:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")


@dataclass
class Expected:
    rows: dict[str, tuple[str, str, str, bool, bool]]  # code: latest %, change, days, overdue, met
    overdue: list[str]
    weakest: list[tuple[str, str]]  # key, mean to one decimal
    kpis: dict[str, tuple[int, int, int]]  # id: median index, improving, enterprises
    actions: tuple[int, int]  # open, past their due date


def areas(ent: Enterprise, visit: int) -> int:
    return 2 if (ent.code == "E06" and visit == 0) else 1


def open_actions() -> tuple[int, int]:
    """Per enterprise, area and criterion the action recorded last, open unless a later
    visit scores the criterion higher (areas of a visit averaged)."""
    opened = late = 0
    for e, ent in enumerate(ENTERPRISES):
        last = {}
        for visit in range(len(ent.dates)):
            for area in range(areas(ent, visit)):
                for k in range(len(KEYS)):
                    if (k + e) % 11 == 0 and score(e, visit, k, area) < 4:
                        last[(area, k)] = (visit, score(e, visit, k, area))
        for (_, k), (visit, at) in last.items():
            later = [
                sum(score(e, v, k, a) for a in range(areas(ent, v))) / areas(ent, v)
                for v in range(visit + 1, len(ent.dates))
            ]
            if not any(m > at for m in later):
                opened += 1
                late += AS_OF > "2026-10-15"
    return opened, late


def expected() -> Expected:
    top = 4 * len(KEYS)
    rows, latest_scores = {}, []
    for e, ent in enumerate(ENTERPRISES):
        if not ent.dates:
            rows[ent.code] = ("—", "—", "no audit yet", True, False)
            continue
        percents, last = [], []
        for visit in range(len(ent.dates)):
            areas = 2 if (ent.code == "E06" and visit == 0) else 1
            per_area = [[score(e, visit, k, a) for k in range(len(KEYS))] for a in range(areas)]
            percents.append(sum(100 * sum(s) / top for s in per_area) / areas)
            last = [sum(col) / areas for col in zip(*per_area, strict=True)]
        latest_scores.append(last)
        days = (date.fromisoformat(AS_OF) - date.fromisoformat(ent.dates[-1])).days
        change = half_up(percents[-1] - percents[0])
        shown = f"+{change}" if change > 0 else f"−{-change}" if change < 0 else "0"
        rows[ent.code] = (
            f"{half_up(percents[-1])} %",
            shown,
            str(days),
            days > 60,
            percents[-1] >= 80,
        )
    means = [(sum(s[k] for s in latest_scores) / len(latest_scores), k) for k in range(len(KEYS))]
    weakest = [(KEYS[k], f"{m:.1f}") for m, k in sorted(means)[:5]]
    kpis = {}
    for kpi, better in KPIS.items():
        indices, improving, count = [], 0, 0
        for e, ent in enumerate(ENTERPRISES):
            if not ent.dates:
                continue
            base, last = float(kpi_value(e, 0, kpi)), float(kpi_value(e, 5, kpi))
            count += 1
            indices.append(100 * last / base)
            improving += (last > base) if better == "up" else (last < base)
        kpis[kpi] = (half_up(statistics.median(indices)), improving, count)
    overdue = [code for code, row in rows.items() if row[3]]
    return Expected(rows, overdue, weakest, kpis, open_actions())
