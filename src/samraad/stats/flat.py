"""The figures of `samraad stats --json` as flat columns, for every row of a table.

`UnitFigures` turns one row's integer sums into fractions and rounds them with
`Decimal`: exact, but about 10 µs a figure, which is seconds for every unit × month.
Here the same fractions are rounded in 128-bit integers, vectorised: half up to 4
decimals is ⌊(2 × 10⁴ × n + d) / 2d⌋ / 10⁴ for n/d ≥ 0, the same value to the last
bit (a test compares the two on random worlds). by_length is flattened:
"1-3" → length_1_3_spells, length_1_3_absence_hours; "31+" → length_31_plus_….
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from samraad.stats.dataset import SCALE
from samraad.stats.figures import ABSENT_DIVISOR, PLANNED_DIVISOR
from samraad.stats.spells import LengthGroup
from samraad.stats.structure import Structure

PLACES = 10**4  # 4 decimals, as `rounded`
# 1 day's work = 7.4 hours = 37/5 (figures.HOURS_PER_DAY)
DAY_NUMERATOR, DAY_DENOMINATOR = 37, 5


def _int(name: str) -> pl.Expr:
    return pl.col(name).cast(pl.Int128)


def _rounded(numerator: pl.Expr, denominator: pl.Expr, none_when_zero: bool) -> pl.Expr:
    """numerator / denominator × 10⁴, rounded half up to an integer; where the
    denominator is 0: null (a rate without a base) or 0. `_decimals` divides by 10⁴."""
    quotient = (2 * PLACES * numerator + denominator) // (2 * denominator)
    return pl.when(denominator == 0).then(None if none_when_zero else 0).otherwise(quotient)


def _decimals(column: pl.Series) -> pl.Series:
    """Integers × 10⁻⁴ as the nearest floats. In NumPy: Polars divides by a constant as
    a multiplication by its reciprocal, which is off by one bit now and then."""
    values = column.cast(pl.Float64).to_numpy() / PLACES
    return pl.Series(column.name, values, dtype=pl.Float64, nan_to_null=True)


def length_prefix(label: str) -> str:
    """A length group's column prefix: "1-3" → "length_1_3", "31+" → "length_31_plus"."""
    return "length_" + label.replace("-", "_").replace("+", "_plus")


def flat_figures(
    table: pl.DataFrame,
    structure: Structure,
    causes: frozenset[str],
    groups: Sequence[LengthGroup],
) -> pl.DataFrame:
    """`figures_table`'s rows as `samraad stats --json`'s fields, in its order:
    unit, period_start, period_end, structure, causes (joined by commas), …"""
    planned, absent, wd = _int("planned"), _int("absent"), _int("working_days")
    fte_denominator = PLANNED_DIVISOR * DAY_NUMERATOR * wd  # fte = 5 × planned / this
    by_length = []
    for i, group in enumerate(groups):
        prefix = length_prefix(group.label)
        by_length += [
            pl.col(f"spells_{i}").alias(f"{prefix}_spells"),
            _rounded(_int(f"absent_{i}"), pl.lit(ABSENT_DIVISOR, pl.Int128), False).alias(
                f"{prefix}_absence_hours"
            ),
        ]
    # fte is 0 exactly when planned or working days are: the rates below use that.
    no_fte = (planned * wd) == 0
    rows = table.select(
        pl.col("unit_id").alias("unit"),
        pl.col("period_from").alias("period_start"),
        pl.col("period_to").alias("period_end"),
        pl.lit(str(structure)).alias("structure"),
        pl.lit(",".join(sorted(causes))).alias("causes"),
        "working_days",
        _rounded(planned, pl.lit(PLANNED_DIVISOR, pl.Int128), False).alias("planned_hours"),
        _rounded(absent, pl.lit(ABSENT_DIVISOR, pl.Int128), False).alias("absence_hours"),
        _rounded(100 * absent, SCALE * planned, True).alias("absence_rate"),
        _rounded(DAY_DENOMINATOR * planned, fte_denominator, False).alias("fte"),
        # (absence hours / 7.4) / fte = absent × working days / (SCALE × planned)
        _rounded(absent * wd, pl.when(no_fte).then(0).otherwise(SCALE * planned), False).alias(
            "absence_days_per_fte"
        ),
        "headcount",
        "spells",
        *by_length,
        # 100 × spells / fte
        _rounded(
            100 * _int("spells") * fte_denominator,
            pl.when(no_fte).then(0).otherwise(DAY_DENOMINATOR * planned),
            True,
        ).alias("frequency_rate"),
        _rounded(100 * _int("spell_employees"), _int("headcount"), True).alias(
            "individual_frequency_rate"
        ),
        _rounded(_int("spell_days"), _int("spells"), True).alias("average_spell_length"),
    )
    decimals = [name for name, kind in rows.schema.items() if kind == pl.Int128]
    return rows.with_columns(_decimals(rows[name]) for name in decimals)
