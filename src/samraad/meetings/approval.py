"""Approving minutes: at the next meeting (the chair or vice-chair signs off) or in
written procedure (meetings/procedure.py decides). Approval freezes the minutes as a
numbered version (MinutesVersion); a later change makes a new draft, approved as the
next version, and the earlier version stays as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q

from samraad.committees.models import Member
from samraad.meetings import procedure
from samraad.meetings.access import VOTES
from samraad.meetings.content import paper_of
from samraad.meetings.models import (
    Meeting,
    MinutesVersion,
    ProcedureAnswer,
    ProcedureMail,
    WrittenProcedure,
)
from samraad.vocabulary import MinutesStatus


class ApprovalError(Exception):
    """An approval step that cannot be taken now; the message says why (Danish)."""


def digest(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def freeze(
    meeting: Meeting,
    content: dict[str, Any],
    method: str,
    approved_on: dt.date,
    user: User | None = None,
    name: str = "",
) -> MinutesVersion:
    number = meeting.versions.count() + 1
    version = MinutesVersion.objects.create(
        meeting=meeting,
        number=number,
        content=content,
        sha256=digest(content),
        approved_on=approved_on,
        method=method,
        approved_by=user,
        approved_by_name=name,
    )
    meeting.minutes_status = MinutesStatus.APPROVED
    meeting.save(update_fields=["minutes_status"])
    return version


def reopen(meeting: Meeting) -> None:
    """A change to approved minutes: they are a draft again (of the next version)."""
    if meeting.minutes_status == MinutesStatus.WRITTEN_PROCEDURE:
        raise ApprovalError("Referatet er i skriftlig proces. Træk processen tilbage først.")
    if meeting.minutes_status != MinutesStatus.DRAFT:
        meeting.minutes_status = MinutesStatus.DRAFT
        meeting.save(update_fields=["minutes_status"])


def voters(meeting: Meeting, on: dt.date) -> list[Member]:
    """The members who answer in written procedure: chair, vice-chair and members
    seated on the day (not the secretary, not guests)."""
    return list(
        Member.objects.filter(committee_id=meeting.committee_id, role__in=VOTES)
        .filter(valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .select_related("user")
    )


def open_procedure(meeting: Meeting) -> WrittenProcedure | None:
    return meeting.procedures.filter(state="open").first()


@transaction.atomic
def start_procedure(
    meeting: Meeting, deadline: dt.date, user: User | None, today: dt.date
) -> WrittenProcedure:
    """Send the draft minutes to the voting members with a deadline; mail each one."""
    if meeting.minutes_status in (MinutesStatus.WRITTEN_PROCEDURE, MinutesStatus.APPROVED):
        raise ApprovalError("Referatet er allerede i skriftlig proces eller godkendt.")
    if deadline < today:
        raise ApprovalError("Fristen kan ikke ligge før i dag.")
    if not meeting.items.exists():
        raise ApprovalError("Mødet har ingen punkter.")
    started = WrittenProcedure.objects.create(
        meeting=meeting,
        content=paper_of(meeting, closed=True).to_dict(),
        started_on=today,
        deadline=deadline,
        started_by=user,
    )
    ProcedureMail.objects.bulk_create(
        ProcedureMail(procedure=started, member=member, recipient=member.user.email)
        for member in voters(meeting, today)
        if member.user is not None and member.user.email
    )
    meeting.minutes_status = MinutesStatus.WRITTEN_PROCEDURE
    meeting.save(update_fields=["minutes_status"])
    return started


def state_of(started: WrittenProcedure, today: dt.date) -> procedure.Outcome:
    members = voters(started.meeting, started.started_on)
    answers = [
        procedure.Answer(str(a.member_id), a.answer, a.answered_on)  # type: ignore[arg-type]
        for a in started.answers.all()
    ]
    return procedure.outcome([str(m.pk) for m in members], answers, started.deadline, today)


@transaction.atomic
def answer(
    started: WrittenProcedure,
    member: Member,
    user: User,
    kind: str,
    comment: str,
    today: dt.date,
) -> WrittenProcedure:
    if started.state != "open" or today > started.deadline:
        raise ApprovalError("Fristen for den skriftlige proces er udløbet.")
    if member.pk not in {m.pk for m in voters(started.meeting, started.started_on)}:
        raise ApprovalError("Du deltager ikke i denne skriftlige proces.")
    if kind == "object" and not comment.strip():
        raise ApprovalError("Skriv, hvad indsigelsen går ud på.")
    ProcedureAnswer.objects.create(
        procedure=started,
        member=member,
        user=user,
        answer=kind,
        comment=comment.strip(),
        answered_on=today,
    )
    return conclude(started, today)


@transaction.atomic
def conclude(started: WrittenProcedure, today: dt.date) -> WrittenProcedure:
    """Close the procedure if its outcome is settled on the day; idempotent."""
    started = WrittenProcedure.objects.select_for_update().get(pk=started.pk)
    if started.state != "open":
        return started
    result = state_of(started, today)
    if result.state == "open":
        return started
    meeting = started.meeting
    started.state, started.closed_on = result.state, today
    started.save(update_fields=["state", "closed_on"])
    if result.state == "approved" and result.approved_on is not None:
        freeze(meeting, started.content, "written_procedure", result.approved_on)
    else:
        meeting.minutes_status = MinutesStatus.OBJECTED
        meeting.save(update_fields=["minutes_status"])
    return started


@transaction.atomic
def withdraw(meeting: Meeting, today: dt.date) -> None:
    started = open_procedure(meeting)
    if started is None:
        raise ApprovalError("Referatet er ikke i skriftlig proces.")
    started.state, started.closed_on = "withdrawn", today
    started.save(update_fields=["state", "closed_on"])
    ProcedureMail.objects.filter(procedure=started, claimed_at__isnull=True).delete()
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.save(update_fields=["minutes_status"])


@transaction.atomic
def sign_off(meeting: Meeting, user: User, name: str, today: dt.date) -> MinutesVersion:
    """The chair or vice-chair records that the committee approved the minutes at a
    meeting (usually the next one's item 1)."""
    if meeting.minutes_status == MinutesStatus.WRITTEN_PROCEDURE:
        raise ApprovalError(
            "Referatet er i skriftlig proces. Afvent fristen eller træk den tilbage."
        )
    if meeting.minutes_status == MinutesStatus.APPROVED:
        raise ApprovalError("Referatet er allerede godkendt.")
    if meeting.date > today:
        raise ApprovalError("Mødet er ikke holdt endnu.")
    content = paper_of(meeting, closed=True).to_dict()
    return freeze(meeting, content, "meeting", today, user, name)


def conclude_due(today: dt.date) -> tuple[int, int]:
    """Close every open procedure whose outcome is settled (run-daily): (approved,
    objected). Running it twice changes nothing the second time."""
    approved = objected = 0
    for started in WrittenProcedure.objects.filter(state="open").select_related("meeting"):
        state = conclude(started, today).state
        approved += state == "approved"
        objected += state == "objected"
    return approved, objected
