"""Reading a query into a frame: the joined-text path gives what the cursor gives, and a
value holding a separator falls back to the cursor."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from django.db import connection

from samraad.frames.sqlframe import read_frame

SCHEMA = {"name": pl.String, "day": pl.Date, "hours": pl.Float64, "count": pl.Int64}


@pytest.fixture
def rows(db: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE sqlframe_test (name TEXT, day INTEGER, hours REAL, n INTEGER)")
        cursor.executemany(
            "INSERT INTO sqlframe_test VALUES (%s, %s, %s, %s)",
            [('Åse, "A"', 20000, 37.5, 1), (None, None, None, None), ("B", 0, 0.6667, -3)],
        )


def read(where: str = "") -> pl.DataFrame:
    sql = f"SELECT name, day, hours, n FROM sqlframe_test {where} ORDER BY coalesce(n, -100)"
    return read_frame(sql, [], SCHEMA)


def test_rows_keep_their_values_and_nulls(rows: None) -> None:
    assert read().to_dicts() == [
        {"name": None, "day": None, "hours": None, "count": None},
        {"name": "B", "day": dt.date(1970, 1, 1), "hours": 0.6667, "count": -3},
        {"name": 'Åse, "A"', "day": dt.date(2024, 10, 4), "hours": 37.5, "count": 1},
    ]


def test_no_rows_give_an_empty_frame_of_the_schema(rows: None) -> None:
    empty = read("WHERE n > 100")
    assert empty.is_empty()
    assert empty.schema == pl.Schema(SCHEMA)


@pytest.mark.parametrize("separator", ["\x1f", "\x1e"])
def test_a_value_holding_a_separator_is_read_whole(rows: None, separator: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE sqlframe_test SET name = %s WHERE n = 1", [f"a{separator}b"])
    assert read()["name"].to_list() == [None, "B", f"a{separator}b"]


def test_a_text_over_sqlites_length_limit_is_read_the_ordinary_way(rows: None) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's limit on the length of a text")
    import sqlite3

    raw = connection.connection
    limit = raw.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 40)  # the joined rows are longer
    try:
        assert read()["count"].to_list() == [None, -3, 1]
    finally:
        raw.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limit)
