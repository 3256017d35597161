"""Storing an imported agenda or minutes document (samraad.minutes) as a meeting of a
committee: `samraad meetings import` and the upload page both end here.

An imported meeting's minutes were approved before they were filed, so they are stored
approved and frozen as version 1 (method "imported"); an agenda without minutes is a
published agenda with draft (empty) minutes. Statements whose speaker is a member seated
on the day are linked to that member; others keep the name as written.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from samraad.committees.models import Committee
from samraad.meetings import search
from samraad.meetings.agenda import series_of
from samraad.meetings.approval import freeze
from samraad.meetings.content import paper_of
from samraad.meetings.models import AgendaItem, Meeting, Statement
from samraad.meetings.recording import members_on
from samraad.meetings.review import summary_text
from samraad.minutes import Meeting as ParsedMeeting


class StoreError(Exception):
    """The meeting cannot be stored; nothing was."""


@transaction.atomic
def store_meeting(
    parsed: ParsedMeeting, committee_code: str, date: dt.date, source: str = ""
) -> Meeting:
    committee = Committee.objects.filter(code=committee_code).first()
    if committee is None:
        raise StoreError(f"no committee with the code {committee_code!r}")
    if not parsed.items:
        raise StoreError("the document holds no numbered item: nothing to store")
    if Meeting.objects.filter(series__committee=committee, date=date).exists():
        raise StoreError(f"{committee_code} already has a meeting on {date.isoformat()}")
    meeting = Meeting.objects.create(
        series=series_of(committee, date.year),
        date=date,
        agenda_published_on=date if "agenda" in parsed.parts else None,
        imported_from=source[:300],
    )
    members = {m.name: m for m in members_on(committee.code, date)}
    for parsed_item in parsed.items:
        item = AgendaItem.objects.create(
            meeting=meeting,
            number=parsed_item.number,
            title=parsed_item.title[:500],
            purpose=parsed_item.purpose or "",
            text=parsed_item.agenda_text,
            minutes_text=summary_text(parsed_item),
            decision=parsed_item.decision or "",
            origin="imported",
        )
        Statement.objects.bulk_create(
            Statement(
                item=item,
                order=order,
                member=members.get(statement.speaker),
                speaker=statement.speaker[:200],
                text=statement.text,
            )
            for order, statement in enumerate(parsed_item.statements, start=1)
        )
    if "minutes" in parsed.parts:
        freeze(meeting, paper_of(meeting, closed=True).to_dict(), "imported", date)
    search.meeting_changed(meeting)  # the statements were written in bulk
    return meeting
