"""The shape of the coaching plans (modules/pendampingan.yml): the visits between a classroom
day and the end of its coaching period. The checks that keep them runnable are in coaching.py.

A plan follows one module or workshop (`module:`) and may end at another event (`until:`,
e.g. the 5R presentation day, which falls in week `weeks`). Each visit takes checks and team
tasks from that module's own `follow_up` by number, and may add its own.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, Strict

from .fields import Minutes, Slug, Strictly, Text, Texts

# the steps whose order makes 5R evidence valid: the baseline (fixed-spot photos and a first
# audit) comes before the first red tag, or the "before" is gone
Milestone = Literal["baseline", "red_tag"]

Number = Annotated[int, Strict(), Field(ge=1, le=99)]


class AgendaItem(Strictly):
    title: Text
    minutes: Minutes
    milestone: Milestone | None = None


class Visit(Strictly):
    week: Annotated[int, Strict(), Field(ge=1, le=52)]
    minutes: Minutes
    title: Text
    agenda: Annotated[list[AgendaItem], Field(min_length=1)]
    # numbers of the module's follow_up.coach_checks / follow_up.actions, then the visit's own
    follow_up_checks: list[Number] = []
    checks: list[Text] = []
    follow_up_actions: list[Number] = []
    team_tasks: list[Text] = []
    record: Texts


class Plan(Strictly):
    module: Slug
    until: Slug | None = None
    weeks: Annotated[int, Strict(), Field(ge=1, le=52)]
    summary: Text
    visits: Annotated[list[Visit], Field(min_length=1)]


class Planner(Strictly):
    """The one-page sheet for a coach serving several enterprises (e.g. on one estate)."""

    title: Text
    purpose: Text
    instructions: Texts
    enterprises: Annotated[int, Strict(), Field(ge=1, le=12)]


class Coaching(Strictly):
    title: Text
    summary: Text
    planner: Planner
    plans: Annotated[list[Plan], Field(min_length=1)]

    def plan_for(self, module_id: str) -> Plan | None:
        """The plan that follows this module, or ends at it (the 5R presentation day)."""
        return next((p for p in self.plans if module_id in (p.module, p.until)), None)
