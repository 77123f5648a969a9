"""Pydantic's type errors as Problems, in our words, at their place in the YAML."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel

from . import load
from .fields import NOT_TEXT, type_name
from .problems import KEY_SYNONYMS, Problem, problem

WRONG_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (lines of 'key: value')",
    "model_type": "a mapping (lines of 'key: value')",
    "model_attributes_type": "a mapping (lines of 'key: value')",
}


BOUNDS = {  # pydantic code: (our code, the bound in its context)
    "greater_than_equal": ("at_least", "ge"),
    "greater_than": ("more_than", "gt"),
    "less_than_equal": ("at_most", "le"),
    "too_short": ("too_few", "min_length"),
    "too_long": ("too_many_entries", "max_length"),
}


def _unwrap(annotation: Any) -> list[Any]:
    """The classes an annotation may hold: list[X] -> [X], A | B -> [A, B], Annotated -> inner."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, dict):
        return _unwrap(typing.get_args(annotation)[-1])
    if origin in (typing.Union, types.UnionType):
        return [c for arg in typing.get_args(annotation) for c in _unwrap(arg)]
    return [annotation]


def _walk(root: type[BaseModel], loc: tuple[Any, ...]) -> tuple[type[BaseModel] | None, tuple]:
    """Follow a pydantic error location through the model classes.

    Returns the model class found at the end and the location as it is in the YAML
    (pydantic adds the tag of a tagged union, e.g. `box`, which the YAML does not have).
    """
    clean: list[Any] = []
    candidates: list[Any] = [root]
    for part in loc:
        models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        if isinstance(part, int) or not models:
            clean.append(part)
            continue
        tagged = [m for m in models if m.model_fields.get("kind") and part not in m.model_fields]
        if len(models) > 1 and tagged:
            candidates = [m for m in models if part in str(m.model_fields["kind"].annotation)]
            continue
        field = models[0].model_fields.get(str(part))
        clean.append(part)
        candidates = _unwrap(field.annotation) if field else []
    models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
    return (models[0] if len(models) == 1 else None), tuple(clean)


OUR_CODES = {
    "text",
    "empty",
    "slug",
    "slug_long",
    "clock",
    "clock_number",
    "unquoted",
    "term_sign",
    "term_edge",
    "translation_missing",
    "translation_unknown",
}


def as_problem(item: Any, doc: load.Document, root: type[BaseModel]) -> Problem:
    """One pydantic error as a Problem at its place in the YAML, in our words."""
    kind, ctx = item["type"], item.get("ctx") or {}
    parent, _ = _walk(root, item["loc"][:-1])
    _, loc = _walk(root, item["loc"])
    line, col = doc.where((*loc, ctx["lang"]) if "lang" in ctx else loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = list(parent.model_fields) if parent else []
        close = [KEY_SYNONYMS[key]] if KEY_SYNONYMS.get(key) in allowed else []
        close = close or difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'?" if close else "remove it or check its indentation"
        line, col = doc.where(loc, key=True)
        return problem(
            doc.path, line, col, "unknown_key", key=key, allowed=", ".join(allowed), hint=hint
        )
    if kind == "missing":
        line, col = doc.where(loc[:-1])
        return problem(doc.path, line, col, "missing", key=loc[-1])
    if kind == "union_tag_not_found":
        return problem(doc.path, line, col, "missing", key=ctx.get("discriminator", "kind"))
    if kind == "union_tag_invalid":
        line, col = doc.where((*loc, "kind"))
        return problem(
            doc.path, line, col, "choice", got=repr(ctx["tag"]), expected=ctx["expected_tags"]
        )
    if kind == "literal_error":
        return problem(
            doc.path,
            line,
            col,
            "choice",
            got=type_name(item["input"]),
            expected=ctx.get("expected", ""),
        )
    if kind == "string_type" and isinstance(item["input"], NOT_TEXT):
        return problem(doc.path, line, col, "unquoted", got=type_name(item["input"]))
    if kind in WRONG_TYPES:
        return problem(
            doc.path,
            line,
            col,
            "wrong_type",
            expected=WRONG_TYPES[kind],
            got=type_name(item["input"]),
        )
    if kind in OUR_CODES or kind.startswith("markup_"):
        return problem(doc.path, line, col, kind, **ctx)
    if kind in BOUNDS:
        code, limit = BOUNDS[kind]
        got = len(item["input"]) if kind in ("too_short", "too_long") else item["input"]
        return problem(doc.path, line, col, code, got=got, limit=ctx[limit])
    return problem(doc.path, line, col, "value", detail=item["msg"])
