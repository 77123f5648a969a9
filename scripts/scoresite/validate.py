"""Turn the YAML files under modules/ into one checked `Project`, or list every problem."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import kpis, load, outputs
from .catalogue import with_module_choices
from .coaching import check_coaching, check_module_milestones
from .coaching_model import Coaching
from .fields import LANGUAGES
from .model import FiveR, Glossary, Module, Programme, Project, Session
from .participants import EVERY_EVENT, Participant, read_participants
from .problems import ContentError, Problem, problem
from .schedule import timetable
from .type_errors import as_problem

SINGLE_FILES: dict[str, type[BaseModel]] = {
    "programme.yml": Programme,
    "glossary.yml": Glossary,
    "5r.yml": FiveR,
}
OPTIONAL_FILES: dict[str, type[BaseModel]] = {"pendampingan.yml": Coaching}  # coaching plans
MODULE_GLOBS = ("modul-*.yml", "lokakarya-*.yml")  # SCORE modules; workshops run the same way
RESERVED_MODULE_IDS = {"program", "5r"}  # folders of the programme and 5R pages


def _unknown_events(
    root: Path, participants: dict[str, list[Participant]], ids: list[str]
) -> list[Problem]:
    """A `peserta-<id>.csv` whose id is no module's or workshop's."""
    return [
        problem(
            f"{root.name}/peserta-{event}.csv", 1, 1, "value",
            detail=f"no module or workshop has the id '{event}'; name the file "
            f"peserta-<id>.csv with one of: {', '.join(sorted(ids))}",
        )
        for event in sorted(participants)
        if event != EVERY_EVENT and event not in ids
    ]


def model_for(path: Path) -> type[BaseModel] | None:
    if path.name in SINGLE_FILES or path.name in OPTIONAL_FILES:
        return {**SINGLE_FILES, **OPTIONAL_FILES}[path.name]
    return Module if any(path.match(glob) for glob in MODULE_GLOBS) else None


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
        return None, doc, sorted({as_problem(item, doc, cls) for item in error.errors()})


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
    session: Session, i: int, doc: load.Document, sheets: set[str] | None, terms: set[str] | None
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

    ids = [w.get("id") if isinstance(w, dict) else None for w in items("worksheets")]
    texts = [i for i in ids if isinstance(i, str)]
    # an id that is not text has its own problem; references to worksheets are then not checked
    sheets = set(texts) if len(texts) == len(ids) else None
    for i, raw in enumerate(items("sessions")):
        try:
            session = Session.model_validate(raw)
        except ValidationError:
            continue
        yield from _check_session(session, i, doc, sheets, terms)


def _check_module(
    module: Module, doc: load.Document, modules: set[str] | None, terms: set[str] | None
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
    yield from check_module_milestones(module, doc)
    yield from _ids(module.worksheets, doc, ("worksheets",), "worksheet")
    others = None if modules is None else modules - {module.id}
    yield from _refs(module.prerequisites, others, doc, ("prerequisites",), "module")
    end = timetable(module)[-1].end
    if end > 24 * 60:
        line, col = doc.where(("schedule", "start"))
        yield problem(doc.path, line, col, "day_too_long", end=f"{end // 60}:{end % 60:02d}")
    sheets = {w.id for w in module.worksheets}
    grids = {w.id for w in module.worksheets for f in w.fields if f.kind == "table" and f.cells}
    for i, session in enumerate(module.sessions):
        yield from _check_session(session, i, doc, sheets, terms)
        for n, diagram in enumerate(session.diagrams):
            if diagram.worksheet and diagram.worksheet not in grids:
                line, col = doc.where(("sessions", i, "diagrams", n, "worksheet"))
                known = ", ".join(sorted(grids)) or "(none yet)"
                what, value = "worksheet with a table of `cells`", diagram.worksheet
                yield problem(
                    doc.path, line, col, "unknown_ref", what=what, value=value, known=known
                )
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


def _terms_unique(glossary: Glossary, doc: load.Document) -> Iterator[Problem]:
    """Each language's terms differ in more than case: a tooltip shows one meaning."""
    for lang in LANGUAGES:
        seen: dict[str, int] = {}
        for i, term in enumerate(glossary.terms):
            first = seen.setdefault(term.term(lang).casefold(), i)
            if first != i:
                line, col = doc.where(("terms", i, "term", lang))
                first_line = doc.where(("terms", first, "term", lang))[0]
                yield problem(
                    doc.path, line, col, "term_case", term=term.term(lang), first_line=first_line
                )


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


