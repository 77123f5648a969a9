"""The programme's KPI definitions (`kpis:` in programme.yml) and the sheets that use them.

A table asks for KPI rows with `kpis: [id, …]`, a `kind: kpis` field prints definitions, and
a `kind: kpi_recap` field becomes one table per KPI. The ids are checked against the
definitions (located messages); after loading, the KPI rows are labelled with the KPIs' names
and units and the recap is made of tables, so no sheet writes a KPI's name or unit itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import load
from .catalogue import labels
from .fields import LANGUAGES, Translated
from .model import (
    Kpi,
    KpiRecap,
    Module,
    Programme,
    Project,
    Table,
    Worksheet,
    WorksheetField,
)
from .problems import Problem, problem

Loc = tuple[str | int, ...]


def _sheet_lists(owner: Programme | Module) -> Iterator[tuple[str, list[Worksheet]]]:
    yield "worksheets", owner.worksheets
    if isinstance(owner, Programme):
        yield "administration", owner.administration


def check(
    owner: Programme | Module, doc: load.Document, known: set[str] | None
) -> Iterator[Problem]:
    """Every `kpis:` entry of every table in one file names a defined KPI (None: the
    programme file has its own problems, so references are not checked)."""
    if known is None:
        return
    for key, sheets in _sheet_lists(owner):
        for i, sheet in enumerate(sheets):
            for j, field in enumerate(sheet.fields):
                for k, kpi in enumerate(getattr(field, "kpis", [])):
                    if kpi not in known:
                        line, col = doc.where((key, i, "fields", j, "kpis", k))
                        yield problem(
                            doc.path,
                            line,
                            col,
                            "unknown_ref",
                            what="KPI (programme.yml `kpis:`)",
                            value=kpi,
                            known=", ".join(sorted(known)) or "(none yet)",
                        )


def row_label(kpi: Kpi) -> Translated:
    """The label of a KPI's row on a sheet: its name and unit, e.g. "Cacat (per 1.000 unit)"."""
    text = {lang: f"{kpi.name(lang)} ({kpi.unit(lang)})" for lang in LANGUAGES}
    return Translated(**text)


def _recap(recap: KpiRecap, by_id: dict[str, Kpi]) -> list[Table]:
    """One table per KPI: a column per enterprise number, rows month 0, 3, 6 and % change."""
    words = labels()["kpi_recap"]
    numbers = [str(n) for n in range(1, recap.enterprises + 1)]
    rows = [words[key].model_dump() for key in ("month_0", "month_3", "month_6", "change")]
    return [
        Table.model_validate(
            {
                "kind": "table",
                "label": row_label(by_id[k]).model_dump(),
                "columns": [words["enterprise"].model_dump(), *numbers],
                "row_labels": rows,
                "rows": len(rows),
                "widths": [4] + [1] * recap.enterprises,
            }
        )
        for k in recap.kpis
    ]


def _fields(field: WorksheetField, by_id: dict[str, Kpi]) -> list[WorksheetField]:
    if isinstance(field, KpiRecap):
        return list(_recap(field, by_id))
    if isinstance(field, Table) and field.kpis:
        rows = [*field.row_labels, *(row_label(by_id[k]) for k in field.kpis)]
        return [field.model_copy(update={"row_labels": rows})]
    return [field]


def _sheets(sheets: list[Worksheet], by_id: dict[str, Kpi]) -> list[Worksheet]:
    return [
        s.model_copy(update={"fields": [g for f in s.fields for g in _fields(f, by_id)]})
        for s in sheets
    ]


def resolve(project: Project) -> Project:
    """The project with every KPI row labelled from its definition (ids already checked)."""
    by_id = {k.id: k for k in project.programme.kpis}
    programme = project.programme.model_copy(
        update={
            "worksheets": _sheets(project.programme.worksheets, by_id),
            "administration": _sheets(project.programme.administration, by_id),
        }
    )
    modules = [
        m.model_copy(update={"worksheets": _sheets(m.worksheets, by_id)}) for m in project.modules
    ]
    return project.model_copy(update={"programme": programme, "modules": modules})
