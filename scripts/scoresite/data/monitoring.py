"""The monitoring page's data: the 5R criteria, the programme's KPI definitions, the rules its
figures follow and the words its script shows, in one language, as JSON to embed."""

from __future__ import annotations

from typing import Any

from ..audit import SCORES, embedded_json
from ..model import Project
from .charts import GEOMETRY
from .cohort import RULES


def monitoring_json(project: Project, labels: dict[str, Any], lang: str) -> str:
    """The page's data in one language, ready to embed."""
    return embedded_json(
        {
            "lang": lang,
            "geometry": GEOMETRY,
            "rules": RULES,
            "scores": list(SCORES),
            "labels": {key: text(lang) for key, text in sorted(labels["monitoring"].items())},
            "steps": [
                {
                    "id": step.id,
                    "name": step.name,
                    "criteria": [{"id": c.id, "text": c.text(lang)} for c in step.criteria],
                }
                for step in project.five_r.steps
            ],
            "kpis": [
                {"id": k.id, "name": k.name(lang), "unit": k.unit(lang), "better": k.better}
                for k in project.programme.kpis
            ],
        }
    )


def kpi_entry_json(project: Project, labels: dict[str, Any], lang: str) -> str:
    """The KPI entry page's data: the KPI definitions and its words (with the monitoring
    page's messages for a file it cannot import)."""
    shared = {k: v for k, v in labels["monitoring"].items() if k == "at" or k.startswith("err_")}
    words = shared | labels["kpi_entry"]
    return embedded_json(
        {
            "lang": lang,
            "labels": {key: text(lang) for key, text in sorted(words.items())},
            "kpis": [
                {
                    "id": k.id,
                    "name": k.name(lang),
                    "unit": k.unit(lang),
                    "definition": k.definition(lang),
                    "better": k.better,
                }
                for k in project.programme.kpis
            ],
        }
    )
