"""Generated absence meets Copenhagen's figures (docs/synthetic-data.md, "Calibration").

Everything is measured from the frames by tests/synth/measures.py, independently of the
generator, with spec/statistics.md's definitions.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from samraad.synth import generate_frames

from .conftest import TODAY, Frames
from .measures import absent, days_per_fte, length_class, planned, spells

# Own sickness, days per FTE: Copenhagen's published 2022 and 2023, the assumed curve after.
CURVE = {2022: 15.8, 2023: 14.5, 2024: 14.1, 2025: 13.8}
TOLERANCE = 0.02  # relative, per full year
Y2023 = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def _age_band(birth: str, on: pl.Expr) -> pl.Expr:
    age = (on - pl.col(birth)).dt.total_days() / 365.25
    return (
        pl.when(age < 30)
        .then(pl.lit("<30"))
        .when(age < 50)
        .then(pl.lit("30-49"))
        .otherwise(pl.lit("50+"))
    )


def test_days_per_fte_follow_the_year_curve(world: Frames) -> None:
    for year, expected in CURVE.items():
        got = days_per_fte(world, dt.date(year, 1, 1), dt.date(year, 12, 31))["all"]
        assert got == pytest.approx(expected, rel=TOLERANCE), year
    assert days_per_fte(world, *Y2023)["all"] == pytest.approx(14.5, abs=0.3)


def test_before_covid_it_was_about_twelve_days() -> None:
    before = generate_frames(employees=2_000, years=2, seed=5, today=dt.date(2019, 12, 31))
    for year in (2018, 2019):
        got = days_per_fte(before, dt.date(year, 1, 1), dt.date(year, 12, 31))["all"]
        assert 11 < got < 13, year


def test_most_spells_are_short_but_most_days_lie_in_long_spells(world: Frames) -> None:
    s = spells(world, TODAY).filter(pl.col("last").is_between(*Y2023))
    share = s.group_by(length_class(pl.col("length")).alias("group")).len()
    counts = dict(share.rows())
    assert 0.55 < counts["1-3"] / s.height < 0.80
    assert counts["4-14"] > counts["15-30"] and counts["31+"] > 0
    # absence days of 2023 by the length of the spell they belong to (as known at today)
    records = absent(world, *Y2023).join(
        spells(world, TODAY).select("employee_id", "first", "last", "length"), on="employee_id"
    )
    inside = records.filter(
        pl.col("start_date").is_between("first", pl.col("last").fill_null(TODAY))
    )
    long_days = float(inside.filter(pl.col("length") > 30)["fte_days"].sum())
    assert 0.50 < long_days / float(inside["fte_days"].sum()) < 0.70


def test_winter_has_more_sickness_than_summer(world: Frames) -> None:
    def rate(first: dt.date, last: dt.date) -> float:
        return days_per_fte(world, first, last)["all"] / (last - first).days

    winter = rate(dt.date(2022, 12, 1), dt.date(2023, 3, 31))
    summer = rate(dt.date(2023, 6, 1), dt.date(2023, 8, 31))
    assert winter > 1.25 * summer


def test_care_staff_are_sick_more_and_office_staff_less(world: Frames) -> None:
    by_group = days_per_fte(world, dt.date(2022, 1, 1), dt.date(2025, 12, 31), by="job_group")
    overall = days_per_fte(world, dt.date(2022, 1, 1), dt.date(2025, 12, 31))["all"]
    for high in ("sosu-hjælper", "sosu-assistent", "pædagog"):
        assert by_group[high] > 1.1 * overall, high
    for low in ("ac", "hk"):
        assert by_group[low] < 0.95 * overall, low
    assert by_group["ac"] == min(by_group.values())


def test_the_young_have_more_short_spells_and_the_old_longer_ones(world: Frames) -> None:
    people = world["employees"].select("employee_id", "birth_date")
    s = (
        spells(world, TODAY)
        .filter(pl.col("last").is_between(*Y2023))
        .join(people, on="employee_id")
        .with_columns(band=_age_band("birth_date", pl.col("first")))
    )
    fte = (
        planned(world["employments"], *Y2023)
        .join(people, on="employee_id")
        .with_columns(band=_age_band("birth_date", pl.lit(dt.date(2023, 7, 1))))
        .group_by("band")
        .agg(pl.col("fte_days").sum())
    )
    by_band = (
        s.group_by("band")
        .agg(short=(pl.col("length") <= 3).sum(), mean_length=pl.col("length").mean())
        .join(fte, on="band")
    )
    row = {r["band"]: r for r in by_band.iter_rows(named=True)}
    young, old = row["<30"], row["50+"]
    assert young["short"] / young["fte_days"] > 1.5 * old["short"] / old["fte_days"]
    assert old["mean_length"] > 1.5 * young["mean_length"]


def test_long_spells_may_end_in_partial_sick_leave(world: Frames) -> None:
    a = (
        world["absences"]
        .filter(pl.col("cause") == "own_sickness")
        .sort("employee_id", "start_date")
    )
    partial = a.filter(pl.col("degree") < 1)
    assert partial.height > 50
    assert set(partial["degree"]) <= {0.3, 0.4, 0.5, 0.6, 0.75}
    previous = a.with_columns(
        prev_end=pl.col("end_date").shift(1).over("employee_id"),
        prev_degree=pl.col("degree").shift(1).over("employee_id"),
    ).filter(pl.col("degree") < 1)
    follows = previous.filter(
        (pl.col("prev_end") + pl.duration(days=1) == pl.col("start_date"))
        & (pl.col("prev_degree") == 1)
    )
    assert follows.height == partial.height


def test_children_sick_days_injuries_and_pregnancy_appear(world: Frames) -> None:
    a = world["absences"].join(world["employees"], on="employee_id")
    causes = dict(a.group_by("cause").len().rows())
    assert causes["child_sickness"] > 0.1 * causes["own_sickness"]
    assert causes["work_injury"] > 20 and causes["pregnancy_related"] > 10
    child = a.filter(pl.col("cause") == "child_sickness").with_columns(
        length=(pl.col("end_date") - pl.col("start_date")).dt.total_days() + 1,
        age=(pl.col("start_date") - pl.col("birth_date")).dt.total_days() / 365.25,
    )
    assert child["length"].drop_nulls().is_between(1, 2).all()
    assert child["age"].is_between(18, 66).all()
    assert 30 < child["age"].mean() < 45  # type: ignore[operator]
    pregnant = a.filter(pl.col("cause").is_in(["pregnancy_related", "maternity"]))
    assert (pregnant["gender"] == "F").all()


def test_some_absences_are_still_open_today(world: Frames) -> None:
    a = world["absences"].sort("employee_id", "start_date")
    open_ = a.filter(pl.col("end_date").is_null())
    assert open_.height > 10
    assert open_["employee_id"].is_unique().all()
    last = a.group_by("employee_id").agg(pl.col("absence_id").last())
    assert open_["absence_id"].is_in(last["absence_id"]).all()
    # about as many people are off sick today as the absence rate says (5-6 % of the staff)
    own = open_.filter(pl.col("cause") == "own_sickness").height
    assert 0.02 * 4_000 < own < 0.08 * 4_000


def test_the_statistics_core_agrees_with_this_measure(world: Frames) -> None:
    figures = pytest.importorskip("samraad.stats.figures")
    dataset = pytest.importorskip("samraad.stats.dataset")
    data = dataset.Dataset(world["units"], world["employments"], world["absences"])
    for unit in ("KK", "BUF", "KEJD"):
        ours = days_per_fte(_below(world, unit), *Y2023)["all"]
        core = float(figures.unit_figures(data, unit, *Y2023).absence_days_per_fte)
        assert core == pytest.approx(ours, rel=1e-9), unit


def _below(world: Frames, unit: str) -> Frames:
    """The world restricted to the employments in `unit` or below it (2023's tree)."""
    units = world["units"].filter(pl.col("valid_from") <= dt.date(2023, 12, 31))
    units = units.filter(pl.col("valid_to").is_null() | (pl.col("valid_to") >= Y2023[0]))
    parent = dict(units.select("unit_id", "parent_id").rows())
    inside = set()
    for node in parent:
        chain = node
        while chain is not None and chain != unit:
            chain = parent[chain]
        if chain == unit:
            inside.add(node)
    return {
        **world,
        "employments": world["employments"].filter(pl.col("unit_id").is_in(sorted(inside))),
    }


@pytest.mark.slow
def test_the_default_world_meets_the_2023_figure() -> None:
    frames = generate_frames(today=TODAY)
    assert frames["employees"].height > 45_000
    assert days_per_fte(frames, *Y2023)["all"] == pytest.approx(14.5, rel=0.01)
