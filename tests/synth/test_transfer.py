"""Københavns Ejendomme moves from ØKF to KFF on 2026-01-01 (a transfer in units.csv)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from .conftest import Frames, small_world


def test_kejd_is_under_okf_until_2025_and_under_kff_from_2026(world: Frames) -> None:
    rows = world["units"].filter(pl.col("unit_id") == "KEJD").sort("valid_from")
    assert rows.select("name", "kind", "parent_id", "valid_to").rows() == [
        ("Københavns Ejendomme", "centre", "OKF", dt.date(2025, 12, 31)),
        ("Københavns Ejendomme", "centre", "KFF", None),
    ]
    assert rows["valid_from"][1] == dt.date(2026, 1, 1)


def test_kejds_units_keep_kejd_as_parent_and_its_staff_stay(world: Frames) -> None:
    below = world["units"].filter(pl.col("parent_id") == "KEJD")
    assert below.height >= 2
    assert below["unit_id"].is_unique().all()
    staff = world["employments"].filter(
        pl.col("unit_id").is_in([*below["unit_id"].to_list(), "KEJD"])
        & (pl.col("start_date") <= dt.date(2025, 12, 1))
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= dt.date(2026, 2, 1)))
    )
    assert staff.height > 20


def test_before_2026_kejd_has_one_row_under_okf() -> None:
    units = small_world(today=dt.date(2025, 6, 30))["units"]
    rows = units.filter(pl.col("unit_id") == "KEJD")
    assert rows.select("parent_id", "valid_to").rows() == [("OKF", None)]
