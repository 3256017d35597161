"""Checks over the prospective whole: what the database would hold after the import.

The whole is the stored rows, minus those the import replaces (same key), plus
the incoming rows. Errors are always reported on an incoming line: a stored row
that an incoming one breaks (an employment whose unit period was shortened) is
blamed on the incoming row of that unit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

import polars as pl

from samraad.interchange.intervals import (
    MISSING,
    OTHER,
    ROW,
    first_uncovered_day,
    merged_spans,
    overlapping_pairs,
)
from samraad.interchange.reading import LINE
from samraad.interchange.schema import TABLES, TABLES_BY_NAME, Column, Date, Table

STORED = " (stored in the database)"


@dataclass
class Whole:
    incoming: dict[str, pl.DataFrame]  # clean tables only, canonical, with LINE
    stored: dict[str, pl.DataFrame]  # canonical, every table
    files: dict[str, str]
    _frames: dict[str, pl.DataFrame] = field(default_factory=dict)

    def frame(self, name: str) -> pl.DataFrame:
        """The table after the import; LINE is null on stored rows; dates are dates."""
        if name not in self._frames:
            self._frames[name] = self._overlay(TABLES_BY_NAME[name])
        return self._frames[name]

    def _overlay(self, table: Table) -> pl.DataFrame:
        stored = self.stored[table.name].with_columns(pl.lit(None, pl.Int64).alias(LINE))
        incoming = self.incoming.get(table.name)
        if incoming is not None:
            kept = stored.join(incoming.select(table.key), on=list(table.key), how="anti")
            stored = pl.concat([kept, incoming.select(stored.columns)])
        dates = [c.name for c in table.columns if isinstance(c.type, Date)]
        return stored.with_columns(pl.col(dates).str.to_date("%Y-%m-%d"))

    def file(self, name: str) -> str:
        return self.files.get(name, f"{name}.csv")

    def errors(self, name: str, column: str, found: pl.DataFrame) -> pl.DataFrame:
        """An error frame from rows holding LINE and `message`."""
        return found.select(
            pl.lit(self.file(name)).alias("file"),
            pl.col(LINE).cast(pl.Int64).alias("line"),
            pl.lit(column).alias("column"),
            pl.col("message").cast(pl.String),
        )


Check = Callable[[Whole], pl.DataFrame]


def check(whole: Whole, clean: Callable[[str], bool]) -> list[pl.DataFrame]:
    """Run each check whose tables are all clean and at least one of them imported."""
    return [
        run(whole)
        for reads, run in _checks()
        if all(clean(n) for n in reads) and any(n in whole.incoming for n in reads)
    ]


def _checks() -> Iterator[tuple[tuple[str, ...], Check]]:
    for table in TABLES:
        for column in table.columns:
            if column.refers_to:
                yield (
                    (table.name, column.refers_to),
                    partial(references, table=table, column=column),
                )
    yield ("units",), unit_overlaps
    yield ("units",), single_root
    yield ("units",), parents_exist_throughout
    yield ("units",), no_cycles
    yield (
        ("employments", "units"),
        partial(
            units_exist_throughout,
            name="employments",
            this="this employment",
            stored=pl.format(
                "stored employment {} would be without its unit {} on {}",
                "employment_id",
                "unit_id",
                MISSING,
            ),
        ),
    )
    yield ("absences",), absence_overlaps
    yield (
        ("managers", "units"),
        partial(
            units_exist_throughout,
            name="managers",
            this="this period",
            stored=pl.format(
                "the stored period of {} as manager from {} would be without its unit {} on {}",
                "employee_id",
                "valid_from",
                "unit_id",
                MISSING,
            ),
        ),
    )
    yield ("managers",), manager_overlaps


def references(whole: Whole, table: Table, column: Column) -> pl.DataFrame:
    """An employee or unit named must exist, in this import or in the database."""
    assert column.refers_to is not None
    rows = whole.incoming.get(table.name)
    if rows is None:
        return _none()
    target = TABLES_BY_NAME[column.refers_to]
    known = whole.frame(target.name).select(pl.col(target.key[0]).alias(column.name)).unique()
    unknown = rows.filter(pl.col(column.name).is_not_null()).join(known, on=column.name, how="anti")
    noun = target.name.removesuffix("s")
    message = pl.format(
        f"{noun} {{}} exists neither in this import nor in the database", pl.col(column.name)
    )
    return whole.errors(table.name, column.name, unknown.select(LINE, message.alias("message")))


def units_exist_throughout(whole: Whole, name: str, this: str, stored: pl.Expr) -> pl.DataFrame:
    """The unit of an employment, or of a manager's period, must exist on every day of it.

    `this` names the row in the message ("this employment"); `stored` is the message
    for a stored row that the imported units would leave without its unit.
    """
    table = TABLES_BY_NAME[name]
    assert table.span is not None
    start, end = table.span
    spans = merged_spans(whole.frame("units"), "unit_id", "valid_from", "valid_to")
    known = spans.select("unit_id").unique()
    rows = whole.frame(name).join(known, on="unit_id", how="semi")
    missing = first_uncovered_day(rows, spans, "unit_id", start, end)
    failing = pl.concat(
        [
            rows.with_columns(missing).filter(pl.col(MISSING).is_not_null()),
            _without_any_period(whole.frame(name), known, "unit_id", start),
        ]
    )
    imported = failing.filter(pl.col(LINE).is_not_null()).select(
        LINE,
        pl.format(f"unit {{}} does not exist on {{}}, a day of {this}", "unit_id", MISSING).alias(
            "message"
        ),
    )
    broken = _blame(
        failing.filter(pl.col(LINE).is_null()),
        whole.incoming.get("units"),
        on="unit_id",
        message=stored,
    )
    return pl.concat(
        [whole.errors(name, "unit_id", imported), whole.errors("units", "unit_id", broken)]
    )


def parents_exist_throughout(whole: Whole) -> pl.DataFrame:
    """A unit period's parent must exist on every day of that period."""
    units = whole.frame("units")
    spans = merged_spans(units, "unit_id", "valid_from", "valid_to").rename(
        {"unit_id": "parent_id"}
    )
    known = spans.select("parent_id").unique()
    children = units.join(known, on="parent_id", how="semi")
    missing = first_uncovered_day(children, spans, "parent_id", "valid_from", "valid_to")
    failing = pl.concat(
        [
            children.with_columns(missing).filter(pl.col(MISSING).is_not_null()),
            _without_any_period(
                units.filter(pl.col("parent_id").is_not_null()), known, "parent_id", "valid_from"
            ),
        ]
    )
    imported = failing.filter(pl.col(LINE).is_not_null()).select(
        LINE,
        pl.format(
            "parent {} does not exist on {}, a day of this period", "parent_id", MISSING
        ).alias("message"),
    )
    broken = _blame(
        failing.filter(pl.col(LINE).is_null()),
        whole.incoming.get("units"),
        on="parent_id",
        message=pl.format(
            "the stored period of {} from {} would be without its parent {} on {}",
            "unit_id",
            "valid_from",
            "parent_id",
            MISSING,
        ),
    )
    return whole.errors("units", "parent_id", pl.concat([imported, broken]))


