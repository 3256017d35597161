"""Numbers, percents and dates as Danish and English readers write them."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samraad.documents.formatting import (
    format_date,
    format_integer,
    format_number,
    format_percent,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "decimals", "danish", "english"),
    [
        (1234.5, 1, "1.234,5", "1,234.5"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (0.05, 1, "0,1", "0.1"),  # half up
        (2.675, 2, "2,68", "2.68"),  # the float 2.675 is just below; its decimal is not
        (-1234.5, 0, "-1.235", "-1,235"),
        (-0.04, 1, "0,0", "0.0"),  # no "-0,0"
        (999.95, 1, "1.000,0", "1,000.0"),
        (Decimal("12.345"), 2, "12,35", "12.35"),
        (Fraction(2, 3), 3, "0,667", "0.667"),
        (7, 2, "7,00", "7.00"),
    ],
)
def test_number_in_danish_and_english(
    value: float, decimals: int, danish: str, english: str
) -> None:
    assert format_number(value, decimals, "da") == danish
    assert format_number(value, decimals, "en") == english


def test_integer_groups_thousands() -> None:
    assert format_integer(45000, "da") == "45.000"
    assert format_integer(45000, "en") == "45,000"
    assert format_integer(999, "da") == "999"


def test_percent_has_a_no_break_space_in_danish_only() -> None:
    assert format_percent(5.25, 1, "da") == f"5,3{NBSP}%"
    assert format_percent(5.25, 1, "en") == "5.3%"
    assert format_percent(12, 0, "da") == f"12{NBSP}%"


@pytest.mark.parametrize(
    ("day", "danish", "english"),
    [
        (dt.date(2022, 9, 26), "26. september 2022", "26 September 2022"),
        (dt.date(2026, 3, 1), "1. marts 2026", "1 March 2026"),
        (dt.date(2025, 12, 31), "31. december 2025", "31 December 2025"),
    ],
)
def test_long_date(day: dt.date, danish: str, english: str) -> None:
    assert format_date(day, "da") == danish
    assert format_date(day, "en") == english


def _read_danish(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=6, allow_nan=False),
    st.integers(min_value=0, max_value=4),
)
def test_danish_number_reads_back_as_the_value_rounded_half_up(
    value: Decimal, decimals: int
) -> None:
    text = format_number(value, decimals, "da")
    expected = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert _read_danish(text) == expected
    # Danish and English differ only in which of "." and "," is which.
    swapped = text.translate(str.maketrans(".,", ",."))
    assert format_number(value, decimals, "en") == swapped


@given(st.integers(min_value=0, max_value=10**15))
def test_groups_of_three_digits_between_dots(value: int) -> None:
    groups = format_integer(value, "da").split(".")
    assert all(len(group) == 3 for group in groups[1:])
    assert 1 <= len(groups[0]) <= 3
    assert "".join(groups) == str(value)
