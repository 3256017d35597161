"""Importing a folder: load what is stored, validate, diff by key, write the difference.

Everything happens in one transaction: either the whole folder is written or
nothing is. Re-importing an unchanged folder finds no difference and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl
from django.db import transaction
from django.db.models import Count

from samraad.audit.actor import acting_as, current_actor
from samraad.audit.models import Action, AuditEntry
from samraad.followup.models import Alert
from samraad.frames import versions
from samraad.interchange import database, snapshot
from samraad.interchange.database import MODELS, for_database
from samraad.interchange.errors import NO_COLUMN, InputError
from samraad.interchange.reading import Folder, read_folder
from samraad.interchange.schema import TABLES, Table
from samraad.interchange.snapshot import Scope
from samraad.interchange.validation import Validated, validate
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
    removes: bool = False  # a snapshot's table: "removed 0" is said, too

    def __str__(self) -> str:
        counts = f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}"
        said = self.removed or self.removes
        return f"{self.file}: {counts}" + (f", removed {self.removed}" if said else "")


@dataclass(frozen=True)
class ImportSummary:
    files: list[FileSummary]
    scope: Scope | None = None  # a snapshot's
    dry_run: bool = False

    def __str__(self) -> str:
        lines = [str(f) for f in self.files]
        if self.scope is not None:
            lines.insert(0, f"snapshot of {self.scope.describe()}")
        if self.dry_run:
            lines.append("dry run: nothing written")
        return "\n".join(lines)


CHANGED = "_changed"


@dataclass(frozen=True)
class Changes:
    added: pl.DataFrame
    # The rows whose stored version differs, with CHANGED naming the columns that do.
    updated: pl.DataFrame
    unchanged: int


def import_folder(
    path: Path, scope: Scope | None = None, *, dry_run: bool = False
) -> ImportSummary:
    """Import the interchange files in `path`; raise ImportRejected if any is wrong.

    With a `scope`, a snapshot (interchange/snapshot.py): the stored rows of the scope
    that the files no longer hold are removed. A dry run validates and counts, and
    writes nothing. Raises reading.NotAFolder when `path` is missing or not a folder,
    and snapshot.UnknownUnit for a unit of the scope that is nowhere.
    """
    return import_read(read_folder(path), scope, dry_run=dry_run)


def import_read(
    folder: Folder, scope: Scope | None = None, *, dry_run: bool = False
) -> ImportSummary:
    """Import what was read (from a folder, or converted from another format)."""
    with database.bulk_session(), transaction.atomic():
        stored = database.load_stored()
        if scope is not None:
            folder = snapshot.apply(folder, stored, scope)
        validated = validate(folder, stored)
        if validated.ok and scope is not None:
            validated.errors.extend(followed_up(folder, validated))
        if not validated.ok:
            raise ImportRejected(validated.errors, validated.more_errors)
        changes = {
            t.name: diff(t, validated.incoming[t.name], validated.stored[t.name])
            for t in TABLES
            if t.name in validated.incoming
        }
        summary = ImportSummary(
            [
                FileSummary(
                    folder.sources[name].label,
                    c.added.height,
                    c.updated.height,
                    c.unchanged,
                    validated.removed[name].height if name in validated.removed else 0,
                    removes=scope is not None and name in snapshot.REMOVES,
                )
                for name, c in changes.items()
            ],
            scope,
            dry_run,
        )
        if dry_run:
            return summary
        remove(validated.removed)
        write(changes)
        versions.changed("data")
        if scope is not None and summary.files:
            record(summary)
    return summary


def followed_up(folder: Folder, validated: Validated) -> list[InputError]:
    """A snapshot does not remove a manager's period that an alert names: the alert
    records who was told (followup.Alert.manager), which a removal would wipe."""
    removed = validated.removed.get("managers")
    if removed is None or removed.height == 0:
        return []
    named = (
        Alert.objects.filter(manager__isnull=False)
        .values("manager__unit_id", "manager__employee_id", "manager__valid_from")
        .annotate(alerts=Count("id"))
    )
    rows = [
        (
            r["manager__unit_id"],
            r["manager__employee_id"],
            r["manager__valid_from"].isoformat(),
            r["alerts"],
        )
        for r in named
    ]
    frame = pl.DataFrame(
        rows,
        schema={
            "unit_id": pl.String,
            "employee_id": pl.String,
            "valid_from": pl.String,
            "alerts": pl.Int64,
        },
        orient="row",
    )
    kept = removed.join(frame, on=["unit_id", "employee_id", "valid_from"]).sort(
        "unit_id", "valid_from", "employee_id"
    )
    file = folder.sources["managers"].file_name
    return [
        InputError(
            file,
            0,
            NO_COLUMN,
            f"the stored period of {employee} as manager of {unit} from {start} is not in this "
            f"snapshot, but {alerts} alert(s) name that manager; a snapshot does not remove it "
            "(keep the row; to end the period, give it a valid_to)",
        )
        for unit, employee, start, alerts in kept.iter_rows()
    ]


def record(summary: ImportSummary) -> None:
    """The snapshot's counts, in the audit log (who: the user, or "samraad import")."""
    with acting_as("samraad import"):
        actor = current_actor()
    AuditEntry.objects.create(
        user_id=actor.user_id,
        username=actor.username,
        roles=actor.roles,
        action=Action.RECORD,
        page=AUDIT_PAGE,
        path=actor.path,
        detail=str(summary),
    )


AUDIT_PAGE = "interchange:snapshot"


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
