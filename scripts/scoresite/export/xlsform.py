"""KoboToolbox / ODK forms (XLSForm, .xlsx) for the 5R audit and the monthly KPI sheet: both
languages as the form's translations, subtotals and the total computed in the form. Question
names are the criterion ids of modules/5r.yml, so a server's CSV export is read by name."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook

from ..fields import LANGUAGES, Translated
from ..model import FiveR, Kpi
from .zipped import restamp

LANGUAGE_NAMES = {"id": "Bahasa Indonesia (id)", "en": "English (en)"}
SCORES = range(5)
CODE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"  # an enterprise code: joins records, never a name
SURVEY = ["type", "name", "label", "hint", "required", "constraint", "constraint_message",
          "calculation", "appearance", "default"]
TRANSLATED = {"label", "hint", "constraint_message"}

Row = dict[str, Any]


def audit_form(five_r: FiveR, words: dict[str, Translated]) -> bytes:
    """The 5R audit: who, where and when; per step a group with each criterion's 0–4 score
    (its descriptors as the hint), a photo and a note; subtotals per step and the total."""
    rows = _header_rows(words)
    step_totals = []
    for step in five_r.steps:
        rows.append({"type": "begin_group", "name": step.id,
                     "label": Translated(id=step.name, en=f"{step.name} ({step.english})")})
        for c in step.criteria:
            hint = Translated(**{
                lang: " · ".join(f"{s}: {c.scores[s](lang)}" for s in SCORES)
                for lang in LANGUAGES
            })
            rows.append({"type": "select_one skor", "name": c.id, "label": c.text, "hint": hint})
            rows.append({"type": "image", "name": f"{c.id}_foto", "label": words["photo"]})
            rows.append({"type": "text", "name": f"{c.id}_catatan", "label": words["note"]})
        subtotal = f"{step.id}_subtotal"
        terms = " + ".join(f"coalesce(${{{c.id}}}, 0)" for c in step.criteria)
        rows.append({"type": "calculate", "name": subtotal, "calculation": terms})
        shown = f"${{{subtotal}}} / {4 * len(step.criteria)}"
        rows.append({"type": "note", "name": f"{subtotal}_tampil",
                     "label": _with(words["subtotal"], shown)})
        rows.append({"type": "end_group"})
        step_totals.append(f"${{{subtotal}}}")
    maximum = 4 * sum(len(s.criteria) for s in five_r.steps)
    rows.append({"type": "calculate", "name": "total", "calculation": " + ".join(step_totals)})
    rows.append({"type": "calculate", "name": "total_persen",
                 "calculation": f"round(${{total}} * 100 div {maximum}, 0)"})
    rows.append({"type": "note", "name": "total_tampil",
                 "label": _with(words["total"], f"${{total}} / {maximum} (${{total_persen}} %)")})
    choices = [{"list_name": "skor", "name": str(s), "label": Translated(id=str(s), en=str(s))}
               for s in SCORES]
    return _workbook(rows, choices, words["audit_title"], "score_5r_audit")


def kpi_form(kpis: list[Kpi], words: dict[str, Translated]) -> bytes:
    """The monthly KPI sheet: enterprise, the month the figures are for, and one number per
    KPI definition of programme.yml (its name and unit as the label, its definition as the
    hint). Question names are the KPI ids."""
    rows = _header_rows(words, area=False)
    rows.append({"type": "date", "name": "month", "label": words["month"],
                 "required": "yes", "appearance": "month-year"})
    for kpi in kpis:
        label = Translated(**{lang: f"{kpi.name(lang)} ({kpi.unit(lang)})" for lang in LANGUAGES})
        rows.append({"type": "decimal", "name": kpi.id, "label": label,
                     "hint": kpi.definition, "constraint": ". >= 0",
                     "constraint_message": words["not_negative"]})
    rows.append({"type": "text", "name": "catatan", "label": words["note"]})
    return _workbook(rows, [], words["kpi_title"], "score_kpi_month")


def _header_rows(words: dict[str, Translated], area: bool = True) -> list[Row]:
    rows: list[Row] = [
        {"type": "text", "name": "enterprise", "label": words["enterprise_code"],
         "hint": words["enterprise_hint"], "required": "yes", "constraint": f"regex(., '{CODE}')",
         "constraint_message": words["enterprise_hint"]},
    ]
    if area:
        rows.append({"type": "text", "name": "area", "label": words["area"], "required": "yes"})
    rows.append({"type": "text", "name": "auditor", "label": words["auditor"], "required": "yes"})
    rows.append({"type": "date", "name": "date", "label": words["date"], "required": "yes"})
    return rows


def _with(label: Translated, suffix: str) -> Translated:
    return Translated(**{lang: f"{label(lang)}: {suffix}" for lang in LANGUAGES})


def _workbook(rows: list[Row], choices: list[Row], title: Translated, form_id: str) -> bytes:
    book = Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    survey.append(_columns(SURVEY))
    for row in rows:
        survey.append(_cells(SURVEY, row))
    sheet = book.create_sheet("choices")
    sheet.append(_columns(["list_name", "name", "label"]))
    for row in choices:
        sheet.append(_cells(["list_name", "name", "label"], row))
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "default_language", "version"])
    settings.append([title(LANGUAGES[0]), form_id, LANGUAGE_NAMES[LANGUAGES[0]], "1"])
    buffer = io.BytesIO()
    book.save(buffer)
    return restamp(buffer.getvalue())


def _columns(names: list[str]) -> list[str]:
    """XLSForm headers: a translated column once per language (`label::English (en)`)."""
    columns = []
    for name in names:
        if name in TRANSLATED:
            columns += [f"{name}::{LANGUAGE_NAMES[lang]}" for lang in LANGUAGES]
        else:
            columns.append(name)
    return columns


def _cells(names: list[str], row: Row) -> list[str]:
    cells = []
    for name in names:
        value = row.get(name)
        if name in TRANSLATED:
            cells += [value(lang) if value else "" for lang in LANGUAGES]
        else:
            cells.append("" if value is None else str(value))
    return cells