def _raw_ids(docs: list[load.Document]) -> set[str] | None:
    """The ids of all module files, or None when a file's id cannot be read: references to
    modules are then not checked, rather than reported against files that are fine."""
    ids = [d.data.get("id") if isinstance(d.data, dict) else None for d in docs]
    return {i for i in ids if isinstance(i, str)} if all(isinstance(i, str) for i in ids) else None


def _cycles(modules: list[tuple[Module, load.Document]]) -> Iterator[Problem]:
    """Circular prerequisites, each cycle named once, at the first module in it."""
    needs = {m.id: m.prerequisites for m, _ in modules}
    docs = {m.id: doc for m, doc in modules}
    reported: set[frozenset[str]] = set()

    def walk(path: list[str]) -> Iterator[list[str]]:
        for next_id in needs.get(path[-1], []):
            if next_id == path[0]:
                yield path
            elif next_id not in path and next_id > path[0]:
                yield from walk([*path, next_id])

    for start in sorted(needs):
        for cycle in walk([start]):
            if len(cycle) > 1 and frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                doc = docs[start]
                i = needs[start].index(cycle[1])
                line, col = doc.where(("prerequisites", i))
                yield problem(doc.path, line, col, "cycle", cycle=" → ".join([*cycle, start]))


def load_project(root: Path) -> Project:
    """Read and check every file under `root`; raise one ContentError listing all problems.

    Files that fail their type check are still counted in the cross-file checks of the
    others where that is safe, so one run lists as much as it can.
    """
    problems: list[Problem] = []
    found: dict[str, tuple[BaseModel, load.Document]] = {}
    modules: list[tuple[Module, load.Document]] = []
    module_docs: list[load.Document] = []
    for path in load.content_files(root):
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
    kpi_ids: set[str] | None = None
    if "glossary.yml" in found:
        glossary, doc = found["glossary.yml"]
        assert isinstance(glossary, Glossary)
        terms = {t.id for t in glossary.terms}
        problems += _ids(glossary.terms, doc, ("terms",), "glossary term")
        problems += _terms_unique(glossary, doc)
    if "5r.yml" in found:
        five_r, doc = found["5r.yml"]
        assert isinstance(five_r, FiveR)
        problems += _check_five_r(five_r, doc, terms)
    if "programme.yml" in found:
        programme, doc = found["programme.yml"]
        assert isinstance(programme, Programme)
        problems += _ids(programme.kpis, doc, ("kpis",), "KPI")
        problems += _ids(programme.worksheets, doc, ("worksheets",), "worksheet")
        problems += _ids(programme.administration, doc, ("administration",), "worksheet")
        kpi_ids = {k.id for k in programme.kpis}
        problems += kpis.check(programme, doc, kpi_ids)
    problems += _module_numbers(modules)
    module_ids = _raw_ids(module_docs)
    problems += _cycles(modules)
    for module, doc in modules:
        problems += _check_module(module, doc, module_ids, terms)
        problems += kpis.check(module, doc, kpi_ids)
    for doc in module_docs:
        if all(d is not doc for _, d in modules):
            problems += _check_sessions_of_broken_module(doc, terms)
    coaching: Coaching | None = None
    if "pendampingan.yml" in found:
        plans, doc = found["pendampingan.yml"]
        assert isinstance(plans, Coaching)
        coaching = plans
        complete = len(modules) == len(module_docs)  # else: plans are not checked against them
        problems += check_coaching(
            coaching, {m.id: m for m, _ in modules} if complete else None, doc
        )
    participants, more = read_participants(root)
    problems += more
    if len(modules) == len(module_docs):  # else: the ids are not all known
        problems += _unknown_events(root, participants, [m.id for m, _ in modules])
    if problems:
        raise ContentError(problems)
    programme, glossary, five_r = (found[name][0] for name in SINGLE_FILES)
    assert isinstance(programme, Programme) and isinstance(glossary, Glossary)
    assert isinstance(five_r, FiveR)
    modules_in_order = sorted((m for m, _ in modules), key=lambda m: m.number or 100)
    project = with_module_choices(
        kpis.resolve(
            Project(
                programme=programme,
                modules=modules_in_order,
                five_r=five_r,
                glossary=glossary,
                participants=participants,
                coaching=coaching,
            )
        )
    )
    docs = {m.id: doc for m, doc in modules}
    docs.update(programme=found["programme.yml"][1], **{"5r": found["5r.yml"][1]})
    collided = list(outputs.collisions(project, outputs.origins(project, docs)))
    if collided:
        raise ContentError(collided)
    return project
