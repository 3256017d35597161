"""The worst identifiers the import accepts, imported, and every page of their units and
persons opened: each answers 200 to a role that may see it, and every link on those
pages leads somewhere that answers 200 too."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from email.message import Message
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client

from samraad.accounts.models import Role, RoleAssignment
from samraad.followup.models import Alert
from samraad.interchange.store import import_folder

# Each is a unit (U…) and, with a prefix, an employee: every character a path segment
# must encode, quotes and markup, formulas, non-Latin letters, and the longest allowed.
WORST = [
    "a?b#c%20d&e=f+g",
    "\"<b onmouseover='x'>",
    "%2F..%5C\\",
    "...",
    "Ærø Ø å 😀",
    '=HYPERLINK("x")',
    "@SUM(1+1)",
    "~!$'()*,;:@",
    "x" * 59 + "%?#&",  # 64 characters with the one-letter prefix of an employee
]
MANAGER = "+M 1"
SINCE = "2024-01-01"


def _csv(header: str, rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header.split(","))
    writer.writerows(rows)
    return out.getvalue()


def _folder(path: Path) -> Path:
    units = [
        ["KK", "Kommunen", "municipality", "", SINCE],
        ["ADM?", "Forv.", "administration", "KK", SINCE],
    ]
    units += [[w, f"Enhed {i}", "unit", "ADM?", SINCE] for i, w in enumerate(WORST)]
    employees = [[MANAGER], *([f"P{w}"] for w in WORST)]
    employments = [[f"E{w}", f"P{w}", w, "hk", "37", SINCE] for w in WORST]
    absences = [[f"S{w}", f"P{w}", "own_sickness", "2026-03-02", "2026-03-06"] for w in WORST]
    managers = [[w, MANAGER, "m@kk.example", SINCE] for w in WORST]
    files = {
        "units.csv": _csv("unit_id,name,kind,parent_id,valid_from", units),
        "employees.csv": _csv("employee_id", employees),
        "employments.csv": _csv(
            "employment_id,employee_id,unit_id,job_group,weekly_hours,start_date", employments
        ),
        "absences.csv": _csv("absence_id,employee_id,cause,start_date,end_date", absences),
        "managers.csv": _csv("unit_id,employee_id,email,valid_from", managers),
    }
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def users(db: None, tmp_path: Path) -> dict[str, User]:
    import_folder(_folder(tmp_path / "worst"))
    for w in WORST:
        Alert.objects.create(
            employee_id=f"P{w}",
            rule_id="conversation",
            ruleset_version="test",
            title="Samtale",
            raised_on=dt.date(2026, 6, 8),
            due_by=dt.date(2026, 6, 22),
            reason="spells",
            unit_id=w,
        )
    found = {}
    for name, role, employee, unit in [
        ("carl", Role.CENTRAL_HR, None, None),
        ("hanna", Role.HR_PARTNER, None, "ADM?"),
        ("mona", Role.MANAGER, MANAGER, None),
    ]:
        found[name] = User.objects.create_user(name, f"{name}@kk.example", "pw")
        RoleAssignment.objects.create(
            user=found[name], role=role, employee_id=employee, unit_id=unit
        )
    return found


def segment(identifier: str) -> str:
    """As a browser or an API client writes the identifier in a path."""
    return quote(identifier, safe="")


def pages(w: str, *, audit: bool = False) -> list[str]:
    unit, person = segment(w), segment(f"P{w}")
    alert = Alert.objects.get(employee_id=f"P{w}").pk
    return [
        f"/units/{unit}/",
        f"/units/{unit}/?structure=current",
        f"/units/{unit}/employees/",
        f"/units/{unit}/employees.csv",
        f"/org/?unit={unit}",
        f"/org/{unit}/children/",
        f"/employees/{person}/",
        f"/alerts/{alert}/conversation/",
        f"/api/v1/units/{unit}/statistics",
        f"/api/v1/units/{unit}/sub-units",
        f"/api/v1/units/{unit}/employees",
        *([f"/audit/?employee={person}&unit={unit}"] if audit else []),
    ]


@pytest.mark.parametrize("who", ["carl", "hanna", "mona"])
def test_every_page_of_a_worst_identifier_answers_200(
    client: Client, users: dict[str, User], who: str
) -> None:
    client.force_login(users[who])
    for w in WORST:
        for url in pages(w, audit=who == "carl"):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)


@pytest.mark.parametrize("who", ["hanna", "mona"])
def test_every_link_on_the_pages_of_a_worst_identifier_answers_200(
    client: Client, users: dict[str, User], who: str
) -> None:
    client.force_login(users[who])
    links = {"/", "/alerts/"}
    tree = [f"/org/?unit={segment('ADM?')}", f"/org/{segment('ADM?')}/children/"]
    for url in ["/", "/alerts/", "/org/", *tree, *(p for w in WORST for p in pages(w))]:
        body = client.get(url).getvalue().decode()
        for href in re.findall(r'(?:href|hx-get)="([^"]+)"', body):
            target = html.unescape(href)
            if target.startswith("/") and not target.startswith(("/static/", "/admin/")):
                links.add(target)
    paths = {unquote(urlsplit(link).path) for link in links}
    assert {f"/employees/P{w}/" for w in WORST} <= paths
    assert {f"/units/{w}/" for w in WORST} <= paths
    for link in sorted(links):
        # The breadcrumbs also name the units above the user's scope: those may refuse.
        ours = any(w in unquote(link) for w in WORST)
        assert client.get(link).status_code in ({200} if ours else {200, 403}), link


def test_the_csv_file_name_holds_the_unit_as_it_is(client: Client, users: dict[str, User]) -> None:
    client.force_login(users["carl"])
    for w in WORST:
        response = client.get(f"/units/{segment(w)}/employees.csv")
        header = Message()
        header["Content-Disposition"] = response["Content-Disposition"]
        assert header.get_filename() == f"medarbejdere-{w}-2026-06-15.csv"
