"""The cohort's figures from field data, by the rules the monitoring page writes out (and its
script, docs/assets/javascripts/cohort.js, follows): enterprises joined by code, areas of one
audit date averaged, cohort values as medians, KPIs indexed to each enterprise's baseline."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date

from ..audit import SCORES
from ..model import FiveR, Kpi
from .fieldcsv import Audit, Enterprise, FieldData, KpiValue

# target: the last audit's percentage to reach; every: days after which an audit is overdue;
# listed: how many open corrective actions are listed (overdue first), the rest only counted
RULES = {"target": 80, "every": 60, "listed": 100}


@dataclass
class Visit:
    """An enterprise's audit on one date, its areas averaged."""

    date: str
    percent: float
    steps: list[float]
    scores: dict[str, float]


@dataclass
class Row:
    enterprise: Enterprise
    visits: list[Visit]
    days: int | None
    change: float | None

    @property
    def latest(self) -> Visit | None:
        return self.visits[-1] if self.visits else None

    @property
    def overdue(self) -> bool:
        return self.days is None or self.days > RULES["every"]

    @property
    def met(self) -> bool:
        return bool(self.latest and self.latest.percent >= RULES["target"])


@dataclass
class Figures:
    rows: list[Row]
    median: float | None
    median_steps: list[float]
    weakest: list[tuple[str, float, int]]  # criterion key, mean score, enterprises scoring 0-1
    kpis: list[tuple[Kpi, float | None, int, int]]  # median index, improving, counted
    months: list[str]
    filled: list[list[tuple[bool, bool]]]  # per row and month: an audit, KPI data
    actions: list[tuple[str, str, str, str, str, bool]]  # code, key, who, by, date, overdue


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _visits(audits: list[Audit], steps: list[list[str]], top: int) -> list[Visit]:
    by_date: dict[str, list[Audit]] = {}
    for a in audits:
        by_date.setdefault(a.date, []).append(a)
    keys = [k for step in steps for k in step]
    found = []
    for day in sorted(by_date):
        files = by_date[day]
        scores = {k: sum(a.scores.get(k, 0) for a in files) / len(files) for k in keys}
        per_step = [
            sum(sum(a.scores.get(k, 0) for k in step) for a in files)
            / len(files)
            / (top * len(step))
            for step in steps
        ]
        found.append(Visit(day, 100 * sum(scores.values()) / (top * len(keys)), per_step, scores))
    return found


def _kpi(
    values: dict[str, list[KpiValue]], kpi: Kpi, as_of: str
) -> tuple[Kpi, float | None, int, int]:
    """One KPI across the enterprises; `values` by enterprise code, in month order."""
    indices, improving, counted = [], 0, 0
    for own in values.values():
        series = [v for v in own if v.kpi == kpi.id and v.month <= as_of[:7]]
        base = next((v for v in series if v.baseline), series[0] if series else None)
        if base is None or series[-1].month <= base.month:
            continue
        latest = series[-1]
        counted += 1
        if base.value:
            indices.append(100 * latest.value / base.value)
        up = kpi.better == "up"
        improving += latest.value > base.value if up else latest.value < base.value
    return kpi, median(indices), improving, counted


def _months(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    found = []
    while f"{year}-{month:02d}" <= last:
        found.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found[-12:]


def figures(data: FieldData, five_r: FiveR, kpis: list[Kpi], as_of: str) -> Figures:
    steps = [[f"{s.id}/{c.id}" for c in s.criteria] for s in five_r.steps]
    keys = [k for step in steps for k in step]
    audits: dict[str, list[Audit]] = {code: [] for code in data.enterprises}
    for a in data.audits:
        if a.date <= as_of:
            audits[a.code].append(a)
    values: dict[str, list[KpiValue]] = {code: [] for code in data.enterprises}
    for v in sorted(data.kpis, key=lambda v: v.month):
        values[v.code].append(v)
    rows = []
    for code in sorted(data.enterprises):
        visits = _visits(audits[code], steps, max(SCORES))
        days = (
            (date.fromisoformat(as_of) - date.fromisoformat(visits[-1].date)).days
            if visits
            else None
        )
        change = visits[-1].percent - visits[0].percent if len(visits) > 1 else None
        rows.append(Row(data.enterprises[code], visits, days, change))
    latest = [r.latest for r in rows if r.latest]
    means = (
        [(sum(v.scores[k] for v in latest) / len(latest), i, k) for i, k in enumerate(keys)]
        if latest
        else []
    )
    weakest = [(k, m, sum(v.scores[k] <= 1 for v in latest)) for m, _, k in sorted(means)[:5]]
    actions = []
    for r in rows:
        last: dict[tuple[str, str], tuple[Audit, str, str, str]] = {}  # per area, criterion
        for a in sorted(audits[r.enterprise.code], key=lambda a: a.date):
            last |= {(a.area, key): (a, key, who, by) for key, who, by in a.actions}
        for a, key, who, by in last.values():
            if not any(v.date > a.date and v.scores[key] > a.scores.get(key, 0) for v in r.visits):
                actions.append((r.enterprise.code, key, who, by, a.date, bool(by) and by < as_of))
    actions.sort(key=lambda x: (not x[5], x[3] or "9999", x[0]))
    starts = sorted(
        [e.start[:7] for e in data.enterprises.values() if e.start]
        + [a.date[:7] for own in audits.values() for a in own]
        + [v.month for v in data.kpis]
    )
    months = _months(starts[0] if starts else as_of[:7], as_of[:7])
    filled = []
    for r in rows:
        audited = {a.date[:7] for a in audits[r.enterprise.code]}
        measured = {v.month for v in values[r.enterprise.code]}
        filled.append([(m in audited, m in measured) for m in months])
    return Figures(
        rows=rows,
        median=median([v.percent for v in latest]),
        median_steps=[median([v.steps[i] for v in latest]) or 0.0 for i in range(len(steps))],
        weakest=weakest,
        kpis=[_kpi(values, k, as_of) for k in kpis],
        months=months,
        filled=filled,
        actions=actions,
    )
