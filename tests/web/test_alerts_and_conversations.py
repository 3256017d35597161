"""The alerts inbox and the self-service conversation form (spec/rules.md, "After an alert")."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from samraad.audit.models import AuditEntry
from samraad.followup.models import Alert, Conversation
from tests.web.world import World


def _alert(employee: str) -> Alert:
    return Alert.objects.get(employee_id=employee)


def test_manager_inbox_lists_only_their_units_alerts(client: Client, world: World) -> None:
    client.force_login(world.alice)
    text = client.get("/alerts/").content.decode()
    assert "SOL-1" in text and "SOE-1" not in text


def test_overdue_alert_is_marked_overdue(client: Client, world: World) -> None:
    client.force_login(world.bob)
    response = client.get("/api/v1/alerts")
    assert [(a["employee_id"], a["status"]) for a in response.json()["alerts"]] == [
        ("SOE-1", "overdue")
    ]


def test_recording_a_conversation_closes_the_alert(client: Client, world: World) -> None:
    client.force_login(world.alice)
    alert = _alert("SOL-1")
    url = f"/alerts/{alert.pk}/conversation/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "held_on": "2026-06-12",
            "kind": "absence_conversation",
            "companion": "on",
            "follow_up_on": "2026-08-01",
            "note": "Aftalt nedsat tid i to uger.",
        },
    )
    assert response.status_code == 302
    conversation = Conversation.objects.get(employee_id="SOL-1")
    assert conversation.note == "Aftalt nedsat tid i to uger."
    assert conversation.companion is True
    assert conversation.follow_up_on == dt.date(2026, 8, 1)
    statuses = client.get("/api/v1/alerts?status=closed").json()["alerts"]
    assert [(a["employee_id"], a["closed_on"]) for a in statuses] == [("SOL-1", "2026-06-12")]
    assert AuditEntry.objects.filter(page="followup:alert", action="record").count() == 1


def test_a_note_with_health_details_needs_a_confirmation(client: Client, world: World) -> None:
    client.force_login(world.alice)
    url = f"/alerts/{_alert('SOL-1').pk}/conversation/"
    data = {
        "held_on": "2026-06-12",
        "kind": "absence_conversation",
        "note": "Har stress og migræne",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert not Conversation.objects.exists()
    accepted = client.post(url, {**data, "no_health_details": "on"})
    assert accepted.status_code == 302


def test_a_date_before_the_alert_or_in_the_future_is_refused(client: Client, world: World) -> None:
    client.force_login(world.alice)
    url = f"/alerts/{_alert('SOL-1').pk}/conversation/"
    for day in ("2026-06-01", "2026-06-16"):
        response = client.post(url, {"held_on": day, "kind": "absence_conversation"})
        assert response.status_code == 400, day
    assert not Conversation.objects.exists()


def test_another_managers_alert_is_not_found(client: Client, world: World) -> None:
    client.force_login(world.bob)
    url = f"/alerts/{_alert('SOL-1').pk}/conversation/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"held_on": "2026-06-12", "kind": "other"}).status_code == 404
    assert not Conversation.objects.exists()


def test_committee_members_have_no_alerts(client: Client, world: World) -> None:
    client.force_login(world.mette)
    assert client.get("/alerts/").status_code == 403
    assert client.get(f"/alerts/{_alert('SOL-1').pk}/conversation/").status_code == 403
