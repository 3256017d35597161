"""The validator is pure: stored rows come in as frames, no database needed."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from samraad.interchange.reading import read_folder
from samraad.interchange.validation import validate

from .conftest import write_folder

SRC = Path(__file__).resolve().parents[2] / "src" / "samraad" / "interchange"


def test_absence_overlapping_a_stored_frame_row(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path,
        {
            "absences.csv": """
                absence_id,employee_id,cause,start_date,end_date,degree
                S2,A1,own_sickness,2024-03-08,2024-03-09,
            """
        },
    )
    stored = {
        "employees": pl.DataFrame({"employee_id": ["A1"], "birth_date": [None], "gender": ["F"]}),
        "absences": pl.DataFrame(
            {
                "absence_id": ["S1"],
                "employee_id": ["A1"],
                "cause": ["own_sickness"],
                "start_date": ["2024-03-04"],
                "end_date": ["2024-03-08"],
                "degree": ["1.0000"],
            }
        ),
    }
    validated = validate(read_folder(folder), stored)
    assert [str(e) for e in validated.errors] == [
        "absences.csv:2: start_date: overlaps absence S1 of the same employee"
        " (stored in the database)"
    ]


def test_blank_lines_keep_the_line_numbers(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path,
        # A line break inside quotes (an identifier may not hold one: in the gender).
        {"employees.csv": 'employee_id,gender\nA1,F\n\nA2,"M\n"\nA3,W\n'},
    )
    validated = validate(read_folder(folder), {})
    assert [str(e) for e in validated.errors] == [
        'employees.csv:5: gender: unknown value "W"; expected one of F, M, or empty'
    ]


def test_tables_left_out_of_the_stored_frames_are_empty(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path,
        {
            "units.csv": """
                unit_id,name,kind,parent_id,valid_from,valid_to
                KK,Kommunen,municipality,,2024-01-01,
            """,
            "managers.csv": """
                unit_id,employee_id,email,valid_from
                KK,A1,a1@kk.example.dk,2024-01-01
            """,
        },
    )
    validated = validate(read_folder(folder), {})
    assert [str(e) for e in validated.errors] == [
        "managers.csv:2: employee_id: employee A1 exists neither in this import nor in the database"
    ]
    assert all(frame.height == 0 for frame in validated.stored.values())
