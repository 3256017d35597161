"""The unit page's period picker and comparison choice: what the URL asks for (GET
`kind`, `period`, `compare`), checked against what the reader may see, and the choices
shown. Nothing in the URL is trusted: a period the reader's disclosure does not allow,
or a unit outside their access, is refused, never shown."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import QueryDict
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samraad.absence import service
from samraad.absence.periods import (
    ChosenPeriod,
    PeriodChoices,
    PeriodKind,
    PeriodRefused,
)
from samraad.accounts.permissions import UnitGrant, unit_access

PARENT = "parent"
MUNICIPALITY = "municipality"


def long_date(day: dt.date) -> str:
    """1. juni 2026; 1 June 2026 in English."""
    danish = (get_language() or "da").startswith("da")
    return str(date_format(day, "j. F Y" if danish else "j F Y"))


def kind_label(kind: PeriodKind) -> str:
    return {
        PeriodKind.MONTH: _("Month"),
        PeriodKind.QUARTER: _("Quarter"),
        PeriodKind.YEAR: _("Year"),
        PeriodKind.ROLLING: _("Rolling 12 months"),
    }[kind]


def incomplete_note(chosen: ChosenPeriod, today: dt.date) -> str:
    """Why a period is shorter than its name: the month so far, or up to a day."""
    if chosen.complete:
        return ""
    if chosen.kind is PeriodKind.MONTH and chosen.end == today:
        return current_month_note(today)
    return _("up to %(date)s") % {"date": long_date(chosen.end)}


def current_month_note(today: dt.date) -> str:
    return _("current month, up to %(date)s") % {"date": long_date(today)}


def period_label(chosen: ChosenPeriod, today: dt.date) -> str:
    """Maj 2026; 2. kvartal 2026; 2025; 12 måneder til og med 31. maj 2026 (with a note
    in brackets when the period is not yet over)."""
    return _period_label(chosen, today, get_language() or "da")


# The picker lists some 60 periods on every unit page; their labels (dates formatted in
# the reader's language) were a third of the page's own time. `language` keys the cache:
# the labels are made in the active one.
@functools.lru_cache(maxsize=4096)
def _period_label(chosen: ChosenPeriod, today: dt.date, language: str) -> str:
    if chosen.kind is PeriodKind.MONTH:
        text = f"{str(MONTHS[chosen.start.month]).capitalize()} {chosen.start.year}"
    elif chosen.kind is PeriodKind.QUARTER:
        quarter = (chosen.start.month - 1) // 3 + 1
        text = _("Quarter %(number)s %(year)s") % {"number": quarter, "year": chosen.start.year}
    elif chosen.kind is PeriodKind.YEAR:
        text = str(chosen.start.year)
    else:
        text = _("12 months up to %(date)s") % {"date": long_date(chosen.end)}
    note = incomplete_note(chosen, today)
    return f"{text} ({note})" if note else text


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class Picker:
    """The picker's form: the kinds, the chosen kind's periods, the comparisons the
    reader may choose; `base` keeps what else the URL says (the structure)."""

    unit_id: str
    kind: PeriodKind
    kinds: tuple[Option, ...]
    periods: tuple[Option, ...]
    compares: tuple[Option, ...]
    compare: str
    structure: str

    def query(self, **changed: str) -> str:
        """The page's query string with some of its values changed."""
        values = {"structure": self.structure, "kind": self.kind.value, "compare": self.compare}
        values.update(changed)
        return urlencode({k: v for k, v in values.items() if v})


def choose_period(choices: PeriodChoices, query: QueryDict) -> ChosenPeriod:
    """The period of the URL; 400 for anything the reader's choices do not hold.

    `listed` is the kind the form's list of periods was made for: when the kind was
    changed without JavaScript (so the list was not swapped), the period belongs to
    another kind and is left out: the newest of the new kind."""
    kind, key = query.get("kind"), query.get("period")
    if query.get("listed") and query.get("listed") != kind:
        key = None
    try:
        return choices.choose(kind, key)
    except PeriodRefused as exc:
        raise BadRequest(str(exc)) from None


def compare_targets(grant: UnitGrant) -> dict[str, str]:
    """The comparisons the reader may choose (parent, municipality → the unit): only
    units they see with the same access as this one, so that both are shown by the same
    rule (permissions.py; the disclosure policy for committee audiences)."""
    path = grant.tree.path(grant.unit_id)
    found: dict[str, str] = {}
    if len(path) >= 2:
        if path[-2] != path[0]:
            found[PARENT] = path[-2]
        found[MUNICIPALITY] = path[0]
    return {
        name: unit
        for name, unit in found.items()
        if unit_access(grant.scope, unit, grant.tree) is grant.access
    }


def choose_compare(grant: UnitGrant, query: QueryDict) -> tuple[str, str | None]:
    """The comparison of the URL and its unit; 400 for an unknown value, 403 for one
    the reader may not see."""
    value = query.get("compare") or ""
    if not value:
        return "", None
    if value not in (PARENT, MUNICIPALITY):
        raise BadRequest(f"compare: expected parent or municipality, not {value!r}")
    targets = compare_targets(grant)
    if value not in targets:
        raise PermissionDenied("you may not compare with that unit")
    return value, targets[value]


def picker(
    grant: UnitGrant,
    choices: PeriodChoices,
    chosen: ChosenPeriod,
    compare: str,
    structure: str,
    today: dt.date,
) -> Picker:
    targets = compare_targets(grant)
    compare_labels = {
        PARENT: _("the unit above (%(name)s)"),
        MUNICIPALITY: _("the whole organisation (%(name)s)"),
    }
    return Picker(
        unit_id=grant.unit_id,
        kind=chosen.kind,
        kinds=tuple(
            Option(k.value, kind_label(k), k is chosen.kind)
            for k in PeriodKind
            if choices.options(k)
        ),
        periods=tuple(
            Option(o.key, period_label(o, today), o.key == chosen.key)
            for o in choices.options(chosen.kind)
        ),
        compares=(
            Option("", _("nothing"), not compare),
            *(
                Option(name, compare_labels[name] % {"name": grant.tree.name(u)}, name == compare)
                for name, u in targets.items()
            ),
        ),
        compare=compare,
        structure=structure,
    )


def reader_choices(grant: UnitGrant, today: dt.date) -> PeriodChoices:
    return service.period_choices(today, grant.person_level)
