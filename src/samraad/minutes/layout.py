"""The document's skeleton: its parts (agenda, minutes) and their numbered items
(spec/meetings.md, Parts and Items).

An item heading is a line "N) Title" or "N. Title" whose title starts with a capital
and whose number is the next one (a few may be skipped: published minutes leave
closed items out). A part heading is a line starting "Dagsorden" or "Referat" that is
followed by an item 1; a second part may also start without a heading, when its
item 1 has the first part's title. Numbered lists inside the text ("1) beskæftigelse
af …", "3) at der i CSO …") start in lower case or break the sequence, so they stay text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from samraad.minutes.hyphens import SOFT_HYPHEN, join_lines
from samraad.minutes.model import PartKind

# "1) Title", "1. Title", also "Ad 1. Title" and "Punkt 1. Title" as minutes often write.
ITEM_HEADING = re.compile(
    r"(?:(?:Ad|Punkt|Pkt\.)\s+)?(?P<number>\d{1,2})\s*[.)]\s+(?P<title>\S.*)", re.IGNORECASE
)
NUMBER_ONLY = re.compile(r"(?:(?:Ad|Punkt|Pkt\.)\s+)?(?P<number>\d{1,2})\s*[.)]", re.IGNORECASE)
TITLE_START = re.compile(r"[A-ZÆØÅÄÖÜÉ0-9\"“”«']")
PART_HEADING = re.compile(r"(?:dagsorden|(?:møde|beslutnings)?referat)\b.{0,120}", re.IGNORECASE)
# A line that runs on into the next: an item heading cannot follow it.
RUNS_ON = re.compile(r"(?:[,\-]|\b(?:og|eller|jf\.|pkt\.|nr\.|punkt))$", re.IGNORECASE)
ENDS_SENTENCE = re.compile(r"[.!?\"”]$")
# Words a title cannot end on: the title goes on at the next line.
DANGLING = frozenset(
    """i og for af om til vedr. med på fra ved mellem samt eller den det de en et hos under
    efter inden over""".split()  # noqa: SIM905 (a word list reads best as words)
)
# At most this many item numbers can be missing in a row (closed items left out).
MAX_SKIPPED = 3
MAX_TITLE_LINES = 3
# A part heading is followed by its item 1 within this many lines (date, attendance).
PART_PREAMBLE_LINES = 60


@dataclass
class Section:
    """One item in one part: its number, title and the lines under the title."""

    number: int
    title: str
    body: list[str] = field(default_factory=list)


@dataclass
class Part:
    kind: PartKind | None
    heading: str = ""
    preamble: list[str] = field(default_factory=list)
    items: list[Section] = field(default_factory=list)


@dataclass
class Layout:
    preamble: list[str]
    parts: list[Part]


def lay_out(lines: Sequence[str], compounds: frozenset[str] = frozenset()) -> Layout:
    layout = Layout(preamble=[], parts=[])
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _item_heading(lines, index, layout)
        if heading is not None:
            number, title_lines, consumed = heading
            title = " ".join(join_lines(title_lines, compounds).split())
            if number == 1 and (not layout.parts or layout.parts[-1].items):
                layout.parts.append(Part(kind=None))
            layout.parts[-1].items.append(Section(number, title))
            index += consumed
            continue
        kind = _part_heading(lines, index)
        if kind is not None and layout.parts and not layout.parts[-1].items:
            # Two headings before item 1 ("Referat af møde i CSO …", "Dagsorden"):
            # the nearer one names the part, the other is part of its preamble.
            part = layout.parts[-1]
            part.preamble[:0] = [part.heading, ""]
            part.kind, part.heading = kind, line
        elif kind is not None and len(layout.parts) < 2:
            layout.parts.append(Part(kind=kind, heading=line))
        elif layout.parts and layout.parts[-1].items:
            layout.parts[-1].items[-1].body.append(line)
        elif layout.parts:
            layout.parts[-1].preamble.append(line)
        else:
            layout.preamble.append(line)
        index += 1
    return layout


def _item_heading(
    lines: Sequence[str], index: int, layout: Layout
) -> tuple[int, list[str], int] | None:
    """(number, title lines, lines taken) when an item heading starts at index."""
    title_at, found = index, ITEM_HEADING.fullmatch(lines[index])
    if found is None:
        found = _number_then_title(lines, index)
        if found is None:
            return None
        title_at = index + 2 if not lines[index + 1] else index + 1
    if not TITLE_START.match(found["title"]):
        return None
    previous = lines[index - 1] if index else ""
    if previous and RUNS_ON.search(previous):
        return None
    number = int(found["number"])
    if not _next_in_sequence(number, found["title"], previous, layout):
        return None
    title = _title_lines(lines, title_at, found["title"])
    return number, title, title_at - index + len(title)


def _number_then_title(lines: Sequence[str], index: int) -> re.Match[str] | None:
    """An item number alone on its line (a Word table's first cell), the title on the
    next line or the one after a blank line."""
    number = NUMBER_ONLY.fullmatch(lines[index])
    following = next((line for line in lines[index + 1 : index + 3] if line), None)
    if number is None or following is None:
        return None
    return ITEM_HEADING.fullmatch(f"{number['number']}. {following}")


def _next_in_sequence(number: int, title: str, previous: str, layout: Layout) -> bool:
    part = layout.parts[-1] if layout.parts else None
    if part is None or not part.items:
        return number == 1
    if number == 1:
        # A new part without a heading: the same items again, from 1.
        first = layout.parts[0].items[0].title if layout.parts[0].items else ""
        return len(layout.parts) < 2 and _same_title(title, first)
    expected = part.items[-1].number + 1
    if number == expected:
        return True
    skipping = expected < number <= expected + MAX_SKIPPED
    after_text = not part.items[-1].body or not previous or ENDS_SENTENCE.search(previous)
    return skipping and bool(after_text)


def _same_title(title: str, other: str) -> bool:
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    # The first line of a wrapped title is enough to recognise it.
    return bool(other) and words(other)[: len(words(title))] == words(title)


def _title_lines(lines: Sequence[str], index: int, title: str) -> list[str]:
    taken = [title]
    for line in lines[index + 1 : index + MAX_TITLE_LINES]:
        if not line or ITEM_HEADING.fullmatch(line) or not _title_goes_on(taken[-1], line):
            break
        taken.append(line)
    return taken


def _title_goes_on(title: str, line: str) -> bool:
    if title.endswith(SOFT_HYPHEN) or re.search(r"\w-$", title):
        return True
    if ENDS_SENTENCE.search(title) or title.endswith(":"):
        return False
    last_word = title.rsplit(maxsplit=1)[-1].lower()
    return line[0].islower() or last_word in DANGLING


def _part_heading(lines: Sequence[str], index: int) -> PartKind | None:
    line = lines[index]
    if not PART_HEADING.fullmatch(line) or line.endswith("."):
        return None
    for following in lines[index + 1 : index + 1 + PART_PREAMBLE_LINES]:
        found = ITEM_HEADING.fullmatch(following)
        if found and TITLE_START.match(found["title"]):
            if int(found["number"]) != 1:
                return None
            return "minutes" if "referat" in line.lower() else "agenda"
    return None
