"""A meeting's papers as plain data, and the agenda and minutes documents made from them
(samraad.documents: PDF and Word in the municipal layout). Pure.

The same `Paper` feeds the pages, the documents and the frozen versions of approved
minutes (`to_dict`/`from_dict`: the version's JSON), so what was approved is printed
exactly as it was approved, whatever is edited later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, cast

from samraad.documents import (
    AgendaItem,
    Block,
    BulletList,
    Document,
    Heading,
    Paragraph,
    bold,
    paragraph,
)
from samraad.documents.formatting import format_date
from samraad.documents.model import Language, Purpose
from samraad.vocabulary import ACTION_STATUS

WORDS = {
    "da": {
        "agenda": "Dagsorden",
        "minutes": "Referat",
        "meeting": "Møde i {committee}",
        "to": "Til {committee}",
        "when": "Tid og sted",
        "online": "Online",
        "recommendation": "Indstilling",
        "statements": "Drøftelse",
        "actions": "Aftalte handlinger",
        "owner": "ansvarlig",
        "due": "frist",
        "attendees": "Deltagere",
    },
    "en": {
        "agenda": "Agenda",
        "minutes": "Minutes",
        "meeting": "Meeting of {committee}",
        "to": "To {committee}",
        "when": "Time and place",
        "online": "Online",
        "recommendation": "Recommendation",
        "statements": "Discussion",
        "actions": "Actions agreed",
        "owner": "owner",
        "due": "due",
        "attendees": "Attendees",
    },
}


@dataclass(frozen=True)
class PaperStatement:
    speaker: str
    text: str


@dataclass(frozen=True)
class PaperAction:
    title: str
    owner: str
    due: dt.date | None
    status: str


@dataclass(frozen=True)
class PaperItem:
    number: int
    title: str
    purpose: str | None = None
    text: str = ""  # the agenda's text, as sent out
    recommendation: str = ""
    presenters: str = ""
    closed: bool = False
    attachments: tuple[str, ...] = ()
    minutes_text: str = ""
    statements: tuple[PaperStatement, ...] = ()
    decision: str = ""
    actions: tuple[PaperAction, ...] = ()


@dataclass(frozen=True)
class Paper:
    committee: str  # its code
    committee_name: str
    date: dt.date
    start: dt.time | None = None
    place: str = ""
    online: bool = False
    attendees: tuple[str, ...] = ()
    items: tuple[PaperItem, ...] = ()

    def without_closed_items(self) -> Paper:
        """What may be published: closed items left out (never their titles either)."""
        return replace(self, items=tuple(item for item in self.items if not item.closed))

    def to_dict(self) -> dict[str, Any]:
        return {
            "committee": self.committee,
            "committee_name": self.committee_name,
            "date": self.date.isoformat(),
            "start": self.start.isoformat(timespec="minutes") if self.start else None,
            "place": self.place,
            "online": self.online,
            "attendees": list(self.attendees),
            "items": [_item_dict(item) for item in self.items],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paper:
        return cls(
            committee=data["committee"],
            committee_name=data["committee_name"],
            date=dt.date.fromisoformat(data["date"]),
            start=dt.time.fromisoformat(data["start"]) if data["start"] else None,
            place=data["place"],
            online=data["online"],
            attendees=tuple(data["attendees"]),
            items=tuple(_item_from(item) for item in data["items"]),
        )


def _item_dict(item: PaperItem) -> dict[str, Any]:
    return {
        "number": item.number,
        "title": item.title,
        "purpose": item.purpose,
        "text": item.text,
        "recommendation": item.recommendation,
        "presenters": item.presenters,
        "closed": item.closed,
        "attachments": list(item.attachments),
        "minutes_text": item.minutes_text,
        "statements": [{"speaker": s.speaker, "text": s.text} for s in item.statements],
        "decision": item.decision,
        "actions": [
            {
                "title": a.title,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
            }
            for a in item.actions
        ],
    }


def _item_from(data: dict[str, Any]) -> PaperItem:
    return PaperItem(
        number=data["number"],
        title=data["title"],
        purpose=data["purpose"],
        text=data["text"],
        recommendation=data["recommendation"],
        presenters=data["presenters"],
        closed=data["closed"],
        attachments=tuple(data["attachments"]),
        minutes_text=data["minutes_text"],
        statements=tuple(PaperStatement(s["speaker"], s["text"]) for s in data["statements"]),
        decision=data["decision"],
        actions=tuple(
            PaperAction(
                a["title"],
                a["owner"],
                dt.date.fromisoformat(a["due"]) if a["due"] else None,
                a["status"],
            )
            for a in data["actions"]
        ),
    )


def text_blocks(text: str, heading_level: int = 3) -> tuple[Block, ...]:
    """Plain text as blocks: a blank line ends a paragraph, lines starting "- " are a
    bulleted list, a paragraph starting "## " is a heading (the note's sub-headings)."""
    blocks: list[Block] = []
    for chunk in (c.strip() for c in text.replace("\r\n", "\n").split("\n\n")):
        if not chunk:
            continue
        lines = chunk.split("\n")
        if chunk.startswith("## "):
            blocks.append(Heading(" ".join(lines)[3:].strip(), level=heading_level))
        elif all(line.startswith("- ") for line in lines):
            blocks.append(BulletList(tuple(paragraph(line[2:].strip()) for line in lines)))
        else:
            blocks.append(paragraph(" ".join(line.strip() for line in lines)))
    return tuple(blocks)


def _purpose(code: str | None) -> Purpose | None:
    known = ("approval", "discussion", "theme_discussion", "orientation")
    return cast(Purpose, code) if code in known else None


def _when(paper: Paper, language: Language) -> str:
    words = WORDS[language]
    parts = [format_date(paper.date, language)]
    if paper.start is not None:
        parts.append(paper.start.strftime("%H.%M" if language == "da" else "%H:%M"))
    place = ", ".join(p for p in (paper.place, words["online"] if paper.online else "") if p)
    if place:
        parts.append(place)
    return ", ".join(parts)


def _document(paper: Paper, kind: str, blocks: tuple[Block, ...], language: Language) -> Document:
    words = WORDS[language]
    return Document(
        kind=words[kind],
        title=words["meeting"].format(committee=paper.committee_name),
        language=language,
        recipient=words["to"].format(committee=paper.committee),
        subtitle=f"{words['when']}: {_when(paper, language)}",
        date=paper.date,
        sender=(paper.committee_name,),
        blocks=blocks,
    )


def agenda_document(paper: Paper, language: Language = "da") -> Document:
    """The agenda as sent out: each item's purpose, presenters, text, recommendation and
    attachments. Publishing it: `documents.without_closed_items` first."""
    words = WORDS[language]
    items: list[Block] = []
    for item in paper.items:
        body = list(text_blocks(item.text))
        if item.recommendation.strip():
            body.append(Heading(words["recommendation"], level=3))
            body.extend(text_blocks(item.recommendation))
        items.append(
            AgendaItem(
                number=item.number,
                title=item.title,
                purpose=_purpose(item.purpose),
                presenter=item.presenters,
                body=tuple(body),
                attachments=item.attachments,
                closed=item.closed,
            )
        )
    return _document(paper, "agenda", tuple(items), language)


def minutes_document(paper: Paper, language: Language = "da") -> Document:
    """The minutes: each item's summary, statements, agreed actions and decision."""
    words = WORDS[language]
    blocks: list[Block] = []
    if paper.attendees:
        blocks.append(Heading(words["attendees"], level=2))
        blocks.append(Paragraph((", ".join(paper.attendees),)))
    for item in paper.items:
        body = list(text_blocks(item.minutes_text))
        body.extend(paragraph(s.text) for s in item.statements)
        if item.actions:
            body.append(Heading(words["actions"], level=3))
            body.append(BulletList(tuple(_action_line(a, language) for a in item.actions)))
        blocks.append(
            AgendaItem(
                number=item.number,
                title=item.title,
                purpose=_purpose(item.purpose),
                body=tuple(body),
                decision=item.decision,
                closed=item.closed,
            )
        )
    return _document(paper, "minutes", tuple(blocks), language)


def _action_line(action: PaperAction, language: Language) -> Paragraph:
    words = WORDS[language]
    details = [ACTION_STATUS.label(action.status, language).lower()]
    if action.owner:
        details.insert(0, f"{words['owner']}: {action.owner}")
    if action.due is not None:
        details.insert(
            1 if action.owner else 0, f"{words['due']}: {format_date(action.due, language)}"
        )
    return paragraph(bold(action.title), f" ({', '.join(details)})")
