"""The programme's KPI definitions (`kpis:` in programme.yml) and the sheets that use them.

A table asks for KPI rows with `kpis: [id, …]`; the ids are checked against the definitions
(located messages), and after loading each such table's first row labels are the KPIs' names
and units, so no sheet writes a KPI's name or unit itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import load
from .fields import LANGUAGES, Translated
from .model import Kpi, Module, Programme, Project, Table, Worksheet
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
                if not isinstance(field, Table):
                    continue
                for k, kpi in enumerate(field.kpis):
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


def _table(table: Table, by_id: dict[str, Kpi]) -> Table:
    if not table.kpis:
        return table
    labels = [row_label(by_id[k]) for k in table.kpis]
    return table.model_copy(update={"row_labels": [*labels, *table.row_labels]})


def _sheets(sheets: list[Worksheet], by_id: dict[str, Kpi]) -> list[Worksheet]:
    return [
        s.model_copy(
            update={"fields": [_table(f, by_id) if isinstance(f, Table) else f for f in s.fields]}
        )
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
