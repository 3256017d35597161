"""The decision: the sentence of the minutes that records what the committee decided
or concluded (spec/meetings.md, Decision). The first such sentence of the item counts.
"""

from __future__ import annotations

import re

from samraad.minutes.names import NAME, is_person
from samraad.minutes.sentences import sentences

# The committee as subject: "CSO", "HovedMED", "LokalMED", "MED-udvalget", "Udvalget".
COMMITTEES = r"(?:CSO|\w*MED(?:-udvalget)?|MED-udvalget|[Uu]dvalget|[Hh]ovedudvalget)"
COMMITTEE_VERBS = (
    r"(?:godkendte|godkender|besluttede|beslutter|vedtog|vedtager|tiltrådte|tiltræder"
    r"|konkluderede|konkluderer|tog\b[^.]*?\btil\s+efterretning|tager\b[^.]*?\btil\s+efterretning)"
)
PASSIVE = [
    # "Referatet blev godkendt (uden bemærkninger)", "Møderækken blev godkendt";
    # "blev godkendt af Borgerrepræsentationen" is someone else's approval.
    r"\b(?:blev|bliver)\s+(?:\w+\s+)?godkendt\b(?!\s+af\b)",
    r"\bgodkendtes\b",
    r"\bgodkendt\s+i\s+skriftlig\s+proces",
    r"\b(?:blev|bliver)\s+taget\s+til\s+efterretning",
    r"^Det\s+blev\s+(?:\w+\s+)?(?:besluttet|konkluderet|aftalt|vedtaget)\b",
    # A decision field: "Beslutning: Indstillingen blev godkendt."
    r"^(?:Beslutning|Konklusion)\s*:",
]
CONCLUDED = re.compile(
    rf"^(?P<first>{NAME})\s+(?:\w+\s+)?konkluderede\b|\bkonkluderede\s+(?P<after>{NAME})"
)


def decision_of(text: str, committee: str = "") -> str | None:
    """The first sentence of the minutes text that records a decision, or None."""
    subject = COMMITTEES if not committee else rf"(?:{COMMITTEES}|{re.escape(committee)})"
    by_committee = re.compile(rf"\b{subject}(?:s\s+medlemmer)?\s+(?:\w+\s+)?{COMMITTEE_VERBS}")
    for sentence in sentences(text):
        if by_committee.search(sentence) or _passive(sentence) or _concluded(sentence):
            return sentence
    return None


def _passive(sentence: str) -> bool:
    return any(re.search(pattern, sentence) for pattern in PASSIVE)


def _concluded(sentence: str) -> bool:
    found = CONCLUDED.search(sentence)
    return found is not None and is_person(found["first"] or found["after"])
