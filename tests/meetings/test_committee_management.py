"""Committees and members managed on the pages: central HR builds the tree, a secretary
keeps their committee's members and creates its working groups; a change of role is a
new seat from its day, the old one kept; every seat with a login is in the audit log."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from samraad.audit.models import AuditEntry
from samraad.committees.models import Committee, Member
from tests.meetings.world import Committees


def test_central_hr_creates_a_local_committee_under_a_hovedmed(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.world.carl)
    response = client.post(
        "/committees/new/",
        {
            "code": "LMED-DAG",
            "name": "LokalMED Dagtilbud",
            "level": "local",
            "parent": "HMED-BUF",
            "unit": "DAG",
        },
    )
    assert response.status_code == 302
    created = Committee.objects.get(code="LMED-DAG")
    assert (created.level, created.parent_id, created.scope_unit_id()) == (
        "local",
        "HMED-BUF",
        "DAG",
    )
    listing = client.get("/committees/").content.decode()
    assert listing.index("HMED-BUF") < listing.index("LMED-DAG")


def test_a_committee_needs_a_scope_and_a_free_code(client: Client, committees: Committees) -> None:
    client.force_login(committees.world.carl)
    for data in (
        {"code": "X", "name": "Uden omfang", "level": "main"},
        {"code": "CSO", "name": "Igen", "level": "central", "unit": "KK"},
        {"code": "new", "name": "Nyt", "level": "main", "unit": "KFF"},
    ):
        assert client.post("/committees/new/", data).status_code == 400
    assert not Committee.objects.filter(code__in=["X", "new"]).exists()


def test_a_secretary_creates_a_working_group_under_their_committee_only(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.sofie)
    data = {
        "code": "AG-SEN",
        "name": "Arbejdsgruppen om seniorer",
        "mandate": "Forslag til seniorpolitik.",
        "level": "central",
        "unit": "KK",
    }
    assert client.post("/committees/new/?parent=CSO", data).status_code == 302
    group = Committee.objects.get(code="AG-SEN")
    assert (group.level, group.parent_id, group.unit_id, group.mandate) == (
        "working_group",
        "CSO",
        None,
        "Forslag til seniorpolitik.",
    )
    assert (
        client.post("/committees/new/?parent=HMED-BUF", data | {"code": "AG-2"}).status_code == 403
    )


def test_a_secretary_changes_name_and_mandate_not_the_place_in_the_tree(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.sofie)
    data = {
        "code": "CSO",
        "name": "CSO",
        "mandate": "Kommunens centrale MED-udvalg.",
        "level": "local",
        "unit": "BUF",
    }
    assert client.post("/committees/CSO/settings/", data).status_code == 302
    cso = Committee.objects.get(code="CSO")
    assert (cso.name, cso.mandate, cso.level, cso.unit_id) == (
        "CSO",
        "Kommunens centrale MED-udvalg.",
        "central",
        "KK",
    )


def test_a_member_with_a_login_is_added_and_the_seat_is_audited(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.sofie)
    data = {
        "name": "Alice Andersen",
        "side": "management",
        "role": "member",
        "organisation": "ledelsen",
        "valid_from": "2026-07-01",
        "username": "alice",
    }
    assert client.post("/committees/CSO/members/", data).status_code == 302
    seat = Member.objects.get(name="Alice Andersen")
    assert (seat.user, seat.valid_from) == (committees.world.alice, dt.date(2026, 7, 1))
    assert AuditEntry.objects.filter(action="role", target="alice", username="sofie").exists()
    unknown = client.post("/committees/CSO/members/", data | {"username": "nobody"})
    assert unknown.status_code == 400 and Member.objects.filter(name="Alice Andersen").count() == 1


def test_a_change_of_role_is_a_new_seat_and_the_old_one_is_kept(
    client: Client, committees: Committees
) -> None:
    mette = Member.objects.get(name="Mette Holm")
    client.force_login(committees.world.carl)
    prefix = f"m{mette.pk}-"
    data = {
        prefix + "on": "2026-07-01",
        prefix + "side": "employee",
        prefix + "role": "vice_chair",
        prefix + "organisation": "FOA",
    }
    client.post(f"/committees/CSO/members/{mette.pk}/", data)
    seats = list(Member.objects.filter(name="Mette Holm").order_by("valid_from"))
    assert [(s.role, s.valid_from, s.valid_to) for s in seats] == [
        ("member", dt.date(2022, 1, 1), dt.date(2026, 6, 30)),
        ("vice_chair", dt.date(2026, 7, 1), None),
    ]
    assert seats[1].user == committees.world.mette
    page = client.get("/committees/CSO/members/").content.decode()
    assert all(f'data-member="{s.pk}"' in page for s in seats)  # both, current and coming


def test_a_seat_ends_without_a_new_one(client: Client, committees: Committees) -> None:
    gitte = Member.objects.get(name="Gitte Gæst")
    client.force_login(committees.sofie)
    prefix = f"m{gitte.pk}-"
    client.post(
        f"/committees/CSO/members/{gitte.pk}/",
        {
            prefix + "on": "2026-06-15",
            prefix + "end": "on",
            prefix + "side": "employee",
            prefix + "role": "guest",
        },
    )
    assert list(Member.objects.filter(name="Gitte Gæst").values_list("valid_to", flat=True)) == [
        dt.date(2026, 6, 14)
    ]
    client.force_login(committees.gitte)
    assert client.get("/committees/CSO/").status_code == 404


def test_the_member_list_is_recorded_as_a_view_of_personal_data(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.world.carl)
    client.get("/committees/CSO/members/")
    assert (
        AuditEntry.objects.filter(username="carl", page="committees:members", unit_id="KK").count()
        == 1
    )


def test_the_menu_shows_committees_to_seats_and_central_hr(
    client: Client, committees: Committees
) -> None:
    for user, shown in (
        (committees.world.mette, True),
        (committees.world.carl, True),
        (committees.world.alice, False),
        (committees.world.ada, False),
    ):
        client.force_login(user)
        assert ('data-nav="committees"' in client.get("/accounts/token/").content.decode()) is shown
