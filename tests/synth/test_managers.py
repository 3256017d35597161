"""managers.csv: leaders manage their units; centres and administrations always have someone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from samraad.interchange.reading import read_folder
from samraad.interchange.validation import validate
from samraad.synth import write_folder
from samraad.synth.world import HISTORY_DAYS

from .conftest import TODAY, Frames

# The period's first day in the shared world; absences reach back half a year before it,
# and their alerts need managers too.
HISTORY = dt.date(2022, 1, 1) - dt.timedelta(days=HISTORY_DAYS)


def _on(frame: pl.DataFrame, day: dt.date) -> pl.DataFrame:
    return frame.filter(
        pl.col("valid_from") <= day, pl.col("valid_to").is_null() | (pl.col("valid_to") >= day)
    )


def test_every_manager_is_an_employee_of_an_existing_unit(world: Frames) -> None:
    managers = world["managers"]
    assert managers.height > 100
    assert managers["employee_id"].is_in(world["employees"]["employee_id"]).all()
    assert managers["unit_id"].is_in(world["units"]["unit_id"]).all()
    first = (
        world["units"]
        .group_by("unit_id")
        .agg(
            pl.col("valid_from").min().alias("first"),
            pl.col("valid_to").is_null().any().alias("open"),
        )
    )
    joined = managers.join(first, on="unit_id")
    assert (joined["valid_from"] >= joined["first"]).all()
    assert joined["open"].all()  # the synthetic units never close; KEJD's rows touch


def test_keys_are_unique_and_one_managers_periods_of_a_unit_do_not_overlap(world: Frames) -> None:
    managers = world["managers"].sort("unit_id", "employee_id", "valid_from")
    assert managers.select("unit_id", "employee_id", "valid_from").is_unique().all()
    same = (managers["unit_id"] == managers["unit_id"].shift(1)) & (
        managers["employee_id"] == managers["employee_id"].shift(1)
    )
    previous_end = managers["valid_to"].shift(1)
    assert not (same & (previous_end.is_null() | (managers["valid_from"] <= previous_end))).any()
    periods = managers.filter(pl.col("valid_to").is_not_null())
    assert (periods["valid_to"] >= periods["valid_from"]).all()


def test_periods_lie_within_the_managers_employment(world: Frames) -> None:
    managers = world["managers"].with_row_index("row")
    employments = world["employments"].select("employee_id", "start_date", "end_date")
    within = (
        managers.join(employments, on="employee_id")
        .filter(
            pl.col("start_date") <= pl.col("valid_from"),
            pl.col("end_date").is_null()
            | (pl.col("valid_to").is_not_null() & (pl.col("valid_to") <= pl.col("end_date"))),
        )
        .select("row")
        .unique()
    )
    assert within.height == managers.height


def test_each_leader_manages_their_unit_for_their_employment(world: Frames) -> None:
    leaders = world["employments"].filter(pl.col("job_group") == "leder")
    managed = leaders.join(
        world["managers"],
        left_on=["unit_id", "employee_id", "start_date"],
        right_on=["unit_id", "employee_id", "valid_from"],
        how="left",
    )
    assert managed["email"].is_not_null().all()
    assert (managed["valid_to"].is_null() == managed["end_date"].is_null()).all()
    assert (managed["valid_to"] == managed["end_date"]).all()


def test_every_administration_and_centre_has_a_manager_every_day(world: Frames) -> None:
    upper = world["units"].filter(pl.col("kind").is_in(["administration", "centre"]))
    wanted = set(upper["unit_id"])
    assert len(wanted) > 7
    managers = world["managers"].filter(pl.col("unit_id").is_in(wanted))
    for day in pl.date_range(HISTORY, TODAY, "1w", eager=True).append(pl.Series([TODAY])):
        assert set(_on(managers, day)["unit_id"]) == wanted, day


def test_every_administration_has_a_manager_today(world: Frames) -> None:
    administrations = world["units"].filter(pl.col("kind") == "administration")["unit_id"]
    assert administrations.len() == 7
    assert set(_on(world["managers"], TODAY)["unit_id"]) >= set(administrations)


def test_emails_and_languages(world: Frames) -> None:
    managers = world["managers"]
    expected = managers["employee_id"].str.to_lowercase() + "@leder.example.kk.dk"
    assert (managers["email"] == expected).all()
    people = managers.unique("employee_id")
    assert managers.select("employee_id", "language").unique().height == people.height
    english = (people["language"] == "en").mean()
    assert english is not None and 0.02 < english < 0.1  # type: ignore[operator]
    assert set(managers["language"]) == {"da", "en"}


def test_the_world_passes_the_import_checks(world: Frames, tmp_path: Path) -> None:
    write_folder(world, tmp_path)
    validated = validate(read_folder(tmp_path), {})
    assert [str(e) for e in validated.errors] == []
