"""Joining wrapped lines into running text (spec/meetings.md, Items and Text).

A hyphen at a line break is usually the typesetter's: "Køben-" + "havns" is
"Københavns". It is the writer's when the next word is a conjunction ("kvinde- og
mandsdominerede"), when it follows an abbreviation or a single letter ("CSO-mødet",
"e-læring"), when a capital or a digit follows ("Covid-19"), or when the document
writes the same word with a hyphen elsewhere ("ikke-afholdt").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

SOFT_HYPHEN = "\u00ad"
# Words that follow a suspended compound: "kvinde- og", "bagud- eller fremover".
CONJUNCTIONS = frozenset({"og", "eller", "samt", "el.", "og/eller", "men", "såvel", "&"})
LAST_WORD = re.compile(r"([^\W\d_]+)-$")
FIRST_WORD = re.compile(r"[^\s,.;:!?()]+")
COMPOUND = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)\b")


def hyphenated_words(lines: Iterable[str]) -> frozenset[str]:
    """Words written with a hyphen inside a line, such as "ikke-afholdt" (lower case)."""
    return frozenset(
        f"{left}-{right}".lower()
        for line in lines
        for left, right in COMPOUND.findall(line.removesuffix("-"))
    )


def join_lines(lines: Sequence[str], compounds: frozenset[str] = frozenset()) -> str:
    text = ""
    for line in lines:
        text = join_pair(text, line, compounds) if text else line
    return text


def join_pair(left: str, right: str, compounds: frozenset[str] = frozenset()) -> str:
    if not right:
        return left
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    fragment = LAST_WORD.search(left)
    if fragment is None:
        return f"{left} {right}"
    first = FIRST_WORD.match(right)
    next_word = first[0] if first else ""
    if next_word.lower() in CONJUNCTIONS:
        return f"{left} {right}"
    if _keeps_hyphen(fragment[1], next_word, compounds):
        return left + right
    return left[:-1] + right


def _keeps_hyphen(fragment: str, next_word: str, compounds: frozenset[str]) -> bool:
    if not next_word or not next_word[0].islower():
        return True
    if len(fragment) == 1 or fragment[-1].isupper():
        return True
    word = re.match(r"[^\W\d_]+", next_word)
    return word is not None and f"{fragment}-{word[0]}".lower() in compounds
