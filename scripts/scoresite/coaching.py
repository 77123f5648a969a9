"""Coaching plans checked against the modules they join (shapes in coaching_model.py): visits
in order and inside the period, agenda minutes that add up, follow-up numbers that exist, and
the baseline before the first red tag, in every plan and every classroom day.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .coaching_model import Coaching, Milestone, Plan, Visit
from .fields import Translated
from .load import Document, Loc
from .model import Module
from .problems import Problem, problem


class Planned(NamedTuple):
    """A visit as printed: its number, what the coach checks and what the team does next
    (the module's follow-up items named by number, then the visit's own)."""

    number: int
    visit: Visit
    checks: list[Translated]
    tasks: list[Translated]


def planned(plan: Plan, module: Module) -> list[Planned]:
    checks, actions = module.follow_up.coach_checks, module.follow_up.actions
    return [
        Planned(
            number,
            v,
            [checks[n - 1] for n in v.follow_up_checks] + v.checks,
            [actions[n - 1] for n in v.follow_up_actions] + v.team_tasks,
        )
        for number, v in enumerate(plan.visits, start=1)
    ]


def milestone_order(items: Sequence[Milestone | None]) -> int | None:
    """Index of the first red tag when no baseline comes before it, else None."""
    for i, milestone in enumerate(items):
        if milestone == "baseline":
            return None
        if milestone == "red_tag":
            return i
    return None


def check_module_milestones(module: Module, doc: Document) -> Iterator[Problem]:
    """In a classroom day, the baseline comes before the first red tag."""
    where = [
        (("sessions", i, "activities", j, "milestone"), a.milestone)
        for i, s in enumerate(module.sessions)
        for j, a in enumerate(s.activities)
    ]
    found = milestone_order([m for _, m in where])
    if found is not None:
        yield problem(doc.path, *doc.where(where[found][0]), "red_tag_first")


def _numbers(
    numbers: list[int], count: int, doc: Document, base: Loc, what: str
) -> Iterator[Problem]:
    for i, n in enumerate(numbers):
        if n > count:
            line, col = doc.where((*base, i))
            yield problem(doc.path, line, col, "follow_up_number", n=n, what=what, count=count)


def _check_visit(visit: Visit, module: Module, doc: Document, base: Loc) -> Iterator[Problem]:
    total = sum(item.minutes for item in visit.agenda)
    if total != visit.minutes:
        line, col = doc.where((*base, "minutes"))
        yield problem(doc.path, line, col, "visit_minutes", minutes=visit.minutes, total=total)
    checks, actions = module.follow_up.coach_checks, module.follow_up.actions
    yield from _numbers(
        visit.follow_up_checks, len(checks), doc, (*base, "follow_up_checks"), "coach_checks"
    )
    yield from _numbers(
        visit.follow_up_actions, len(actions), doc, (*base, "follow_up_actions"), "actions"
    )
    if not (visit.follow_up_checks or visit.checks):
        yield problem(doc.path, *doc.where(base), "visit_empty", what="checks")


def _check_weeks(plan: Plan, doc: Document, base: Loc) -> Iterator[Problem]:
    """Visits in order, inside the period: before the closing event's week when there is one."""
    last = plan.weeks - 1 if plan.until else plan.weeks
    previous = 0
    for i, visit in enumerate(plan.visits):
        line, col = doc.where((*base, "visits", i, "week"))
        if visit.week <= previous:
            yield problem(doc.path, line, col, "visit_order", week=visit.week, previous=previous)
        elif visit.week > last:
            yield problem(doc.path, line, col, "visit_late", week=visit.week, last=last)
        previous = max(previous, visit.week)


def _check_plan(
    plan: Plan, modules: dict[str, Module], doc: Document, base: Loc
) -> Iterator[Problem]:
    known = ", ".join(sorted(modules))
    module = modules.get(plan.module)
    if module is None:
        line, col = doc.where((*base, "module"))
        yield problem(
            doc.path, line, col, "unknown_ref", what="module", value=plan.module, known=known
        )
        return
    if plan.until is not None:
        closing = modules.get(plan.until)
        line, col = doc.where((*base, "until"))
        if closing is None:
            yield problem(
                doc.path, line, col, "unknown_ref", what="module", value=plan.until, known=known
            )
        elif plan.module not in closing.prerequisites:
            yield problem(doc.path, line, col, "plan_joins", until=plan.until, module=plan.module)
    yield from _check_weeks(plan, doc, base)
    for i, visit in enumerate(plan.visits):
        yield from _check_visit(visit, module, doc, (*base, "visits", i))
    agenda = [item.milestone for visit in plan.visits for item in visit.agenda]
    found = milestone_order(agenda)
    if found is not None:
        where = [(i, j) for i, v in enumerate(plan.visits) for j in range(len(v.agenda))]
        i, j = where[found]
        line, col = doc.where((*base, "visits", i, "agenda", j, "milestone"))
        yield problem(doc.path, line, col, "red_tag_first")


def check_coaching(
    coaching: Coaching, modules: dict[str, Module] | None, doc: Document
) -> Iterator[Problem]:
    """Every plan against the modules it joins; None: the modules have problems of their own."""
    if modules is None:
        return
    seen: dict[str, int] = {}
    for i, plan in enumerate(coaching.plans):
        line, col = doc.where(("plans", i, "module"))
        if plan.module in seen:
            yield problem(
                doc.path, line, col, "plan_twice", module=plan.module, first_line=seen[plan.module]
            )
        seen.setdefault(plan.module, line)
        yield from _check_plan(plan, modules, doc, ("plans", i))
