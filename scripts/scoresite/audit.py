"""The interactive 5R audit page's data: every criterion with its score descriptions and the
words the page's script shows, in one language, as JSON safe to embed in an HTML page.

The page reads it from `<script type="application/json">` (fetch() is blocked on file://).
"""

from __future__ import annotations

import json
from typing import Any

from .data.charts import GEOMETRY
from .fields import Translated
from .model import FiveR

SCORES = range(5)
# layout words of the whole site that the audit's script shows too
SHARED = ("step", "score", "subtotal", "total_score")


def audit_json(five_r: FiveR, labels: dict[str, Any], lang: str) -> str:
    """The page's data in one language, ready to embed."""
    words = {key: labels[key] for key in SHARED} | labels["audit"]
    return embedded_json(audit_data(five_r, words, lang))


def audit_data(five_r: FiveR, words: dict[str, Translated], lang: str) -> dict[str, Any]:
    return {
        "lang": lang,
        "geometry": GEOMETRY,
        "scores": list(SCORES),
        "labels": {key: text(lang) for key, text in sorted(words.items())},
        "steps": [
            {
                "id": step.id,
                "name": step.name,
                "english": step.english,
                "criteria": [
                    {
                        "id": c.id,
                        "text": c.text(lang),
                        "scores": [c.scores[level](lang) for level in SCORES],
                    }
                    for c in step.criteria
                ],
            }
            for step in five_r.steps
        ],
    }


def embedded_json(data: dict[str, Any]) -> str:
    """JSON for inside `<script type="application/json">`: no `<`, `>` or `&` at all, so no
    text from YAML can close the element or read as markup; JSON.parse restores them."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
