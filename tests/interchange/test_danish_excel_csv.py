"""A "CSV" saved by Danish Excel, semicolons and decimal commas, is named for what it is
(finding 11), not as a row with more values than its header."""

from __future__ import annotations

import pytest

from .conftest import RejectedBy

pytestmark = pytest.mark.django_db

SEMICOLONS = "the header is separated by semicolons; the format uses commas"


def test_semicolons_with_decimal_commas_are_named(rejected: RejectedBy) -> None:
    rows = (
        "employment_id;employee_id;unit_id;job_group;weekly_hours;start_date\n"
        "F1;A1;ADM;hk;37;2024-01-01\n"
        "F2;A1;ADM;hk;18,5;2024-01-01\n"
    )
    errors = rejected({"employments.csv": rows})
    assert errors == [f"employments.csv:1: (file): {SEMICOLONS}"]


def test_a_comma_header_with_a_long_row_still_names_the_row(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id,gender\nA1,F\nA2,M,extra\n"})
    assert errors == ["employees.csv:3: (file): 3 values, but the header has 2 columns"]
