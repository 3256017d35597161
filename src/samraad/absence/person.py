"""One person's absence over this year and last, as a list and as a timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from samraad.absence.models import Absence
from samraad.followup.models import Conversation
from samraad.labels import label
from samraad.org.tree import tree_on
from samraad.people.models import Employee, Employment
from samraad.stats import work_calendar
from samraad.vocabulary import CAUSE, CONVERSATION_KIND

WIDTH, LEFT, RIGHT, ROW = 720, 8, 8, 22


@dataclass(frozen=True)
class AbsenceLine:
    cause: str
    cause_label: str
    start: dt.date
    end: dt.date | None
    degree: float
    working_days: int
    x: float
    width: float
    own_sickness: bool


@dataclass(frozen=True)
class JobLine:
    unit_name: str
    job_group: str
    weekly_hours: float
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class ConversationLine:
    held_on: dt.date
    kind_label: str
    note: str
    companion: bool
    follow_up_on: dt.date | None


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class PersonTimeline:
    employee_id: str
    name: str
    start: dt.date
    end: dt.date
    absences: list[AbsenceLine]
    jobs: list[JobLine]
    conversations: list[ConversationLine]
    ticks: list[Tick]
    width: int
    height: int
    sick_days: int


def _x(day: dt.date, start: dt.date, end: dt.date) -> float:
    span = (end - start).days + 1
    return LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span


def person_timeline(employee_id: str, today: dt.date) -> PersonTimeline:
    start, end = dt.date(today.year - 1, 1, 1), today
    cal = work_calendar()
    records = Absence.objects.filter(employee_id=employee_id, start_date__lte=end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=start)
    )
    lines = []
    for r in records.order_by("start_date"):
        lo, hi = max(r.start_date, start), min(r.end_date or end, end)
        x0, x1 = _x(lo, start, end), _x(hi + dt.timedelta(days=1), start, end)
        lines.append(
            AbsenceLine(
                r.cause,
                label(CAUSE, r.cause),
                r.start_date,
                r.end_date,
                float(r.degree),
                cal.between(lo, hi),
                round(x0, 1),
                round(max(x1 - x0, 2.0), 1),
                r.cause == "own_sickness",
            )
        )
    tree = tree_on(today)
    jobs = [
        JobLine(tree.name(e.unit_id), e.job_group, float(e.weekly_hours), e.start_date, e.end_date)
        for e in Employment.objects.filter(employee_id=employee_id).order_by("-start_date")
    ]
    months = []
    for year in (today.year - 1, today.year):
        for m in (1, 4, 7, 10):
            day = dt.date(year, m, 1)
            if day <= end:
                months.append(Tick(round(_x(day, start, end), 1), f"{m:02d}/{year}"))
    return PersonTimeline(
        employee_id=employee_id,
        name=Employee.objects.filter(pk=employee_id).values_list("name", flat=True).first() or "",
        start=start,
        end=end,
        absences=lines,
        jobs=jobs,
        conversations=_conversations(employee_id),
        ticks=months,
        width=WIDTH,
        height=ROW * 2 + 24,
        sick_days=sum(a.working_days for a in lines if a.own_sickness),
    )


def _conversations(employee_id: str) -> list[ConversationLine]:
    held = Conversation.objects.filter(employee_id=employee_id).order_by("-held_on")[:50]
    return [
        ConversationLine(
            c.held_on, label(CONVERSATION_KIND, c.kind), c.note, c.companion, c.follow_up_on
        )
        for c in held
    ]
