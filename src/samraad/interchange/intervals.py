"""Interval arithmetic on frames of day ranges, vectorised with Polars.

A range is `start`..`end`, both inclusive; a null end is open (still holds), which
is treated as the far future.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

FAR_FUTURE = dt.date(9999, 12, 31)
ROW = "_row"
OTHER = "_other"
MISSING = "_missing"
ONE_DAY = pl.duration(days=1)


def merged_spans(frame: pl.DataFrame, by: str, start: str, end: str) -> pl.DataFrame:
    """The ranges of each `by` merged where they overlap or touch: (by, span_start, span_end)."""
    ends = pl.col(end).fill_null(FAR_FUTURE)
    ranges = frame.select(by, start, ends.alias(end)).sort(by, start)
    previous_end = pl.col(end).cum_max().shift(1).over(by)
    gap = previous_end.is_null() | (pl.col(start) > previous_end + ONE_DAY)
    return (
        ranges.with_columns(gap.cast(pl.Int32).cum_sum().over(by).alias("_span"))
        .group_by(by, "_span")
        .agg(pl.col(start).min().alias("span_start"), pl.col(end).max().alias("span_end"))
        .drop("_span")
    )


def first_uncovered_day(
    items: pl.DataFrame, spans: pl.DataFrame, by: str, start: str, end: str
) -> pl.Series:
    """For each item, the first day of its range that no span of its `by` covers (or null).

    `spans` comes from merged_spans, so at most one span contains an item's start.
    """
    numbered = items.select(by, start, pl.col(end).fill_null(FAR_FUTURE)).with_row_index(ROW)
    containing = (
        numbered.join(spans, on=by, how="inner")
        .filter(pl.col("span_start") <= pl.col(start), pl.col(start) <= pl.col("span_end"))
        .select(ROW, "span_end")
    )
    joined = numbered.join(containing, on=ROW, how="left").sort(ROW)
    missing = (
        pl.when(pl.col("span_end").is_null())
        .then(pl.col(start))
        .when(pl.col("span_end") < pl.col(end))
        .then(pl.col("span_end") + ONE_DAY)
    )
    return joined.select(missing.alias(MISSING)).to_series()


def overlapping_pairs(
    frame: pl.DataFrame, by: str | list[str], start: str, end: str
) -> pl.DataFrame:
    """Pairs (ROW, OTHER) of row numbers of `frame` whose ranges overlap within one `by`
    (a column, or several taken together).

    Sorted by start, each row is compared with the earlier row reaching furthest: if
    it starts on or before that row's end, the two overlap. Every row that overlaps
    an earlier-starting one appears once, paired with that row.
    """
    by = [by] if isinstance(by, str) else by
    ends = pl.col(end).fill_null(FAR_FUTURE).alias("_end")
    reach = pl.col("_end").cum_max().over(by)
    ranked = (
        frame.select(*by, start, ends)
        .with_row_index(ROW)
        .sort(*by, start, ROW)
        .with_columns(reach.alias("_reach"))
    )
    holder = pl.when(pl.col("_end") == pl.col("_reach")).then(pl.col(ROW)).forward_fill()
    ranked = ranked.with_columns(holder.over(by).alias("_holder")).with_columns(
        pl.col("_reach").shift(1).over(by).alias("_previous_reach"),
        pl.col("_holder").shift(1).over(by).alias(OTHER),
    )
    return ranked.filter(pl.col(start) <= pl.col("_previous_reach")).select(ROW, OTHER)
