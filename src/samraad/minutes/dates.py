"""Danish dates in running text: "6. juni 2024", "d. 6/6-2024", "06.06.2024", ISO."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

MONTHS = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
SHORT_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8}
SHORT_MONTHS |= {"sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12}
MONTH_NAMES = "|".join(sorted([*MONTHS, *SHORT_MONTHS], key=len, reverse=True))
WRITTEN = re.compile(rf"\b(\d{{1,2}})\.?\s*({MONTH_NAMES})\b\.?\s*(\d{{4}})\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./ -]\s?(\d{4})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Lines that name the meeting's own date: "Dato: …", "Mødet blev afholdt d. …",
# "Referat af møde i CSO d. …".
DATE_FIELD = re.compile(r"\b(?:dato|møde\w*|afholdt|referat|dagsorden)\b", re.IGNORECASE)


def dates_in(text: str) -> list[dt.date]:
    """Every valid date in the text, in the order written."""
    found: list[tuple[int, dt.date]] = []
    for match in WRITTEN.finditer(text):
        month = MONTHS.get(match[2].lower()) or SHORT_MONTHS[match[2].lower()]
        _add(found, match.start(), int(match[3]), month, int(match[1]))
    for match in NUMERIC.finditer(text):
        _add(found, match.start(), int(match[3]), int(match[2]), int(match[1]))
    for match in ISO.finditer(text):
        _add(found, match.start(), int(match[1]), int(match[2]), int(match[3]))
    return [day for _, day in sorted(found, key=lambda pair: pair[0])]


def _add(found: list[tuple[int, dt.date]], position: int, year: int, month: int, day: int) -> None:
    with contextlib.suppress(ValueError):  # 30. februar and the like are no dates
        found.append((position, dt.date(year, month, day)))


def first_date(texts: list[str]) -> dt.date | None:
    """The first date on a line that names a date field; else the first date at all."""
    for candidates in ([text for text in texts if DATE_FIELD.search(text)], texts):
        for text in candidates:
            days = dates_in(text)
            if days:
                return days[0]
    return None
