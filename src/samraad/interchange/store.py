"""Importing a folder into the database: load what is stored, validate, diff, write.

Everything happens in one transaction: either the whole folder is written or
nothing is. Rows are moved in bulk with raw SQL (executemany on SQLite, COPY on
PostgreSQL): the ORM would take minutes for a million absence records.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
from django.db import connection, models, transaction

from samraad.absence.models import Absence, Conversation
from samraad.interchange.errors import InputError
from samraad.interchange.reading import read_folder
from samraad.interchange.schema import TABLES, Date, Number, Table, Whole
from samraad.interchange.validation import validate
from samraad.org.models import Target, Unit, UnitPeriod
from samraad.people.models import Employee, Employment

# The model holding each file's rows; every file column is the attname of a field.
MODELS: dict[str, type[models.Model]] = {
    "units": UnitPeriod,
    "employees": Employee,
    "employments": Employment,
    "absences": Absence,
    "conversations": Conversation,
    "targets": Target,
}


class ImportRejected(Exception):
    """The folder has errors; nothing was written."""

    def __init__(self, errors: list[InputError], more_errors: int = 0) -> None:
        super().__init__(f"{len(errors) + more_errors} errors")
        self.errors = errors
        self.more_errors = more_errors

    def lines(self) -> list[str]:
        lines = [str(e) for e in self.errors]
        if self.more_errors:
            lines.append(f"… and {self.more_errors} more errors")
        return lines


@dataclass(frozen=True)
class FileSummary:
    file: str
    added: int
    updated: int
    unchanged: int

    def __str__(self) -> str:
        return (
            f"{self.file}: added {self.added}, updated {self.updated}, unchanged {self.unchanged}"
        )


@dataclass(frozen=True)
class ImportSummary:
    files: list[FileSummary]

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.files)


@dataclass(frozen=True)
class Changes:
    added: pl.DataFrame
    updated: pl.DataFrame
    unchanged: int


def import_folder(path: Path) -> ImportSummary:
    """Import the interchange files in `path`; raise ImportRejected if any is wrong.

    Raises reading.NotAFolder when `path` is missing or not a folder.
    """
    folder = read_folder(path)
    with transaction.atomic():
        validated = validate(folder, load_stored())
        if not validated.ok:
            raise ImportRejected(validated.errors, validated.more_errors)
        summary = []
        changes: dict[str, Changes] = {}
        for table in TABLES:
            if table.name in validated.incoming:
                incoming = validated.incoming[table.name]
                changes[table.name] = diff(table, incoming, validated.stored[table.name])
                found = changes[table.name]
                file = folder.sources[table.name].file_name
                counts = (found.added.height, found.updated.height, found.unchanged)
                summary.append(FileSummary(file, *counts))
        write(changes)
    return ImportSummary(summary)


def diff(table: Table, incoming: pl.DataFrame, stored: pl.DataFrame) -> Changes:
    """Split the incoming rows into added, updated and unchanged, by key."""
    key = list(table.key)
    columns = list(table.column_names)
    others = [c for c in columns if c not in key]
    marked = stored.select(*columns).with_columns(pl.lit(True).alias("_stored"))
    joined = incoming.select(*columns).join(marked, on=key, how="left", suffix="_was")
    exists = pl.col("_stored").is_not_null()
    same = pl.all_horizontal(
        pl.lit(True), *(pl.col(c).eq_missing(pl.col(f"{c}_was")) for c in others)
    )
    return Changes(
        added=joined.filter(~exists).select(columns),
        updated=joined.filter(exists & ~same).select(columns),
        unchanged=joined.filter(exists & same).height,
    )


# --- reading what is stored ---------------------------------------------------


def load_stored() -> dict[str, pl.DataFrame]:
    """Every stored row of every file, as strings in the files' columns."""
    return {table.name: _load(table) for table in TABLES}


def _load(table: Table) -> pl.DataFrame:
    model = MODELS[table.name]
    selected = ", ".join(
        f"{_as_text(table, name, _db_column(model, name))} AS {name}" for name in table.column_names
    )
    sql = f"SELECT {selected} FROM {model._meta.db_table}"
    schema = dict.fromkeys(table.column_names, pl.String)
    if connection.vendor == "postgresql":
        return _copy_out(sql, schema)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")


def _as_text(table: Table, name: str, column: str) -> str:
    """SQL giving the column as the text a file would hold."""
    if connection.vendor == "postgresql" and isinstance(table.column(name).type, Date):
        return f"to_char({column}, 'YYYY-MM-DD')"
    # On SQLite this also stops Django's converters from parsing every date.
    return f"CAST({column} AS TEXT)"


