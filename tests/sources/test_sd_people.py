"""SD_PERSON's slices become employees and employments (docs/sources/sd.md)."""

from __future__ import annotations

import hashlib
import hmac

import polars as pl

from samraad.interchange.reading import LINE

from .conftest import FILES, SECRET, sd

TESTBY = FILES / "sd"


def named(table: str) -> pl.DataFrame:
    """A converted table of the Testby extract, persons by name instead of their key."""
    sources = sd(TESTBY).folder.sources
    names = sources["employees"].frame.select("employee_id", "name")
    return sources[table].frame.join(names, on="employee_id").drop("employee_id", LINE)


def test_employments_are_runs_of_slices_with_the_same_unit_job_and_hours() -> None:
    rows = named("employments").sort("name", "start_date").rows()
    assert rows == [
        # Two slices with nothing changed (a pay rise, say) are one employment.
        ("TB-10001", "SKOLE", "lærer", "37", "2020-01-01", None, None, "Anna Jensen"),
        # Part time: BESKDEC 0.8108 × 37 = 29.9996, the agreed 30 hours to 2 decimals.
        ("TB-10002", "PLEJE", "sosu-hjælper", "30", "2021-03-01", None, None, "Bo Nielsen"),
        # A move to another unit mid-year: a new row from the day after.
        ("TB-10004", "KONTOR", "hk", "37", "2023-01-01", "2025-06-30", "transfer", "Dennis Lund"),
        ("TB-10004-20250701", "SKOLE", "hk", "37", "2025-07-01", None, None, "Dennis Lund"),
        # Status 3 (leave) is still employed: one employment through it.
        ("TB-10005", "PLEJE", "sygeplejerske", "37", "2019-06-01", None, None, "Emma Friis"),
        # Status 8 ends the employment the day before; the deleted (S) slice is skipped.
        ("TB-10006", "KONTOR", "ac", "37", "2020-01-01", "2025-04-30", None, "Frederik Bach"),
    ]


def test_hourly_paid_are_kept_apart_and_counted() -> None:
    converted = sd(TESTBY)
    names = converted.folder.sources["employees"].frame["name"].to_list()
    assert "Cecilie Holm" not in names
    assert (
        "SD_PERSON.csv: 1 hourly-paid employment of 1 person kept apart (DEL 2 or 6, or"
        " BESKDEC 0): no agreed hours, so not in the figures"
    ) in converted.notices


def test_birth_date_and_gender_are_read_from_the_cpr_number() -> None:
    employees = sd(TESTBY).folder.sources["employees"].frame
    rows = employees.sort("name").select("birth_date", "gender", "name").rows()
    assert rows == [
        ("1980-02-15", "F", "Anna Jensen"),
        ("1972-07-01", "M", "Bo Nielsen"),
        ("1985-11-30", "M", "Dennis Lund"),
        ("1990-05-05", "F", "Emma Friis"),
        ("1958-09-09", "M", "Frederik Bach"),
    ]


def test_employee_key_is_the_keyed_hash_of_the_cpr_number() -> None:
    employees = sd(TESTBY).folder.sources["employees"].frame
    anna = employees.filter(pl.col("name") == "Anna Jensen")["employee_id"].item()
    expected = hmac.new(SECRET.encode(), b"1502801002", hashlib.sha256).hexdigest()[:32]
    assert anna == expected


def test_another_secret_gives_other_keys() -> None:
    one = sd(TESTBY).folder.sources["employees"].frame["employee_id"]
    other = sd(TESTBY, secret="another secret").folder.sources["employees"].frame["employee_id"]
    assert not set(one) & set(other)


def test_century_follows_the_seventh_digit() -> None:
    from samraad.interchange.sources.cpr import birth_date

    cprs = ["0101371000", "0101364000", "0101374000", "0101575000", "0101585000", "0101019999"]
    dates = pl.select(birth_date(pl.lit(pl.Series(cprs)))).to_series().to_list()
    assert [d.isoformat() for d in dates] == [
        "1937-01-01",  # 7th digit 1: 1900s
        "2036-01-01",  # 4 and year ≤ 36: 2000s
        "1937-01-01",  # 4 and year > 36: 1900s
        "2057-01-01",  # 5 and year ≤ 57: 2000s
        "1858-01-01",  # 5 and year > 57: 1800s
        "2001-01-01",  # 9 and year ≤ 36: 2000s
    ]
