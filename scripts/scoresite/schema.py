"""JSON Schemas of the content files, for editors (the YAML language server underlines
mistakes and shows each key's description on hover).

They hold every rule of one field that JSON Schema can express: id and clock patterns,
lengths and list limits, choices, non-empty texts, number-xor-label, the scores 0–4, the
answer's range. Rules across fields or files (minutes adding up, ids that must exist) stay
with `make check`. Committed in modules/schema/ so that an editor finds them on a fresh clone;
`scoresite schema` writes them again and a test keeps them equal to what the model gives.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import load
from .catalogue import TEMPLATES
from .coaching_model import Coaching
from .model import FiveR, Glossary, Module, Programme

KINDS: dict[str, type[BaseModel]] = {
    "5r": FiveR,
    "glossary": Glossary,
    "module": Module,
    "pendampingan": Coaching,
    "programme": Programme,
}
SCORES = [str(n) for n in range(5)]
RULES: dict[str, dict[str, Any]] = {
    "Module": {"oneOf": [{"required": ["number"]}, {"required": ["label"]}]},
    "Question.answer": {"minimum": 1, "maximum": 5},
    "Criterion.scores": {"propertyNames": {"enum": SCORES}, "required": SCORES},
}


@cache
def descriptions() -> dict[str, str]:
    return {str(k): str(v) for k, v in load.ours(TEMPLATES / "schema.yml").items()}


def schemas() -> dict[str, str]:
    """{file name: JSON Schema text} for module.json, 5r.json, glossary.json, programme.json."""
    return {
        f"{kind}.json": json.dumps(schema(cls), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        for kind, cls in sorted(KINDS.items())
    }


def schema(cls: type[BaseModel]) -> dict[str, Any]:
    found = cls.model_json_schema()
    found["$schema"] = "http://json-schema.org/draft-07/schema#"
    return dict(_refine(found))


def _refine(node: Any) -> Any:
    """Each model's keys get their description and rules, each list the loader's limit."""
    if isinstance(node, list):
        return [_refine(item) for item in node]
    if not isinstance(node, dict):
        return node
    model = str(node.get("title", ""))  # pydantic titles a model's schema with its name
    refined = {key: _refine(value) for key, value in node.items() if key != "properties"}
    if "properties" in node:
        refined["properties"] = {
            key: _described(_refine(value), model, key) for key, value in node["properties"].items()
        }
        refined.update(RULES.get(model, {}))
    if node.get("type") == "array":
        refined.setdefault("maxItems", load.MAX_ITEMS)
    return refined


def _described(node: dict[str, Any], model: str, key: str) -> dict[str, Any]:
    words = descriptions()
    text = words.get(f"{model}.{key}") or words.get(key)
    if text is None:
        raise KeyError(f"templates/schema.yml: no description for {model}.{key}")
    return {**node, **RULES.get(f"{model}.{key}", {}), "description": text}


def write(folder: Path) -> list[Path]:
    """Write the schemas into `folder` (modules/schema/); return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.json"))