def _raw_cursor() -> Any:
    """psycopg's own cursor on Django's connection (same transaction), for COPY."""
    connection.ensure_connection()
    return connection.connection.cursor()


def _copy_out(sql: str, schema: dict[str, Any]) -> pl.DataFrame:
    buffer = io.BytesIO()
    copy_sql = f"COPY ({sql}) TO STDOUT (FORMAT csv, HEADER)"
    with _raw_cursor() as cursor, cursor.copy(copy_sql) as copy:
        for chunk in copy:
            buffer.write(chunk)
    return pl.read_csv(buffer.getvalue(), schema=schema)


def _db_column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(field.column)


# --- writing ------------------------------------------------------------------


def write(changes: dict[str, Changes]) -> None:
    """Write the added and updated rows, parents before children. Call inside a transaction."""
    writer: Writer = PostgresWriter() if connection.vendor == "postgresql" else SQLiteWriter()
    if "units" in changes:
        found = changes["units"]
        new_units = pl.concat([found.added, found.updated]).select("unit_id").unique()
        stored_units = _stored_unit_ids()
        writer.insert(Unit, new_units.join(stored_units, on="unit_id", how="anti").sort("unit_id"))
    for table in TABLES:
        if table.name in changes:
            model = MODELS[table.name]
            writer.insert(model, _for_database(model, changes[table.name].added))
            writer.update(model, table, _for_database(model, changes[table.name].updated))


def _stored_unit_ids() -> pl.DataFrame:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT unit_id FROM {Unit._meta.db_table}")
        return pl.DataFrame(cursor.fetchall(), schema={"unit_id": pl.String}, orient="row")


def _for_database(model: type[models.Model], frame: pl.DataFrame) -> pl.DataFrame:
    """Empty text that the database keeps as "" rather than NULL (gender, end_reason)."""
    blank = [
        c
        for c in frame.columns
        if isinstance(f := model._meta.get_field(c), models.CharField) and not f.null
    ]
    return frame.with_columns(pl.col(blank).fill_null(""))


class Writer:
    def insert(self, model: type[models.Model], frame: pl.DataFrame) -> None:
        raise NotImplementedError

    def update(self, model: type[models.Model], table: Table, frame: pl.DataFrame) -> None:
        """Set every non-key column of the rows matching each row's key."""
        if frame.height == 0:
            return
        key = list(table.key)
        others = [c for c in frame.columns if c not in key]
        assignments = ", ".join(f"{_db_column(model, c)} = %s" for c in others)
        match = " AND ".join(f"{_db_column(model, c)} = %s" for c in key)
        sql = f"UPDATE {model._meta.db_table} SET {assignments} WHERE {match}"
        ordered = frame.select(*others, *key)
        convert = [_python_value(table, c) for c in ordered.columns]
        rows: list[list[Any]] = [
            [f(v) for f, v in zip(convert, row, strict=True)] for row in ordered.iter_rows()
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


class SQLiteWriter(Writer):
    def insert(self, model: type[models.Model], frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        columns = ", ".join(_db_column(model, c) for c in frame.columns)
        marks = ", ".join(["%s"] * frame.width)
        sql = f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})"
        # The canonical strings are what Django itself sends for dates and decimals
        # on SQLite (str(Decimal), date.isoformat()): exact, never through a float.
        with connection.cursor() as cursor:
            cursor.executemany(sql, frame.rows())


class PostgresWriter(Writer):
    def insert(self, model: type[models.Model], frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        columns = ", ".join(_db_column(model, c) for c in frame.columns)
        sql = f"COPY {model._meta.db_table} ({columns}) FROM STDIN (FORMAT csv)"
        # Text in, parsed by PostgreSQL itself: decimals stay exact. Polars writes
        # null as an empty field (NULL) and "" as a quoted empty string.
        data = frame.write_csv(include_header=False)
        with _raw_cursor() as cursor, cursor.copy(sql) as copy:
            copy.write(data.encode())


def _python_value(table: Table, name: str) -> Callable[[str | None], object]:
    kind = table.column(name).type if name in table.column_names else None
    convert: Callable[[str], object]
    match kind:
        case Date():
            convert = dt.date.fromisoformat
        case Number():
            convert = Decimal
        case Whole():
            convert = int
        case _:
            return _same
    return lambda v: None if v is None else convert(v)


def _same(value: str | None) -> object:
    return value
