"""Which units lie below which, on which days (spec/statistics.md, "A unit's figures").

The result is a closure table: rows (unit, ancestor, first, last) saying that on the
days [first, last] `unit` is `ancestor` or lies below it. A unit is its own ancestor.

- `historic`: the tree as it was on each day. A transfer splits the rows at its date.
- `current`: the tree as it is on the as-of date, for every day; a unit closed before
  the as-of date keeps the place it last had (so KFF's 2025 includes KEJD's 2025).
"""

from __future__ import annotations

from enum import StrEnum

import polars as pl

from samraad.stats.workdays import END

# The current structure holds on every day, however early.
ALWAYS = -(10**9)

CLOSURE_SCHEMA = {"unit": pl.String, "ancestor": pl.String, "first": pl.Int64, "last": pl.Int64}


class Structure(StrEnum):
    HISTORIC = "historic"
    CURRENT = "current"


def historic_closure(unit_rows: pl.DataFrame) -> pl.DataFrame:
    """Closure over time: walk up one level per round, intersecting validity periods."""
    edges = unit_rows.filter(pl.col("parent").is_not_null())
    level = unit_rows.select(pl.col("unit"), pl.col("unit").alias("ancestor"), "first", "last")
    parts = [level]
    for _ in range(unit_rows.height):  # a tree is never deeper than its number of rows
        level = (
            level.join(edges, left_on="ancestor", right_on="unit", suffix="_up")
            .select(
                "unit",
                pl.col("parent").alias("ancestor"),
                pl.max_horizontal("first", "first_up").alias("first"),
                pl.min_horizontal("last", "last_up").alias("last"),
            )
            .filter(pl.col("first") <= pl.col("last"))
        )
        if level.is_empty():
            break
        parts.append(level)
    return pl.concat(parts).cast(CLOSURE_SCHEMA)  # type: ignore[arg-type]


def rows_as_of(unit_rows: pl.DataFrame, as_of: int) -> pl.DataFrame:
    """Each unit's row holding on `as_of`; else the row it last had; else the first it will
    have. Adds `holds`: whether the row covers `as_of`."""
    ranked = unit_rows.with_columns(
        pl.when((pl.col("first") <= as_of) & (pl.col("last") >= as_of))
        .then(0)
        .when(pl.col("last") < as_of)
        .then(1)
        .otherwise(2)
        .alias("rank"),
        # within a rank: the latest past row, the earliest future row
        pl.when(pl.col("last") < as_of)
        .then(-pl.col("last"))
        .otherwise(pl.col("first"))
        .alias("order"),
    )
    return (
        ranked.sort("unit", "rank", "order")
        .group_by("unit", maintain_order=True)
        .first()
        .with_columns((pl.col("rank") == 0).alias("holds"))
        .drop("rank", "order")
    )


def parents_as_of(unit_rows: pl.DataFrame, as_of: int) -> pl.DataFrame:
    """Each unit's parent on `as_of`; else the parent it last had; else the first it will have."""
    return rows_as_of(unit_rows, as_of).select("unit", "parent")


def current_closure(unit_rows: pl.DataFrame, as_of: int) -> pl.DataFrame:
    """Closure of the as-of tree, valid on every day."""
    tree = parents_as_of(unit_rows, as_of)
    edges = tree.filter(pl.col("parent").is_not_null())
    level = tree.select(pl.col("unit"), pl.col("unit").alias("ancestor"))
    parts = [level]
    for _ in range(tree.height):
        level = level.join(edges, left_on="ancestor", right_on="unit").select(
            "unit", pl.col("parent").alias("ancestor")
        )
        if level.is_empty():
            break
        parts.append(level)
    return (
        pl.concat(parts)
        .with_columns(pl.lit(ALWAYS, pl.Int64).alias("first"), pl.lit(END, pl.Int64).alias("last"))
        .cast(CLOSURE_SCHEMA)  # type: ignore[arg-type]
    )


def closure(unit_rows: pl.DataFrame, structure: Structure, as_of: int) -> pl.DataFrame:
    if structure is Structure.CURRENT:
        return current_closure(unit_rows, as_of)
    return historic_closure(unit_rows)


def units_below(unit_rows: pl.DataFrame, unit: str, first: int, last: int, as_of: int) -> list[str]:
    """Every unit that lies below `unit` on some day of [first, last], in either structure
    (the current one as of `as_of`)."""
    historic = historic_closure(unit_rows).filter(
        (pl.col("ancestor") == unit) & (pl.col("first") <= last) & (pl.col("last") >= first)
    )
    current = current_closure(unit_rows, as_of).filter(pl.col("ancestor") == unit)
    return sorted(set(historic["unit"]) | set(current["unit"]))
