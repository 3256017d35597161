"""A second web process reads the unit page's tables, forecasts and follow-up, and the
page's rendered content, from the files the first one wrote (frames.store): it computes
none of them, and its page holds the same figures as a process that computed everything
itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.absence import dashboard, outlook, service
from samraad.frames import cache
from tests.web.world import World

# (user, unit): a manager, a committee member (aggregates, the current structure) and
# central HR at the top of the municipality.
READERS = [("alice", "SOL"), ("henrik", "BUF"), ("carl", "KK")]


def _pages(client: Client, world: World) -> dict[tuple[str, str, str], tuple[str, bytes]]:
    """Each reader's unit page as rendered (its content: every figure it shows) and the
    page's figures as the CSV export writes them (built from the tables)."""
    found = {}
    for name, unit in READERS:
        client.force_login(getattr(world, name))
        for structure in ("historic", "current"):
            page = client.get(f"/units/{unit}/?structure={structure}")
            figures = client.get(f"/units/{unit}/figures.csv?structure={structure}")
            csv = b"".join(figures.streaming_content)  # type: ignore[attr-defined]
            found[(name, unit, structure)] = (str(page.context["content"]), csv)
    return found


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("computed again in the second process")


def test_a_second_process_reads_the_pages_figures(
    client: Client, world: World, settings: SettingsWrapper, tmp_path: Path, monkeypatch: Any
) -> None:
    alone = _pages(client, world)  # sharing off (tests/conftest.py): computed here

    settings.SAMRAAD_SHARED_DIR = str(tmp_path)
    cache.invalidate()
    first = _pages(client, world)
    assert first == alone
    written = set(tmp_path.glob("*.arrow")) | set(tmp_path.glob("*.html"))
    assert {p.suffix for p in written} == {".arrow", ".html"}

    cache.invalidate()  # as in a new process: nothing in memory, the files on disk
    for module, name in [
        (dashboard, "figures_table"),
        (dashboard, "job_group_table"),
        (outlook, "forecast_units"),
        (service, "follow_up_by_unit"),
    ]:
        monkeypatch.setattr(module, name, _refuse)
    assert _pages(client, world) == alone
    assert set(tmp_path.glob("*.arrow")) | set(tmp_path.glob("*.html")) == written


@pytest.mark.parametrize("sharing", [False, True])
def test_the_tables_are_the_cores_frames(
    world: World, settings: SettingsWrapper, tmp_path: Path, sharing: bool
) -> None:
    """Whether read from a file or computed here, a unit's figures are the core's."""
    from samraad.absence.periods import PagePeriods
    from samraad.stats import Structure, figures_by_key
    from tests.web.world import TODAY

    settings.SAMRAAD_SHARED_DIR = str(tmp_path) if sharing else ""
    cache.invalidate()
    found = service.tables(TODAY, Structure.HISTORIC)
    periods = dashboard.page_periods(PagePeriods(TODAY))
    expected = figures_by_key(cache.dataset(), None, periods, Structure.HISTORIC, TODAY)
    assert dict(found.figures) == dict(expected)
    assert found.figures[("SOL", *PagePeriods(TODAY).last_12_months)].headcount > 0


def test_the_employee_lists_alert_counts_follow_a_conversation(
    client: Client, world: World, settings: SettingsWrapper, tmp_path: Path
) -> None:
    """The counts are kept per version of the follow-up: a conversation that closes
    SOL-1's alert (recorded by another process: only the database knows) is seen."""
    import datetime as dt

    from samraad.followup.recording import record_conversation

    settings.SAMRAAD_SHARED_DIR = str(tmp_path)
    cache.invalidate()

    def counts() -> dict[str, tuple[int, int]]:
        rows = client.get("/units/KK/employees/").context["page"].rows
        return {r.employee_id: (r.open_alerts, r.overdue_alerts) for r in rows if r.open_alerts}

    client.force_login(world.carl)
    assert counts() == {"SOL-1": (1, 0), "SOE-1": (1, 1)}
    record_conversation("SOL-1", dt.date(2026, 6, 10), "absence_conversation")
    assert counts() == {"SOE-1": (1, 1)}


def test_warm_up_counts_central_hrs_whole_list(
    client: Client, world: World, monkeypatch: Any
) -> None:
    from tests.web.world import TODAY

    service.warm(TODAY)
    monkeypatch.setattr(service, "alert_counts", _refuse)
    client.force_login(world.carl)
    assert client.get("/units/KK/employees/").status_code == 200
    csv = b"".join(client.get("/units/KK/employees.csv").streaming_content)  # type: ignore[attr-defined]
    assert b"SOL-1" in csv


def test_a_second_process_reads_the_analyses_tables(
    client: Client, world: World, settings: SettingsWrapper, tmp_path: Path, monkeypatch: Any
) -> None:
    from samraad.analyses import service as analyses

    def pages() -> list[Any]:
        found = []
        for name, unit in [("carl", "KK"), ("henrik", "BUF")]:
            client.force_login(getattr(world, name))
            for slug in ("short-term", "seniors", "notice", "job-groups"):
                found.append(client.get(f"/analyses/{unit}/{slug}/").context["page"])
        return found

    alone = pages()
    settings.SAMRAAD_SHARED_DIR = str(tmp_path)
    cache.invalidate()
    assert pages() == alone
    cache.invalidate()
    monkeypatch.setattr(analyses, "grouped_table", _refuse)
    assert pages() == alone


def test_warm_up_computes_hrs_analyses(client: Client, world: World, monkeypatch: Any) -> None:
    from samraad.analyses import service as analyses
    from tests.web.world import TODAY

    analyses.warm(TODAY)
    monkeypatch.setattr(analyses, "grouped_table", _refuse)
    client.force_login(world.carl)
    for slug in ("short-term", "seniors", "notice"):
        assert client.get(f"/analyses/KK/{slug}/").status_code == 200


def test_a_second_process_reads_the_employee_list(
    client: Client, world: World, settings: SettingsWrapper, tmp_path: Path, monkeypatch: Any
) -> None:
    client.force_login(world.carl)
    alone = client.get("/units/KK/employees/").context["page"].rows
    settings.SAMRAAD_SHARED_DIR = str(tmp_path)
    cache.invalidate()
    assert client.get("/units/KK/employees/").context["page"].rows == alone
    cache.invalidate()
    monkeypatch.setattr(service, "person_figures", _refuse)
    monkeypatch.setattr(service, "alert_counts", _refuse)
    assert client.get("/units/KK/employees/").context["page"].rows == alone
    assert [(r.employee_id, r.sick_days, r.open_alerts) for r in alone[:2]] == [
        ("SOL-2", 33, 0),
        ("SOL-1", 7, 1),
    ]
