"""From a document's lines to the structured meeting (spec/meetings.md, Reading rules)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from samraad.minutes.dates import dates_in, first_date
from samraad.minutes.decisions import decision_of
from samraad.minutes.errors import MinutesError
from samraad.minutes.furniture import remove_furniture
from samraad.minutes.hyphens import hyphenated_words
from samraad.minutes.layout import Part, lay_out
from samraad.minutes.lines import clean, is_double_spaced, undouble
from samraad.minutes.model import Item, Meeting, PartKind
from samraad.minutes.paragraphs import paragraphs
from samraad.minutes.purpose import purpose_of
from samraad.minutes.source import Source
from samraad.minutes.statements import statements_of

NO_ITEM = 'holds no numbered item (a line such as "1) Godkendelse af referat")'
# The item that approves the previous meeting's minutes names that meeting's date.
MINUTES_APPROVAL = re.compile(r"\breferat", re.IGNORECASE)


@dataclass
class Texts:
    """One item's paragraphs, per part."""

    title: str
    agenda: list[str] = field(default_factory=list)
    minutes: list[str] = field(default_factory=list)


def parse_meeting(source: Source, committee: str = "") -> Meeting:
    pages = [[clean(line) for line in page] for page in source.pages]
    if is_double_spaced([line for page in pages for line in page]):
        pages = [undouble(page) for page in pages]
    cleaned = remove_furniture(pages)
    compounds = hyphenated_words(cleaned.lines)
    layout = lay_out(cleaned.lines, compounds)
    if not layout.parts:
        raise MinutesError(source.file, NO_ITEM)
    kinds = _part_kinds(layout.parts, compounds)
    texts = _item_texts(layout.parts, kinds, compounds)
    items = tuple(_item(number, texts[number], committee) for number in sorted(texts))
    front = [*paragraphs(layout.preamble, compounds)]
    for part in layout.parts:
        front.extend(paragraphs([part.heading, "", *part.preamble], compounds))
    return Meeting(
        committee=committee,
        date=first_date(front) or first_date(cleaned.furniture),
        previous_meeting=_previous_meeting(items),
        parts=tuple(dict.fromkeys(kinds)),
        items=items,
        opening_statements=tuple(s for text in front for s in statements_of(text)),
    )


def _part_kinds(parts: list[Part], compounds: frozenset[str]) -> list[PartKind]:
    """Each part's kind: its heading's, else told by the other part, else by its text."""
    known = [part.kind for part in parts]
    if len(parts) == 2 and known.count(None) == 1:
        other = known[1] if known[0] is None else known[0]
        missing: PartKind = "agenda" if other == "minutes" else "minutes"
        return [kind or missing for kind in known]
    if len(parts) == 2 and known == [None, None]:
        return ["agenda", "minutes"]
    return [kind or _kind_by_text(part, compounds) for part, kind in zip(parts, known, strict=True)]


def _kind_by_text(part: Part, compounds: frozenset[str]) -> PartKind:
    # Without a heading, text that records statements or decisions is the minutes.
    for section in part.items:
        text = paragraphs(section.body, compounds)
        if any(statements_of(p) for p in text) or decision_of("\n".join(text)):
            return "minutes"
    return "agenda"


def _item_texts(
    parts: list[Part], kinds: list[PartKind], compounds: frozenset[str]
) -> dict[int, Texts]:
    texts: dict[int, Texts] = {}
    for part, kind in zip(parts, kinds, strict=True):
        for section in part.items:
            entry = texts.setdefault(section.number, Texts(section.title))
            body = paragraphs(section.body, compounds)
            (entry.minutes if kind == "minutes" else entry.agenda).extend(body)
    return texts


def _item(number: int, texts: Texts, committee: str) -> Item:
    statements = tuple(s for text in texts.minutes for s in statements_of(text))
    minutes_text = "\n\n".join(texts.minutes)
    summary = texts.minutes[0] if texts.minutes and not statements_of(texts.minutes[0]) else ""
    agenda_text = "\n\n".join(texts.agenda)
    return Item(
        number=number,
        title=texts.title,
        purpose=purpose_of(texts.title, agenda_text, summary),
        agenda_text=agenda_text,
        minutes_text=minutes_text,
        statements=statements,
        decision=decision_of(minutes_text, committee),
    )


def _previous_meeting(items: tuple[Item, ...]) -> dt.date | None:
    for item in items:
        if MINUTES_APPROVAL.search(item.title):
            for text in (item.title, item.agenda_text, item.minutes_text):
                days = dates_in(text)
                if days:
                    return days[0]
            return None
    return None
