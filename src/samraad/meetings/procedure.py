"""Written procedure (skriftlig proces): the draft minutes go to the members with a
deadline; each approves or objects on the page. Pure: the outcome is a function of who
may answer, the answers, the deadline and `today`.

- A member's latest answer given on or before the deadline counts (they may change it).
- When every member who may answer has approved, the minutes are approved that day.
- When the deadline has passed without an objection, they are approved on the deadline
  ("godkendt i skriftlig proces uden bemærkninger", seed 000, item 1); silence is consent.
- An objection stands until the deadline; after it the procedure ends as objected, and
  the secretary revises and sends again, or the minutes go to the next meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

AnswerKind = Literal["approve", "object"]
State = Literal["open", "approved", "objected"]


@dataclass(frozen=True)
class Answer:
    voter: str
    answer: AnswerKind
    on: dt.date


@dataclass(frozen=True)
class Outcome:
    state: State
    approved_on: dt.date | None
    approved_by: tuple[str, ...]  # voters whose latest answer approves
    objected_by: tuple[str, ...]
    waiting_for: tuple[str, ...]  # voters who have not answered


def latest_answers(answers: Iterable[Answer], deadline: dt.date) -> dict[str, Answer]:
    """Each voter's last answer given by the deadline (later answers are too late)."""
    latest: dict[str, Answer] = {}
    for answer in sorted(answers, key=lambda a: a.on):
        if answer.on <= deadline:
            latest[answer.voter] = answer
    return latest


def outcome(
    voters: Sequence[str], answers: Iterable[Answer], deadline: dt.date, today: dt.date
) -> Outcome:
    latest = {v: a for v, a in latest_answers(answers, deadline).items() if v in voters}
    approved = tuple(v for v in voters if v in latest and latest[v].answer == "approve")
    objected = tuple(v for v in voters if v in latest and latest[v].answer == "object")
    waiting = tuple(v for v in voters if v not in latest)
    if objected:
        state: State = "objected" if today > deadline else "open"
        return Outcome(state, None, approved, objected, waiting)
    if voters and not waiting:
        last = max(latest[v].on for v in voters)
        return Outcome("approved", last, approved, objected, waiting)
    if today > deadline:
        return Outcome("approved", deadline, approved, objected, waiting)
    return Outcome("open", None, approved, objected, waiting)
