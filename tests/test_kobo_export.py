"""The XLSForms' data come back as the monitoring code reads our own CSVs: a KoboToolbox
export of the audit and KPI forms (one row a submission, questions named as in the form,
inside their groups) gives the same cohort figures as the same audits in our own files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cohort_data import AS_OF, write_cohort
from conftest import ROOT
from scoresite.data.cohort import figures
from scoresite.data.fieldcsv import read_folder
from scoresite.validate import load_project

META = ["start", "end"]
TAIL = ["_id", "_uuid", "_submission_time", "_validation_status", "_index"]


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def kobo_exports(ours: Path, theirs: Path, steps: list[tuple[str, list[str]]]) -> None:
    """Our roster as it is; every audit file as one submission row of the audit form's export
    and every KPI month as one row of the KPI form's export, with Kobo's own columns."""
    theirs.mkdir()
    (theirs / "daftar-usaha.csv").write_bytes((ours / "daftar-usaha.csv").read_bytes())
    head = [*META, "enterprise", "area", "auditor", "date"]
    for step, criteria in steps:
        for c in criteria:
            head += [f"{step}/{c}", f"{step}/{c}_foto", f"{step}/{c}_catatan"]
        head += [f"{step}/{step}_subtotal"]
    head += ["total", "total_persen", *TAIL]
    audits = []
    for n, path in enumerate(sorted(ours.glob("audit-*.csv"))):
        rows = read_csv(path)
        first = rows[0]
        answers = {f"{r['step']}/{r['criterion']}": r["score"] for r in rows}
        about = {"enterprise": first["enterprise_code"], "area": first["area"],
                 "auditor": first["auditor"], "date": first["date"]}
        audits.append([answers.get(h, about.get(h, "")) for h in head[:-len(TAIL)]]
                      + [str(n), f"uuid-{n}", "2026-12-01T08:00:00", "", str(n + 1)])
    write(theirs / "Audit_5R_-_all_versions_-_labels_-_2026-12-01.csv", [head, *audits])
    months: dict[tuple[str, str], dict[str, str]] = {}
    for path in sorted(ours.glob("kpi-*.csv")):
        for r in read_csv(path):
            months.setdefault((r["enterprise_code"], r["month"]), {})[r["kpi"]] = r["value"]
    kpis = sorted({k for values in months.values() for k in values})
    head = [*META, "enterprise", "auditor", "date", "month", *kpis, "catatan", *TAIL]
    rows = [
        ["", "", code, "Bu Siti", f"{month}-28", f"{month}-01", *[v[k] for k in kpis], "",
         str(n), f"k-{n}", "", "", str(n + 1)]
        for n, ((code, month), v) in enumerate(sorted(months.items()))
    ]
    write(theirs / "KPI_bulanan_-_2026-12-01.csv", [head, *rows])


def write(path: Path, rows: list[list[str]]) -> None:
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8-sig")


def test_a_kobo_export_gives_the_same_figures_as_our_own_csv(tmp_path: Path) -> None:
    project = load_project(ROOT / "modules")
    steps = [(s.id, [c.id for c in s.criteria]) for s in project.five_r.steps]
    keys = {f"{s}/{c}" for s, criteria in steps for c in criteria}
    kpi_ids = [k.id for k in project.programme.kpis]
    write_cohort(tmp_path / "ours")
    kobo_exports(tmp_path / "ours", tmp_path / "kobo", steps)
    ours = read_folder(tmp_path / "ours", keys, kpi_ids)
    theirs = read_folder(tmp_path / "kobo", keys, kpi_ids)
    assert ours.problems == [] and theirs.problems == []
    assert len(theirs.audits) == len(ours.audits) > 20
    assert len(theirs.kpis) == len(ours.kpis) > 20
    a = figures(ours, project.five_r, project.programme.kpis, AS_OF)
    b = figures(theirs, project.five_r, project.programme.kpis, AS_OF)
    assert [(r.enterprise.code, r.latest, r.days, r.change) for r in b.rows] == [
        (r.enterprise.code, r.latest, r.days, r.change) for r in a.rows
    ]
    assert (b.median, b.median_steps, b.weakest, b.kpis, b.months, b.filled) == (
        a.median, a.median_steps, a.weakest, a.kpis, a.months, a.filled
    )


def test_a_bad_score_in_a_kobo_export_is_located(tmp_path: Path) -> None:
    project = load_project(ROOT / "modules")
    step = project.five_r.steps[0]
    head = "enterprise;area;auditor;date;" + ";".join(f"{step.id}/{c.id}" for c in step.criteria)
    row = "E01;Produksi;Bu Siti;30/11/2026;" + ";".join(["7"] + ["2"] * (len(step.criteria) - 1))
    (tmp_path / "kobo.csv").write_text(f"{head}\r\n{row}\r\n", encoding="utf-8")
    keys = {f"{s.id}/{c.id}" for s in project.five_r.steps for c in s.criteria}
    data = read_folder(tmp_path, keys, [])
    assert [(p.file, p.line, p.key, p.values) for p in data.problems][0] == (
        "kobo.csv", 2, "err_score", {"value": "7"}
    )
