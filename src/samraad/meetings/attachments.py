"""Attachments (bilag) of agenda items: stored in the database with their SHA-256, each
upload of a name already there a new version; a note attached is rendered as PDF then."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max

from samraad.documents import to_pdf
from samraad.meetings.models import AgendaItem, Attachment, Note
from samraad.meetings.notepaper import note_document
from samraad.meetings.notes import note_paper


class AttachmentError(Exception):
    pass


def clean_name(name: str) -> str:
    """The file's own name, without any folder a browser may send."""
    cleaned = PurePath(name.replace("\\", "/")).name.strip()
    if not cleaned or cleaned in (".", ".."):
        raise AttachmentError("Filen har intet navn.")
    return cleaned[:255]


@transaction.atomic
def add_attachment(
    item: AgendaItem,
    name: str,
    content: bytes,
    content_type: str,
    user: User | None,
    note: Note | None = None,
) -> Attachment:
    if not content:
        raise AttachmentError("Filen er tom.")
    name = clean_name(name)
    last = item.attachments.filter(name=name).aggregate(v=Max("version"))["v"] or 0
    return Attachment.objects.create(
        item=item,
        name=name,
        version=last + 1,
        content=content,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content_type=content_type or "application/octet-stream",
        uploaded_by=user,
        note=note,
    )


def attach_note(item: AgendaItem, note: Note, user: User | None) -> Attachment:
    """The note as it reads now, as a PDF attachment (a later edit is a new version)."""
    pdf = to_pdf(note_document(note_paper(note)))
    name = f"Notat - {note.title[:200].replace('/', '-')}.pdf"
    return add_attachment(item, name, pdf, "application/pdf", user, note)
