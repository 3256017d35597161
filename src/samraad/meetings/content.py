"""A meeting's papers read from the database as a `papers.Paper`, and the approved
version as it was frozen."""

from __future__ import annotations

from django.db.models import Prefetch

from samraad.meetings.models import AgendaItem, Attachment, Meeting, MinutesVersion
from samraad.meetings.papers import Paper, PaperAction, PaperItem, PaperStatement


def latest_attachments(item: AgendaItem) -> list[Attachment]:
    """Each attachment's newest version, by name (the item's attachments prefetched)."""
    newest: dict[str, Attachment] = {}
    for attachment in item.attachments.all():
        if attachment.name not in newest or attachment.version > newest[attachment.name].version:
            newest[attachment.name] = attachment
    return sorted(newest.values(), key=lambda a: a.name)


def items_of(meeting: Meeting) -> list[AgendaItem]:
    return list(
        meeting.items.prefetch_related(
            "statements",
            "actions",
            Prefetch("attachments", queryset=Attachment.objects.defer("content")),
        )
    )


def paper_of(meeting: Meeting, *, closed: bool) -> Paper:
    """The meeting's current papers; without closed items unless `closed`."""
    committee = meeting.series.committee
    items = [item for item in items_of(meeting) if closed or not item.closed]
    return Paper(
        committee=committee.code,
        committee_name=committee.name,
        date=meeting.date,
        start=meeting.start,
        place=meeting.place,
        online=meeting.online,
        items=tuple(_paper_item(item) for item in items),
    )


def _paper_item(item: AgendaItem) -> PaperItem:
    return PaperItem(
        number=item.number,
        title=item.title,
        purpose=item.purpose or None,
        text=item.text,
        recommendation=item.recommendation,
        presenters=item.presenters,
        closed=item.closed,
        attachments=tuple(a.name for a in latest_attachments(item)),
        minutes_text=item.minutes_text,
        statements=tuple(PaperStatement(s.speaker, s.text) for s in item.statements.all()),
        decision=item.decision,
        actions=tuple(PaperAction(a.title, a.owner, a.due, a.status) for a in item.actions.all()),
    )


def approved_version(meeting: Meeting) -> MinutesVersion | None:
    return meeting.versions.order_by("-number").first()


def approved_paper(meeting: Meeting, *, closed: bool) -> Paper | None:
    """The latest approved minutes as frozen, or None when none is approved."""
    version = approved_version(meeting)
    if version is None:
        return None
    paper = Paper.from_dict(version.content)
    return paper if closed else paper.without_closed_items()
