"""Page furniture: page numbers, "KS HR (5890) 3/5", and headers and footers repeated
on the pages (spec/meetings.md, Text). What is removed is kept: a header may hold the
meeting's date.

Where furniture or a page break interrupts a paragraph, the paragraph goes on: the
lines either side are joined when the first stops mid-sentence or the next starts in
lower case; otherwise the break counts as a paragraph break.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

PAGE_NUMBER_LINES = [
    re.compile(r"\d{1,3}"),
    re.compile(r"[-–—]\s*\d{1,3}\s*[-–—]"),
    re.compile(r"(?:side|page|s\.)\s*\d{1,3}(?:\s*(?:af|of|/)\s*\d{1,3})?", re.IGNORECASE),
    re.compile(r".{0,60}?\s(?:side|page)\s+\d{1,3}\s+(?:af|of)\s+\d{1,3}", re.IGNORECASE),
]
# "3/5", alone or at the end of a short footer such as "KS HR (5890) 3/5".
PAGE_OF_PAGES = re.compile(r"(?:.{0,60}?\s)?(\d{1,3})\s*/\s*(\d{1,3})")
ITEM_LIKE = re.compile(r"\d{1,2}\s*[.)]\s")
DIGITS = re.compile(r"\d+")
# A header or footer line: among the first or last lines of a page, on at least half
# the pages (and on two at least).
EDGE_LINES = 3
REPEATED_SHARE = 0.5
ENDS_SENTENCE = re.compile(r"[.!?:;\"”)]$")
STARTS_LOWER = re.compile(r"[a-zæøåäöüé]")
BREAK = "\x00"


@dataclass(frozen=True)
class Cleaned:
    lines: list[str]
    furniture: list[str]


def is_page_number(line: str) -> bool:
    if any(pattern.fullmatch(line) for pattern in PAGE_NUMBER_LINES):
        return True
    found = PAGE_OF_PAGES.fullmatch(line)
    return found is not None and 0 < int(found[1]) <= int(found[2])


def remove_furniture(pages: Sequence[Sequence[str]]) -> Cleaned:
    """The pages' lines as one list, without furniture, and the furniture removed."""
    repeated = _repeated_edges(pages) if len(pages) > 1 else set()
    marked: list[str] = []
    furniture: list[str] = []
    for number, page in enumerate(pages):
        if number:
            marked.append(BREAK)
        drop = _edge_furniture(page, repeated)
        for index, line in enumerate(page):
            if index in drop or (line and is_page_number(line)):
                furniture.append(line)
                marked.append(BREAK)
            else:
                marked.append(line)
    return Cleaned(_resolve_breaks(marked), furniture)


def _normal(line: str) -> str:
    return DIGITS.sub("#", line.lower())


def _edges(page: Sequence[str]) -> list[int]:
    filled = [index for index, line in enumerate(page) if line]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:][::-1]


def _repeated_edges(pages: Sequence[Sequence[str]]) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_normal(page[index]) for index in _edges(page)})
    least = max(2, math.ceil(REPEATED_SHARE * len(pages)))
    return {line for line, count in counts.items() if count >= least and not ITEM_LIKE.match(line)}


def _edge_furniture(page: Sequence[str], repeated: set[str]) -> set[int]:
    """Furniture lines from the top and from the bottom, up to the first line of text."""
    filled = [index for index, line in enumerate(page) if line]
    drop: set[int] = set()
    for edge in (filled[:EDGE_LINES], filled[-EDGE_LINES:][::-1]):
        seen: set[str] = set()
        for index in edge:
            normal = _normal(page[index])
            # Each header line once per edge: a heading "Referat" under a header
            # "Referat" is the document's own.
            if normal in seen or not (normal in repeated or is_page_number(page[index])):
                break
            seen.add(normal)
            drop.add(index)
    return drop


def _resolve_breaks(marked: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(marked):
        if marked[index] != BREAK and (marked[index] or not _break_ahead(marked, index)):
            out.append(marked[index])
            index += 1
            continue
        end = index
        while end < len(marked) and marked[end] in ("", BREAK):
            end += 1
        before = next((line for line in reversed(out) if line), "")
        after = marked[end] if end < len(marked) else ""
        while out and not out[-1]:
            out.pop()
        if out and end < len(marked) and not _continues(before, after):
            out.append("")
        index = end
    return out


def _break_ahead(marked: list[str], index: int) -> bool:
    """Whether the blank line at index is part of a run of blanks holding a break."""
    while index < len(marked) and marked[index] in ("", BREAK):
        if marked[index] == BREAK:
            return True
        index += 1
    return False


def _continues(before: str, after: str) -> bool:
    if not before or not after:
        return False
    return not ENDS_SENTENCE.search(before) or STARTS_LOWER.match(after) is not None
