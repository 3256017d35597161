"""The frames are the interchange tables of spec/data-format.md, shaped like Copenhagen."""

from __future__ import annotations

import polars as pl

from .conftest import Frames

SCHEMAS = {
    "units": {"unit_id": pl.String, "name": pl.String, "kind": pl.String,
              "parent_id": pl.String, "valid_from": pl.Date, "valid_to": pl.Date},
    "employees": {"employee_id": pl.String, "birth_date": pl.Date, "gender": pl.String,
                  "name": pl.String},
    "employments": {"employment_id": pl.String, "employee_id": pl.String,
                    "unit_id": pl.String, "job_group": pl.String, "weekly_hours": pl.Float64,
                    "start_date": pl.Date, "end_date": pl.Date, "end_reason": pl.String,
                    "notice_date": pl.Date},
    "absences": {"absence_id": pl.String, "employee_id": pl.String, "cause": pl.String,
                 "start_date": pl.Date, "end_date": pl.Date, "degree": pl.Float64},
    "targets": {"unit_id": pl.String, "year": pl.Int64, "absence_days_per_fte": pl.Float64},
    "managers": {"unit_id": pl.String, "employee_id": pl.String, "email": pl.String,
                 "language": pl.String, "valid_from": pl.Date, "valid_to": pl.Date},
}  # fmt: skip
ADMINISTRATIONS = {
    "OKF": "Økonomiforvaltningen",
    "BUF": "Børne- og Ungdomsforvaltningen",
    "SUF": "Sundheds- og Omsorgsforvaltningen",
    "SOF": "Socialforvaltningen",
    "KFF": "Kultur- og Fritidsforvaltningen",
    "KTF": "Teknik- og Miljøforvaltningen",
    "BIF": "Beskæftigelses- og Integrationsforvaltningen",
}


def test_frames_have_exactly_the_spec_columns_and_types(world: Frames) -> None:
    assert {stem: dict(frame.schema) for stem, frame in world.items()} == SCHEMAS


def test_identifiers_are_unique_and_never_look_like_cpr_numbers(world: Frames) -> None:
    for stem, key in [
        ("employees", "employee_id"),
        ("employments", "employment_id"),
        ("absences", "absence_id"),
    ]:
        ids = world[stem][key]
        assert ids.n_unique() == len(ids), stem
        assert not ids.str.contains(r"^\d{10}$|^\d{6}-\d{4}$").any(), stem


def test_the_root_has_the_seven_administrations(world: Frames) -> None:
    units = world["units"]
    root = units.filter(pl.col("parent_id").is_null())
    assert root.select("unit_id", "kind").rows() == [("KK", "municipality")]
    admins = units.filter(pl.col("kind") == "administration")
    assert dict(admins.select("unit_id", "name").rows()) == ADMINISTRATIONS
    assert set(admins["parent_id"]) == {"KK"}


def test_administrations_are_sized_like_copenhagens(world: Frames) -> None:
    on_day = world["employments"].filter(
        (pl.col("start_date") <= pl.date(2024, 3, 1))
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= pl.date(2024, 3, 1)))
    )
    admin = on_day["unit_id"].str.extract(r"^([A-Z]+)").replace({"KEJD": "OKF"})
    share = admin.value_counts(normalize=True)
    shares = dict(zip(share["unit_id"], share["proportion"], strict=True))
    assert 0.36 < shares["BUF"] < 0.44
    assert 0.17 < shares["SUF"] < 0.23
    assert 0.12 < shares["SOF"] < 0.18
    assert max(shares[a] for a in ("OKF", "KFF", "KTF", "BIF")) < 0.09
    assert 3_700 < len(on_day) < 4_300  # the headcount asked for, give or take vacancies


def test_units_below_centres_have_the_usual_kinds_and_sizes(world: Frames) -> None:
    units = world["units"]
    assert set(units["kind"]) == {
        "municipality",
        "administration",
        "centre",
        "office",
        "unit",
        "institution",
    }
    staff = world["employments"].filter(pl.col("end_date").is_null()).group_by("unit_id").len()
    names = staff.join(units.unique("unit_id"), on="unit_id")
    schools = names.filter(pl.col("name").str.ends_with(" Skole"))["len"]
    care_homes = names.filter(pl.col("name").str.starts_with("Plejehjemmet"))["len"]
    assert 40 < schools.mean() < 80  # type: ignore[operator]
    assert 45 < care_homes.mean() < 95  # type: ignore[operator]
    institutions = units.filter(pl.col("kind") == "institution")
    assert institutions["name"].str.starts_with("Børnehuset").all()


def test_job_groups_and_weekly_hours_are_realistic(world: Frames) -> None:
    e = world["employments"]
    groups = set(e["job_group"])
    assert {
        "pædagog",
        "pædagogmedhjælper",
        "lærer",
        "sosu-hjælper",
        "sosu-assistent",
        "sygeplejerske",
        "hk",
        "ac",
        "håndværker",
        "socialrådgiver",
        "leder",
        "elev",
    } <= groups
    hours = e["weekly_hours"]
    assert ((hours > 0) & (hours <= 48)).all()
    assert (hours == hours.round(2)).all()
    assert 0.5 < (hours == 37).mean() < 0.8  # type: ignore[operator]
    care = e.filter(pl.col("job_group").is_in(["pædagog", "sosu-hjælper", "sosu-assistent"]))
    assert care["weekly_hours"].is_between(30, 34).mean() > 0.3  # type: ignore[operator]
    assert e["weekly_hours"].is_between(18.5, 25).sum() > 0


def test_ages_are_working_ages(world: Frames) -> None:
    e = world["employments"].join(world["employees"], on="employee_id")
    age = (pl.col("start_date") - pl.col("birth_date")).dt.total_days() / 365.25
    ages = e.select(age.alias("age"))["age"]
    assert ages.min() >= 16  # type: ignore[operator]
    assert 35 < ages.mean() < 50  # type: ignore[operator]
    assert set(world["employees"]["gender"].drop_nulls()) == {"F", "M"}


def test_targets_cover_root_administrations_and_centres(world: Frames) -> None:
    t = world["targets"]
    assert set(t["year"]) == set(range(2022, 2027))
    units = set(t["unit_id"])
    centres = set(world["units"].filter(pl.col("kind") == "centre")["unit_id"])
    assert {"KK", *ADMINISTRATIONS, *centres} == units
    assert set(world["units"]["unit_id"]) >= units
    assert t["absence_days_per_fte"].is_between(5, 25).all()
    level = dict(t.filter(pl.col("year") == 2024).select("unit_id", "absence_days_per_fte").rows())
    assert level["SUF"] > level["KK"] > level["OKF"]
