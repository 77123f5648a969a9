"""`scoresite report` (make report DATA=folder/): the generated cohort's figures read back from
the PDF, bad files refused with located messages, and never a report inside site/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cohort_data import AS_OF, expected, write_cohort
from conftest import ROOT
from pypdf import PdfReader
from scoresite.cli import main


def report(tmp_path: Path, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "laporan.pdf"
    argv = ["report", str(tmp_path / "data"), "--out", str(out), "--as-of", AS_OF, *extra]
    return main(
        [*argv, "--modules", str(ROOT / "modules"), "--site-dir", str(tmp_path / "site")]
    ), out


def test_the_report_holds_the_figures_computed_apart(tmp_path: Path) -> None:
    write_cohort(tmp_path / "data")
    code, out = report(tmp_path, "--lang", "en")
    assert code == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    want = expected()
    flat = " ".join(text.split())
    for code_, (latest, change, days, overdue, met) in want.rows.items():
        row = flat[flat.index(f"{code_} ") :]
        if latest == "—":
            assert "no audit yet" in row[:60]
            continue
        late = " (overdue)" if overdue else ""
        assert f"{latest} {change} {days}{late} {'met' if met else 'not yet'}" in row[:90], row[:90]
    assert f"Overdue for an audit: {', '.join(want.overdue)}." in text
    for kpi, (index, improving, count) in want.kpis.items():
        assert re.search(rf"\b{index}\s+{improving} of {count}", text), kpi
    assert "{} open, {} past their due date.".format(*want.actions) in flat
    means = re.findall(r"(\d\.\d) (\d) of 6", flat)
    assert [m for m, _ in means][:5] == [mean for _, mean in want.weakest]


def test_bad_files_are_refused_with_located_messages_and_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_cohort(tmp_path / "data")
    kpi = "enterprise_code,month,kpi,value,baseline\r\nE01,2026-13,cacat,x,1\r\n"
    kpi += "E99,2026-06,cacat,1,\r\n"
    (tmp_path / "data" / "zz-kpi.csv").write_text(kpi, encoding="utf-8")
    (tmp_path / "data" / "zz-x.csv").write_text("a,b\r\n1,2\r\n", encoding="utf-8")
    code, out = report(tmp_path)
    assert code == 1 and not out.exists()
    folder = tmp_path / "data"
    assert capsys.readouterr().err.splitlines() == [
        f"{folder}/zz-kpi.csv:2: '2026-13' is not a month; write YYYY-MM, for example 2026-11.",
        f"{folder}/zz-kpi.csv:3: the enterprise code 'E99' is not in the enterprise list.",
        f"{folder}/zz-x.csv:1: unknown column headings; enterprise list: "
        "code,name,district,sector,size,cohort,start_date; audit: enterprise_code,enterprise,"
        "area,auditor,date,step,criterion,score,note,action_who,action_by; KPI: "
        "enterprise_code,month,kpi,value,baseline.",
        "3 problem(s) in 2 file(s)",
    ]


def test_a_report_is_never_written_into_the_site(tmp_path: Path) -> None:
    write_cohort(tmp_path / "data")
    (tmp_path / "site").mkdir()
    argv = ["report", str(tmp_path / "data"), "--out", str(tmp_path / "site" / "r.pdf")]
    assert main([*argv, "--site-dir", str(tmp_path / "site")]) == 1
    assert list((tmp_path / "site").iterdir()) == []
