"""An item's purpose from the words of its title and texts (spec/meetings.md, Purpose).

The title says it first ("Temadrøftelse om …", "Godkendelse af …"); then the agenda
text ("… forelægges CSO til godkendelse", "Der gives en orientering …"); then the first
paragraph of the minutes when it is no statement, the committee's summary of the item
("CSO behandlede indstilling om godkendelse af …"). In a text the earliest cue counts.
"""

from __future__ import annotations

import re

from samraad.minutes.model import Purpose

CUES: dict[Purpose, re.Pattern[str]] = {
    "approval": re.compile(r"\btil\s+godkendelse\b|\bgodkendes\b|\bgodkendelse\s+af\b", re.I),
    "discussion": re.compile(r"\b(?:tema)?drøftelse\w*|\bdrøftes\b", re.I),
    "orientation": re.compile(
        r"\btil\s+orientering\b|\borientering\w*|\borienteres\b|\bgives\s+en\s+orientering\b",
        re.I,
    ),
}


def purpose_of(title: str, agenda_text: str, minutes_summary: str) -> Purpose | None:
    for text in (title, agenda_text, minutes_summary):
        found = _earliest(text)
        if found is not None:
            return found
    return None


def _earliest(text: str) -> Purpose | None:
    positions: list[tuple[int, Purpose]] = []
    for purpose, cue in CUES.items():
        found = cue.search(text)
        if found is not None:
            positions.append((found.start(), purpose))
    return min(positions)[1] if positions else None
