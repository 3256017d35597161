"""A first load into PostgreSQL builds indexes and checks foreign keys once, after the
COPY (interchange/database.py `_deferred_upkeep`): afterwards the tables have exactly
the constraints and indexes they had, and still enforce them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction

from samraad.interchange import database
from samraad.interchange.store import import_folder

from .conftest import WORLD, row_counts, write_folder

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL only: SQLite keeps its indexes"
    ),
]

TABLES = ("absence_absence", "people_employment", "org_unitperiod", "people_employee")


def definitions() -> list[tuple[str, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s)",
            [list(TABLES)],
        )
        found = cursor.fetchall()
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
            [list(TABLES)],
        )
        return sorted(found + cursor.fetchall())


def test_the_first_load_leaves_every_constraint_and_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = definitions()
    assert any("FOREIGN KEY (employee_id)" in d for _, _, d in before)
    monkeypatch.setattr(database, "DEFER_FROM", 1)
    import_folder(write_folder(tmp_path, WORLD))
    assert row_counts()["absence_absence"] == 1
    assert definitions() == before
    # The re-created foreign key is enforced (checked at once: it is deferrable).
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO absence_absence (absence_id, employee_id, cause, start_date, degree) "
            "VALUES ('X', 'NOBODY', 'own_sickness', '2024-01-01', 1)"
        )
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_a_rewrite_of_most_rows_leaves_every_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_folder(write_folder(tmp_path / "first", WORLD))
    before = definitions()
    monkeypatch.setattr(database, "DEFER_FROM", 1)
    changed = WORLD["absences.csv"].replace("2024-03-08,", "2024-03-08,0.5")
    import_folder(write_folder(tmp_path / "again", {**WORLD, "absences.csv": changed}))
    with connection.cursor() as cursor:
        cursor.execute("SELECT absence_id, degree::text FROM absence_absence")
        assert cursor.fetchall() == [("S1", "0.5000")]
    assert definitions() == before