def unit_overlaps(whole: Whole) -> pl.DataFrame:
    """Periods of one unit may not overlap."""
    units = whole.frame("units")
    pairs = overlapping_pairs(units, "unit_id", "valid_from", "valid_to")
    described = pl.format("the period of {} from {}", "unit_id", "valid_from")
    return whole.errors("units", "valid_from", _overlap_messages(units, pairs, described))


def absence_overlaps(whole: Whole) -> pl.DataFrame:
    """Two absence records of one employee may not overlap (spec: "that is an error")."""
    absences = whole.frame("absences")
    pairs = overlapping_pairs(absences, "employee_id", "start_date", "end_date")
    described = pl.format("absence {} of the same employee", "absence_id")
    return whole.errors("absences", "start_date", _overlap_messages(absences, pairs, described))


def manager_overlaps(whole: Whole) -> pl.DataFrame:
    """Two periods of one employee as manager of one unit may not overlap.

    Different employees may manage one unit at once: co-managers.
    """
    managers = whole.frame("managers")
    pairs = overlapping_pairs(managers, ["unit_id", "employee_id"], "valid_from", "valid_to")
    described = pl.format(
        "the period of {} as manager of {} from {}", "employee_id", "unit_id", "valid_from"
    )
    return whole.errors("managers", "valid_from", _overlap_messages(managers, pairs, described))


def single_root(whole: Whole) -> pl.DataFrame:
    """Only one unit has no parent: the root of the tree (the municipality)."""
    units = whole.frame("units")
    roots = (
        units.filter(pl.col("parent_id").is_null())
        .group_by("unit_id")
        .agg(pl.col(LINE).is_null().any().alias("stored"), pl.col(LINE).min().alias("first"))
        .sort("stored", "first", descending=[True, False], nulls_last=True)
    )
    if roots.height <= 1:
        return _none()
    root = roots["unit_id"][0]
    extra = whole.incoming["units"].filter(pl.col("parent_id").is_null(), pl.col("unit_id") != root)
    message = f"empty, but {root} is the root already; only one unit may have no parent"
    return whole.errors("units", "parent_id", extra.select(LINE, pl.lit(message).alias("message")))


