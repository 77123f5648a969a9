"""Reading the field data's CSV files as the monitoring page's script does (cohort.js): UTF-8
or Windows-1252, `,` or `;`, day/month/year dates, each file's kind from its header, every
row checked, enterprises joined by code. Problems carry file and line; their words are the
page's (labels.yml `monitoring.err_*`)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

HEADERS = {
    "roster": "code,name,district,sector,size,cohort,start_date",
    "audit": "enterprise_code,enterprise,area,auditor,date,step,criterion,score,note,"
    "action_who,action_by",
    "kpi": "enterprise_code,month,kpi,value,baseline",
}


FORMULA = ("=", "+", "-", "@", "\t", "\r")
DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Located:
    file: str
    line: int
    key: str
    values: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Enterprise:
    code: str
    name: str
    district: str
    sector: str
    size: str
    cohort: str
    start: str


@dataclass
class Audit:
    file: str
    code: str
    area: str
    date: str
    scores: dict[str, int] = field(default_factory=dict)
    actions: list[tuple[str, str, str]] = field(default_factory=list)  # key, who, by


@dataclass(frozen=True)
class KpiValue:
    code: str
    month: str
    kpi: str
    value: float
    baseline: bool


@dataclass
class FieldData:
    enterprises: dict[str, Enterprise] = field(default_factory=dict)
    audits: list[Audit] = field(default_factory=list)
    kpis: list[KpiValue] = field(default_factory=list)
    problems: list[Located] = field(default_factory=list)


def decode(data: bytes) -> str:
    if data.startswith(b"\xff\xfe"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def rows(text: str) -> tuple[list[tuple[int, list[str]]], int | None]:
    """Rows with their first line, blank ones dropped; or the line of an unclosed quote."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    found, start = [], 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                found.append((start, cells))
            start = reader.line_num + 1
    except csv.Error:
        return found, start
    return found, None


def iso_date(text: str) -> str | None:
    s = text.strip()
    dmy = DMY.fullmatch(s)
    iso = f"{dmy[3]}-{int(dmy[2]):02d}-{int(dmy[1]):02d}" if dmy else s
    if not ISO.fullmatch(iso):
        return None
    try:
        date.fromisoformat(iso)
    except ValueError:
        return None
    return iso


def month(text: str) -> str | None:
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        return text
    my = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    return f"{my[2]}-{int(my[1]):02d}" if my and 1 <= int(my[1]) <= 12 else None


def number(text: str) -> float | None:
    t = re.sub(r"\s", "", text)
    if re.fullmatch(r"-?\d+(,\d+)?", t):
        return float(t.replace(",", "."))
    return float(t) if re.fullmatch(r"-?\d+(\.\d+)?", t) else None


def uncell(v: str) -> str:
    """A cell written with a leading ' so that a spreadsheet shows it as text (common.js)."""
    return v[1:] if v[:1] == "'" and v[1:2] in FORMULA else v


Say = Any  # (line, key, **values) -> None


def _roster(body: list[tuple[int, list[str]]], say: Say) -> list[tuple[int, Enterprise]]:
    found = []
    for line, (code, name, district, sector, size, cohort, start) in body:
        if not code or not name:
            say(line, "err_required", column="code" if not code else "name")
        elif start and not iso_date(start):
            say(line, "err_date", value=start)
        else:
            e = Enterprise(code, name, district, sector, size, cohort, iso_date(start) or "")
            found.append((line, e))
    return found


def _audit(file: str, body: list[tuple[int, list[str]]], say: Say, keys: set[str]) -> list:
    if not body:
        return []
    line, first = body[0][0], body[0][1][:5]
    code, _, area, _, day = first
    if not code or not iso_date(day):
        if code:
            say(line, "err_date", value=day)
        else:
            say(line, "err_required", column="enterprise_code")
        return []
    audit = Audit(file, code, area, iso_date(day) or "")
    about = HEADERS["audit"].split(",")[:5]
    for line, cells in body:
        step, criterion, score, _, who, by = cells[5:]
        key = f"{step}/{criterion}"
        differs = next((c for i, c in enumerate(about) if cells[i] != first[i]), None)
        if differs:
            say(line, "err_differs", column=differs)
        elif key not in keys:
            say(line, "err_criterion", value=key)
        elif not re.fullmatch(r"[0-4]?", score):
            say(line, "err_score", value=score)
        elif by and not iso_date(by):
            say(line, "err_date", value=by)
        else:
            if score:
                audit.scores[key] = int(score)
            if who or by:
                audit.actions.append((key, who, iso_date(by) or ""))
    return [(body[0][0], audit)]


def _kpis(body: list[tuple[int, list[str]]], say: Say, kpis: list[str]) -> list:
    found = []
    for line, (code, when, kpi, value, baseline) in body:
        if not code:
            say(line, "err_required", column="enterprise_code")
        elif not month(when):
            say(line, "err_month", value=when)
        elif kpi not in kpis:
            say(line, "err_kpi", value=kpi, known=", ".join(kpis))
        elif number(value) is None:
            say(line, "err_number", value=value)
        elif baseline not in ("", "1"):
            say(line, "err_baseline", value=baseline)
        else:
            found.append(
                (
                    line,
                    KpiValue(code, month(when) or "", kpi, number(value) or 0.0, baseline == "1"),
                )
            )
    return found


