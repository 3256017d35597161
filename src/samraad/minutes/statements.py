"""Statements: paragraphs of the minutes whose subject is a person speaking.

Two word orders (spec/meetings.md, Statements):
- the name first: "Lene Munck fortalte, at …", "Britt Petersen var enig og sagde …",
  "Dan Rantzau Schimmel fra Socialforvaltningen gennemgik …", "Tania Karpatschof og
  Rasmus Bredde spurgte …" (one statement for each name);
- Danish inversion, a phrase first and the verb second: "Til dette svarede Søren
  Hartmann Hede, at …", "I forhold til spørgerammen fortalte Britt Petersen, at …".
"""

from __future__ import annotations

import re

from samraad.minutes.model import Statement
from samraad.minutes.names import LOWER, NAME_FROM, SPEECH, is_person, speaker

NAMES = rf"{NAME_FROM}(?:\s*,\s*{NAME_FROM})*(?:\s+og\s+{NAME_FROM})?"
# Up to three words before "og"/"at" and the verb: "var enig og sagde", "lagde ud med at
# orientere".
LEAD_IN = rf"(?:(?:[{LOWER}]+\s+){{0,3}}(?:og|at)\s+)?"
# Between name and verb: "(ØKF)" or ", formand for CSO,".
APPOSITION = r"(?:\s*\([^)]*\)|\s*,[^,]{1,60},)?"
NAME_FIRST = re.compile(rf"(?P<names>{NAMES}){APPOSITION}\s+{LEAD_IN}{SPEECH}")
# The phrase before the verb holds no punctuation; the name ends at a word boundary.
INVERTED = re.compile(rf"(?P<lead>[^,.;:!?()]{{1,120}}?)\s+{SPEECH}\s+(?P<names>{NAMES})(?![\w-])")
# Pronoun subjects: "Han fortalte Søren Hartmann Hede …" is said to a person, not by one.
PRONOUNS = frozenset({"han", "hun", "vi", "man", "jeg", "de"})
SEPARATOR = re.compile(r"\s*,\s*|\s+og\s+")


def statements_of(paragraph: str) -> list[Statement]:
    """One statement per person speaking in the paragraph, or none."""
    found = NAME_FIRST.match(paragraph)
    if found is None:
        found = INVERTED.match(paragraph)
        if found is None or found["lead"].strip().lower() in PRONOUNS:
            return []
        if NAME_FIRST.match(found["lead"]):
            return []
    speakers = [speaker(name) for name in SEPARATOR.split(found["names"])]
    if not all(is_person(name) for name in speakers):
        return []
    return [Statement(name, paragraph) for name in dict.fromkeys(speakers)]


def opens_statement(text: str) -> bool:
    return bool(statements_of(text))
