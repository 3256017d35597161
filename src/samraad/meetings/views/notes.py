"""Notes (notat, seed 004): written in the app by the secretary, read by the members,
exported as PDF and Word."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samraad.clock import today
from samraad.meetings.access import require_committee
from samraad.meetings.forms import NoteForm
from samraad.meetings.models import Note
from samraad.meetings.notepaper import note_document
from samraad.meetings.notes import note_paper
from samraad.meetings.views.common import secretary_only
from samraad.meetings.views.papers import file_response


@login_required
def notes(request: HttpRequest, code: str) -> HttpResponse:
    day = today()
    access = require_committee(request.user, code, day)
    form = NoteForm(initial={"date": day, "recipient": f"Til {code}"})
    if request.method == "POST":
        secretary_only(access)
        form = NoteForm(request.POST)
        if form.is_valid():
            note = form.save(commit=False)
            note.committee = access.committee
            note.save()
            messages.success(request, _("The note is saved."))
            return redirect("meetings:note", pk=note.pk)
    context = {
        "access": access,
        "notes": Note.objects.filter(committee=access.committee),
        "form": form if access.prepares else None,
    }
    return render(request, "meetings/notes.html", context, status=400 if form.errors else 200)


@login_required
def note(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Note, pk=pk)
    access = require_committee(request.user, found.committee_id, today())
    form = NoteForm(instance=found)
    if request.method == "POST":
        secretary_only(access)
        form = NoteForm(request.POST, instance=found)
        if form.is_valid():
            form.save()
            messages.success(request, _("The note is saved."))
            return redirect("meetings:note", pk=pk)
    context = {"access": access, "note": found, "form": form if access.prepares else None}
    return render(request, "meetings/note.html", context, status=400 if form.errors else 200)


@login_required
def note_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    found = get_object_or_404(Note, pk=pk)
    require_committee(request.user, found.committee_id, today())
    name = f"Notat {found.date.isoformat()} {found.title[:60]}"
    return file_response(note_document(note_paper(found)), name, kind)
