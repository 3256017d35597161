"""The import's correction step: the parsed meeting as editable text and back. Pure.

Statements are edited as paragraphs, one statement each, "Name: what was said" (the
name before the first colon); a paragraph without a name and a colon is an error that
names the item and the statement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from samraad.minutes import Item, Meeting, Statement

PURPOSES = ("approval", "discussion", "orientation")
SPEAKER = re.compile(r"([^:\n]{2,200}):\s+(.+)", re.S)


class ReviewError(ValueError):
    """What is wrong in the corrected form, where (item and field)."""


def statements_text(statements: tuple[Statement, ...]) -> str:
    return "\n\n".join(f"{s.speaker}: {s.text}" for s in statements)


def parse_statements(text: str, number: int) -> tuple[Statement, ...]:
    statements = []
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    for n, chunk in enumerate(paragraphs, start=1):
        found = SPEAKER.fullmatch(chunk)
        if found is None:
            raise ReviewError(
                f"Punkt {number}, udtalelse {n}: skriv talerens navn, et kolon og udtalelsen "
                f"(fx »Lene Munck: Lene Munck fortalte, at …«)."
            )
        statements.append(Statement(found[1].strip(), " ".join(found[2].split())))
    return tuple(statements)


def corrected(parsed: Meeting, fields: Mapping[str, str]) -> Meeting:
    """The parsed meeting with the form's fields (`item-N-…`); items whose `keep` box is
    unticked are left out. At least one item must stay."""
    items = []
    for item in parsed.items:
        prefix = f"item-{item.number}-"
        if not fields.get(prefix + "keep"):
            continue
        title = fields.get(prefix + "title", "").strip()
        if not title:
            raise ReviewError(f"Punkt {item.number}: titlen mangler.")
        purpose = fields.get(prefix + "purpose") or None
        if purpose is not None and purpose not in PURPOSES:
            raise ReviewError(f"Punkt {item.number}: ukendt formål {purpose!r}.")
        items.append(
            Item(
                number=item.number,
                title=title,
                purpose=purpose,  # type: ignore[arg-type]
                agenda_text=fields.get(prefix + "agenda_text", "").strip(),
                minutes_text=fields.get(prefix + "minutes_text", "").strip(),
                statements=parse_statements(fields.get(prefix + "statements", ""), item.number),
                decision=fields.get(prefix + "decision", "").strip() or None,
            )
        )
    if not items:
        raise ReviewError("Mindst ét punkt skal med.")
    return Meeting(
        committee=parsed.committee,
        date=parsed.date,
        previous_meeting=parsed.previous_meeting,
        parts=parsed.parts,
        items=tuple(items),
        opening_statements=parsed.opening_statements,
    )


def summary_text(item: Item) -> str:
    """The item's minutes text less the paragraphs that are statements (they are kept as
    statements, in order): what remains is the committee's own summary."""
    statements = {s.text for s in item.statements}
    return "\n\n".join(p for p in item.minutes_text.split("\n\n") if p not in statements)


def _day(text: object) -> dt.date | None:
    return dt.date.fromisoformat(str(text)) if text else None


def _statements(rows: Any) -> tuple[Statement, ...]:
    return tuple(Statement(row["speaker"], row["text"]) for row in rows)


def meeting_from_dict(data: Mapping[str, Any]) -> Meeting:
    """The spec's JSON object (`Meeting.to_dict()`) back as a Meeting."""
    return Meeting(
        committee=data["committee"],
        date=_day(data["date"]),
        previous_meeting=_day(data["previous_meeting"]),
        parts=tuple(data["parts"]),
        items=tuple(
            Item(
                number=int(item["number"]),
                title=item["title"],
                purpose=item["purpose"],
                agenda_text=item["agenda_text"],
                minutes_text=item["minutes_text"],
                statements=_statements(item["statements"]),
                decision=item["decision"],
            )
            for item in data["items"]
        ),
        opening_statements=_statements(data["opening_statements"]),
    )
