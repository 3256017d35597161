"""docs/rules.md gives managers' mail link as the code makes it (finding 11)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.followup.mail import alert_link
from samraad.followup.models import Alert
from tests.rules.db import load_example

RULES = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


@pytest.mark.django_db
def test_the_documented_mail_link_is_the_one_sent(settings: SettingsWrapper) -> None:
    settings.BASE_URL = "https://samraad.kk.example"
    load_example()
    alert = Alert.objects.create(
        employee_id="X3",
        rule_id="conversation",
        ruleset_version="test",
        title="Samtale",
        raised_on=dt.date(2024, 12, 1),
        due_by=dt.date(2024, 12, 15),
        reason="days",
        unit_id="ADM1",
    )
    documented = re.findall(r"`\{SAMRAAD_BASE_URL\}(/[^`]*)`", RULES.read_text(encoding="utf-8"))
    assert documented == ["/alerts/<id>/conversation/"]
    expected = "https://samraad.kk.example" + documented[0].replace("<id>", str(alert.pk))
    assert alert_link(alert) == expected
