"""Published minutes, as the municipality publishes them today: no login, the approved
version only (as frozen), never a closed item, never a draft or an agenda."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from samraad.committees.models import Committee
from samraad.labels import label
from samraad.meetings.access import PUBLISHED_LEVELS, published_committee
from samraad.meetings.models import Meeting, MinutesVersion
from samraad.meetings.papers import Paper, minutes_document
from samraad.meetings.views.papers import file_response
from samraad.vocabulary import APPROVAL_METHOD


@dataclass(frozen=True)
class PublishedCommittee:
    committee: Committee
    meetings: int


def committees(request: HttpRequest) -> HttpResponse:
    found = (
        Committee.objects.filter(level__in=PUBLISHED_LEVELS)
        .annotate(n=Count("meeting_series__meetings__versions__meeting", distinct=True))
        .order_by("level", "name")
    )
    rows = [PublishedCommittee(c, c.n) for c in found]
    return render(request, "meetings/public_committees.html", {"rows": rows})


def committee(request: HttpRequest, code: str) -> HttpResponse:
    found = published_committee(code)
    meetings = (
        Meeting.objects.filter(series__committee=found, versions__isnull=False)
        .annotate(version=Max("versions__number"))
        .order_by("-date")
    )
    context = {"committee": found, "meetings": meetings}
    return render(request, "meetings/public_committee.html", context)


def _published(pk: int) -> tuple[Meeting, MinutesVersion, Paper]:
    meeting = get_object_or_404(Meeting.objects.select_related("series__committee"), pk=pk)
    published_committee(meeting.committee_id)
    version = meeting.versions.order_by("-number").first()
    if version is None:
        raise Http404("no approved minutes")
    return meeting, version, Paper.from_dict(version.content).without_closed_items()


def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, version, paper = _published(pk)
    context = {
        "meeting": meeting,
        "version": version,
        "method": label(APPROVAL_METHOD, version.method),
        "paper": paper,
    }
    return render(request, "meetings/public_minutes.html", context)


def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, _version, paper = _published(pk)
    name = f"Referat {meeting.committee_id} {meeting.date.isoformat()}"
    return file_response(minutes_document(paper), name, "pdf")
