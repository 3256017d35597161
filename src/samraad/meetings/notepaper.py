"""A note (notat) in the CSO's template (seed 004): the letterhead's case and document
numbers, then Resumé, Indstilling, Sagsfremstilling, Økonomi, Videre proces and Bilag.
Pure: the document is made here, rendered by samraad.documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samraad.documents import Block, Document, Heading
from samraad.documents.model import Language
from samraad.meetings.papers import text_blocks

# The template's reference fields and sections, in its order (seed 004).
REFERENCES = {
    "da": ("Sagsnummer i F2", "Dokumentnummer i F2", "Sagsnummer eDoc"),
    "en": ("Case number in F2", "Document number in F2", "Case number in eDoc"),
}
SECTIONS = {
    "da": ("Resumé", "Indstilling", "Sagsfremstilling", "Økonomi", "Videre proces", "Bilag"),
    "en": ("Summary", "Recommendation", "Case", "Finances", "Next steps", "Attachments"),
}
KIND = {"da": "Notat", "en": "Note"}


@dataclass(frozen=True)
class NotePaper:
    title: str
    recipient: str  # "Til CSO"
    date: dt.date
    case_number_f2: str = ""
    document_number_f2: str = ""
    case_number_edoc: str = ""
    summary: str = ""
    recommendation: str = ""
    presentation: str = ""  # sagsfremstilling; "## " starts a sub-heading
    finances: str = ""
    next_steps: str = ""
    attachments: str = ""
    sender: tuple[str, ...] = ()

    @property
    def sections(self) -> tuple[str, ...]:
        return (
            self.summary,
            self.recommendation,
            self.presentation,
            self.finances,
            self.next_steps,
            self.attachments,
        )


def note_document(note: NotePaper, language: Language = "da") -> Document:
    """Empty reference fields are left out; an empty section keeps its heading and says
    nothing (the template's sections are always there)."""
    numbers = (note.case_number_f2, note.document_number_f2, note.case_number_edoc)
    blocks: list[Block] = []
    for heading, text in zip(SECTIONS[language], note.sections, strict=True):
        blocks.append(Heading(heading, level=1))
        blocks.extend(text_blocks(text, heading_level=2))
    return Document(
        kind=KIND[language],
        title=note.title,
        language=language,
        recipient=note.recipient,
        date=note.date,
        references=tuple(
            (label, value.strip())
            for label, value in zip(REFERENCES[language], numbers, strict=True)
            if value.strip()
        ),
        sender=note.sender,
        blocks=tuple(blocks),
    )
