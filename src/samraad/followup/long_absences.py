"""The longest absences below a unit as the web app and the API show them: the pure list
(`followup.longest`) over the cached data, the stored conversations and the shipped
rule set; person-level readers only, every view recorded in the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString

from samraad.accounts.permissions import require_person_level_unit
from samraad.audit.log import record
from samraad.clock import today
from samraad.followup.longest import (
    CONVERSATION_COLUMNS,
    MIN_DAYS,
    LongAbsence,
    ongoing_spells,
    with_follow_up,
)
from samraad.followup.models import Conversation
from samraad.fragments import rows_html
from samraad.frames import cache
from samraad.labels import label
from samraad.org.tree import tree_on
from samraad.rules import RuleHistory, RuleSet
from samraad.vocabulary import CONVERSATION_KIND

# The page lists this many, the longest first (the API and the command give them all).
PAGE_ROWS = 200
# Employees per query of their conversations (well under any database's parameter limit).
CHUNK = 900


def stored_conversations(people: Sequence[str]) -> pl.DataFrame:
    """employee_id, held_on, kind of every conversation of the people."""
    rows: list[tuple[str, dt.date, str]] = []
    for at in range(0, len(people), CHUNK):
        found = Conversation.objects.filter(employee_id__in=list(people[at : at + CHUNK]))
        rows += found.values_list("employee_id", "held_on", "kind")
    return pl.DataFrame(rows, schema=CONVERSATION_COLUMNS, orient="row")


def rules_on(day: dt.date) -> RuleSet | None:
    """The rule set in force on the day: the shipped one (the web app has no other)."""
    return RuleHistory.default().in_force(day)


def longest_below(
    unit: str, day: dt.date, *, top: int | None = None, min_days: int = MIN_DAYS
) -> list[LongAbsence]:
    """The list for the unit on the day: the spells kept per day and version of the data,
    their follow-up per version of the conversations too (a conversation recorded here
    is seen at once, one recorded by another process within the data check's seconds)."""
    spells = cache.remember(
        ("longest", unit, day, min_days),
        lambda: ongoing_spells(cache.dataset(), unit, day, min_days),
    )
    chosen = spells if top is None else spells.head(top)
    return cache.remember(
        ("longest-follow-up", unit, day, min_days, top),
        lambda: with_follow_up(chosen, day, stored_conversations, rules_on(day)),
        ("data", "follow_up"),
    )


def warm(today: dt.date) -> None:
    for unit in tree_on(today).tops():
        longest_below(unit, today)


@dataclass(frozen=True)
class Row:
    absence: LongAbsence
    unit_name: str
    conversation_kind: str
    next_step: str
    overdue: bool


@dataclass(frozen=True)
class LongestPage:
    unit_id: str
    name: str
    day: dt.date
    min_days: int
    rows: list[Row]
    total: int

    @property
    def rows_html(self) -> SafeString:
        return rows_html("followup/_longest_rows.html", self.rows)


def _min_days(request: HttpRequest) -> int:
    raw = request.GET.get("min_days") or str(MIN_DAYS)
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest("min_days: a whole number of days, at least 1")
    return int(raw)


@login_required
def longest_absences(request: HttpRequest, unit_id: str) -> HttpResponse:
    day = today()
    grant = require_person_level_unit(request.user, unit_id, day)
    min_days = _min_days(request)
    everyone = longest_below(unit_id, day, min_days=min_days)
    shown = everyone[:PAGE_ROWS]
    record(
        request,
        grant.scope,
        "followup:longest",
        unit_id=unit_id,
        subjects=[a.employee_id for a in shown],
    )
    rows = [
        Row(
            a,
            grant.tree.name(a.unit),
            label(CONVERSATION_KIND, a.last_conversation.kind) if a.last_conversation else "",
            a.next_due.title if a.next_due else "",
            a.next_due is not None and a.next_due.overdue(day),
        )
        for a in shown
    ]
    page = LongestPage(unit_id, grant.tree.name(unit_id), day, min_days, rows, len(everyone))
    return render(request, "followup/longest.html", {"page": page})
