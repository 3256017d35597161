"""Every reference in the generated world is valid, as the import will require."""

from __future__ import annotations

import datetime as dt

import polars as pl

from .conftest import TODAY, Frames

FAR = dt.date(2100, 1, 1)


def _coverage(frame: pl.DataFrame, rows: pl.DataFrame, key: str) -> pl.DataFrame:
    """Days of each [start, stop] in `frame` that `rows` (periods of the key) cover."""
    spans = frame.with_row_index("row").select("row", pl.col(key), pl.col("start"), pl.col("stop"))
    joined = spans.join(rows, on=key, how="left").with_columns(
        covered=(pl.min_horizontal("stop", "to") - pl.max_horizontal("start", "from"))
        .dt.total_days()
        .clip(lower_bound=-1)
        + 1
    )
    return joined.group_by("row").agg(
        pl.col("covered").fill_null(0).sum(),
        length=((pl.col("stop") - pl.col("start")).dt.total_days() + 1).first(),
    )


def _unit_periods(world: Frames) -> pl.DataFrame:
    return world["units"].select(
        "unit_id", pl.col("valid_from").alias("from"), pl.col("valid_to").fill_null(FAR).alias("to")
    )


def test_unit_periods_do_not_overlap(world: Frames) -> None:
    u = world["units"].sort("unit_id", "valid_from")
    follows = u.filter(pl.col("unit_id") == pl.col("unit_id").shift(1))
    previous_end = u["valid_to"].shift(1).filter(u["unit_id"] == u["unit_id"].shift(1))
    assert (follows["valid_from"] > previous_end).all()


def test_every_parent_exists_whenever_a_child_points_to_it(world: Frames) -> None:
    children = (
        world["units"]
        .filter(pl.col("parent_id").is_not_null())
        .select(
            pl.col("parent_id").alias("unit_id"),
            pl.col("valid_from").alias("start"),
            pl.col("valid_to").fill_null(FAR).alias("stop"),
        )
    )
    c = _coverage(children, _unit_periods(world), "unit_id")
    assert (c["covered"] == c["length"]).all()


def test_every_employment_is_in_a_unit_that_exists_on_all_its_days(world: Frames) -> None:
    e = world["employments"].select(
        "unit_id",
        pl.col("start_date").alias("start"),
        pl.col("end_date").fill_null(TODAY).alias("stop"),
    )
    c = _coverage(e, _unit_periods(world), "unit_id")
    assert (c["covered"] == c["length"]).all()


def test_every_employee_referred_to_exists(world: Frames) -> None:
    known = world["employees"]["employee_id"]
    assert world["employments"]["employee_id"].is_in(known).all()
    assert world["absences"]["employee_id"].is_in(known).all()
    assert known.is_in(world["employments"]["employee_id"]).all()


def test_employments_are_well_formed(world: Frames) -> None:
    e = world["employments"]
    assert (e["end_date"].is_null() | (e["end_date"] >= e["start_date"])).all()
    assert (e["start_date"] <= TODAY).all()
    reasons = set(e["end_reason"].drop_nulls())
    assert reasons == {"resignation", "dismissal", "retirement", "transfer", "other"}
    assert (e["end_reason"].is_null() == e["end_date"].is_null()).all()
    dismissed = e.filter(pl.col("end_reason") == "dismissal")
    assert dismissed["notice_date"].is_not_null().all()
    assert e.filter(pl.col("end_reason") != "dismissal")["notice_date"].is_null().all()
    notice = (dismissed["end_date"] - dismissed["notice_date"]).dt.total_days()
    assert notice.is_between(0, 190).all()
    assert notice.median() >= 28  # type: ignore[operator]
    # an ongoing employment never ends after today, but a dismissal with notice given may
    later = e.filter(pl.col("end_date") > TODAY)
    assert (later["end_reason"] == "dismissal").all()
    assert (later["notice_date"] <= TODAY).all()


def test_a_move_is_a_new_employment_from_the_day_after(world: Frames) -> None:
    e = world["employments"]
    moves = e.filter(pl.col("end_reason") == "transfer").select(
        "employee_id",
        pl.col("unit_id").alias("from_unit"),
        (pl.col("end_date") + pl.duration(days=1)).alias("start_date"),
    )
    after = moves.join(e, on=["employee_id", "start_date"], how="left")
    assert len(moves) > 20
    assert after["unit_id"].is_not_null().all()
    assert (after["unit_id"] != after["from_unit"]).all()


def test_some_people_hold_two_part_time_jobs_at_once(world: Frames) -> None:
    e = world["employments"].select(
        "employee_id", "weekly_hours", "start_date", pl.col("end_date").fill_null(TODAY)
    )
    pairs = e.join(e, on="employee_id", suffix="_2").filter(
        (pl.col("start_date") < pl.col("start_date_2"))
        & (pl.col("start_date_2") <= pl.col("end_date"))
    )
    assert 5 <= pairs["employee_id"].n_unique() <= 0.05 * world["employees"].height
    assert (pairs["weekly_hours"] + pairs["weekly_hours_2"] <= 48).all()


def test_staff_turn_over_through_the_years(world: Frames) -> None:
    e = world["employments"]
    hired = e.filter(pl.col("start_date") >= dt.date(2022, 1, 1))["employee_id"].n_unique()
    left = e.filter(pl.col("end_reason").is_in(["resignation", "retirement", "dismissal"]))
    assert hired > 0.3 * 4_000
    assert left["end_date"].dt.year().n_unique() >= 4
    assert left.filter(pl.col("end_reason") == "retirement").height > 20


def test_absence_records_are_valid_and_never_overlap(world: Frames) -> None:
    a = world["absences"].sort("employee_id", "start_date")
    assert set(a["cause"]) <= {
        "own_sickness",
        "child_sickness",
        "work_injury",
        "pregnancy_related",
        "maternity",
    }
    assert ((a["degree"] > 0) & (a["degree"] <= 1)).all()
    assert (a["degree"] == a["degree"].round(4)).all()
    assert (a["end_date"].is_null() | (a["end_date"] >= a["start_date"])).all()
    assert (a["start_date"] <= TODAY).all()
    assert (a["end_date"].drop_nulls() <= TODAY).all()
    same = a["employee_id"] == a["employee_id"].shift(1)
    previous_end = a["end_date"].shift(1).fill_null(FAR)
    assert not (same & (a["start_date"] <= previous_end)).any()


def test_absences_lie_within_the_persons_employment(world: Frames) -> None:
    span = (
        world["employments"]
        .group_by("employee_id")
        .agg(
            pl.col("start_date").min().alias("first"),
            pl.col("end_date").fill_null(FAR).max().alias("last"),
        )
    )
    a = world["absences"].join(span, on="employee_id")
    assert (a["start_date"] >= a["first"]).all()
    assert (a["end_date"].fill_null(TODAY) <= a["last"]).all()
