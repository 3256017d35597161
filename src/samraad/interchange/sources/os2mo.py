"""`samraad import --format os2mo URL`: OS2mo's organisation and engagements over GraphQL.

Read with their whole validity history (filter from_date/to_date null, `validities`):
- org units → units.csv: one row per validity; the top-level units hang under the
  organisation itself (OS2mo's `org`), which becomes the root, as the format has one.
- engagements → employments.csv: one row per run of validities with the same unit, job
  function and hours; weekly hours are `fraction` / 1,000,000 × 37 (the occupation rate
  in millionths, as OS2mo's SD integration writes it). An engagement without a fraction
  (OS2mo fed from Opus has none) has no known hours: kept apart and counted.
- employees → employees.csv: the name; birth date and gender from the CPR number when
  OS2mo has it (read in memory, never kept).
Dates follow GraphQL v29 and later: a validity is [from, to), `to` exclusive.
Leaves (orlov) and sickness are not read: absence comes from SD or absences.csv.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import polars as pl

from samraad.interchange.reading import LINE
from samraad.interchange.sources import OS2moSettings, Unavailable, Unusable, cpr
from samraad.interchange.sources.converted import (
    EMPLOYMENT_COLUMNS,
    Converted,
    Slice,
    count,
    employment_rows,
    family,
    rows_frame,
)
from samraad.interchange.sources.os2mo_client import Client, OS2moError

VERSION = 30  # the GraphQL version these queries are written for
OLDEST_VERSION = 29  # before 29, validities' dates were off by one day
PAGE_SIZE = 500
FULL_TIME_HOURS = 37
FRACTION_SCALE = 1_000_000

VALIDITY = "validity { from to }"
UNITS = f"""query Units($limit: int, $cursor: Cursor) {{
  page: org_units(limit: $limit, cursor: $cursor, filter: {{from_date: null, to_date: null}}) {{
    objects {{ uuid validities(start: null, end: null) {{
      user_key name parent_response {{ uuid }} unit_type_response {{ current {{ name }} }}
      {VALIDITY} }} }}
    page_info {{ next_cursor }}
  }}
}}"""
ENGAGEMENTS = f"""query Engagements($limit: int, $cursor: Cursor) {{
  page: engagements(limit: $limit, cursor: $cursor, filter: {{from_date: null, to_date: null}}) {{
    objects {{ uuid validities(start: null, end: null) {{
      user_key fraction person_response {{ uuid }} org_unit_response {{ uuid }}
      job_function_response {{ current {{ name }} }} {VALIDITY} }} }}
    page_info {{ next_cursor }}
  }}
}}"""
EMPLOYEES = f"""query Employees($limit: int, $cursor: Cursor) {{
  page: employees(limit: $limit, cursor: $cursor, filter: {{from_date: null, to_date: null}}) {{
    objects {{ uuid validities(start: null, end: null) {{ name cpr_number {VALIDITY} }} }}
    page_info {{ next_cursor }}
  }}
}}"""
ORGANISATION = "query Organisation { org { uuid name } }"

UNIT_FIELDS = {
    "unit_id": "uuid",
    "name": "name",
    "kind": "unit_type",
    "parent_id": "parent",
    "valid_from": "validity.from",
    "valid_to": "validity.to",
}
EMPLOYMENT_FIELDS = {
    "employment_id": "uuid",
    "employee_id": "person",
    "unit_id": "org_unit",
    "job_group": "job_function",
    "weekly_hours": "fraction",
    "start_date": "validity.from",
    "end_date": "validity.to",
    "end_reason": "org_unit",
}
EMPLOYEE_FIELDS = {
    "employee_id": "uuid",
    "birth_date": "cpr_number",
    "gender": "cpr_number",
    "name": "name",
}


def endpoint(url: str) -> str:
    """The GraphQL endpoint: URL as given if it names a version, else URL/graphql/v30."""
    match = re.search(r"/graphql/v(\d+)/?$", url)
    if match is None:
        return f"{url.rstrip('/')}/graphql/v{VERSION}"
    if int(match.group(1)) < OLDEST_VERSION:
        raise Unusable(f"OS2mo's GraphQL v{OLDEST_VERSION} or later is needed (dates)")
    return url


def read_os2mo(
    url: str, settings: OS2moSettings, secret: str, page_size: int = PAGE_SIZE
) -> Converted:
    client = Client(endpoint(url), settings.token_url, settings.client_id, settings.client_secret)
    try:
        organisation = client.execute(ORGANISATION)["org"]
        units = [o for page in client.pages(UNITS, page_size) for o in page]
        engagements = [o for page in client.pages(ENGAGEMENTS, page_size) for o in page]
        people = [o for page in client.pages(EMPLOYEES, page_size) for o in page]
    except OS2moError as exc:
        raise Unavailable(str(exc)) from None
    converted = Converted()
    origin = f"OS2mo at {url}"
    places = Places()
    unit_rows = _units(units, organisation, places)
    employments, without = _employments(engagements, places)
    needed = set(employments["employee_id"].drop_nulls())
    keys = _keys(people, settings.employee_key, secret, needed)
    employments = employments.with_columns(pl.col("employee_id").replace_strict(keys, default=None))
    employees = _employees(people, keys, set(employments["employee_id"]), places)
    lines = places.frame()
    # OS2mo's whole history replaces the stored one of every unit and engagement it has.
    unit_ids = [organisation["uuid"], *(u["uuid"] for u in units)]
    engagement_ids = [e["uuid"] for e in engagements]
    converted.add("units", origin, unit_rows, UNIT_FIELDS, lines, family("unit_id", unit_ids))
    converted.add("employees", origin, employees, EMPLOYEE_FIELDS, lines)
    converted.add(
        "employments",
        origin,
        employments,
        EMPLOYMENT_FIELDS,
        lines,
        family("employment_id", engagement_ids),
    )
    if without:
        converted.notices.append(
            f"{origin}: {count(without, 'engagement')} without a fraction (occupation rate):"
            " no known hours, so kept apart and not in the figures"
        )
    return converted


class Places:
    """Numbers each validity read (LINE) with where it is: `OS2mo <kind> <uuid>`, its
    place among the object's validities."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, str, int]] = []

    def add(self, kind: str, uuid: str, index: int) -> int:
        self.rows.append((len(self.rows) + 1, f"OS2mo {kind} {uuid}", index + 1))
        return len(self.rows)

    def frame(self) -> pl.DataFrame:
        schema = {LINE: pl.Int64, "file": pl.String, "line": pl.Int64}
        return pl.DataFrame(self.rows, schema=schema, orient="row")


