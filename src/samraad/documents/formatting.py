"""Numbers, percents and dates as a Danish or English reader writes them.

Danish: 1.234,5 and 5,3 % and 26. september 2022 (STYLE.md; Retskrivningsordbogen puts
a space before %). English: 1,234.5 and 5.3% and 26 September 2022. Rounding is half
up, on the decimal value as written (2.675 → 2,68), like the statistics core's
`rounded`; a value that rounds to zero loses its sign. The space before % does not
break, so a percent never wraps across lines.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from samraad.documents.model import Language, Number

NO_BREAK_SPACE = "\u00a0"

_DANISH_MONTHS = (
    "januar februar marts april maj juni juli august september oktober november december"
)
_ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
)
MONTHS: dict[Language, tuple[str, ...]] = {
    "da": tuple(_DANISH_MONTHS.split(" ")),
    "en": tuple(_ENGLISH_MONTHS.split(" ")),
}

# str.translate tables: Python's own grouping is the English one.
_DANISH_SEPARATORS = str.maketrans({",": ".", ".": ","})


def _exact(value: Number) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        return Decimal(repr(value))  # the shortest decimal that reads back as this float
    return Decimal(value)


def format_number(value: Number, decimals: int, language: Language) -> str:
    """`format_number(1234.5, 1, "da")` → "1.234,5"; `"en"` → "1,234.5"."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = _exact(value).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)
    text = format(rounded, f",.{decimals}f")
    return text.translate(_DANISH_SEPARATORS) if language == "da" else text


def format_integer(value: int, language: Language) -> str:
    return format_number(value, 0, language)


def format_percent(value: Number, decimals: int, language: Language) -> str:
    """Percent points as a percent: 5.25 → "5,3 %" (da) or "5.3%" (en) with 1 decimal."""
    number = format_number(value, decimals, language)
    return f"{number}{NO_BREAK_SPACE}%" if language == "da" else f"{number}%"


def format_date(day: dt.date, language: Language) -> str:
    """26. september 2022 (da), 26 September 2022 (en)."""
    month = MONTHS[language][day.month - 1]
    return f"{day.day}. {month} {day.year}" if language == "da" else f"{day.day} {month} {day.year}"