def no_cycles(whole: Whole) -> pl.DataFrame:
    """Following parents from any unit, on any day, must never come back to it."""
    edges = whole.frame("units").filter(pl.col("parent_id").is_not_null())
    suspects = _units_on_cycles(set(edges.select("unit_id", "parent_id").unique().iter_rows()))
    if not suspects:
        return _none()
    rows = edges.filter(
        pl.col("unit_id").is_in(list(suspects)), pl.col("parent_id").is_in(list(suspects))
    )
    found: list[tuple[int, str]] = []
    seen: set[frozenset[str]] = set()
    for day in sorted(set(rows["valid_from"])):
        active = rows.filter(
            pl.col("valid_from") <= day,
            pl.col("valid_to").is_null() | (pl.col("valid_to") >= day),
        )
        parents = dict(active.select("unit_id", "parent_id").iter_rows())
        for cycle in _cycles(parents):
            if frozenset(cycle) in seen:
                continue
            seen.add(frozenset(cycle))
            lines = active.filter(pl.col("unit_id").is_in(cycle))[LINE].drop_nulls().to_list()
            if lines:
                path = " → ".join([*cycle, cycle[0]])
                found.append((min(lines), f"the tree has a cycle on {day}: {path}"))
    frame = pl.DataFrame(found, schema={LINE: pl.Int64, "message": pl.String}, orient="row")
    return whole.errors("units", "parent_id", frame)


def _units_on_cycles(edges: set[tuple[str, str]]) -> set[str]:
    """Units on or leading into a cycle of the tree taken over all time (usually none).

    Peels off units with no parent left, again and again; what remains cannot reach
    a root. Only those need the slower day-by-day check.
    """
    parents: dict[str, set[str]] = {}
    children: dict[str, set[str]] = {}
    for unit, parent in edges:
        parents.setdefault(unit, set()).add(parent)
        children.setdefault(parent, set()).add(unit)
    free = [u for u in children if not parents.get(u)]
    while free:
        unit = free.pop()
        for child in children.get(unit, ()):
            parents[child].discard(unit)
            if not parents[child]:
                free.append(child)
    return {u for u, p in parents.items() if p}


def _cycles(parents: dict[str, str]) -> Iterator[list[str]]:
    """The cycles of a graph where each unit has at most one parent."""
    done: set[str] = set()
    for start in sorted(parents):
        path: list[str] = []
        on_path: set[str] = set()
        unit: str | None = start
        while unit is not None and unit not in done and unit not in on_path:
            path.append(unit)
            on_path.add(unit)
            unit = parents.get(unit)
        if unit is not None and unit in on_path:
            yield path[path.index(unit) :]
        done.update(path)


def _overlap_messages(frame: pl.DataFrame, pairs: pl.DataFrame, described: pl.Expr) -> pl.DataFrame:
    """One message per overlapping pair, on the incoming row of the two (the later if both)."""
    info = frame.with_row_index(ROW).select(ROW, LINE, described.alias("_what"))
    other = info.rename({ROW: OTHER, LINE: "_other_line", "_what": "_other_what"})
    joined = pairs.join(info, on=ROW).join(other, on=OTHER)
    incoming = pl.col(LINE).is_not_null()
    named_line = pl.when(incoming).then(pl.col("_other_line"))
    where = pl.when(named_line.is_not_null()).then(pl.format(" (line {})", named_line))
    message = pl.format(
        "overlaps {}{}",
        pl.when(incoming).then("_other_what").otherwise("_what"),
        where.otherwise(pl.lit(STORED)),
    )
    reported = joined.select(pl.coalesce(LINE, "_other_line").alias(LINE), message.alias("message"))
    return reported.filter(pl.col(LINE).is_not_null())


def _without_any_period(
    rows: pl.DataFrame, known: pl.DataFrame, on: str, start: str
) -> pl.DataFrame:
    """Stored rows whose unit has no period left at all (a snapshot removed them all): the
    first day missing is their first. An incoming row naming such a unit is the
    references check's."""
    orphans = rows.filter(pl.col(LINE).is_null()).join(known, on=on, how="anti")
    return orphans.with_columns(pl.col(start).alias(MISSING))


def _blame(
    failing: pl.DataFrame, incoming: pl.DataFrame | None, on: str, message: pl.Expr
) -> pl.DataFrame:
    """Stored rows broken by the import, reported on the first incoming line of `on`'s unit;
    on line 0 (the whole file) when the file has none: a snapshot removed its periods."""
    if incoming is None or failing.height == 0:
        return pl.DataFrame(schema={LINE: pl.Int64, "message": pl.String})
    first = incoming.group_by(pl.col("unit_id").alias(on)).agg(pl.col(LINE).min().alias("_at"))
    return failing.join(first, on=on, how="left").select(
        pl.col("_at").fill_null(0).alias(LINE), message.alias("message")
    )


def _none() -> pl.DataFrame:
    return pl.DataFrame(
        schema={"file": pl.String, "line": pl.Int64, "column": pl.String, "message": pl.String}
    )
