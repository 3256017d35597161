"""`samraad demo`: generates, imports through the real import, replays, summarises."""

from __future__ import annotations

import datetime as dt

import pytest

from samraad.cli import main
from samraad.followup.models import Alert
from samraad.followup.status import with_closed_on
from samraad.people.models import Employee


@pytest.mark.django_db(transaction=True)
def test_demo_loads_the_municipality_and_prints_each_administration(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--employees", "400", "--years", "2", "--no-serve"]) == 0
    out = capsys.readouterr().out
    assert "absences.csv: added" in out
    year = dt.date.today().year - 1
    assert f"Own sickness {year}, by administration" in out
    for name in ("Børne- og Ungdomsforvaltningen", "Økonomiforvaltningen", "Københavns Kommune"):
        assert name in out
    assert Employee.objects.count() > 400
    # Most alerts are answered by a conversation of a fitting kind, through the import.
    assert "conversations.csv: added" in out
    alerts = with_closed_on(Alert.objects.all())
    answered = alerts.filter(closed_on__isnull=False).count()
    assert 0.6 < answered / alerts.count() < 0.98

    # The same demo again: nothing is regenerated.
    assert main(["demo", "--employees", "400", "--years", "2", "--no-serve"]) == 0
    assert "already holds this demo" in capsys.readouterr().out

    # Another size replaces the earlier demo whole.
    assert main(["demo", "--employees", "300", "--years", "1", "--no-serve"]) == 0
    assert "unchanged 0" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_demo_refuses_a_database_with_real_data(capsys: pytest.CaptureFixture[str]) -> None:
    Employee.objects.create(employee_id="REAL-1")
    assert main(["demo", "--employees", "300", "--years", "1", "--no-serve"]) == 1
    assert "not from a demo" in capsys.readouterr().out
    assert list(Employee.objects.values_list("employee_id", flat=True)) == ["REAL-1"]
