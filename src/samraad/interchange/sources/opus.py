"""`samraad import --format opus FILE…`: KMD Opus dumps → units, employees, employments.

A dump holds the current state only. Several dumps, replayed in the order of their
delivery (the time in the file name), build the history (docs/sources/opus.md):

- An element that differs from its previous version holds from its `lastChanged` day,
  kept between the day after the previous delivery and this delivery (the dumps before
  showed the old state up to their own day). A version that would hold from before the
  one it replaces supersedes it.
- The first version of a unit holds from its `startDate`, of an employment from its
  `entryDate`; `endDate` (9999-12-31: none) and `leaveDate` end them.
- `<employee action="leave"/>`: the employment ended, on its `leaveDate` if it had one,
  else on the day of that delivery. An employment that was in a dump and is missing from
  the next without a leave was cancelled in Opus: it is not imported (counted).
- A unit missing from a later dump ends the day before that delivery.

Weekly hours are 37 × numerator / denominator (Opus' share of full time; docs say what
is not known about them). Opus has no absence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from samraad.interchange.errors import InputError
from samraad.interchange.reading import LINE, Unreadable
from samraad.interchange.sources import cpr
from samraad.interchange.sources.converted import (
    EMPLOYMENT_COLUMNS,
    Converted,
    Slice,
    count,
    employment_rows,
    family,
    rows_frame,
)
from samraad.interchange.sources.opus_replay import (
    History,
    Version,
    date,
    employment_change,
    hours,
    replay,
    unit_change,
)
from samraad.interchange.sources.opus_xml import Dump, Element, read_dump

OPEN = "9999-12-31"
UNIT_FIELDS = {
    "unit_id": "id",
    "name": "longName",
    "kind": "orgTypeTxt",
    "parent_id": "parentOrgUnit",
    "valid_from": "startDate",
    "valid_to": "endDate",
}
EMPLOYMENT_FIELDS = {
    "employment_id": "id",
    "employee_id": "cpr",
    "unit_id": "orgUnit",
    "job_group": "position",
    "weekly_hours": "numerator",
    "start_date": "entryDate",
    "end_date": "leaveDate",
    "end_reason": "orgUnit",
}
EMPLOYEE_FIELDS = {"employee_id": "cpr", "birth_date": "cpr", "gender": "cpr", "name": "lastName"}


def read_opus(paths: list[Path], secret: str) -> Converted:
    converted = Converted()
    dumps = []
    for path in paths:
        try:
            dumps.append(read_dump(path))
        except Unreadable as exc:
            converted.folder.errors.extend(exc.errors)
    if converted.folder.errors:
        converted.folder.unreadable.update(("units", "employees", "employments"))
        return converted
    dumps.sort(key=lambda d: d.stamp)
    numbered = [(n, dump, el) for n, (dump, el) in enumerate(_all(dumps), start=1)]
    errors = [e for n, dump, el in numbered for e in _element_errors(dump, el)]
    if errors:
        converted.folder.errors.extend(errors)
        converted.folder.unreadable.update(("units", "employees", "employments"))
        return converted
    number = {id(el): n for n, _, el in numbered}
    origin = f"{count(len(dumps), 'Opus dump')}"
    lines = pl.DataFrame(
        [(n, dump.file, el.line) for n, dump, el in numbered],
        schema={LINE: pl.Int64, "file": pl.String, "line": pl.Int64},
        orient="row",
    )
    units = replay(dumps, "orgUnit", number, unit_change)
    # The dumps speak for every unit and employment they name: a replayed history
    # replaces the stored one (so a cancelled employment goes, and a corrected day moves).
    unit_ids = pl.col("unit_id").is_in(pl.Series(list(units), dtype=pl.String).implode())
    converted.add("units", origin, _unit_rows(units), UNIT_FIELDS, lines, unit_ids)
    employments = replay(dumps, "employee", number, employment_change)
    cancelled = {i: h for i, h in employments.items() if not h.versions}
    kept = {i: h for i, h in employments.items() if h.versions}
    people = _people(kept, secret)
    converted.add("employees", origin, _employee_rows(kept, people), EMPLOYEE_FIELDS, lines)
    named = sorted({el.id for _, _, el in numbered if el.kind == "employee"})
    converted.add(
        "employments",
        origin,
        _employment_rows(kept, people),
        EMPLOYMENT_FIELDS,
        lines,
        family("employment_id", named),
    )
    if cancelled:
        converted.notices.append(
            f"{origin}: {count(len(cancelled), 'employment')} cancelled in Opus (gone from a later"
            f" dump without a leave): not imported ({', '.join(sorted(cancelled))})"
        )
    return converted


def _all(dumps: list[Dump]) -> Iterable[tuple[Dump, Element]]:
    for dump in dumps:
        for element in dump.elements:
            yield dump, element


def _element_errors(dump: Dump, el: Element) -> list[InputError]:
    def error(name: str, message: str) -> InputError:
        return InputError(dump.file, el.line, name, message)

    found = []
    if not el.id:
        found.append(error("id", "required value is empty"))
    dates = ("startDate", "endDate") if el.kind == "orgUnit" else ("entryDate", "leaveDate")
    for name in dates:
        value = el.get(name)
        if value is not None and date(value) is None:
            found.append(error(name, f'"{value}" is not a date in the form YYYY-MM-DD'))
    changed = el.attributes.get("lastChanged")
    if changed is not None and date(changed) is None:
        found.append(error("lastChanged", f'"{changed}" is not a date in the form YYYY-MM-DD'))
    if el.kind == "employee" and el.attributes.get("action") != "leave":
        value = el.get("cpr")
        if value is None or not cpr.digits_of(value):
            found.append(error("cpr", cpr.NOT_A_CPR))
        if el.get("entryDate") is None:
            found.append(error("entryDate", "required value is empty"))
        if hours(el) is None:
            message = "numerator / denominator is no share of full time (two numbers, not /0)"
            found.append(error("denominator", message))
    return found


@dataclass(frozen=True)
class Period:
    version: Version
    start: dt.date
    end: dt.date | None


def _periods(history: History, first: dt.date, last: dt.date | None) -> list[Period]:
    """Each version from its day to the day before the next; the last to `last`."""
    periods = []
    versions = history.versions
    for i, version in enumerate(versions):
        start = max(first, version.start) if i else first
        end = versions[i + 1].start - dt.timedelta(days=1) if i + 1 < len(versions) else last
        if end is None or end >= start:
            periods.append(Period(version, start, end))
    return periods


def _earliest(*days: dt.date | None) -> dt.date | None:
    known = [d for d in days if d is not None]
    return min(known) if known else None


def _open_end(text: str | None) -> dt.date | None:
    return None if text in (None, OPEN) else date(text or "")


def _unit_rows(histories: dict[str, History]) -> pl.DataFrame:
    rows: list[tuple[object, ...]] = []
    for unit_id, history in histories.items():
        if not history.versions:
            continue
        latest = history.versions[-1].element
        last = _earliest(history.end, _open_end(latest.get("endDate")))
        merged: list[list[Any]] = []
        for p in _periods(history, history.versions[0].start, last):
            el = p.version.element
            values = (el.get("longName") or el.get("shortName"), el.get("orgTypeTxt") or "unit")
            row = [unit_id, *values, el.get("parentOrgUnit"), p.start, p.end, p.version.number]
            if merged and merged[-1][1:4] == row[1:4]:
                merged[-1][5] = p.end  # only fields Samråd does not keep changed
            else:
                merged.append(row)
        rows.extend(tuple(r) for r in merged)
    return rows_frame(rows, ["unit_id", "name", "kind", "parent_id", "valid_from", "valid_to"])


def _people(histories: dict[str, History], secret: str) -> dict[str, str]:
    """CPR number (ten digits) → employee key, for every employment kept."""
    numbers = {cpr.digits_of(h.versions[-1].element.get("cpr") or "") for h in histories.values()}
    digits = pl.Series("cpr", sorted(n for n in numbers if n), dtype=pl.String)
    return dict(zip(digits, cpr.employee_keys(digits, secret), strict=True))


def _cpr(history: History) -> str:
    return cpr.digits_of(history.versions[-1].element.get("cpr") or "") or ""


def _employee_rows(histories: dict[str, History], people: dict[str, str]) -> pl.DataFrame:
    latest: dict[str, Version] = {}
    for history in histories.values():
        version = history.versions[-1]
        number = _cpr(history)
        if number not in latest or version.number > latest[number].number:
            latest[number] = version
    rows = []
    for number, version in latest.items():
        el = version.element
        name = " ".join(n for n in (el.get("firstName"), el.get("lastName")) if n) or None
        rows.append((people[number], number, name, version.number))
    frame = pl.DataFrame(
        rows, schema=["employee_id", "_cpr", "name", LINE], orient="row"
    ).with_columns(pl.col(LINE).cast(pl.Int64))
    return frame.select(
        "employee_id",
        cpr.birth_date(pl.col("_cpr")).dt.strftime("%Y-%m-%d").alias("birth_date"),
        cpr.gender(pl.col("_cpr")).alias("gender"),
        "name",
        LINE,
    ).sort(LINE)


def _employment_rows(histories: dict[str, History], people: dict[str, str]) -> pl.DataFrame:
    rows: list[tuple[Any, ...]] = []
    for employment_id, history in histories.items():
        latest = history.versions[-1].element
        entry = date(latest.get("entryDate") or "") or history.versions[0].start
        last = _earliest(history.end, date(latest.get("leaveDate") or ""))
        slices = [
            Slice(
                p.version.element.get("orgUnit"),
                p.version.element.get("position"),
                hours(p.version.element) or 0.0,
                p.start,
                p.end,
                p.version.number,
            )
            for p in _periods(history, entry, last)
        ]
        rows += employment_rows(employment_id, people[_cpr(history)], slices)
    return rows_frame(rows, EMPLOYMENT_COLUMNS)
