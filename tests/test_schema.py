"""The editors' JSON Schemas (modules/schema/): equal to what the model gives, and which of
the golden wrong edits (tests/data/bad/) they catch as you type. The rest is caught by
`make check`: rules across fields or files, the Markdown subset, the loader's own checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from scoresite import load
from scoresite.schema import schemas
from scoresite.validate import MODULE_GLOBS, OPTIONAL_FILES, SINGLE_FILES

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad"
# what catches each wrong edit: "schema" (the editor underlines it), "check" (only `make
# check`), "yaml" (the loader refuses the file before any schema: syntax, duplicate keys,
# tabs, anchors, limits), "n/a" (not a mistake inside a YAML file: links, folders, rights)
CAUGHT = {
    "abbreviation-definition": "check",
    "admonition": "check",
    "alias-bomb": "yaml",
    "anchor-and-alias": "yaml",
    "answer-out-of-range": "check",
    "attr-list-handler": "check",
    "attr-list-id-class": "check",
    "bad-clock": "schema",
    "broken-link": "n/a",
    "broken-module-only-itself": "yaml",
    "circular-prerequisites": "yaml",
    "complex-key": "yaml",
    "control-char-escaped": "check",
    "control-char-pasted": "yaml",
    "day-past-midnight": "check",
    "deep-nesting": "yaml",
    "definition-list": "check",
    "duplicate-key": "yaml",
    "duplicate-session": "check",
    "editor-leftovers-are-ignored": "schema",
    "empty-activities": "schema",
    "fifo": "n/a",
    "file-too-big": "n/a",
    "folder-named-yml": "n/a",
    "glossary-term-bracket": "check",
    "glossary-term-sign": "check",
    "heading": "check",
    "id-too-long": "schema",
    "image": "check",
    "inline-code": "check",
    "line-break": "check",
    "link-data-uri": "check",
    "link-file-via-title": "check",
    "link-in-printed-checklist": "check",
    "link-javascript": "check",
    "link-loop": "n/a",
    "link-outside-project": "n/a",
    "link-protocol-relative": "check",
    "link-vbscript-in-name": "check",
    "list-in-text": "check",
    "list-is-not-text": "schema",
    "list-too-long": "yaml",
    "minutes-do-not-add-up": "check",
    "minutes-too-many": "schema",
    "missing-translation": "schema",
    "quiz-too-many-options": "schema",
    "reference-definition": "check",
    "reserved-id": "check",
    "scores-incomplete": "schema",
    "session-id-is-module-page": "check",
    "session-id-is-quiz-page": "check",
    "session-id-is-trainer-page": "check",
    "several-documents": "yaml",
    "step-id-is-audit-form": "check",
    "tab": "yaml",
    "table-cells-shape": "check",
    "tag": "yaml",
    "task-list": "check",
    "text-too-long": "yaml",
    "unknown-field-kind": "schema",
    "unknown-key": "schema",
    "unknown-language": "schema",
    "unknown-method": "schema",
    "unknown-prerequisite": "check",
    "unknown-term": "check",
    "unknown-worksheet": "check",
    "unpaired-bracket": "check",
    "unreadable-file": "n/a",
    "unsafe-id": "schema",
    "wrong-type": "schema",
    "yaml-leading-ampersand": "yaml",
    "yaml-leading-at": "yaml",
    "yaml-leading-backtick": "yaml",
    "yaml-leading-percent": "yaml",
    "yaml-leading-star": "yaml",
    "yaml-no-is-bool": "schema",
    "yaml-number-as-text": "schema",
    "yaml-on-is-bool": "schema",
    "yaml-syntax": "yaml",
    "yaml-time-is-number": "schema",
    "coaching-red-tag-before-baseline": "check",
    "coaching-visits-out-of-order": "check",
    "diagram-matrix-without-cells": "check",
    "diagram-shape": "check",
    "escape-sequence-in-key-and-id": "schema",
    "glossary-term-differs-only-in-case": "check",
    "glossary-term-ends-with-a-sign": "check",
    "kpi-duplicate-and-unknown": "check",
    "kpi-unknown-in-module": "check",
    "peserta-control": "n/a",
    "peserta-dangling-link": "n/a",
    "peserta-empty-name": "n/a",
    "peserta-encoding": "n/a",
    "peserta-fifo": "n/a",
    "peserta-folder": "n/a",
    "peserta-link-outside": "n/a",
    "peserta-no-header": "n/a",
    "peserta-unclosed-quote": "n/a",
    "red-tag-before-baseline": "check",
    "worksheet-id-is-a-number": "schema",
}


def _schema_for(name: str) -> dict[str, Any] | None:
    kind = "module" if name.startswith(("modul-", "lokakarya-")) else name.removesuffix(".yml")
    text = schemas().get(f"{kind}.json")
    return json.loads(text) if text else None


def caught_by(path: Path, name: str) -> str:
    schema = _schema_for(name)
    if schema is None:
        return "n/a"
    doc, problems = load.parse(name, path.read_text(encoding="utf-8"))
    if problems:
        return "yaml"
    data = json.loads(json.dumps(doc.data, default=str))  # keys as an editor sees them
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(data))
    return "schema" if errors else "check"


def test_committed_schemas_are_what_the_model_gives() -> None:
    """Run `.venv/bin/python -m scoresite schema` after changing the model or schema.yml."""
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "modules/schema").glob("*")}
    assert committed == schemas()


@pytest.mark.parametrize("case", sorted(BAD.glob("*.yml")), ids=lambda p: p.name.split(".")[0])
def test_each_wrong_edit_is_caught_where_pinned(case: Path) -> None:
    name = case.name.split(".", 1)[1]
    assert caught_by(case, name) == CAUGHT[case.name.split(".")[0]]


def test_every_case_is_pinned() -> None:
    assert sorted(CAUGHT) == sorted(p.name.split(".")[0] for p in BAD.glob("*.yml"))


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "modules").glob("*.yml")) + sorted((ROOT / "tests/data/good").glob("*.yml")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_good_content_passes_its_schema(path: Path) -> None:
    assert caught_by(path, path.name) == "check"


def test_every_key_has_a_description() -> None:
    def walk(node: Any) -> list[str]:
        if isinstance(node, list):
            return [m for item in node for m in walk(item)]
        if not isinstance(node, dict):
            return []
        found = [k for k, v in node.get("properties", {}).items() if "description" not in v]
        return found + [m for v in node.values() for m in walk(v)]

    for name, text in schemas().items():
        assert walk(json.loads(text)) == [], name


def test_vs_code_finds_a_schema_for_every_content_file_and_reads_yaml_1_1() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.yamlVersion"] == "1.1"  # `en: yes` is then no text there either
    mapped = {path: schema for schema, globs in settings["yaml.schemas"].items() for path in globs}
    assert set(mapped) == {f"modules/{g}" for g in (*MODULE_GLOBS, *SINGLE_FILES, *OPTIONAL_FILES)}
    for schema in mapped.values():
        assert (ROOT / schema).is_file()
