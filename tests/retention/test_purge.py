"""The retention purge deletes exactly what is past its period, counts it in the audit
log, and leaves everything else, the figures of the retained period included.

The web world (today 15 June 2026, everyone employed since 2024) plus:
- OLD: employed in SOL 2015–30 June 2019, sick in 2018, an alert with its mail and a
  conversation in 2018: gone more than 5 years → purged with all of it;
- RECENT: employed in SOL 2016–31 January 2022: within 5 years → kept;
- LONGSICK: employment ended 2019, but an absence record reaching into 2021 → kept;
- audit entries from 2020 (purged) and 2025 (kept); failed sign-ins 40 days and 1 day old.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.absence.models import Absence
from samraad.audit.models import AuditEntry
from samraad.cli import main
from samraad.followup.models import Alert, Conversation, OutboxMail
from samraad.frames import cache, store
from samraad.frames.loading import load_dataset
from samraad.people.models import Employee, Employment
from samraad.retention.purge import Periods, expired_persons, purge, years_before
from samraad.signin.models import LoginFailure
from samraad.stats import Structure, figures_by_key
from tests.web.world import TODAY, World

FIVE = Periods(person_years=5, audit_years=5)


def employ(person: str, start: str, end: str) -> None:
    Employee.objects.create(employee_id=person)
    Employment.objects.create(
        employment_id=f"J-{person}",
        employee_id=person,
        unit_id="SOL",
        job_group="pædagog",
        weekly_hours=Decimal(37),
        start_date=dt.date.fromisoformat(start),
        end_date=dt.date.fromisoformat(end),
    )


def sick(person: str, n: int, start: str, end: str) -> None:
    Absence.objects.create(
        absence_id=f"OLD-A{n}",
        employee_id=person,
        cause="own_sickness",
        start_date=dt.date.fromisoformat(start),
        end_date=dt.date.fromisoformat(end),
    )


@pytest.fixture
def history(world: World, append_only: None) -> World:
    employ("OLD", "2015-08-01", "2019-06-30")
    sick("OLD", 1, "2018-03-05", "2018-03-16")
    alert = Alert.objects.create(
        employee_id="OLD",
        rule_id="conversation",
        ruleset_version="test",
        title="Sygefraværssamtale",
        raised_on=dt.date(2018, 3, 12),
        due_by=dt.date(2018, 3, 26),
        reason="days",
        unit_id="SOL",
    )
    OutboxMail.objects.create(alert=alert, recipient="alice@kk.example")
    Conversation.objects.create(
        conversation_id="C-OLD",
        employee_id="OLD",
        held_on=dt.date(2018, 3, 20),
        kind="absence_conversation",
    )
    employ("RECENT", "2016-01-01", "2022-01-31")
    sick("RECENT", 2, "2021-11-01", "2021-11-03")
    employ("LONGSICK", "2010-01-01", "2019-12-31")
    sick("LONGSICK", 3, "2019-11-01", "2021-08-31")
    for year, name in ((2020, "old-viewer"), (2025, "recent-viewer")):
        at = timezone.make_aware(dt.datetime(year, 5, 1, 9))
        AuditEntry.objects.create(at=at, username=name, action="view", page="p", path="/")
    now = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(12)))
    for days in (40, 1):
        LoginFailure.objects.create(
            at=now - dt.timedelta(days=days), username=f"f{days}", ip="10.0.0.1"
        )
    return world


def test_the_cutoff_is_the_same_day_years_before() -> None:
    assert years_before(dt.date(2026, 6, 15), 5) == dt.date(2021, 6, 15)
    assert years_before(dt.date(2028, 2, 29), 5) == dt.date(2023, 2, 28)


def test_only_persons_gone_before_the_cutoff_expire(history: World) -> None:
    assert list(expired_persons(dt.date(2021, 6, 15)).values_list("pk", flat=True)) == ["OLD"]


def test_the_purge_deletes_what_is_past_and_counts_it(history: World) -> None:
    report = purge(TODAY, FIVE)
    assert report.deleted == {
        "people.Employee": 1,
        "people.Employment": 1,
        "absence.Absence": 1,
        "followup.Alert": 1,
        "followup.OutboxMail": 1,
        "followup.Conversation": 1,
        "audit.AuditEntry": 1,
        "signin.LoginFailure": 1,
    }
    assert not Employee.objects.filter(pk="OLD").exists()
    assert set(
        Employee.objects.filter(pk__in=["RECENT", "LONGSICK", "SOL-1"]).values_list("pk", flat=True)
    ) == {
        "RECENT",
        "LONGSICK",
        "SOL-1",
    }
    assert Absence.objects.count() == 6 + 2  # the world's six and the kept persons' two
    assert not AuditEntry.objects.filter(username="old-viewer").exists()
    assert AuditEntry.objects.filter(username="recent-viewer").exists()
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["f1"]


def test_the_purge_is_in_the_audit_log_with_its_counts(history: World) -> None:
    purge(TODAY, FIVE)
    entry = AuditEntry.objects.get(action="purge")
    assert entry.username == "samraad purge"
    assert entry.detail == (
        "purge (persons gone before 2021-06-15, audit entries before 2021-06-15): deleted 8 rows "
        "(absence.Absence: 1; audit.AuditEntry: 1; followup.Alert: 1; followup.Conversation: 1; "
        "followup.OutboxMail: 1; people.Employee: 1; people.Employment: 1; signin.LoginFailure: 1)"
    )


def test_a_dry_run_counts_the_same_and_deletes_nothing(history: World) -> None:
    before = (Employee.objects.count(), AuditEntry.objects.count(), LoginFailure.objects.count())
    report = purge(TODAY, FIVE, dry_run=True)
    assert report.total == 8 and report.dry_run
    assert (
        Employee.objects.count(),
        AuditEntry.objects.count(),
        LoginFailure.objects.count(),
    ) == before
    assert report.render().startswith(
        "purge (persons gone before 2021-06-15, audit entries before 2021-06-15): "
        "would delete 8 rows"
    )


def test_a_second_purge_finds_nothing_and_writes_no_entry(history: World) -> None:
    purge(TODAY, FIVE)
    again = purge(TODAY, FIVE)
    assert again.deleted == {}
    assert AuditEntry.objects.filter(action="purge").count() == 1


def test_zero_years_keeps_that_kind_for_ever(history: World) -> None:
    report = purge(TODAY, Periods(person_years=0, audit_years=0))
    assert report.deleted == {"signin.LoginFailure": 1}
    assert Employee.objects.filter(pk="OLD").exists()


def test_the_figures_of_the_retained_period_do_not_change(history: World) -> None:
    """The purged person's contribution was to days before the cutoff only."""
    periods = [
        (dt.date(2021, 6, 15), dt.date(2026, 5, 31)),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    ]

    def figures() -> dict[object, object]:
        return figures_by_key(load_dataset(), None, periods, Structure.HISTORIC, TODAY)

    before = figures()
    purge(TODAY, FIVE)
    assert figures() == before


def test_the_command_and_run_daily_purge(
    history: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["purge", "--dry-run"]) == 0
    assert "would delete 8 rows" in capsys.readouterr().out
    assert Employee.objects.filter(pk="OLD").exists()
    main(["run-daily"])
    # (the replay stores alerts for OLD's old spells too; the purge takes them away)
    purged = capsys.readouterr().out.splitlines()[-1]
    assert (
        purged.startswith("purge (persons gone before 2021-06-15")
        and "people.Employee: 1" in purged
    )
    assert not Employee.objects.filter(pk="OLD").exists()


def test_the_purge_removes_the_shared_files(
    history: World,
    settings: SettingsWrapper,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Files shared between processes (frames.store) hold the purged persons' rows."""
    settings.SAMRAAD_SHARED_DIR = str(tmp_path)
    cache.invalidate()
    store.shared_frame("names", lambda: pl.DataFrame({"employee_id": ["OLD"]}))
    assert list(tmp_path.glob("*.arrow"))
    with django_capture_on_commit_callbacks(execute=True):
        purge(TODAY, FIVE)
    assert not list(tmp_path.glob("*.arrow"))
