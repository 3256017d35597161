"""Moving rows between Polars frames and the database in bulk, with raw SQL.

The ORM would take minutes for a million absence records. SQLite gets
executemany; PostgreSQL gets COPY. Values travel as the canonical text of the
files: that is exactly what Django itself sends to SQLite for a date or a Decimal
(`date.isoformat()`, `str(Decimal)`), and PostgreSQL parses COPY text exactly, so a
decimal never passes through a float.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import polars as pl
from django.db import connection, models

from samraad.absence.models import Absence
from samraad.followup.models import Conversation
from samraad.interchange.schema import TABLES, Date, Table
from samraad.org.models import Manager, Target, Unit, UnitPeriod
from samraad.people.models import Employee, Employment

# The model holding each file's rows; every file column is the attname of a field.
MODELS: dict[str, type[models.Model]] = {
    "units": UnitPeriod,
    "employees": Employee,
    "employments": Employment,
    "absences": Absence,
    "conversations": Conversation,
    "targets": Target,
    "managers": Manager,
}
# Rows go to and from SQLite this many at a time, to bound memory.
BATCH = 100_000


def load_stored() -> dict[str, pl.DataFrame]:
    """Every stored row of every file, as strings in the files' columns."""
    return {table.name: _load(table) for table in TABLES}


def stored_unit_ids() -> pl.DataFrame:
    return _select(f"SELECT unit_id FROM {Unit._meta.db_table}", {"unit_id": pl.String})


def _load(table: Table) -> pl.DataFrame:
    model = MODELS[table.name]
    selected = ", ".join(
        f"{_as_text(table, name, db_column(model, name))} AS {name}" for name in table.column_names
    )
    sql = f"SELECT {selected} FROM {model._meta.db_table}"
    return _select(sql, dict.fromkeys(table.column_names, pl.String))


def _as_text(table: Table, name: str, column: str) -> str:
    """SQL giving the column as the text a file would hold."""
    if connection.vendor == "postgresql" and isinstance(table.column(name).type, Date):
        return f"to_char({column}, 'YYYY-MM-DD')"
    # On SQLite this also keeps Django's converters from parsing every date.
    return f"CAST({column} AS TEXT)"


def _select(sql: str, schema: dict[str, Any]) -> pl.DataFrame:
    if connection.vendor == "postgresql":
        buffer = io.BytesIO()
        with _raw_cursor() as cursor, cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy:
            for chunk in copy:
                buffer.write(chunk)
        return pl.read_csv(buffer.getvalue(), schema=schema, has_header=False)
    frames = [pl.DataFrame(schema=schema)]
    with connection.cursor() as cursor:
        cursor.execute(sql)
        # In batches: a million rows as Python tuples at once would double peak memory.
        while rows := cursor.fetchmany(BATCH):
            frames.append(pl.DataFrame(rows, schema=schema, orient="row"))
    return pl.concat(frames, rechunk=True)


def _raw_cursor() -> Any:
    """psycopg's own cursor on Django's connection (same transaction), for COPY."""
    connection.ensure_connection()
    return connection.connection.cursor()


def db_column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(field.column)


def for_database(model: type[models.Model], frame: pl.DataFrame) -> pl.DataFrame:
    """Empty text that the database keeps as "" rather than NULL (gender, end_reason)."""
    blank = [
        c
        for c in frame.columns
        if isinstance(f := model._meta.get_field(c), models.CharField) and not f.null
    ]
    return frame.with_columns(pl.col(blank).fill_null(""))


class Writer(Protocol):
    def insert(self, model: type[models.Model], frame: pl.DataFrame) -> None:
        """Insert the rows of `frame`, whose columns are attnames of `model`."""

    def update(self, model: type[models.Model], key: list[str], frame: pl.DataFrame) -> None:
        """Set the other columns of `frame` on the rows matching its `key` columns."""

    def delete(self, model: type[models.Model], keys: pl.DataFrame) -> None:
        """Delete the rows whose key columns hold the values of a row of `keys`."""


SCRATCH_KEYS = "samraad_import_delete"


def delete_rows(model: type[models.Model], keys: pl.DataFrame) -> None:
    """The keys into a scratch table, then one set-based DELETE: a snapshot may remove
    hundreds of thousands of rows, and a statement per row takes minutes for that."""
    if keys.height == 0:
        return
    target, scratch = model._meta.db_table, SCRATCH_KEYS
    columns = [db_column(model, c) for c in keys.columns]
    listed = ", ".join(columns)
    match = " AND ".join(f"{scratch}.{c} = {target}.{c}" for c in columns)
    with connection.cursor() as cursor:
        # The target's own column types, so that the keys compare as the stored ones.
        cursor.execute(
            f"CREATE TEMPORARY TABLE {scratch} AS SELECT {listed} FROM {target} WHERE 1 = 0"
        )
        if connection.vendor == "postgresql":
            PostgresWriter._copy_in(scratch, columns, keys)
            cursor.execute(f"ANALYZE {scratch}")
            cursor.execute(f"DELETE FROM {target} USING {scratch} WHERE {match}")
        else:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {scratch} ({listed}) VALUES ({marks})"
            for batch in keys.iter_slices(BATCH):
                cursor.executemany(sql, batch.rows())
            # A row value IN a subquery: SQLite walks the scratch rows and finds each
            # through the target's key index.
            cursor.execute(
                f"DELETE FROM {target} WHERE ({listed}) IN (SELECT {listed} FROM {scratch})"
            )
        cursor.execute(f"DROP TABLE {scratch}")


def writer() -> Writer:
    return PostgresWriter() if connection.vendor == "postgresql" else SQLiteWriter()


