"""An administrator cannot give herself access to persons, and every role and permission
change is in the app's own audit log (finding 6)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from samraad.accounts.models import RoleAssignment, RoleStatus
from samraad.audit.models import AuditEntry
from samraad.committees.models import Member
from samraad.vocabulary import Role
from tests.web.world import PASSWORD, World

ADMIN_MODELS = ["user", "group", "roleassignment", "apitoken"]


@pytest.fixture
def ada(world: World) -> User:
    """The administrator as the demo makes one: staff, with the admin's model permissions."""
    world.ada.is_staff = True
    world.ada.save()
    world.ada.user_permissions.set(Permission.objects.filter(content_type__model__in=ADMIN_MODELS))
    return User.objects.get(pk=world.ada.pk)


def role_log() -> list[tuple[str, str, str]]:
    entries = AuditEntry.objects.filter(action="role").order_by("id")
    return [(e.username, e.target, e.detail) for e in entries]


def give_role(client: Client, user: User, role: Role, unit: str = "") -> int:
    data = {"user": user.pk, "role": role.value, "unit": unit, "employee": "", "_save": "1"}
    return client.post("/admin/accounts/roleassignment/add/", data).status_code


def test_the_user_form_offers_no_superuser_status(client: Client, ada: User) -> None:
    client.force_login(ada)
    form = client.get(f"/admin/auth/user/{ada.pk}/change/").context["adminform"].form
    assert "is_superuser" not in form.fields
    assert {"user_permissions", "groups"}.isdisjoint(form.fields)


def test_ticking_superuser_in_a_forged_post_changes_nothing(client: Client, ada: User) -> None:
    client.force_login(ada)
    data = {"username": "ada", "is_active": "on", "is_staff": "on", "is_superuser": "on"}
    data |= {"date_joined_0": "2026-06-01", "date_joined_1": "12:00:00"}
    assert client.post(f"/admin/auth/user/{ada.pk}/change/", data).status_code == 302
    assert not User.objects.get(pk=ada.pk).is_superuser


def test_an_administrator_cannot_give_herself_central_hr(
    client: Client, ada: User, world: World
) -> None:
    client.force_login(ada)
    assert give_role(client, ada, Role.CENTRAL_HR) == 200  # the form again, with the error
    assert not RoleAssignment.objects.filter(user=ada, role="central_hr").exists()
    assert client.get("/employees/SOL-1/").status_code == 404


def test_an_administrator_cannot_edit_her_own_role(client: Client, ada: User) -> None:
    own = RoleAssignment.objects.get(user=ada)
    client.force_login(ada)
    data = {"user": ada.pk, "role": "central_hr", "unit": "", "employee": "", "_save": "1"}
    client.post(f"/admin/accounts/roleassignment/{own.pk}/change/", data)
    assert RoleAssignment.objects.get(pk=own.pk).role == "administrator"


def test_a_person_level_role_waits_for_central_hr(client: Client, ada: User, world: World) -> None:
    dora = User.objects.create_user("dora", password=PASSWORD)
    client.force_login(ada)
    assert give_role(client, dora, Role.CENTRAL_HR) == 302
    given = RoleAssignment.objects.get(user=dora)
    assert (given.status, given.requested_by) == (RoleStatus.PENDING, ada)

    client.force_login(dora)
    assert client.get("/employees/SOL-1/").status_code == 404

    client.force_login(world.carl)
    page = client.get("/accounts/roles/pending/")
    assert [(r.username, r.requested_by, r.decidable) for r in page.context["rows"]] == [
        ("dora", "ada", True)
    ]
    client.post(f"/accounts/roles/{given.pk}/decide/", {"decision": "approve"})
    approved = RoleAssignment.objects.get(pk=given.pk)
    assert (approved.status, approved.approved_by) == (RoleStatus.ACTIVE, world.carl)

    client.force_login(dora)
    assert client.get("/employees/SOL-1/").status_code == 200
    assert role_log()[-2:] == [
        ("ada", "dora", "role given: central_hr (awaiting approval)"),
        ("carl", "dora", "role approved: central_hr"),
    ]


def test_nobody_approves_a_role_of_their_own(client: Client, ada: User, world: World) -> None:
    client.force_login(ada)
    give_role(client, world.carl, Role.HR_PARTNER, unit="KFF")
    pending = RoleAssignment.objects.get(user=world.carl, role="hr_partner")
    client.force_login(world.carl)
    assert client.get("/accounts/roles/pending/").context["rows"][0].decidable is False
    client.post(f"/accounts/roles/{pending.pk}/decide/", {"decision": "approve"})
    assert RoleAssignment.objects.get(pk=pending.pk).status == RoleStatus.PENDING


def test_only_central_hr_sees_the_approvals(client: Client, world: World) -> None:
    for user in (world.ada, world.hanna, world.alice):
        client.force_login(user)
        assert client.get("/accounts/roles/pending/").status_code == 403


def test_a_changed_person_level_role_waits_again(client: Client, ada: User, world: World) -> None:
    hanna = RoleAssignment.objects.get(user=world.hanna)
    client.force_login(ada)
    data = {
        "user": world.hanna.pk,
        "role": "hr_partner",
        "unit": "KFF",
        "employee": "",
        "_save": "1",
    }
    client.post(f"/admin/accounts/roleassignment/{hanna.pk}/change/", data)
    assert RoleAssignment.objects.get(pk=hanna.pk).status == RoleStatus.PENDING
    assert role_log()[-1] == (
        "ada",
        "hanna",
        "role changed: hr_partner BUF → hr_partner KFF (awaiting approval)",
    )


def test_an_administrator_cannot_set_the_password_of_a_user_who_sees_persons(
    client: Client, ada: User, world: World
) -> None:
    client.force_login(ada)
    url = f"/admin/auth/user/{world.carl.pk}/password/"
    response = client.post(url, {"password1": "x-Secret-2026!", "password2": "x-Secret-2026!"})
    assert response.status_code == 403
    assert User.objects.get(pk=world.carl.pk).check_password(PASSWORD)


def test_seats_and_flags_are_in_the_log(world: World) -> None:
    seat = Member.objects.get(user=world.mette)
    seat.valid_to = dt.date(2026, 12, 31)
    seat.save()
    seat.delete()
    world.hanna.is_staff = True
    world.hanna.save()
    RoleAssignment.objects.filter(user=world.bob).delete()
    seat_change = "CSO employee member 2020-01-01– → CSO employee member 2020-01-01–2026-12-31"
    assert role_log()[-4:] == [
        ("system", "mette", f"seat changed: {seat_change}"),
        ("system", "mette", "seat removed: CSO employee member 2020-01-01–2026-12-31"),
        ("system", "hanna", "is_staff: False → True"),
        ("system", "bob", "role removed: manager M-SOE"),
    ]


def test_the_worlds_roles_were_logged_as_given(world: World) -> None:
    given = [(t, d) for _, t, d in role_log() if d.startswith("role given")]
    assert ("carl", "role given: central_hr") in given
    assert ("hanna", "role given: hr_partner BUF") in given


def test_central_hr_finds_the_changes_to_a_users_roles(client: Client, world: World) -> None:
    RoleAssignment.objects.filter(user=world.bob).delete()
    client.force_login(world.carl)
    page = client.get("/audit/", {"username": "bob"})
    assert [(e.target, e.detail) for e in page.context["page"].entries] == [
        ("bob", "role removed: manager M-SOE"),
        ("bob", "role given: manager M-SOE"),
        ("bob", "user created"),
    ]
