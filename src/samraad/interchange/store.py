"""Importing a folder: load what is stored, validate, diff by key, write the difference.

Everything happens in one transaction: either the whole folder is written or
nothing is. Re-importing an unchanged folder finds no difference and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl
from django.db import transaction

from samraad.frames import versions
from samraad.interchange import database
from samraad.interchange.database import MODELS, for_database
from samraad.interchange.errors import InputError
from samraad.interchange.reading import Folder, read_folder
from samraad.interchange.schema import TABLES, Table
from samraad.interchange.validation import validate
from samraad.org.models import Unit


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
    removed: int = 0  # only sources that replace what they cover remove (reading.Source)

    def __str__(self) -> str:
        counts = f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}"
        return f"{self.file}: {counts}" + (f", removed {self.removed}" if self.removed else "")


@dataclass(frozen=True)
class ImportSummary:
    files: list[FileSummary]

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.files)


CHANGED = "_changed"


@dataclass(frozen=True)
class Changes:
    added: pl.DataFrame
    # The rows whose stored version differs, with CHANGED naming the columns that do.
    updated: pl.DataFrame
    unchanged: int


def import_folder(path: Path) -> ImportSummary:
    """Import the interchange files in `path`; raise ImportRejected if any is wrong.

    Raises reading.NotAFolder when `path` is missing or not a folder.
    """
    return import_read(read_folder(path))


def import_read(folder: Folder) -> ImportSummary:
    """Import what was read (from a folder, or converted from another format)."""
    with transaction.atomic():
        validated = validate(folder, database.load_stored())
        if not validated.ok:
            raise ImportRejected(validated.errors, validated.more_errors)
        changes = {
            t.name: diff(t, validated.incoming[t.name], validated.stored[t.name])
            for t in TABLES
            if t.name in validated.incoming
        }
        remove(validated.removed)
        write(changes)
        versions.changed("data")
    return ImportSummary(
        [
            FileSummary(
                folder.sources[name].label,
                c.added.height,
                c.updated.height,
                c.unchanged,
                validated.removed[name].height if name in validated.removed else 0,
            )
            for name, c in changes.items()
        ]
    )


def diff(table: Table, incoming: pl.DataFrame, stored: pl.DataFrame) -> Changes:
    """Split the incoming rows into added, updated and unchanged, by key."""
    key = list(table.key)
    columns = list(table.column_names)
    others = [c for c in columns if c not in key]
    marked = stored.select(*columns).with_columns(pl.lit(True).alias("_stored"))
    joined = incoming.select(*columns).join(marked, on=key, how="left", suffix="_was")
    exists = pl.col("_stored").is_not_null()
    changed = pl.concat_str(
        [pl.when(pl.col(c).ne_missing(pl.col(f"{c}_was"))).then(pl.lit(c)) for c in others],
        separator=",",
        ignore_nulls=True,
    )
    joined = joined.with_columns(changed.fill_null("").alias(CHANGED))
    same = pl.col(CHANGED) == ""
    return Changes(
        added=joined.filter(~exists).select(columns),
        updated=joined.filter(exists & ~same).select(*columns, CHANGED),
        unchanged=joined.filter(exists & same).height,
    )


def remove(rows: dict[str, pl.DataFrame]) -> None:
    """Delete stored rows by key (a replacing source's superseded rows). Call inside a
    transaction."""
    writer = database.writer()
    for table in TABLES:
        if table.name in rows:
            writer.delete(MODELS[table.name], rows[table.name].select(table.key))


def write(changes: dict[str, Changes]) -> None:
    """Write added and updated rows, parents before children. Call inside a transaction."""
    writer = database.writer()
    if "units" in changes:
        found = changes["units"]
        named = pl.concat([found.added, found.updated.drop(CHANGED)]).select("unit_id").unique()
        new = named.join(database.stored_unit_ids(), on="unit_id", how="anti")
        if new.height:
            writer.insert(Unit, new.sort("unit_id"))
    for table in TABLES:
        if table.name not in changes:
            continue
        model, found = MODELS[table.name], changes[table.name]
        if found.added.height:
            writer.insert(model, for_database(model, found.added))
        # Setting only the columns that changed spares index and foreign-key upkeep.
        for (columns,), rows in found.updated.group_by(CHANGED):
            assert isinstance(columns, str)
            subset = rows.select(*table.key, *columns.split(","))
            writer.update(model, list(table.key), for_database(model, subset))
