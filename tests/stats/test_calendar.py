import datetime as dt

from samraad.stats import work_calendar


def test_2025_has_250_working_days() -> None:
    # 261 weekdays − 8 public holidays on weekdays − 5 June, 24 and 31 December
    assert work_calendar().between(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == 250


def test_2024_has_251_working_days() -> None:
    assert work_calendar().between(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == 251


def test_easter_2024_and_agreed_days_off_are_not_working_days() -> None:
    cal = work_calendar()
    for day in ("2024-03-28", "2024-03-29", "2024-04-01", "2024-06-05", "2024-12-24", "2024-12-31"):
        assert not cal.is_working_day(dt.date.fromisoformat(day)), day
    assert cal.is_working_day(dt.date(2024, 4, 2))


def test_great_prayer_day_is_a_holiday_until_2023_only() -> None:
    cal = work_calendar()
    assert not cal.is_working_day(dt.date(2023, 5, 5))
    assert cal.is_working_day(dt.date(2024, 4, 26))


def test_leap_day_2024_is_a_working_day() -> None:
    assert work_calendar().between(dt.date(2024, 2, 28), dt.date(2024, 3, 1)) == 3


def test_empty_interval_has_no_working_days() -> None:
    assert work_calendar().between(dt.date(2024, 3, 2), dt.date(2024, 3, 1)) == 0
