"""Notes (notat) as the document layer sees them."""

from __future__ import annotations

from samraad.meetings.models import Note
from samraad.meetings.notepaper import NotePaper


def note_paper(note: Note) -> NotePaper:
    return NotePaper(
        title=note.title,
        recipient=note.recipient,
        date=note.date,
        case_number_f2=note.case_number_f2,
        document_number_f2=note.document_number_f2,
        case_number_edoc=note.case_number_edoc,
        summary=note.summary,
        recommendation=note.recommendation,
        presentation=note.presentation,
        finances=note.finances,
        next_steps=note.next_steps,
        attachments=note.attachments,
        sender=tuple(line.strip() for line in note.sender.splitlines() if line.strip()),
    )
