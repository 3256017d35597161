"""The inbox as a worklist (filters, counts, pages, exports), an alert's own action
registered once, lapsed alerts, and the manager's home page (docs/web.md, "Alerts").

Besides the world's two alerts (SOL-1 open, SOE-1 overdue) Alice's SOL has:
  SOL-2 retention-plan, due 8 June    → overdue (the most urgent)
  SOL-3 refund-claim, due 15 June     → open
  SOL-4 conversation, due 3 June, SOL-4 left on 1 June → lapsed
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.test import Client

from samraad.audit.models import AuditEntry
from samraad.followup import answers
from samraad.followup.inbox import AlertRow
from samraad.followup.models import Alert, Conversation, RefundClaim, RetentionPlan
from samraad.followup.store import mark_lapsed
from samraad.people.models import Employee, Employment
from tests.web.world import World

D = dt.date.fromisoformat
TITLES = {
    "conversation": "Sygefraværssamtale",
    "retention-plan": "Fastholdelsesplan (§ 7b)",
    "refund-claim": "Refusion (§ 40)",
}


def alert(employee: str, rule: str, raised: str, due: str, unit: str) -> Alert:
    return Alert.objects.create(
        employee_id=employee,
        rule_id=rule,
        ruleset_version="test",
        title=TITLES[rule],
        raised_on=D(raised),
        due_by=D(due),
        reason="spell_length",
        unit_id=unit,
    )


@pytest.fixture
def sol(world: World) -> World:
    alert("SOL-2", "retention-plan", "2026-06-01", "2026-06-08", "SOL")
    alert("SOL-3", "refund-claim", "2026-06-10", "2026-06-15", "SOL")
    alert("SOL-4", "conversation", "2026-05-20", "2026-06-03", "SOL")
    Employment.objects.filter(employee_id="SOL-4").update(end_date=D("2026-06-01"))
    mark_lapsed()
    Employee.objects.filter(employee_id="SOL-2").update(name="Karen Blixen")
    Employee.objects.filter(employee_id="SOL-3").update(name="=HYPERLINK(1)")
    return world


def listed(client: Client, query: str) -> tuple[list[str], dict[str, int]]:
    response = client.get(f"/alerts/?{query}")
    assert response.status_code == 200, response.status_code
    page = response.context["page"]
    return [r.employee_id for r in page.rows], page.work.counts


def test_central_hr_filters_by_unit_rule_and_status_with_counts(client: Client, sol: World) -> None:
    client.force_login(sol.carl)
    rows, counts = listed(client, "unit=DAG&status=all")
    assert rows == ["SOL-4", "SOL-2", "SOL-3", "SOL-1"]  # earliest due first
    assert counts == {
        "open": 2,
        "overdue": 1,
        "closed": 0,
        "lapsed": 1,
        "pending": 3,
        "all": 4,
    }
    assert listed(client, "unit=DAG")[0] == ["SOL-2", "SOL-3", "SOL-1"]  # pending
    assert listed(client, "unit=DAG&status=lapsed")[0] == ["SOL-4"]
    assert listed(client, "rule=retention-plan&status=all")[0] == ["SOL-2"]
    assert listed(client, "status=overdue")[0] == ["SOE-1", "SOL-2"]
    assert listed(client, "due_before=2026-06-15&unit=SOL")[0] == ["SOL-2", "SOL-3"]
    assert listed(client, "unit=SOL&sort=-due")[0] == ["SOL-1", "SOL-3", "SOL-2"]
    # Counts follow the other filters.
    assert listed(client, "rule=conversation&status=all")[1]["all"] == 2


def test_central_hr_pages_through_the_inbox(client: Client, world: World) -> None:
    start = D("2025-08-01")
    for n in range(120):
        raised = start + dt.timedelta(days=n)
        due = raised + dt.timedelta(14)
        alert(f"BIB-{n % 6 + 1}", "conversation", str(raised), str(due), "BIB")
    client.force_login(world.carl)
    seen: list[dt.date] = []
    for number in (1, 2, 3):
        page = client.get(f"/alerts/?unit=BIB&status=all&page={number}").context["page"]
        assert (page.work.page, page.work.pages, page.total) == (number, 3, 120)
        seen += [r.due_by for r in page.rows]
    assert len(seen) == 120 and seen == sorted(seen) and len(set(seen)) == 120
    last = client.get("/alerts/?unit=BIB&status=all&page=99").context["page"]
    assert (last.work.page, len(last.rows)) == (3, 20)  # past the end: the last page
    text = client.get("/alerts/?unit=BIB&status=all&page=2").content.decode()
    assert "Side 2 af 3 (120 advis)" in text
    assert 'href="?status=all&amp;unit=BIB&amp;page=3"' in text


def test_a_unit_outside_the_scope_or_a_bad_date_is_refused(client: Client, sol: World) -> None:
    client.force_login(sol.alice)
    assert client.get("/alerts/?unit=SOE").status_code == 403
    assert client.get("/alerts/?unit=NOPE").status_code == 404
    assert client.get("/alerts/?due_before=15.06.2026").status_code == 400
    rows, counts = listed(client, "status=all")
    assert rows == ["SOL-4", "SOL-2", "SOL-3", "SOL-1"] and counts["all"] == 4


def test_the_csv_is_danish_neutralised_and_audited(client: Client, sol: World) -> None:
    client.force_login(sol.carl)
    response = client.get("/alerts.csv?unit=SOL&status=all")
    assert response.status_code == 200
    text = response.getvalue().decode()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "Medarbejder",
        "Navn",
        "Enhed",
        "Regel",
        "Udsendt",
        "Frist",
        "Status",
        "Lukket",
        "Bortfaldet",
        "Handling",
    ]
    assert [r[0] for r in rows[1:]] == ["SOL-4", "SOL-2", "SOL-3", "SOL-1"]
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["SOL-3"][1] == "'=HYPERLINK(1)"  # never run as a formula
    assert by_id["SOL-4"][6:9] == ["Bortfaldet", "", "2026-06-02"]
    assert by_id["SOL-2"][9] == "Fastholdelsesplan (§ 7b)"
    entry = AuditEntry.objects.get(page="followup:alerts_csv")
    assert (entry.action, entry.unit_id, entry.subjects) == (
        "export",
        "SOL",
        "SOL-1 SOL-2 SOL-3 SOL-4",
    )


def test_the_excel_file_holds_the_filtered_list(client: Client, sol: World) -> None:
    client.force_login(sol.carl)
    response = client.get("/alerts.xlsx?unit=SOL&rule=retention-plan")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    due = dt.datetime(2026, 6, 8)
    assert [(r[0], r[1], r[5]) for r in rows] == [("SOL-2", "Karen Blixen", due)]
    assert AuditEntry.objects.get(page="followup:alerts_xlsx").subjects == "SOL-2"


def test_the_exports_ask_the_permission_layer(client: Client, sol: World) -> None:
    for user in (sol.mette, sol.ada):  # committee member, administrator: no persons
        client.force_login(user)
        for path in ("/alerts.csv", "/alerts.xlsx"):
            assert client.get(path).status_code == 403, (user, path)
    client.force_login(sol.alice)
    assert client.get("/alerts.csv?unit=SOE").status_code == 403
    assert client.get("/alerts.xlsx?unit=NOPE").status_code == 404
    text = client.get("/alerts.csv?status=all").getvalue().decode()
    assert "SOE-1" not in text and "SOL-1" in text  # Bob's alert is not Alice's
    client.force_login(sol.hanna)  # HR partner for BUF: both
    text = client.get("/alerts.csv?status=all").getvalue().decode()
    assert "SOE-1" in text and "SOL-1" in text
    assert not AuditEntry.objects.filter(page__startswith="followup:alerts_", subjects="").exists()


def test_a_retention_plan_is_registered_once(client: Client, sol: World) -> None:
    client.force_login(sol.alice)
    pk = Alert.objects.get(employee_id="SOL-2").pk
    form = client.get(f"/alerts/{pk}/").content.decode()
    assert "Dato for fastholdelsesplanen" in form and "Samtaletype" not in form
    data = {"done_on": "2026-06-12", "review_on": "2026-07-01", "note": "Plan aftalt."}
    assert client.post(f"/alerts/{pk}/", data).status_code == 302
    plan = RetentionPlan.objects.get()
    assert (plan.alert_id, plan.done_on, plan.review_on) == (pk, D("2026-06-12"), D("2026-07-01"))
    closed = client.get(f"/alerts/{pk}/")
    assert closed.context["page"].form is None
    assert "Registreret" in closed.content.decode() and "Plan aftalt." in closed.content.decode()
    again = client.post(f"/alerts/{pk}/", {**data, "done_on": "2026-06-13"})
    assert again.status_code == 409
    assert RetentionPlan.objects.count() == 1 and not Conversation.objects.exists()
    rows, counts = listed(client, "status=closed")
    assert rows == ["SOL-2"] and counts["closed"] == 1


def test_two_registrations_at_once_store_one(
    client: Client, sol: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both requests read the alert as waiting before either writes: the second
    record is refused by the database (one record per alert)."""
    client.force_login(sol.alice)
    pk = Alert.objects.get(employee_id="SOL-3").pk
    stale: AlertRow = client.get(f"/alerts/{pk}/").context["page"].alert
    data = {"done_on": "2026-06-12", "reference": "KK-1"}
    assert client.post(f"/alerts/{pk}/", data).status_code == 302
    monkeypatch.setattr(answers, "alert_in_scope", lambda *args: stale)
    monkeypatch.setattr("samraad.followup.views.alert_in_scope", lambda *args: stale)
    assert client.post(f"/alerts/{pk}/", data).status_code == 409
    assert RefundClaim.objects.count() == 1


