"""All errors are reported, up to a limit, then how many more there are."""

from __future__ import annotations

import pytest

from samraad.interchange.validation import ERROR_LIMIT

from .conftest import RejectedBy

pytestmark = pytest.mark.django_db


def test_errors_beyond_the_limit_are_counted(rejected: RejectedBy) -> None:
    rows = "".join(f"E{i},1980-02-30\n" for i in range(250))
    errors = rejected({"employees.csv": "employee_id,birth_date\n" + rows})
    assert len(errors) == ERROR_LIMIT + 1
    assert errors[0] == "employees.csv:2: birth_date: 1980-02-30 is not a day in the calendar"
    assert errors[ERROR_LIMIT - 1].startswith(f"employees.csv:{ERROR_LIMIT + 1}: ")
    assert errors[-1] == "… and 50 more errors"


def test_errors_of_several_files_come_in_table_order(rejected: RejectedBy) -> None:
    errors = rejected(
        {
            "absences.csv": "absence_id,employee_id,cause,start_date\nS1,A1,flu,2024-01-01\n",
            "units.csv": "unit_id,name,kind,valid_from\nKK,Kommunen,municipality,\n",
        }
    )
    assert [e.split(":")[0] for e in errors] == ["units.csv", "absences.csv"]
