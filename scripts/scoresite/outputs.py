"""Every output path is unique: no two pages or PDFs land on the same file of site/, in
either language. Reads the one catalogue (catalogue.py: `pages`, `printables`, `url`), so a
new kind of page or printable is checked without a change here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .catalogue import pages, printables, url
from .fields import LANGUAGES
from .load import Document, Loc
from .model import Module, Project
from .problems import Problem, problem

Origins = dict[int, tuple[Document, Loc]]  # id() of a model object: where it is written


def origins(project: Project, docs: dict[str, Document]) -> Origins:
    """Where each id that names an output is written: module, session, worksheet, 5R step."""
    found: Origins = {}

    def each(doc: Document, base: Loc, items: list[Any]) -> None:
        found.update({id(item): (doc, (*base, i, "id")) for i, item in enumerate(items)})

    for module in project.modules:
        doc = docs[module.id]
        found[id(module)] = (doc, ("id",))
        each(doc, ("sessions",), module.sessions)
        each(doc, ("worksheets",), module.worksheets)
    each(docs["programme"], ("worksheets",), project.programme.worksheets)
    each(docs["programme"], ("administration",), project.programme.administration)
    each(docs["5r"], ("steps",), project.five_r.steps)
    return found


def _owner(context: dict[str, Any]) -> tuple[str, object | None]:
    """The most specific content item an output is made from, named, and the item."""
    for key, what in (("session", "session"), ("worksheet", "worksheet"), ("step", "5R step")):
        if context.get(key) is not None:
            return f"{what} '{context[key].id}'", context[key]
    module = context.get("module")
    if isinstance(module, Module):
        return f"module '{module.id}'", module
    return "the site", None


def _outputs(project: Project) -> Iterator[tuple[str, str, object | None]]:
    """(path in site/, what it is, the item it is made from) for every page and PDF."""
    listed = pages(project, [])
    made = [(p.path, f"{p.template.removesuffix('.md')} page", p.context) for p in listed]
    printed = {p.path: p.context for p in listed}  # a PDF belongs to the page it prints
    made += [(p.path, f"{p.kind} PDF", printed.get(p.page, {})) for p in printables(project)]
    for path, kind, context in made:
        owner, item = _owner(context)
        for lang in LANGUAGES:
            yield url.in_site(path, lang), f"the {kind} of {owner}", item


def collisions(project: Project, where: Origins) -> Iterator[Problem]:
    seen: dict[str, tuple[str, object | None]] = {}
    reported: set[tuple[str, str]] = set()
    for path, what, item in _outputs(project):
        if path not in seen:
            seen[path] = (what, item)
            continue
        other, other_item = seen[path]
        # report at the more specific of the two: the id a maintainer can change
        here, there = (what, item), (other, other_item)
        if len(where.get(id(other_item), (None, ()))[1]) > len(where.get(id(item), (None, ()))[1]):
            here, there = there, here
        if (here[0], there[0]) in reported or id(here[1]) not in where:
            continue
        reported.add((here[0], there[0]))
        doc, loc = where[id(here[1])]
        line, col = doc.where(loc)
        if id(there[1]) in where:
            other_doc, other_loc = where[id(there[1])]
            at = f"{other_doc.path}:{other_doc.where(other_loc)[0]}"
        else:
            at = "a name the site keeps for itself"
        yield problem(
            doc.path, line, col, "collision", this=here[0], target=path, other=there[0], where=at
        )
