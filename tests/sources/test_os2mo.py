"""OS2mo's GraphQL API, from a local endpoint started by the test: units with their
history, engagements, paging, client-credentials sign-in (docs/sources/os2mo.md)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.interchange.reading import LINE
from samraad.interchange.sources import OS2moSettings, Unavailable
from samraad.interchange.sources.converted import Converted
from samraad.interchange.sources.os2mo import read_os2mo

from . import os2mo_server as mo
from .conftest import SECRET, Run
from .test_no_cpr_stored import assert_no_cpr_stored

pytestmark = pytest.mark.django_db(databases=[])


@pytest.fixture
def os2mo() -> Iterator[mo.OS2mo]:
    with mo.serving() as server:
        yield server


def signed_in(server: mo.OS2mo, key: str = "uuid") -> OS2moSettings:
    return OS2moSettings(server.url, server.token_url, mo.CLIENT_ID, mo.CLIENT_SECRET, key)


def read(server: mo.OS2mo, key: str = "uuid", page_size: int = 2) -> Converted:
    converted = read_os2mo(server.url, signed_in(server, key), SECRET, page_size=page_size)
    assert not converted.folder.errors
    return converted


def rows(converted: Converted, table: str) -> list[tuple[object, ...]]:
    frame = converted.folder.sources[table].frame.drop(LINE)
    return frame.sort(frame.columns[0], frame.columns[min(4, frame.width - 1)]).rows()


def test_units_come_with_their_history_under_the_organisation(os2mo: mo.OS2mo) -> None:
    assert rows(read(os2mo), "units") == [
        (mo.U1, "Børn og Unge", "Forvaltning", mo.ORG["uuid"], "2015-01-01", None),
        # [from, to): the school's first validity ends the day before 1 July.
        (mo.U2, "Skolen", "Afdeling", mo.U1, "2015-01-01", "2025-06-30"),
        (mo.U2, "Skolen", "Afdeling", mo.U3, "2025-07-01", None),
        (mo.U3, "Kultur", "Forvaltning", mo.ORG["uuid"], "2015-01-01", None),
        (mo.U4, "Vuggestuen", "Afdeling", mo.U1, "2015-01-01", None),
        (mo.ORG["uuid"], "Testby Kommune", "municipality", None, "2015-01-01", None),
    ]


def test_engagements_become_employments(os2mo: mo.OS2mo) -> None:
    assert rows(read(os2mo), "employments") == [
        (mo.E1, mo.P1, mo.U2, "Lærer", "37", "2020-08-01", None, None),
        # fraction 810,811 millionths of 37 hours: 30 hours.
        (mo.E2, mo.P2, mo.U4, "Pædagog", "30", "2021-03-01", "2025-03-31", "transfer"),
        (f"{mo.E2}-20250401", mo.P2, mo.U2, "Pædagog", "30", "2025-04-01", None, None),
        (mo.E4, mo.P4, mo.U3, "AC", "37", "2023-01-01", "2025-02-28", None),
    ]


def test_engagement_without_a_fraction_is_kept_apart(os2mo: mo.OS2mo) -> None:
    converted = read(os2mo)
    assert converted.notices == [
        f"OS2mo at {os2mo.url}: 1 engagement without a fraction (occupation rate): no known"
        " hours, so kept apart and not in the figures"
    ]
    assert mo.P3 not in converted.folder.sources["employees"].frame["employee_id"].to_list()


def test_employees_by_person_uuid_with_birth_date_and_gender(os2mo: mo.OS2mo) -> None:
    assert rows(read(os2mo), "employees") == [
        (mo.P1, "1980-02-15", "F", "Anna Jensen"),
        (mo.P2, "1972-07-01", "M", "Bo Nielsen"),
        (mo.P4, "1985-11-30", "M", "Dennis Lund"),
    ]


def test_employee_key_can_be_the_cpr_key_that_sd_gives(os2mo: mo.OS2mo) -> None:
    from .test_sd_statistics import key

    employees = rows(read(os2mo, key="cpr"), "employees")
    assert [e[0] for e in employees] == sorted(
        [key("1502801002"), key("0107721011"), key("3011851015")]
    )


def test_every_page_is_read(os2mo: mo.OS2mo) -> None:
    read(os2mo, page_size=1)
    pages = [q["variables"]["cursor"] for q in os2mo.queries if "org_units(" in q["query"]]
    assert pages == [None, "1", "2", "3"]


def test_a_token_that_runs_out_is_renewed(os2mo: mo.OS2mo) -> None:
    read(os2mo, page_size=1)  # 13 queries; a token answers 3
    assert os2mo.tokens_issued == 5


def test_wrong_client_secret_is_said_plainly(os2mo: mo.OS2mo) -> None:
    settings = OS2moSettings(os2mo.url, os2mo.token_url, mo.CLIENT_ID, "wrong")
    with pytest.raises(Unavailable) as refused:
        read_os2mo(os2mo.url, settings, SECRET)
    assert str(refused.value) == (
        f"signing in to OS2mo at {os2mo.token_url} failed: 401 Unauthorized"
    )


def test_unreachable_os2mo_is_said_plainly() -> None:
    with mo.serving() as server:
        url = server.url
    with pytest.raises(Unavailable) as refused:
        read_os2mo(url, OS2moSettings(url), SECRET)
    assert str(refused.value).startswith(f"{url} cannot be reached: ")


@pytest.mark.django_db
def test_import_through_the_command(
    os2mo: mo.OS2mo, run_import: Run, settings: SettingsWrapper
) -> None:
    settings.SAMRAAD_OS2MO_TOKEN_URL = os2mo.token_url
    settings.SAMRAAD_OS2MO_CLIENT_ID = mo.CLIENT_ID
    settings.SAMRAAD_OS2MO_CLIENT_SECRET = mo.CLIENT_SECRET
    outcome = run_import("--format", "os2mo", os2mo.url)
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out.splitlines()[:3] == [
        f"units.csv (from OS2mo at {os2mo.url}): added 6, updated 0, unchanged 0",
        f"employees.csv (from OS2mo at {os2mo.url}): added 3, updated 0, unchanged 0",
        f"employments.csv (from OS2mo at {os2mo.url}): added 4, updated 0, unchanged 0",
    ]
    assert_no_cpr_stored({"1502801002", "0107721011", "3011851015"})


@pytest.mark.django_db
def test_error_names_the_os2mo_object_validity_and_field(
    run_import: Run, settings: SettingsWrapper
) -> None:
    import copy

    world = copy.deepcopy(mo.TESTBY)
    gone = "0000dead-1111-4000-8000-000000000000"
    world["engagements"][1]["validities"][1]["org_unit_response"] = {"uuid": gone}
    with mo.serving(world) as server:
        settings.SAMRAAD_OS2MO_TOKEN_URL = server.token_url
        settings.SAMRAAD_OS2MO_CLIENT_ID = mo.CLIENT_ID
        settings.SAMRAAD_OS2MO_CLIENT_SECRET = mo.CLIENT_SECRET
        outcome = run_import("--format", "os2mo", server.url)
    assert outcome.code == 1
    assert outcome.errors == [
        f"OS2mo engagement {mo.E2}:2: org_unit: unit {gone} exists neither in this import nor"
        " in the database"
    ]
