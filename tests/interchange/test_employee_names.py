"""employees.csv may carry a `name` (our extension): stored, kept when left out, checked."""

from __future__ import annotations

import pytest

from samraad.people.models import Employee

from .conftest import WORLD, ImportFiles, RejectedBy

pytestmark = pytest.mark.django_db

NAMED = {
    "employees.csv": """
        employee_id,birth_date,gender,name
        A1,1980-05-01,F,Anne Holm Jensen
    """
}


def test_name_is_stored(world: None, import_files: ImportFiles) -> None:
    outcome = import_files(NAMED)
    assert outcome.out == "employees.csv: added 0, updated 1, unchanged 0\n"
    assert Employee.objects.get(employee_id="A1").name == "Anne Holm Jensen"


def test_file_without_the_column_keeps_the_stored_name(
    world: None, import_files: ImportFiles
) -> None:
    import_files(NAMED)
    outcome = import_files({"employees.csv": WORLD["employees.csv"]})
    assert outcome.out == "employees.csv: added 0, updated 0, unchanged 1\n"
    assert Employee.objects.get(employee_id="A1").name == "Anne Holm Jensen"


def test_empty_name_clears_it(world: None, import_files: ImportFiles) -> None:
    import_files(NAMED)
    import_files({"employees.csv": "employee_id,name\nA1,\n"})
    assert Employee.objects.get(employee_id="A1").name == ""


def test_name_longer_than_200_characters_is_refused(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": f"employee_id,name\nA1,{'x' * 201}\n"})
    assert errors == ["employees.csv:2: name: longer than 200 characters"]
