"""The longest absences page and API: person-level readers only, every view in the audit
log with the persons shown, the same list as the pure function."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from samraad.absence.models import Absence
from samraad.audit.models import AuditEntry
from samraad.followup.models import Conversation
from tests.web.world import World


@pytest.fixture
def long_spell(world: World) -> World:
    # SOL-3 has been ill since 20 April (57 days on 15 June); SOE-2 since 1 June (15 days).
    for n, (employee, start) in enumerate([("SOL-3", "2026-04-20"), ("SOE-2", "2026-06-01")]):
        Absence.objects.create(
            absence_id=f"L{n}",
            employee_id=employee,
            cause="own_sickness",
            start_date=dt.date.fromisoformat(start),
        )
    Conversation.objects.create(
        conversation_id="K1",
        employee_id="SOL-3",
        held_on=dt.date(2026, 5, 10),
        kind="absence_conversation",
    )
    return world


def test_the_page_lists_the_spell_with_its_next_step_and_is_audited(
    client: Client, long_spell: World
) -> None:
    client.force_login(long_spell.hanna)
    page = client.get("/units/BUF/longest/").context["page"]
    assert [(r.absence.employee_id, r.absence.days, r.unit_name) for r in page.rows] == [
        ("SOL-3", 57, "Børnehuset Solsikken")
    ]
    row = page.rows[0]
    # § 7a was answered on 10 May; the employer period's end (raised on day 25, 14 May)
    # waits for a conversation after it, due on day 30: 20 May, overdue.
    assert row.absence.next_due.rule_id == "employer-period-end"
    assert (row.absence.next_due.due_by, row.overdue) == (dt.date(2026, 5, 20), True)
    entry = AuditEntry.objects.exclude(action="role").get()
    assert (entry.username, entry.page, entry.unit_id, entry.subjects) == (
        "hanna",
        "followup:longest",
        "BUF",
        "SOL-3",
    )


def test_a_shorter_minimum_shows_more(client: Client, long_spell: World) -> None:
    client.force_login(long_spell.carl)
    rows = client.get("/units/KK/longest/?min_days=10").context["page"].rows
    assert [r.absence.employee_id for r in rows] == ["SOL-3", "SOE-2"]
    assert client.get("/units/KK/longest/?min_days=x").status_code == 400


def test_committee_members_and_managers_elsewhere_are_refused(
    client: Client, long_spell: World
) -> None:
    client.force_login(long_spell.henrik)
    assert client.get("/units/BUF/longest/").status_code == 403
    assert client.get("/api/v1/units/BUF/longest").status_code == 403
    client.force_login(long_spell.bob)
    assert client.get("/units/SOL/longest/").status_code == 403
    assert not AuditEntry.objects.exclude(action="role").exists()


def test_the_api_gives_the_commands_fields_and_is_audited(
    client: Client, long_spell: World
) -> None:
    client.force_login(long_spell.alice)
    body = client.get("/api/v1/units/SOL/longest?top=5").json()
    assert body["unit"] == "SOL" and body["as_of"] == "2026-06-15" and body["min_days"] == 29
    assert body["longest"] == [
        {
            "employee_id": "SOL-3",
            "unit": "SOL",
            "spell_start": "2026-04-20",
            "days": 57,
            "degree": 1.0,
            "last_conversation": {"held_on": "2026-05-10", "kind": "absence_conversation"},
            "next_due": {"rule_id": "employer-period-end", "due_by": "2026-05-20"},
        }
    ]
    entry = AuditEntry.objects.exclude(action="role").get()
    assert (entry.action, entry.page, entry.subjects) == ("api", "api:longest", "SOL-3")
    assert client.get("/api/v1/units/SOL/longest?top=0").status_code == 400


def test_a_conversation_recorded_since_is_seen(client: Client, long_spell: World) -> None:
    """The list is kept per version of the conversations: a new one shows at once."""
    client.force_login(long_spell.hanna)
    row = client.get("/units/BUF/longest/").context["page"].rows[0]
    assert row.absence.last_conversation.held_on == dt.date(2026, 5, 10)
    Conversation.objects.create(
        conversation_id="K2",
        employee_id="SOL-3",
        held_on=dt.date(2026, 6, 1),
        kind="absence_conversation",
    )
    row = client.get("/units/BUF/longest/").context["page"].rows[0]
    assert row.absence.last_conversation.held_on == dt.date(2026, 6, 1)
    assert row.absence.next_due.rule_id != "employer-period-end"
