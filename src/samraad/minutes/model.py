"""The structured meeting an agenda or minutes document turns into (spec/meetings.md)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Literal

Purpose = Literal["approval", "discussion", "orientation"]
PartKind = Literal["agenda", "minutes"]
JsonObject = dict[str, object]


@dataclass(frozen=True)
class Statement:
    """A paragraph of the minutes whose subject is a person speaking."""

    speaker: str
    text: str

    def to_dict(self) -> JsonObject:
        return {"speaker": self.speaker, "text": self.text}


@dataclass(frozen=True)
class Item:
    """One numbered agenda item, with each part's text (empty when that part is absent)."""

    number: int
    title: str
    purpose: Purpose | None
    agenda_text: str
    minutes_text: str
    statements: tuple[Statement, ...]
    decision: str | None

    def to_dict(self) -> JsonObject:
        return {
            "number": self.number,
            "title": self.title,
            "purpose": self.purpose,
            "agenda_text": self.agenda_text,
            "minutes_text": self.minutes_text,
            "statements": [statement.to_dict() for statement in self.statements],
            "decision": self.decision,
        }


@dataclass(frozen=True)
class Meeting:
    committee: str
    date: dt.date | None
    previous_meeting: dt.date | None
    parts: tuple[PartKind, ...]
    items: tuple[Item, ...]
    opening_statements: tuple[Statement, ...]

    @property
    def speakers(self) -> tuple[str, ...]:
        """Every statement's speaker, each once, in the order of first appearance."""
        statements = [*self.opening_statements]
        for item in self.items:
            statements.extend(item.statements)
        return tuple(dict.fromkeys(statement.speaker for statement in statements))

    def to_dict(self) -> JsonObject:
        """The spec's JSON object, as plain Python values."""
        return {
            "committee": self.committee,
            "date": _iso(self.date),
            "previous_meeting": _iso(self.previous_meeting),
            "parts": list(self.parts),
            "items": [item.to_dict() for item in self.items],
            "opening_statements": [s.to_dict() for s in self.opening_statements],
            "speakers": list(self.speakers),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
