"""Turn the YAML files under modules/ into one checked `Project`, or list every problem."""

from __future__ import annotations

import difflib
import json
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import load
from .model import FiveR, Glossary, Module, Programme, Project, Session, type_name
from .participants import read_participants
from .problems import KEY_SYNONYMS, ContentError, Problem, problem

SINGLE_FILES: dict[str, type[BaseModel]] = {
    "programme.yml": Programme,
    "glossary.yml": Glossary,
    "5r.yml": FiveR,
}
MODULE_GLOBS = ("modul-*.yml", "lokakarya-*.yml")  # SCORE modules; workshops run the same way
RESERVED_MODULE_IDS = {"program", "5r"}  # folders of the programme and 5R pages

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


def schemas() -> dict[str, str]:
    """JSON Schemas for editors (YAML language server): {file name: schema text}."""
    kinds: dict[str, type[BaseModel]] = {
        name.removesuffix(".yml"): c for name, c in SINGLE_FILES.items()
    }
    kinds["module"] = Module
    return {
        f"{kind}.json": json.dumps(cls.model_json_schema(), indent=1, sort_keys=True) + "\n"
        for kind, cls in sorted(kinds.items())
    }


def model_for(path: Path) -> type[BaseModel] | None:
    if path.name in SINGLE_FILES:
        return SINGLE_FILES[path.name]
    return Module if any(path.match(glob) for glob in MODULE_GLOBS) else None


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


OUR_CODES = {"text", "empty", "slug", "clock", "translation_missing", "translation_unknown"}


def _problem(item: Any, doc: load.Document, root: type[BaseModel]) -> Problem:
    """One pydantic error as a Problem at its place in the YAML, in our words."""
    kind, ctx = item["type"], item.get("ctx") or {}
    parent, _ = _walk(root, item["loc"][:-1])
    _, loc = _walk(root, item["loc"])
    line, col = doc.where(loc)
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
    if kind in WRONG_TYPES:
        return problem(
            doc.path,
            line,
            col,
            "wrong_type",
            expected=WRONG_TYPES[kind],
            got=type_name(item["input"]),
        )
    if kind in OUR_CODES:
        return problem(doc.path, line, col, kind, **ctx)
    return problem(doc.path, line, col, "value", detail=item["msg"])


def read_file(path: Path, root: Path) -> tuple[BaseModel | None, load.Document, list[Problem]]:
    """Load and type-check one file: (model or None, positions, problems)."""
    doc, problems = load.read(path, root)
    cls = model_for(path)
    if cls is None:
        return None, doc, [*problems, problem(doc.path, 1, 1, "unknown_file")]
    if problems:
        return None, doc, problems
    try:
        return cls.model_validate(doc.data), doc, []
    except ValidationError as error:
        return None, doc, sorted({_problem(item, doc, cls) for item in error.errors()})


