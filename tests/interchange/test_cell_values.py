"""One row's values on their own: required, dates, numbers, choices, keys, CPR numbers."""

from __future__ import annotations

import pytest

from .conftest import RejectedBy

pytestmark = pytest.mark.django_db

ABSENCES = "absence_id,employee_id,cause,start_date,end_date,degree\n"
EMPLOYMENTS = (
    "employment_id,employee_id,unit_id,job_group,weekly_hours,"
    "start_date,end_date,end_reason,notice_date\n"
)
UNITS = "unit_id,name,kind,parent_id,valid_from,valid_to\n"


def test_empty_required_cell(rejected: RejectedBy) -> None:
    errors = rejected({"absences.csv": ABSENCES + "S1,A1,,2024-03-04,,\n"})
    assert errors == ["absences.csv:2: cause: required value is empty"]


def test_impossible_date(rejected: RejectedBy) -> None:
    errors = rejected({"absences.csv": ABSENCES + "S1,A1,own_sickness,2023-02-30,,\n"})
    assert errors == ["absences.csv:2: start_date: 2023-02-30 is not a day in the calendar"]


def test_date_not_in_iso_form(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id,birth_date\nA1,01-05-1980\n"})
    assert errors == [
        'employees.csv:2: birth_date: "01-05-1980" is not a date in the form YYYY-MM-DD'
    ]


def test_unit_period_ending_before_it_starts(rejected: RejectedBy) -> None:
    errors = rejected({"units.csv": UNITS + "KK,Kommunen,municipality,,2024-01-01,2023-12-31\n"})
    assert errors == ["units.csv:2: valid_to: 2023-12-31 is before valid_from 2024-01-01"]


def test_employment_ending_before_it_starts(rejected: RejectedBy) -> None:
    row = "F1,A1,ADM,hk,37,2024-05-01,2024-04-30,,\n"
    errors = rejected({"employments.csv": EMPLOYMENTS + row})
    assert errors == ["employments.csv:2: end_date: 2024-04-30 is before start_date 2024-05-01"]


def test_absence_ending_before_it_starts(rejected: RejectedBy) -> None:
    errors = rejected({"absences.csv": ABSENCES + "S1,A1,own_sickness,2024-03-04,2024-03-01,\n"})
    assert errors == ["absences.csv:2: end_date: 2024-03-01 is before start_date 2024-03-04"]


def test_unknown_cause(rejected: RejectedBy) -> None:
    errors = rejected({"absences.csv": ABSENCES + "S1,A1,flu,2024-03-04,,\n"})
    assert errors == [
        'absences.csv:2: cause: unknown value "flu"; expected one of own_sickness, '
        "child_sickness, work_injury, pregnancy_related, maternity, other"
    ]


def test_unknown_conversation_kind(rejected: RejectedBy) -> None:
    header = "conversation_id,employee_id,held_on,kind\n"
    errors = rejected({"conversations.csv": header + "C1,A1,2024-03-20,chat\n"})
    assert errors == [
        'conversations.csv:2: kind: unknown value "chat"; expected one of absence_conversation, '
        "retention_conversation, retention_plan, chronic_illness_agreement, other"
    ]


def test_unknown_end_reason(rejected: RejectedBy) -> None:
    row = "F1,A1,ADM,hk,37,2024-01-01,2024-06-30,fired,\n"
    errors = rejected({"employments.csv": EMPLOYMENTS + row})
    assert errors == [
        'employments.csv:2: end_reason: unknown value "fired"; expected one of resignation, '
        "dismissal, retirement, transfer, other, or empty"
    ]


def test_notice_date_needs_a_dismissal(rejected: RejectedBy) -> None:
    row = "F1,A1,ADM,hk,37,2024-01-01,2024-06-30,resignation,2024-05-31\n"
    errors = rejected({"employments.csv": EMPLOYMENTS + row})
    assert errors == ["employments.csv:2: notice_date: needs end_reason dismissal"]


@pytest.mark.parametrize("degree", ["0", "1.5", "-0.5"])
def test_degree_outside_zero_to_one(rejected: RejectedBy, degree: str) -> None:
    errors = rejected({"absences.csv": ABSENCES + f"S1,A1,own_sickness,2024-03-04,,{degree}\n"})
    assert errors == [f"absences.csv:2: degree: {degree} is outside 0 < degree ≤ 1"]


@pytest.mark.parametrize("hours", ["0", "48.5", "60"])
def test_weekly_hours_outside_zero_to_48(rejected: RejectedBy, hours: str) -> None:
    row = f"F1,A1,ADM,hk,{hours},2024-01-01,,,\n"
    errors = rejected({"employments.csv": EMPLOYMENTS + row})
    assert errors == [f"employments.csv:2: weekly_hours: {hours} is outside 0 < weekly_hours ≤ 48"]


def test_not_a_number(rejected: RejectedBy) -> None:
    errors = rejected({"employments.csv": EMPLOYMENTS + "F1,A1,ADM,hk,37 t,2024-01-01,,,\n"})
    assert errors == ['employments.csv:2: weekly_hours: "37 t" is not a number']


def test_more_decimals_than_the_database_keeps(rejected: RejectedBy) -> None:
    errors = rejected(
        {
            "employments.csv": EMPLOYMENTS + "F1,A1,ADM,hk,18.33333,2024-01-01,,,\n",
            "absences.csv": ABSENCES + "S1,A1,own_sickness,2024-03-04,,0.33333\n",
            "targets.csv": "unit_id,year,absence_days_per_fte\nKK,2026,12.12345\n",
        }
    )
    assert errors == [
        "employments.csv:2: weekly_hours: 18.33333 has more than 4 decimals; the database keeps 4",
        "absences.csv:2: degree: 0.33333 has more than 4 decimals; the database keeps 4",
        "targets.csv:2: absence_days_per_fte: 12.12345 has more than 4 decimals; "
        "the database keeps 4",
    ]


def test_trailing_zeros_are_not_decimals(import_files, world: None) -> None:  # type: ignore[no-untyped-def]
    outcome = import_files({"absences.csv": ABSENCES + "S2,A1,own_sickness,2024-04-01,,0.500000\n"})
    assert (outcome.code, outcome.err) == (0, "")


def test_year_must_be_a_whole_number_in_range(rejected: RejectedBy) -> None:
    header = "unit_id,year,absence_days_per_fte\n"
    errors = rejected({"targets.csv": header + "KK,2026.5,10\nKK,3026,10\n"})
    assert errors == [
        'targets.csv:2: year: "2026.5" is not a whole number',
        "targets.csv:3: year: 3026 is outside 1900 ≤ year ≤ 2100",
    ]


@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("employees.csv", "employee_id,gender\n{cpr},F\n"),
        ("employments.csv", EMPLOYMENTS + "F1,{cpr},ADM,hk,37,2024-01-01,,,\n"),
        ("absences.csv", ABSENCES + "S1,{cpr},own_sickness,2024-03-04,,\n"),
        (
            "conversations.csv",
            "conversation_id,employee_id,held_on,kind\nC1,{cpr},2024-03-20,other\n",
        ),
    ],
)
@pytest.mark.parametrize("cpr", ["0101801234", "010180-1234"])
def test_cpr_number_as_employee_id_is_refused_without_repeating_it(
    rejected: RejectedBy, file: str, text: str, cpr: str
) -> None:
    errors = rejected({file: text.format(cpr=cpr)})
    assert errors == [
        f"{file}:2: employee_id: looks like a CPR number; use the pseudonymous key "
        "(the value is not shown)"
    ]
    assert "0101801234" not in str(errors) and "010180" not in str(errors)


