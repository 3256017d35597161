"""The employee key made from a CPR number in memory; the CPR number itself is never kept.

The key is HMAC-SHA256 of the ten digits under a secret from the settings
(`SAMRAAD_CPR_KEY`), cut to 32 hex digits (128 bits: no two of a municipality's people
share one). Without the secret the key cannot be traced back to the person, even though
CPR numbers are few enough to try them all; with it, the same person always gets the
same key, in every import and from every source. Birth date and gender are read from the
number (CPR-kontoret's rules) while it is in memory.
"""

from __future__ import annotations

import hashlib
import hmac
import re

import polars as pl

# DDMMYY-SSSS or the ten digits run together (the same shapes validation refuses as keys).
CPR_SHAPE = r"^\d{6}-?\d{4}$"
KEY_HEX_DIGITS = 32
NOT_A_CPR = "not a CPR number (10 digits, or 6 digits, dash, 4 digits); the value is not shown"


class MissingSecret(Exception):
    """No secret to make employee keys with: refuse rather than store something guessable."""

    MESSAGE = (
        "set SAMRAAD_CPR_KEY (a long random secret, kept for good) before importing CPR numbers"
    )


def digits(cpr: pl.Expr) -> pl.Expr:
    """The ten digits, without the dash; null where the cell is not shaped like a CPR number."""
    return pl.when(cpr.str.contains(CPR_SHAPE)).then(cpr.str.replace("-", "", literal=True))


def digits_of(value: str) -> str | None:
    """`digits` for one value."""
    text = value.strip()
    return text.replace("-", "") if re.fullmatch(CPR_SHAPE, text) else None


def employee_keys(cprs: pl.Series, secret: str) -> pl.Series:
    """The key of each CPR number (ten digits); computed once per distinct number."""
    if not secret:
        raise MissingSecret(MissingSecret.MESSAGE)
    key = secret.encode("utf-8")
    distinct = cprs.drop_nulls().unique()
    keys = [
        hmac.new(key, cpr.encode("ascii"), hashlib.sha256).hexdigest()[:KEY_HEX_DIGITS]
        for cpr in distinct
    ]
    table = pl.DataFrame({"_cpr": distinct, "_key": pl.Series(keys, dtype=pl.String)})
    looked_up = pl.DataFrame({"_cpr": cprs}).join(
        table, on="_cpr", how="left", maintain_order="left"
    )
    return looked_up["_key"].alias(cprs.name)


def birth_date(ten_digits: pl.Expr) -> pl.Expr:
    """The birth date: DDMMYY, the century from the 7th digit (CPR-kontoret, 2008 rules).

    Null where the digits are no real day (some replacement numbers are not).
    """
    year = ten_digits.str.slice(4, 2).cast(pl.Int32, strict=False)
    seventh = ten_digits.str.slice(6, 1).cast(pl.Int32, strict=False)
    century = (
        pl.when(seventh <= 3)
        .then(1900)
        .when(seventh.is_in([4, 9]))
        .then(pl.when(year <= 36).then(2000).otherwise(1900))
        .otherwise(pl.when(year <= 57).then(2000).otherwise(1800))
    )
    text = pl.format(
        "{}-{}-{}",
        (century + year).cast(pl.String),
        ten_digits.str.slice(2, 2),
        ten_digits.str.slice(0, 2),
    )
    return text.str.to_date("%Y-%m-%d", strict=False)


def gender(ten_digits: pl.Expr) -> pl.Expr:
    """F or M: the last digit is odd for men, even for women."""
    last = ten_digits.str.slice(9, 1).cast(pl.Int32, strict=False)
    return pl.when(last % 2 == 1).then(pl.lit("M")).when(last.is_not_null()).then(pl.lit("F"))
