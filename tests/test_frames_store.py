"""Processes share the day's frames and figures through files named by the data's
fingerprint: a second process reads what the first computed, and a change of the data
— even one that keeps every count and date — is never read stale."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.absence.models import Absence
from samraad.frames import cache, store, versions


@pytest.fixture
def shared(tmp_path: Path, settings: SettingsWrapper, db: None) -> Path:
    settings.SAMRAAD_SHARED_DIR = str(tmp_path)
    cache.invalidate()
    return tmp_path


def test_a_result_computed_once_is_read_by_another_process(shared: Path) -> None:
    calls: list[int] = []

    def compute() -> pl.DataFrame:
        calls.append(1)
        return pl.DataFrame({"x": [1, 2, 3]})

    assert store.shared_frame("k", compute)["x"].to_list() == [1, 2, 3]
    assert len(list(shared.glob("*.arrow"))) == 1
    cache.invalidate()  # as in a new process: nothing in memory
    assert store.shared_frame("k", compute)["x"].to_list() == [1, 2, 3]
    assert calls == [1]


def test_a_page_part_rendered_once_is_read_by_another_process_and_purged(shared: Path) -> None:
    calls: list[int] = []

    def render() -> str:
        calls.append(1)
        return "<p>Sygefravær 5,3 %</p>"

    assert store.shared_html(("part", "SOL"), render) == "<p>Sygefravær 5,3 %</p>"
    cache.invalidate()  # as in a new process: nothing in memory
    assert store.shared_html(("part", "SOL"), render) == "<p>Sygefravær 5,3 %</p>"
    assert calls == [1]
    store.clear()  # the retention purge: no file of before it is read again
    assert list(shared.glob("*.html")) == []


def test_a_change_that_keeps_every_count_is_seen(shared: Path) -> None:
    from tests.rules.db import load_example

    load_example()
    first = cache.dataset().absences["degree"].to_list()
    record = Absence.objects.filter(degree=1).first()
    assert record is not None
    record.degree = 0.5  # an ORM save moves the data's counter (frames/apps.py)
    record.save()
    assert cache.dataset().absences["degree"].to_list() != first


def test_a_bulk_writer_moves_the_counter(shared: Path) -> None:
    before = cache.fingerprint("data")
    versions.changed("data")
    assert cache.fingerprint("data") != before


def test_sharing_off_computes_in_each_process(settings: SettingsWrapper, db: None) -> None:
    settings.SAMRAAD_SHARED_DIR = ""
    calls: list[int] = []
    store.shared_frame("off", lambda: calls.append(1) or pl.DataFrame({"x": [1]}))
    cache.invalidate()
    store.shared_frame("off", lambda: calls.append(1) or pl.DataFrame({"x": [1]}))
    assert calls == [1, 1]


def test_a_file_written_by_other_code_is_not_read(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade the same data may be shaped otherwise: the new code computes anew."""
    calls: list[int] = []

    def compute() -> pl.DataFrame:
        calls.append(1)
        return pl.DataFrame({"x": [len(calls)]})

    assert store.shared_frame("k", compute)["x"].to_list() == [1]
    cache.invalidate()
    monkeypatch.setattr(store, "code_version", lambda: "another release")
    assert store.shared_frame("k", compute)["x"].to_list() == [2]
    assert len(list(shared.glob("*.arrow"))) == 2


def test_the_check_reads_the_counter_and_the_whole_fingerprint_only_now_and_then(
    shared: Path, monkeypatch: pytest.MonkeyPatch, settings: SettingsWrapper
) -> None:
    """Between full checks a moved counter is seen at once; a change made past the app
    (SQL by hand, no counter) at the next full check."""
    from django.db import connection

    from tests.rules.db import load_example

    load_example()
    known = cache.version("data")
    settings.SAMRAAD_DATA_CHECK_SECONDS = 3600  # what version() knows, until checked
    with connection.cursor() as cursor:  # past the app: no counter moves
        cursor.execute("UPDATE absence_absence SET end_date = NULL WHERE end_date IS NOT NULL")
    monkeypatch.setattr(cache, "FULL_CHECK_SECONDS", 3600)
    cache._check("data")
    assert cache.version("data") == known  # the counter alone was read

    versions.changed("data")
    cache._check("data")
    moved = cache.version("data")
    assert moved != known

    with connection.cursor() as cursor:
        cursor.execute("UPDATE absence_absence SET end_date = start_date")
    monkeypatch.setattr(cache, "FULL_CHECK_SECONDS", 0)
    cache._check("data")
    assert cache.version("data") != moved  # the full check found it