def test_cpr_number_twice_is_not_repeated_either(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id\n0101801234\n0101801234\n"})
    assert "0101801234" not in "".join(errors)
    assert errors[-1] == "employees.csv:3: employee_id: the same employee_id as line 2"


def test_gender_is_f_m_or_empty(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id,gender\nA1,F\nA2,\nA3,K\n"})
    assert errors == ['employees.csv:4: gender: unknown value "K"; expected one of F, M, or empty']


def test_duplicate_key_within_a_file(rejected: RejectedBy) -> None:
    rows = "S1,A1,own_sickness,2024-03-04,,\nS2,A1,own_sickness,2024-04-04,,\n"
    errors = rejected({"absences.csv": ABSENCES + rows + "S1,A1,other,2024-05-04,,\n"})
    assert errors == ["absences.csv:4: absence_id: the same absence_id as line 2"]


def test_duplicate_composite_key(rejected: RejectedBy) -> None:
    rows = "KK,Kommunen,municipality,,2024-01-01,\nKK,Kommune,municipality,,2024-01-01,\n"
    errors = rejected({"units.csv": UNITS + rows})
    assert errors == ["units.csv:3: unit_id: the same unit_id and valid_from as line 2"]


def test_too_long_identifier(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id\n" + "x" * 65 + "\n"})
    assert errors == ["employees.csv:2: employee_id: longer than 64 characters"]


def test_every_bad_cell_is_reported_in_line_order(rejected: RejectedBy) -> None:
    rows = "S1,A1,flu,2024-03-04,,\nS2,A1,own_sickness,2024-13-01,,2\n"
    errors = rejected({"absences.csv": ABSENCES + rows})
    assert errors == [
        'absences.csv:2: cause: unknown value "flu"; expected one of own_sickness, '
        "child_sickness, work_injury, pregnancy_related, maternity, other",
        "absences.csv:3: start_date: 2024-13-01 is not a day in the calendar",
        "absences.csv:3: degree: 2 is outside 0 < degree ≤ 1",
    ]
