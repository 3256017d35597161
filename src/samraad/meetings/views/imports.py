"""Importing an existing agenda or minutes document on the page: read as `samraad
meetings import` reads it (samraad.minutes), shown for the secretary to correct, stored
only when saved. A file that cannot be read gets the reader's message; nothing is stored."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samraad.clock import today
from samraad.meetings.access import CommitteeAccess, require_secretary
from samraad.meetings.forms import ImportForm
from samraad.meetings.review import (
    ReviewError,
    corrected,
    meeting_from_dict,
    statements_text,
    summary_text,
)
from samraad.meetings.store import StoreError, store_meeting
from samraad.minutes import Meeting, MinutesError, read_meeting
from samraad.vocabulary import AGENDA_PURPOSE

SALT = "samraad.meetings.import"


@dataclass(frozen=True)
class ReviewItem:
    number: int
    title: str
    purpose: str
    agenda_text: str
    minutes_text: str
    statements: str
    decision: str
    keep: bool


@dataclass(frozen=True)
class Review:
    access: CommitteeAccess
    file: str
    parsed: str  # the parsed meeting, signed, for the save step
    date: dt.date | None
    document_date: dt.date | None
    parts: str
    items: list[ReviewItem]
    purposes: list[tuple[str, str]]


def _review(
    access: CommitteeAccess,
    parsed: Meeting,
    file: str,
    date: dt.date | None,
    posted: Mapping[str, str] | None = None,
) -> Review:
    """The review form, with what the secretary posted when the form comes back."""

    def value(number: int, field: str, parsed_value: str) -> str:
        return parsed_value if posted is None else posted.get(f"item-{number}-{field}", "")

    return Review(
        access=access,
        file=file,
        parsed=signing.dumps({"file": file, "meeting": parsed.to_dict()}, salt=SALT, compress=True),
        date=date or parsed.date,
        document_date=parsed.date,
        parts=", ".join(parsed.parts),
        items=[
            ReviewItem(
                i.number,
                value(i.number, "title", i.title),
                value(i.number, "purpose", i.purpose or ""),
                value(i.number, "agenda_text", i.agenda_text),
                value(i.number, "minutes_text", summary_text(i)),
                value(i.number, "statements", statements_text(i.statements)),
                value(i.number, "decision", i.decision or ""),
                bool(value(i.number, "keep", "on")),
            )
            for i in parsed.items
        ],
        purposes=[(t.code, t.da) for t in AGENDA_PURPOSE if t.code != "theme_discussion"],
    )


def read_upload(upload: object, committee: str) -> Meeting:
    """The uploaded file read by samraad.minutes (which tells the format by its bytes)."""
    name = PurePath(getattr(upload, "name", "") or "upload").name
    with tempfile.TemporaryDirectory(prefix="samraad-minutes-") as scratch:
        path = Path(scratch) / name
        with path.open("wb") as out:
            for chunk in upload.chunks():  # type: ignore[attr-defined]
                out.write(chunk)
        try:
            return read_meeting(path, committee)
        except MinutesError as exc:
            raise MinutesError(name, exc.message) from None


@login_required
def upload(request: HttpRequest, code: str) -> HttpResponse:
    access = require_secretary(request.user, code, today())
    if request.method == "POST" and "parsed" in request.POST:
        return _save(request, access)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            parsed = read_upload(upload_file, code)
        except MinutesError as exc:
            form.add_error("file", str(exc))
        else:
            date = form.cleaned_data["date"]
            if parsed.date and date and parsed.date != date:
                form.add_error("date", _("The document is dated %(date)s.") % {"date": parsed.date})
            else:
                review = _review(access, parsed, PurePath(upload_file.name or "").name, date)
                return render(request, "meetings/import_review.html", {"review": review})
    status = 400 if form.errors else 200
    return render(request, "meetings/import.html", {"access": access, "form": form}, status=status)


def _save(request: HttpRequest, access: CommitteeAccess) -> HttpResponse:
    try:
        carried = signing.loads(request.POST["parsed"], salt=SALT)
    except signing.BadSignature:
        messages.error(request, _("The import form was changed outside Samråd: start again."))
        return redirect("meetings:import", code=access.committee.code)
    parsed = meeting_from_dict(carried["meeting"])
    date_text = request.POST.get("date", "")
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        date = None
    try:
        if date is None:
            raise ReviewError(_("Give the meeting's date."))
        meeting = store_meeting(
            corrected(parsed, request.POST), access.committee.code, date, carried["file"]
        )
    except (ReviewError, StoreError) as exc:
        review = _review(access, parsed, carried["file"], date, request.POST)
        context = {"review": review, "error": str(exc)}
        return render(request, "meetings/import_review.html", context, status=400)
    messages.success(request, _("The meeting is imported."))
    return redirect("meetings:meeting", pk=meeting.pk)