def test_a_conversation_is_registered_once(client: Client, sol: World) -> None:
    client.force_login(sol.alice)
    pk = Alert.objects.get(employee_id="SOL-1").pk
    data = {"held_on": "2026-06-12", "kind": "absence_conversation"}
    assert client.post(f"/alerts/{pk}/conversation/", data).status_code == 302
    assert client.post(f"/alerts/{pk}/conversation/", data).status_code == 409
    assert Conversation.objects.get().alert_id == pk


def test_a_lapsed_alert_offers_nothing_to_register(client: Client, sol: World) -> None:
    client.force_login(sol.alice)
    pk = Alert.objects.get(employee_id="SOL-4").pk
    page = client.get(f"/alerts/{pk}/")
    assert page.context["page"].form is None
    assert "Adviset bortfaldt den 2. juni 2026" in page.content.decode()
    data = {"held_on": "2026-06-12", "kind": "absence_conversation"}
    assert client.post(f"/alerts/{pk}/", data).status_code == 409
    assert not Conversation.objects.exists()


def test_the_managers_home_page_opens_on_the_waiting_alerts(client: Client, sol: World) -> None:
    client.force_login(sol.alice)
    response = client.get("/")
    text = response.content.decode()
    assert "3 advis venter på dig" in text
    waiting = response.context["page"].waiting
    assert [r.employee_id for r in waiting.rows] == ["SOL-2", "SOL-3", "SOL-1"]
    assert text.index("Karen Blixen") < text.index("Dine enheder")
    entry = AuditEntry.objects.get(page="absence:overview")
    assert entry.subjects == "SOL-1 SOL-2 SOL-3"


def test_no_waiting_alerts_for_roles_that_are_not_managers(client: Client, sol: World) -> None:
    for user in (sol.carl, sol.mette, sol.ada):
        client.force_login(user)
        assert "venter på dig" not in client.get("/").content.decode()
    assert not AuditEntry.objects.filter(page="absence:overview").exists()


def test_the_employee_list_leads_to_the_units_alerts(client: Client, sol: World) -> None:
    client.force_login(sol.alice)
    text = client.get("/units/SOL/employees/").content.decode()
    assert 'href="/alerts/?unit=SOL"' in text
    assert listed(client, "unit=SOL")[0] == ["SOL-2", "SOL-3", "SOL-1"]
