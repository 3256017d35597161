"""The administrations' measures compiled into one document laid out like seed 003
("Bilag 2: Forvaltningernes tiltag til nedbringelse af sygefravær pr. april 2026").

Pure: plain data in, a `samraad.documents.Document` out. The layout, from the seed:
- the letterhead: the day, the sender (Koncern HR, Koncernservice / Økonomiforvaltningen);
- the title "Bilag 2: Forvaltningernes tiltag til nedbringelse af sygefravær pr. <month year>";
- first the municipality's common measures ("Fælles tiltag og tilbud i <municipality>"),
  then each administration under its name as a heading, in alphabetical order (the seed:
  Beskæftigelses-…, Børne- og Ungdoms-…, Klima-…, Kultur-…, Social-…, Sundheds-…,
  Økonomiforvaltningen; Danish order, so Æ, Ø, Å last);
- in each: an optional opening paragraph, then bullets, "**Lead** – text" or "**Lead:**
  text", grouped under sub-headings where the administration uses them ("Særlige
  indsatser 2026:", "Hvad gør vi fortsat:").
An administration without measures says so, so that its absence is visible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from samraad.documents import (
    Block,
    BulletList,
    Document,
    Heading,
    Paragraph,
    bold,
    paragraph,
)
from samraad.documents.formatting import MONTHS
from samraad.documents.model import Language

ATTACHMENT_LABEL = "Bilag 2"
TITLE = {
    "da": "{label}: Forvaltningernes tiltag til nedbringelse af sygefravær pr. {when}",
    "en": "{label}: The administrations' measures to reduce sickness absence as of {when}",
}
COMMON = {"da": "Fælles tiltag og tilbud i {name}", "en": "Common measures and offers in {name}"}
NONE_GIVEN = {"da": "Forvaltningen har ikke indmeldt tiltag.", "en": "No measures given."}
KIND = {"da": "Bilag", "en": "Attachment"}
# Danish alphabetical order: æ, ø, å after z (Retskrivningsordbogen).
_DANISH_ORDER = {letter: n for n, letter in enumerate("abcdefghijklmnopqrstuvwxyzæøå")}


@dataclass(frozen=True)
class MeasureText:
    title: str  # the lead in bold; may be empty
    text: str
    section: str = ""  # the sub-heading the measure sits under; "" for none


@dataclass(frozen=True)
class MeasureSection:
    """One administration's (or the common) measures for the year."""

    name: str
    intro: str
    measures: tuple[MeasureText, ...]


def danish_key(name: str) -> tuple[int, ...]:
    """Sort key in Danish alphabetical order (letters outside the alphabet first)."""
    return tuple(_DANISH_ORDER.get(c, -1) for c in name.lower() if c.isalnum() or c == " ")


def measure_paragraph(measure: MeasureText) -> Paragraph:
    title, text = measure.title.strip(), measure.text.strip()
    if not title:
        return paragraph(text)
    if not text:
        return paragraph(bold(title))
    # "Lead: text" keeps its colon in bold as the seed writes it; else a dash between.
    if title.endswith(":"):
        return paragraph(bold(title), " ", text)
    return paragraph(bold(title), " – ", text)


def section_blocks(section: MeasureSection, language: Language) -> list[Block]:
    blocks: list[Block] = [Heading(section.name, level=1)]
    if section.intro.strip():
        blocks.extend(paragraph(p.strip()) for p in section.intro.split("\n\n") if p.strip())
    if not section.measures:
        blocks.append(paragraph(NONE_GIVEN[language]))
        return blocks
    bullets: list[Paragraph] = []
    current = ""
    for measure in section.measures:
        heading = measure.section.strip()
        if heading != current:
            if bullets:
                blocks.append(BulletList(tuple(bullets)))
                bullets = []
            if heading:
                blocks.append(Heading(heading, level=2))
            current = heading
        bullets.append(measure_paragraph(measure))
    if bullets:
        blocks.append(BulletList(tuple(bullets)))
    return blocks


def as_of(day: dt.date, language: Language) -> str:
    return f"{MONTHS[language][day.month - 1]} {day.year}"


def measures_document(
    municipality: str,
    common: MeasureSection | None,
    administrations: Sequence[MeasureSection],
    day: dt.date,
    sender: tuple[str, ...] = ("Koncern HR, Koncernservice", "Økonomiforvaltningen"),
    language: Language = "da",
) -> Document:
    """The compiled measures as of `day`: the common measures first (when given, under
    "Fælles tiltag og tilbud i <municipality>"), then each administration by name."""
    blocks: list[Block] = []
    if common is not None:
        named = MeasureSection(
            COMMON[language].format(name=municipality), common.intro, common.measures
        )
        blocks.extend(section_blocks(named, language))
    for section in sorted(administrations, key=lambda s: danish_key(s.name)):
        blocks.extend(section_blocks(section, language))
    title = TITLE[language].format(label=ATTACHMENT_LABEL, when=as_of(day, language))
    return Document(
        kind=KIND[language],
        title=title,
        language=language,
        date=day,
        sender=sender,
        blocks=tuple(blocks),
    )