class SQLiteWriter:
    delete = staticmethod(delete_rows)

    def insert(self, model: type[models.Model], frame: pl.DataFrame) -> None:
        columns = ", ".join(db_column(model, c) for c in frame.columns)
        marks = ", ".join(["%s"] * frame.width)
        self._many(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})", frame)

    def update(self, model: type[models.Model], key: list[str], frame: pl.DataFrame) -> None:
        others = [c for c in frame.columns if c not in key]
        assignments = ", ".join(f"{db_column(model, c)} = %s" for c in others)
        match = " AND ".join(f"{db_column(model, c)} = %s" for c in key)
        sql = f"UPDATE {model._meta.db_table} SET {assignments} WHERE {match}"
        self._many(sql, frame.select(*others, *key))

    @staticmethod
    def _many(sql: str, frame: pl.DataFrame) -> None:
        with connection.cursor() as cursor:
            for batch in frame.iter_slices(BATCH):
                cursor.executemany(sql, batch.rows())


class PostgresWriter:
    SCRATCH = "samraad_import_update"
    delete = staticmethod(delete_rows)

    def insert(self, model: type[models.Model], frame: pl.DataFrame) -> None:
        table, columns = model._meta.db_table, [db_column(model, c) for c in frame.columns]
        if frame.height >= DEFER_FROM and _empty(table):
            with _deferred_upkeep(table):
                self._copy_in(table, columns, frame)
        else:
            self._copy_in(table, columns, frame)

    def update(self, model: type[models.Model], key: list[str], frame: pl.DataFrame) -> None:
        """COPY the new values into a scratch table, then one UPDATE … FROM.

        executemany takes minutes for a million rows; this takes seconds.
        """
        target, scratch = model._meta.db_table, self.SCRATCH
        columns = [db_column(model, c) for c in frame.columns]
        keys = {db_column(model, c) for c in key}
        assignments = ", ".join(f"{c} = {scratch}.{c}" for c in columns if c not in keys)
        match = " AND ".join(f"{target}.{c} = {scratch}.{c}" for c in keys)
        with connection.cursor() as cursor:
            # The target's own column types, so that COPY parses the text exactly.
            listed = ", ".join(columns)
            cursor.execute(
                f"CREATE TEMPORARY TABLE {scratch} AS SELECT {listed} FROM {target} WITH NO DATA"
            )
            self._copy_in(scratch, columns, frame)
            # Without statistics the planner misjudges the scratch table's size.
            cursor.execute(f"ANALYZE {scratch}")
            update = f"UPDATE {target} SET {assignments} FROM {scratch} WHERE {match}"
            if frame.height >= DEFER_FROM and frame.height * 2 >= _estimated_rows(target):
                # Most of the table rewritten: each new row version would enter every
                # index; building the secondary ones afresh afterwards is cheaper.
                with _deferred_upkeep(target, foreign_keys=False):
                    cursor.execute(update)
            else:
                cursor.execute(update)
            cursor.execute(f"DROP TABLE {scratch}")

    @staticmethod
    def _copy_in(table: str, columns: list[str], frame: pl.DataFrame) -> None:
        # Polars writes null as an empty field (NULL) and "" as a quoted empty string.
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN (FORMAT csv)"
        with _raw_cursor() as cursor, cursor.copy(sql) as copy:
            for batch in frame.iter_slices(BATCH):
                copy.write(batch.write_csv(include_header=False).encode())


# A load of this many rows or more into an empty PostgreSQL table (the first import)
# builds the table's secondary indexes and checks its foreign keys once, after the COPY,
# rather than row by row: Django's foreign keys are checked at commit, one lookup per row
# (700,000 absences: seconds of the server's time); re-adding the constraint checks them
# all in one join. Only into an empty table: the ALTER TABLE locks it until commit, and
# nobody reads an empty table.
DEFER_FROM = 50_000


def _empty(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")
        return cursor.fetchone() is None


def _run_pending_checks(cursor: Any) -> None:
    """Rows written earlier in the transaction wait for their deferred foreign-key checks,
    and PostgreSQL alters no table with checks pending: run them now (as Django's own
    check_constraints does)."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _estimated_rows(table: str) -> float:
    """PostgreSQL's estimate of the table's rows (pg_class.reltuples; -1 if never counted)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        return float(cursor.fetchone()[0])


@contextmanager
def _deferred_upkeep(table: str, *, foreign_keys: bool = True) -> Iterator[None]:
    """Drop the table's secondary (non-unique) indexes, and its foreign keys unless told
    not to, and re-create them, exactly as they were (PostgreSQL's own definitions), when
    the block is done. On an error the transaction is rolled back, and the drops with it."""
    keys: list[tuple[str, str]] = []
    with connection.cursor() as cursor:
        _run_pending_checks(cursor)
        if foreign_keys:
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
                [table],
            )
            keys = cursor.fetchall()
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass AND NOT i.indisunique AND NOT i.indisprimary "
            "ORDER BY c.relname",
            [table],
        )
        indexes = cursor.fetchall()
        for name, _ in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    yield
    with connection.cursor() as cursor:
        _run_pending_checks(cursor)
        for _, definition in indexes:
            cursor.execute(definition)
        for name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


# SQLite's page cache during an import (KiB; a ceiling, not an allocation). With the
# default 2 MB, a large transaction spills pages to the WAL and writes an index page
# again each time it changes; held until the commit, each is written once (a first
# import of 700,000 absences: 30 % fewer blocks written).
SQLITE_IMPORT_CACHE_KIB = 256 * 1024


@contextmanager
def bulk_session() -> Iterator[None]:
    """Around an import: on SQLite, a page cache large enough to hold the transaction."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")