def _day(text: str | None, exclusive_end: bool = False) -> dt.date | None:
    if text is None:
        return None
    moment = dt.datetime.fromisoformat(text)
    if exclusive_end:  # [from, to): the last day is the one before `to` (v29 and later)
        moment -= dt.timedelta(microseconds=1)
    return moment.date()


def _validities(obj: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    found = [v for v in obj.get("validities") or [] if v]
    return sorted(enumerate(found), key=lambda iv: str(iv[1]["validity"]["from"]))


def _uuid(response: dict[str, Any] | None) -> str | None:
    return None if not response else response.get("uuid")


def _current_name(response: dict[str, Any] | None) -> str | None:
    current = (response or {}).get("current") or {}
    return current.get("name")


def _units(objects: list[dict[str, Any]], org: dict[str, Any], places: Places) -> pl.DataFrame:
    rows: list[tuple[Any, ...]] = []
    first = None
    for obj in objects:
        for index, v in _validities(obj):
            start = _day(v["validity"]["from"])
            first = start if first is None or (start and start < first) else first
            parent = _uuid(v.get("parent_response")) or org["uuid"]
            kind = _current_name(v.get("unit_type_response")) or "unit"
            end = _day(v["validity"]["to"], exclusive_end=True)
            line = places.add("org_unit", obj["uuid"], index)
            rows.append((obj["uuid"], v.get("name"), kind, parent, start, end, line))
    root = (org["uuid"], org.get("name") or "OS2mo", "municipality", None, first, None, 0)
    columns = ["unit_id", "name", "kind", "parent_id", "valid_from", "valid_to"]
    return rows_frame([root, *rows], columns)


def _employments(objects: list[dict[str, Any]], places: Places) -> tuple[pl.DataFrame, int]:
    rows: list[tuple[Any, ...]] = []
    without = 0
    for obj in objects:
        slices, person = [], None
        for index, v in _validities(obj):
            line = places.add("engagement", obj["uuid"], index)
            if not v.get("fraction"):
                continue
            person = _uuid(v.get("person_response"))
            slices.append(
                Slice(
                    _uuid(v.get("org_unit_response")),
                    _current_name(v.get("job_function_response")),
                    round(FULL_TIME_HOURS * v["fraction"] / FRACTION_SCALE, 2),
                    _day(v["validity"]["from"]) or dt.date(1900, 1, 1),
                    _day(v["validity"]["to"], exclusive_end=True),
                    line,
                )
            )
        if slices and person:
            rows += employment_rows(obj["uuid"], person, slices)
        elif obj.get("validities"):
            without += 1
    return rows_frame(rows, EMPLOYMENT_COLUMNS), without


def _keys(people: list[dict[str, Any]], key: str, secret: str, needed: set[str]) -> dict[str, str]:
    """Person uuid → employee key (of the `needed` persons): the uuid, or the keyed hash of
    the CPR number."""
    if key == "uuid":
        return {p["uuid"]: p["uuid"] for p in people if p["uuid"] in needed}
    numbers = {
        p["uuid"]: cpr.digits_of(_latest(p).get("cpr_number") or "")
        for p in people
        if p["uuid"] in needed
    }
    missing = sorted(u for u, n in numbers.items() if n is None)
    if missing:
        raise Unusable(
            f"SAMRAAD_OS2MO_EMPLOYEE_KEY is cpr, but OS2mo has no CPR number for {missing[0]}"
            f" (and {len(missing) - 1} more)"
        )
    uuids = list(numbers)
    hashed = cpr.employee_keys(pl.Series([numbers[u] for u in uuids], dtype=pl.String), secret)
    return dict(zip(uuids, hashed, strict=True))


def _latest(person: dict[str, Any]) -> dict[str, Any]:
    validities = _validities(person)
    return validities[-1][1] if validities else {}


def _employees(
    people: list[dict[str, Any]], keys: dict[str, str], used: set[str], places: Places
) -> pl.DataFrame:
    rows = []
    for person in people:
        if keys.get(person["uuid"]) not in used:
            continue
        latest = _latest(person)
        number = cpr.digits_of(latest.get("cpr_number") or "")
        line = places.add("employee", person["uuid"], len(_validities(person)) - 1)
        rows.append((keys[person["uuid"]], number, latest.get("name"), line))
    frame = pl.DataFrame(
        rows,
        schema={"employee_id": pl.String, "_cpr": pl.String, "name": pl.String, LINE: pl.Int64},
        orient="row",
    )
    return frame.select(
        "employee_id",
        cpr.birth_date(pl.col("_cpr")).dt.strftime("%Y-%m-%d").alias("birth_date"),
        cpr.gender(pl.col("_cpr")).alias("gender"),
        "name",
        LINE,
    )
