"""Replaying KMD Opus dumps: each unit's and employment's versions through time.

A dump holds the current state only; replayed in delivery order, the dumps give a
history (the rules are in opus.py's module doc). Pure: elements in, versions out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from samraad.interchange.sources.opus_xml import Dump, Element

FULL_TIME_HOURS = 37


@dataclass
class Version:
    element: Element
    number: int  # the element's number across all dumps: LINE of the rows it gives
    start: dt.date


@dataclass
class History:
    versions: list[Version] = field(default_factory=list)
    end: dt.date | None = None  # a unit gone, an employment left
    left: bool = False


def date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def hours(el: Element) -> float | None:
    try:
        numerator = float((el.get("numerator") or "").replace(",", "."))
        denominator = float((el.get("denominator") or "").replace(",", "."))
    except ValueError:
        return None
    if denominator <= 0 or numerator < 0:
        return None
    return round(FULL_TIME_HOURS * numerator / denominator, 2)


def unit_change(el: Element) -> tuple[str | None, ...]:
    fields = ("parentOrgUnit", "longName", "shortName", "orgTypeTxt", "startDate", "endDate")
    return tuple(el.get(f) for f in fields)


def employment_change(el: Element) -> tuple[object, ...]:
    fields = ("cpr", "orgUnit", "position", "entryDate", "leaveDate", "firstName", "lastName")
    return (*(el.get(f) for f in fields), hours(el))


def replay(
    dumps: list[Dump], kind: str, number: dict[int, int], change: Callable[[Element], object]
) -> dict[str, History]:
    """Each id's versions through the dumps (opus.py's module doc); `number` gives each
    element's number across the dumps, `change` what of an element makes a new version."""
    histories: dict[str, History] = {}
    previous: dt.date | None = None
    for dump in dumps:
        present = {el.id: el for el in dump.elements if el.kind == kind}
        leaves = {i for i, el in present.items() if el.attributes.get("action") == "leave"}
        for id_, el in present.items():
            if id_ in leaves:
                continue
            history = histories.setdefault(id_, History())
            if history.end is not None:  # back after a leave or a gap: a history anew
                histories[id_] = history = History()
            versions = history.versions
            if versions and change(versions[-1].element) == change(el):
                continue
            start = _first_day(el) if not versions else _effective(el, previous, dump.delivered)
            while versions and start <= versions[-1].start:
                start = max(start, versions.pop().start)  # it supersedes what it replaces
            versions.append(Version(el, number[id(el)], start))
        for id_, history in histories.items():
            if history.end is not None or not history.versions:
                continue
            if id_ in leaves:
                left = date(history.versions[-1].element.get("leaveDate") or "")
                history.end, history.left = min(left or dump.delivered, dump.delivered), True
            elif id_ not in present and kind == "employee":
                history.versions.clear()  # cancelled in Opus: it never was
            elif id_ not in present:
                history.end = dump.delivered - dt.timedelta(days=1)
        previous = dump.delivered
    return histories


def _first_day(el: Element) -> dt.date:
    text = el.get("startDate") if el.kind == "orgUnit" else el.get("entryDate")
    return date(text or "") or dt.date(1900, 1, 1)


def _effective(el: Element, previous: dt.date | None, delivered: dt.date) -> dt.date:
    changed = date(el.attributes.get("lastChanged", "")) or delivered
    after_previous = previous + dt.timedelta(days=1) if previous else changed
    return min(max(changed, after_previous), delivered)
