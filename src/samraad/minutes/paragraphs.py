"""Lines into paragraphs (spec/meetings.md, Text and Statements).

A blank line ends a paragraph. So does a line that opens a new statement right after
a line that ends a sentence: text taken from a PDF often has no blank line between
"… indhentes mandat." and "Kirsten Gunvor Løth fortalte videre, at …".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from samraad.minutes.hyphens import join_lines, join_pair
from samraad.minutes.statements import opens_statement

ENDS_SENTENCE = re.compile(r"[.!?\"”]$")
BULLET = re.compile(r"[-–•·*]\s")


def paragraphs(lines: Sequence[str], compounds: frozenset[str] = frozenset()) -> list[str]:
    """The paragraphs' texts: wrapped lines joined, a list item on a line of its own."""
    return [_text(group, compounds) for group in _groups(lines)]


def _groups(lines: Sequence[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        if not line:
            if current:
                groups.append(current)
            current = []
            continue
        if current and ENDS_SENTENCE.search(current[-1]) and _opens(lines, index):
            groups.append(current)
            current = []
        current.append(line)
    if current:
        groups.append(current)
    return groups


def _opens(lines: Sequence[str], index: int) -> bool:
    # The name may wrap: "… Til dette svarede Søren" / "Hartmann Hede, at …".
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return opens_statement(join_pair(lines[index], following))


def _text(group: list[str], compounds: frozenset[str]) -> str:
    runs: list[list[str]] = []
    for line in group:
        if not runs or BULLET.match(line):
            runs.append([line])
        else:
            runs[-1].append(line)
    return "\n".join(join_lines(run, compounds) for run in runs)