def _ids(items: list[Any], doc: load.Document, base: tuple, what: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        line, col = doc.where((*base, i, "id"))
        if item.id in seen:
            yield problem(
                doc.path,
                line,
                col,
                "duplicate_id",
                value=item.id,
                first_line=seen[item.id],
                what=what,
            )
        seen.setdefault(item.id, line)


def _refs(
    values: list[str], known: set[str] | None, doc: load.Document, base: tuple, what: str
) -> Iterator[Problem]:
    """References to `known` ids; None means the target file has its own problems: skip."""
    if known is None:
        return
    for i, value in enumerate(values):
        if value not in known:
            line, col = doc.where((*base, i))
            yield problem(
                doc.path,
                line,
                col,
                "unknown_ref",
                what=what,
                value=value,
                known=", ".join(sorted(known)) or "(none yet)",
            )


def _check_session(
    session: Session, i: int, doc: load.Document, sheets: set[str], terms: set[str] | None
) -> Iterator[Problem]:
    total = sum(a.minutes for a in session.activities)
    if total != session.minutes:
        line, col = doc.where(("sessions", i, "minutes"))
        yield problem(
            doc.path,
            line,
            col,
            "minutes_sum",
            session=session.id,
            minutes=session.minutes,
            total=total,
        )
    yield from _refs(session.worksheets, sheets, doc, ("sessions", i, "worksheets"), "worksheet")
    yield from _refs(session.terms, terms, doc, ("sessions", i, "terms"), "glossary term")


def _check_sessions_of_broken_module(
    doc: load.Document, terms: set[str] | None
) -> Iterator[Problem]:
    """A module with type errors still gets its sessions checked, each one that is itself
    well-formed, so one run lists as much as it can."""
    data = doc.data if isinstance(doc.data, dict) else {}

    def items(key: str) -> list[Any]:
        value = data.get(key)
        return value if isinstance(value, list) else []

    sheets = {w["id"] for w in items("worksheets") if isinstance(w, dict) and "id" in w}
    for i, raw in enumerate(items("sessions")):
        try:
            session = Session.model_validate(raw)
        except ValidationError:
            continue
        yield from _check_session(session, i, doc, sheets, terms)


def _check_module(
    module: Module, doc: load.Document, modules: set[str], terms: set[str] | None
) -> Iterator[Problem]:
    if module.id in RESERVED_MODULE_IDS:
        line, col = doc.where(("id",))
        yield problem(
            doc.path,
            line,
            col,
            "reserved",
            value=module.id,
            taken=", ".join(sorted(RESERVED_MODULE_IDS)),
        )
    yield from _ids(module.sessions, doc, ("sessions",), "session")
    yield from _ids(module.worksheets, doc, ("worksheets",), "worksheet")
    yield from _refs(module.prerequisites, modules - {module.id}, doc, ("prerequisites",), "module")
    sheets = {w.id for w in module.worksheets}
    for i, session in enumerate(module.sessions):
        yield from _check_session(session, i, doc, sheets, terms)
    session_ids = {s.id for s in module.sessions}
    for i, pause in enumerate(module.schedule.breaks):
        yield from _refs(
            [pause.after], session_ids, doc, ("schedule", "breaks", i, "after"), "session"
        )
    for i, question in enumerate(module.quiz):
        if not 1 <= question.answer <= len(question.options):
            line, col = doc.where(("quiz", i, "answer"))
            yield problem(
                doc.path, line, col, "answer", value=question.answer, count=len(question.options)
            )


def _check_five_r(five_r: FiveR, doc: load.Document, terms: set[str] | None) -> Iterator[Problem]:
    yield from _ids(five_r.steps, doc, ("steps",), "5R step")
    for i, step in enumerate(five_r.steps):
        yield from _ids(step.criteria, doc, ("steps", i, "criteria"), "criterion")
        yield from _refs(step.terms, terms, doc, ("steps", i, "terms"), "glossary term")
        for j, criterion in enumerate(step.criteria):
            if sorted(criterion.scores) != [0, 1, 2, 3, 4]:
                line, col = doc.where(("steps", i, "criteria", j, "scores"), key=True)
                yield problem(doc.path, line, col, "scores", got=sorted(criterion.scores))


def _module_numbers(modules: list[tuple[Module, load.Document]]) -> Iterator[Problem]:
    seen: dict[tuple[str, object], str] = {}
    for module, doc in modules:
        for key, value in (("id", module.id), ("number", module.number)):
            if value is None:
                continue
            owner = seen.setdefault((key, value), doc.path)
            if owner != doc.path:
                line, col = doc.where((key,))
                yield problem(
                    doc.path,
                    line,
                    col,
                    "value",
                    detail=f"module {key} {value} is already used in {owner}",
                )


def _raw_ids(docs: list[load.Document]) -> set[str]:
    return {
        d.data["id"] for d in docs if isinstance(d.data, dict) and isinstance(d.data.get("id"), str)
    }


def load_project(root: Path) -> Project:
    """Read and check every file under `root`; raise one ContentError listing all problems.

    Files that fail their type check are still counted in the cross-file checks of the
    others where that is safe, so one run lists as much as it can.
    """
    problems: list[Problem] = []
    found: dict[str, tuple[BaseModel, load.Document]] = {}
    modules: list[tuple[Module, load.Document]] = []
    module_docs: list[load.Document] = []
    for path in sorted(root.glob("*.yml")) + sorted(root.glob("*.yaml")):
        model, doc, file_problems = read_file(path, root)
        problems += file_problems
        if model_for(path) is Module:
            module_docs.append(doc)
        if isinstance(model, Module):
            modules.append((model, doc))
        elif model is not None:
            found[path.name] = (model, doc)
    for name in SINGLE_FILES:
        if not (root / name).exists():
            problems.append(problem(f"{root.name}/{name}", 1, 1, "missing_file", name=name))

    terms: set[str] | None = None
    if "glossary.yml" in found:
        glossary, doc = found["glossary.yml"]
        assert isinstance(glossary, Glossary)
        terms = {t.id for t in glossary.terms}
        problems += _ids(glossary.terms, doc, ("terms",), "glossary term")
    if "5r.yml" in found:
        five_r, doc = found["5r.yml"]
        assert isinstance(five_r, FiveR)
        problems += _check_five_r(five_r, doc, terms)
    if "programme.yml" in found:
        programme, doc = found["programme.yml"]
        assert isinstance(programme, Programme)
        problems += _ids(programme.worksheets, doc, ("worksheets",), "worksheet")
        problems += _ids(programme.administration, doc, ("administration",), "worksheet")
    problems += _module_numbers(modules)
    module_ids = _raw_ids(module_docs)
    for module, doc in modules:
        problems += _check_module(module, doc, module_ids, terms)
    for doc in module_docs:
        if all(d is not doc for _, d in modules):
            problems += _check_sessions_of_broken_module(doc, terms)
    participants, more = read_participants(root)
    problems += more
    if problems:
        raise ContentError(problems)
    programme, glossary, five_r = (found[name][0] for name in SINGLE_FILES)
    assert isinstance(programme, Programme) and isinstance(glossary, Glossary)
    assert isinstance(five_r, FiveR)
    modules_in_order = sorted((m for m, _ in modules), key=lambda m: m.number or 100)
    return Project(
        programme=programme,
        modules=modules_in_order,
        five_r=five_r,
        glossary=glossary,
        participants=participants,
    )
