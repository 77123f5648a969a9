"""KPI definitions: written once in programme.yml, and every KPI row on a sheet refers to one."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from pypdf import PdfReader
from scoresite.kpis import row_label
from scoresite.model import KpiList, KpiRecap, Project, Table
from scoresite.schema import schemas
from scoresite.validate import load_project

MODULES = ROOT / "modules"


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(MODULES)


def _tables(data: Any) -> Iterator[dict[str, Any]]:
    """Every write-in table in a YAML document, however deep."""
    if isinstance(data, dict):
        if data.get("kind") == "table":
            yield data
        for value in data.values():
            yield from _tables(value)
    elif isinstance(data, list):
        for value in data:
            yield from _tables(value)


def test_the_programme_defines_each_kpi_once(project: Project) -> None:
    kpis = project.programme.kpis
    ids = [k.id for k in kpis]
    assert len(ids) == len(set(ids)) >= 6
    for needed in ("produktivitas", "cacat", "kecelakaan", "hampir-celaka", "ketidakhadiran"):
        assert needed in ids
    by_id = {k.id: k for k in kpis}
    assert "jam kerja" in by_id["produktivitas"].unit.id
    assert "1.000" in by_id["cacat"].unit.id and "1,000" in by_id["cacat"].unit.en
    assert by_id["kecelakaan"].better == "down" and by_id["hampir-celaka"].better == "up"


def test_no_sheet_writes_a_kpi_name_itself() -> None:
    """A KPI's name appears as a row label only through `kpis:`, never typed again."""
    programme = yaml.safe_load((MODULES / "programme.yml").read_text(encoding="utf-8"))
    names = {k["name"][lang].lower() for k in programme["kpis"] for lang in ("id", "en")}
    for path in sorted(MODULES.glob("*.yml")):
        for table in _tables(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for label in table.get("row_labels", []):
                texts = label.values() if isinstance(label, dict) else [label]
                typed = {t.lower() for t in texts} & names
                assert not typed, f"{path.name}: {typed} typed as a row label; use `kpis:`"


def test_every_kpi_row_comes_from_a_definition(project: Project) -> None:
    by_id = {k.id: k for k in project.programme.kpis}
    sheets = [*project.programme.worksheets, *(w for m in project.modules for w in m.worksheets)]
    kpi_tables = [f for s in sheets for f in s.fields if isinstance(f, Table) and f.kpis]
    assert kpi_tables
    for table in kpi_tables:
        labels = [row_label(by_id[k]) for k in table.kpis]
        own = len(table.row_labels) - len(labels)  # a sheet's own labels come first
        assert table.printed_rows[own : own + len(labels)] == labels
    sheet = {s.id: s for s in project.programme.worksheets}
    monitoring = [f for f in sheet["data-dasar-kpi"].fields if isinstance(f, Table) and f.kpis]
    assert len(monitoring) == 1 and monitoring[0].kpis == list(by_id)
    defined = [f for f in sheet["data-dasar-kpi"].fields if isinstance(f, KpiList)]
    assert defined and defined[0].kpis == list(by_id)


def test_the_recap_has_a_table_per_kpi_with_months_0_3_6(project: Project) -> None:
    recap = next(s for s in project.programme.worksheets if s.id == "rekap-kpi")
    tables = [f for f in recap.fields if isinstance(f, Table)][1:]  # after the enterprise list
    assert [t.label for t in tables] == [row_label(k) for k in project.programme.kpis]
    rows = [label.id for label in tables[0].row_labels]
    assert rows[:3] == ["Bulan 0 (data dasar)", "Bulan 3", "Bulan 6"]
    assert "Perubahan" in rows[3] and "bulan 6" in rows[3]
    assert [c.id for c in tables[0].columns][1:] == [str(n) for n in range(1, 9)]
    assert not any(isinstance(f, KpiRecap) for f in recap.fields)  # made into tables on loading


def test_kpis_are_in_the_programme_schema() -> None:
    schema = json.loads(schemas()["programme.json"])
    assert "kpis" in schema["properties"]
    kpi = schema["$defs"]["Kpi"]
    assert set(kpi["required"]) >= {"id", "name", "unit", "definition", "better"}
    assert "kpis" in schema["$defs"]["Table"]["properties"]


def test_the_wall_sheet_front_holds_the_monthly_table_with_units(
    built_site: Path, project: Project
) -> None:
    """Printables review #4: the monthly table, its units and month/year row on one page."""
    pdf = built_site / "materi" / "program" / "lembar-kerja" / "data-dasar-kpi.pdf"
    # without spaces and the hyphens of words broken across lines ("bu-lan")
    front = re.sub(r"\s+", "", PdfReader(pdf).pages[0].extract_text())
    front = re.sub(r"[-\u00ad\u2010](?=[a-z])", "", front)
    for kpi in project.programme.kpis:
        assert re.sub(r"\s+", "", f"{kpi.name.id}({kpi.unit.id})") in front
    for words in ("Bulan/tahun", "Bulan6", "Targetbln3", "Targetbln6"):
        assert words in front
    page = (built_site / "materi" / "program" / "index.html").read_text(encoding="utf-8")
    assert "Definisi KPI" in page and "rekap-kpi" in page
    assert (built_site / "materi" / "program" / "lembar-kerja" / "rekap-kpi.pdf").is_file()
