"""A module's day in clock time: its timetable (with the Friday variant) and each session's
run sheet, computed from the minutes in the model."""

from __future__ import annotations

from pydantic import BaseModel

from .fields import Translated
from .model import Activity, Break, Module, Session


class Slot(BaseModel):
    """One line of a timetable: a session, an activity or a break, with clock minutes."""

    start: int
    end: int
    title: Translated
    session: Session | None = None
    activity: Activity | None = None
    pause: Break | None = None


FRIDAY_PRAYER = (11 * 60 + 30, 13 * 60)  # on Fridays the lunch break covers 11.30–13.00


def minutes_of(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def timetable(module: Module, *, friday: bool = False) -> list[Slot]:
    """The module's day: the opening, then sessions and breaks one after another.

    On Fridays (`friday=True`) the sessions keep their minutes; the lunch break (the longest
    break that overlaps Friday prayer) stretches to cover the prayer time, and the day starts
    earlier when the morning would otherwise run into it."""
    start = minutes_of(module.schedule.start)
    lengths = {b.after: b.minutes for b in module.schedule.breaks}
    day = _day(module, start, lengths)
    if not friday:
        return day
    begin, end = FRIDAY_PRAYER
    lunch = [s for s in day if s.pause and s.start < end and s.end > begin]
    if not lunch:
        return day
    longest = max(lunch, key=lambda s: s.end - s.start)
    assert longest.pause
    earlier = max(0, longest.start - begin)
    stretched = max(longest.pause.minutes, end - (longest.start - earlier))
    return _day(module, start - earlier, {**lengths, longest.pause.after: stretched})


def _day(module: Module, clock: int, lengths: dict[str, int]) -> list[Slot]:
    slots = []
    opening = module.schedule.opening
    if opening:
        slots.append(Slot(start=clock, end=clock + opening.minutes, title=opening.title))
        clock += opening.minutes
    breaks = {b.after: b for b in module.schedule.breaks}
    for session in module.sessions:
        slots.append(
            Slot(start=clock, end=clock + session.minutes, title=session.title, session=session)
        )
        clock += session.minutes
        if session.id in breaks:
            pause = breaks[session.id]
            length = lengths[session.id]
            slots.append(Slot(start=clock, end=clock + length, title=pause.title, pause=pause))
            clock += length
    return slots


def run_sheet(session: Session, start: int) -> list[Slot]:
    """The session's activities with their clock times, starting at `start` minutes."""
    slots = []
    for activity in session.activities:
        slots.append(
            Slot(start=start, end=start + activity.minutes, title=activity.title, activity=activity)
        )
        start += activity.minutes
    return slots


def sessions_using(module: Module, worksheet_id: str) -> list[tuple[int, Session]]:
    """The sessions (with their number in the module) that hand out a worksheet."""
    return [
        (number, session)
        for number, session in enumerate(module.sessions, start=1)
        if worksheet_id in session.worksheets
    ]