def read_file(
    path: Path, data: FieldData, keys: set[str], kpis: list[str]
) -> tuple[str | None, list]:
    """One file's kind and records; its problems go into `data`."""

    def say(line: int, key: str, **values: Any) -> None:
        data.problems.append(Located(path.name, line, key, values))

    found, quote = rows(decode(path.read_bytes()))
    names = ",".join(c.strip().lower() for c in found[0][1]) if found else ""
    kind = next((k for k, v in HEADERS.items() if v == names), None)
    form = form_columns(found[0][1], keys, kpis) if found and kind is None else None
    if form:
        kind = form[0]
    if quote or kind is None:
        if quote:
            say(quote, "err_quote")
        else:
            say(1, "err_kind", **HEADERS) if found else say(1, "err_empty")
        return None, []
    width, body = len(found[0][1]), []
    for line, cells in found[1:]:
        if len(cells) != width:
            say(line, "err_columns", count=len(cells), expected=width)
        else:
            body.append((line, [uncell(c.strip()) for c in cells]))
    if form:
        return kind, _from_form(form, path.name, body, say)
    if kind == "roster":
        return kind, _roster(body, say)
    if kind == "audit":
        return kind, _audit(path.name, body, say, keys)
    return kind, _kpis(body, say, kpis)


# The XLSForms' CSV export (KoboToolbox, ODK Central): one row a submission, one column a
# question, named by the question's name, after its group's ("ringkas/c1", "ringkas-c1").
FORM_ABOUT = {"audit": ("enterprise", "area", "date"), "kpi": ("enterprise", "month")}


def form_columns(
    header: list[str], keys: set[str], kpis: list[str]
) -> tuple[str, dict[str, int], dict[str, int]] | None:
    """An XLSForm export's kind, its about-columns and its answer columns (criterion key or
    KPI id → column), read by question name; None for any other file."""
    step_of = {key.split("/")[1]: key for key in keys}
    about: dict[str, int] = {}
    answers: dict[str, dict[str, int]] = {"audit": {}, "kpi": {}}
    for i, cell in enumerate(header):
        name = cell.strip().lower().rsplit("/", 1)[-1]
        if name in ("enterprise", "area", "date", "month"):
            about.setdefault(name, i)
        elif name in kpis:
            answers["kpi"][name] = i
        else:
            criterion = max((c for c in step_of if name == c or name.endswith("-" + c)),
                            key=len, default=None)
            if criterion:
                answers["audit"][step_of[criterion]] = i
    for kind, needed in FORM_ABOUT.items():
        if answers[kind] and all(n in about for n in needed):
            return kind, about, answers[kind]
    return None


def _from_form(
    form: tuple[str, dict[str, int], dict[str, int]],
    file: str,
    body: list[tuple[int, list[str]]],
    say: Say,
) -> list:
    """Each submission as the records our own CSVs give: an audit, or one KPI value a KPI."""
    kind, about, answers = form
    found: list = []
    for line, cells in body:
        code = cells[about["enterprise"]]
        if not code:
            say(line, "err_required", column="enterprise")
            continue
        if kind == "kpi":
            when = iso_date(cells[about["month"]]) or month(cells[about["month"]])
            if not when:
                say(line, "err_month", value=cells[about["month"]])
                continue
            for kpi, column in answers.items():
                value = cells[column]
                if value and number(value) is None:
                    say(line, "err_number", value=value)
                elif value:
                    found.append((line, KpiValue(code, when[:7], kpi, number(value) or 0.0, False)))
            continue
        day = iso_date(cells[about["date"]])
        if not day:
            say(line, "err_date", value=cells[about["date"]])
            continue
        audit = Audit(file, code, cells[about["area"]], day)
        for key, column in answers.items():
            score = cells[column]
            if not re.fullmatch(r"[0-4]?", score):
                say(line, "err_score", value=score)
            elif score:
                audit.scores[key] = int(score)
        found.append((line, audit))
    return found


def read_folder(folder: Path, keys: set[str], kpis: list[str]) -> FieldData:
    """Every *.csv file of a folder, joined by enterprise code as the page joins them."""
    data = FieldData()
    read = [(p.name, *read_file(p, data, keys, kpis)) for p in sorted(folder.glob("*.csv"))]
    where: dict[str, str] = {}
    for name, kind, records in read:
        for line, e in records if kind == "roster" else []:
            if e.code in data.enterprises:
                data.problems.append(
                    Located(name, line, "err_code_twice", {"value": e.code, "first": where[e.code]})
                )
            else:
                data.enterprises[e.code], where[e.code] = e, f"{name}:{line}"
    seen: dict[tuple[str, str, str], str] = {}
    for name, kind, records in read:
        for line, r in records if kind in ("audit", "kpi") else []:
            if r.code not in data.enterprises:
                data.problems.append(Located(name, line, "err_code_unknown", {"value": r.code}))
            elif kind == "audit":
                data.audits.append(r)
            elif (r.code, r.kpi, r.month) in seen:
                first = seen[(r.code, r.kpi, r.month)]
                values = {"kpi": r.kpi, "code": r.code, "month": r.month, "first": first}
                data.problems.append(Located(name, line, "err_kpi_twice", values))
            else:
                seen[(r.code, r.kpi, r.month)] = f"{name}:{line}"
                data.kpis.append(r)
    data.problems.sort(key=lambda p: (p.file, p.line))
    return data
