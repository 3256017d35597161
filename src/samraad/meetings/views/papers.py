"""The meeting's papers as PDF and Word: the agenda, and the minutes (the current draft,
or an approved version as frozen: `?version=N`). Members get closed items, guests not."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from samraad.documents import Document, to_docx, to_pdf
from samraad.meetings.content import paper_of
from samraad.meetings.models import Meeting
from samraad.meetings.papers import Paper, agenda_document, minutes_document
from samraad.meetings.views.common import audit_closed, meeting_for

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_response(document: Document, name: str, kind: str) -> HttpResponse:
    content, mime = (to_pdf(document), PDF) if kind == "pdf" else (to_docx(document), DOCX)
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.{kind}")
    return response


def file_name(meeting: Meeting, what: str) -> str:
    return f"{what} {meeting.committee_id} {meeting.date.isoformat()}"


@login_required
def agenda_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    meeting, access = meeting_for(request, pk)
    paper = paper_of(meeting, closed=access.sees_closed)
    if any(item.closed for item in paper.items):
        audit_closed(request, "meetings:agenda_file", access, export=True)
    return file_response(agenda_document(paper), file_name(meeting, "Dagsorden"), kind)


@login_required
def minutes_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    meeting, access = meeting_for(request, pk)
    number = request.GET.get("version", "")
    if number:
        version = meeting.versions.filter(number=int(number) if number.isdigit() else 0).first()
        if version is None:
            raise Http404("no such version")
        paper = Paper.from_dict(version.content)
        if not access.sees_closed:
            paper = paper.without_closed_items()
    else:
        paper = paper_of(meeting, closed=access.sees_closed)
    if any(item.closed for item in paper.items):
        audit_closed(request, "meetings:minutes_file", access, export=True)
    return file_response(minutes_document(paper), file_name(meeting, "Referat"), kind)
