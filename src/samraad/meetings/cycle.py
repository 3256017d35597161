"""The annual cycle (årshjul): which recurring items land on which meeting, and the draft
agenda a meeting gets from it. Pure: a function of the year's meetings, the rules, the
open actions, the previous meeting and a `today`.

A draft agenda is, in this order (the CSO's agendas, seeds 000–002):
1. the previous meeting's minutes: "Godkendelse af referat fra …" for approval, or, when
   they were approved in written procedure already, "Referat fra …" for information;
2. the follow-up on actions agreed at earlier meetings and not yet done, when any;
3. the recurring items whose rule lands on this meeting, in the rules' order;
4. "Eventuelt", always last.

A rule lands by month ("sickness absence: the June meeting") on the year's first meeting
in or after that month, so an item is never lost when a month has no meeting (after the
last meeting it goes on the last one); by position on the year's first or last meeting
("next year's meeting series: the last meeting").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from samraad.documents.formatting import format_date
from samraad.vocabulary import ACTION_STATUS

Origin = Literal["minutes", "actions", "cycle", "any_other_business"]
Position = Literal["first", "last"]

ANY_OTHER_BUSINESS = "Eventuelt"
ACTIONS_TITLE = "Opfølgning på aftalte handlinger"


@dataclass(frozen=True)
class Recurring:
    """A recurring item. `title` and `text` may say {year}, {next_year}, {last_year}
    ("Godkendelse af møderække for {next_year}"), filled in for the meeting's year."""

    key: str
    title: str
    purpose: str | None = None
    text: str = ""
    month: int | None = None
    position: Position | None = None

    def __post_init__(self) -> None:
        if (self.month is None) == (self.position is None):
            raise ValueError(f"recurring item {self.title!r}: give a month or a position")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"recurring item {self.title!r}: month {self.month} is not 1–12")


@dataclass(frozen=True)
class OpenAction:
    """An action agreed at an earlier meeting that is not done yet."""

    title: str
    owner: str
    due: dt.date | None
    status: str
    agreed_on: dt.date


@dataclass(frozen=True)
class PreviousMeeting:
    date: dt.date
    approved_in_writing: bool  # its minutes were approved in written procedure already


@dataclass(frozen=True)
class DraftItem:
    number: int
    title: str
    purpose: str | None
    text: str
    origin: Origin
    rule: str = ""  # the Recurring's key, for items from the cycle


def lands_on(rule: Recurring, meetings: Sequence[dt.date]) -> dt.date | None:
    """The meeting of the year (its dates, any order) the rule puts its item on."""
    ordered = sorted(meetings)
    if not ordered:
        return None
    if rule.position == "first":
        return ordered[0]
    if rule.position == "last":
        return ordered[-1]
    return next((day for day in ordered if day.month >= (rule.month or 1)), ordered[-1])


def filled(text: str, year: int) -> str:
    for name, value in (("{next_year}", year + 1), ("{last_year}", year - 1), ("{year}", year)):
        text = text.replace(name, str(value))
    return text


def draft_agenda(
    meeting: dt.date,
    year_meetings: Sequence[dt.date],
    rules: Sequence[Recurring],
    previous: PreviousMeeting | None,
    actions: Sequence[OpenAction],
    committee: str,
    today: dt.date,
) -> tuple[DraftItem, ...]:
    """The draft agenda of the meeting on `meeting`, numbered from 1."""
    if meeting not in year_meetings:
        raise ValueError(f"{meeting} is not one of the year's meetings")
    drafts: list[tuple[str, str | None, str, Origin, str]] = []
    if previous is not None:
        drafts.append(_previous_minutes(previous, committee))
    if actions:
        drafts.append((ACTIONS_TITLE, "orientation", actions_text(actions, today), "actions", ""))
    for rule in rules:
        if lands_on(rule, [d for d in year_meetings if d.year == meeting.year]) == meeting:
            title, text = filled(rule.title, meeting.year), filled(rule.text, meeting.year)
            drafts.append((title, rule.purpose, text, "cycle", rule.key))
    drafts.append((ANY_OTHER_BUSINESS, None, "", "any_other_business", ""))
    return tuple(
        DraftItem(number, title, purpose, text, origin, rule)
        for number, (title, purpose, text, origin, rule) in enumerate(drafts, start=1)
    )


def _previous_minutes(
    previous: PreviousMeeting, committee: str
) -> tuple[str, str | None, str, Origin, str]:
    day = format_date(previous.date, "da")
    if previous.approved_in_writing:
        return (
            f"Referat fra {committee}-mødet den {day}",
            "orientation",
            "Referatet er godkendt i skriftlig proces.",
            "minutes",
            "",
        )
    return (
        f"Godkendelse af referat fra {committee}-mødet den {day}",
        "approval",
        "Referat af mødet er vedlagt.",
        "minutes",
        "",
    )


def actions_text(actions: Sequence[OpenAction], today: dt.date) -> str:
    """One line per action, oldest agreement first: what, who, by when, how far."""
    lines = []
    for action in sorted(actions, key=lambda a: (a.agreed_on, a.due or dt.date.max, a.title)):
        parts = [f"aftalt {format_date(action.agreed_on, 'da')}"]
        if action.owner:
            parts.append(f"ansvarlig: {action.owner}")
        if action.due is not None:
            late = " (overskredet)" if action.due < today else ""
            parts.append(f"frist: {format_date(action.due, 'da')}{late}")
        parts.append(f"status: {ACTION_STATUS.label(action.status, 'da').lower()}")
        lines.append(f"- {action.title} ({', '.join(parts)})")
    return "\n".join(lines)
