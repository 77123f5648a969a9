"""KPI definitions: written once in programme.yml, and every KPI row on a sheet refers to one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import ROOT
from scoresite.kpis import row_label
from scoresite.model import Project, Table
from scoresite.validate import load_project, schemas

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
        assert table.printed_rows[: len(labels)] == labels
    monitoring = next(s for s in project.programme.worksheets if s.id == "data-dasar-kpi")
    tables = [f for f in monitoring.fields if isinstance(f, Table) and f.kpis]
    assert tables and all(t.kpis == list(by_id) for t in tables)


def test_kpis_are_in_the_programme_schema() -> None:
    schema = json.loads(schemas()["programme.json"])
    assert "kpis" in schema["properties"]
    kpi = schema["$defs"]["Kpi"]
    assert set(kpi["required"]) >= {"id", "name", "unit", "definition", "better"}
    assert "kpis" in schema["$defs"]["Table"]["properties"]
