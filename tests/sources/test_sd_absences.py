"""SD_FRAVDAG's days become absence records (docs/sources/sd.md, sd_absence.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from samraad.interchange.reading import LINE

from .conftest import FILES, sd

PERSON = """
    AnsaettelsesID;INST;TJNR;CPR;NAVN;STAT;DEL;BESKDEC;AFD;STILLING;START;SLUT
    A1;KK;1;010180-1002;Anne;1;1;1;U;hk;2024-01-01;9999-12-31
    A2;KK;2;010180-1002;Anne;1;1;0,5;V;hk;2024-01-01;9999-12-31
"""


def records(
    tmp_path: Path, days: str, person: str = PERSON, reaching: str | None = "2024-06-28"
) -> list[tuple[str, ...]]:
    """(cause, start, end, degree) of the records made from SD_FRAVDAG rows `days`, in an
    extract that reaches the day `reaching` (a row with no hours that day)."""
    (tmp_path / "SD_PERSON.csv").write_text(textwrap.dedent(person).lstrip(), encoding="utf-8")
    header = "AnsaettelsesID;FRVDATO;FRVAARSAG;FRVTIM;PLANTIM\n"
    text = header + textwrap.dedent(days).lstrip()
    if reaching:
        text += f"A1;{reaching};790;0;0\n"
    (tmp_path / "SD_FRAVDAG.csv").write_text(text, encoding="utf-8")
    converted = sd(tmp_path)
    assert not converted.folder.errors, converted.folder.errors
    frame = converted.folder.sources["absences"].frame
    return frame.sort("start_date").select("cause", "start_date", "end_date", "degree").rows()


def test_testby_extract_gives_these_records() -> None:
    converted = sd(FILES / "sd")
    names = converted.folder.sources["employees"].frame.select("employee_id", "name")
    absences = converted.folder.sources["absences"].frame.join(names, on="employee_id")
    rows = absences.sort("name", "start_date").drop("absence_id", "employee_id", LINE).rows()
    assert rows == [
        ("own_sickness", "2025-02-03", "2025-02-05", "1", "Anna Jensen"),  # whole days
        ("own_sickness", "2025-03-10", "2025-03-11", "0.5", "Anna Jensen"),  # 3.7 of 7.4
        ("own_sickness", "2025-03-12", "2025-03-12", "1", "Anna Jensen"),  # degree changed
        ("child_sickness", "2025-04-07", "2025-04-07", "1", "Anna Jensen"),
        ("own_sickness", "2025-10-03", "2025-10-06", "1", "Anna Jensen"),  # weekend, PLANTIM 0
        ("own_sickness", "2025-05-15", "2025-05-19", "1", "Bo Nielsen"),  # his Friday off
        ("own_sickness", "2025-09-10", "2025-09-10", "1", "Bo Nielsen"),  # a 12-hour shift
        ("own_sickness", "2025-06-30", "2025-07-01", "1", "Dennis Lund"),  # across his move
        ("own_sickness", "2025-12-29", None, "1", "Dennis Lund"),  # still sick at the end
        ("maternity", "2025-03-03", "2025-03-14", "1", "Emma Friis"),
        ("own_sickness", "2025-04-28", "2025-04-30", "1", "Frederik Bach"),
    ]


def test_unknown_lønart_is_reported_with_its_count_and_left_out() -> None:
    notices = sd(FILES / "sd").notices
    assert (
        "SD_FRAVDAG.csv: lønart 999 is not in the lønart table: 1 row left out (first on"
        " line 28); add it to the table as a cause or as ignore"
    ) in notices
    # The hourly-paid employee's day and the day after Frederik left.
    assert "SD_FRAVDAG.csv: 2 rows on hourly-paid or ended employments: left out" in notices


def test_lønart_text_from_sd_dim_loenart_names_the_unknown_code(tmp_path: Path) -> None:
    (tmp_path / "SD_DIM_LOENART.csv").write_text("LOENART;LOENARTTXT\n777;Fri med løn\n")
    records(tmp_path, "A1;2024-03-04;777;7,4;7,4\nA1;2024-03-05;777;7,4;7,4\n", reaching=None)
    notices = sd(tmp_path).notices
    assert notices == [
        "SD_FRAVDAG.csv: lønart 777 (Fri med løn) is not in the lønart table: 2 rows left out"
        " (first on line 2); add it to the table as a cause or as ignore"
    ]


def test_spell_across_easter_is_one_record(tmp_path: Path) -> None:
    # Wednesday before Easter and Tuesday after: only holidays and a weekend between.
    days = "A1;2024-03-27;790;7,4;7,4\nA1;2024-04-02;790;7,4;7,4\n"
    assert records(tmp_path, days) == [("own_sickness", "2024-03-27", "2024-04-02", "1")]


def test_working_day_without_a_row_ends_the_record(tmp_path: Path) -> None:
    days = "A1;2024-03-04;790;7,4;7,4\nA1;2024-03-06;790;7,4;7,4\n"
    assert records(tmp_path, days) == [
        ("own_sickness", "2024-03-04", "2024-03-04", "1"),
        ("own_sickness", "2024-03-06", "2024-03-06", "1"),
    ]


def test_days_off_at_the_edges_are_not_part_of_the_record(tmp_path: Path) -> None:
    days = """
        A1;2024-03-02;790;0;0
        A1;2024-03-04;790;7,4;7,4
        A1;2024-03-05;790;0;0
    """
    assert records(tmp_path, days) == [("own_sickness", "2024-03-04", "2024-03-04", "1")]


def test_degree_change_over_a_day_off_leaves_no_gap(tmp_path: Path) -> None:
    days = """
        A1;2024-03-07;790;7,4;7,4
        A1;2024-03-08;790;0;0
        A1;2024-03-11;790;3,7;7,4
    """
    assert records(tmp_path, days) == [
        ("own_sickness", "2024-03-07", "2024-03-10", "1"),
        ("own_sickness", "2024-03-11", "2024-03-11", "0.5"),
    ]


def test_two_employments_on_one_day_add_up(tmp_path: Path) -> None:
    # 7.4 of 7.4 in one job and 0 of 3.7 in the other: 7.4 of 11.1 in all.
    days = "A1;2024-03-04;790;7,4;7,4\nA2;2024-03-04;790;0;3,7\n"
    assert records(tmp_path, days) == [("own_sickness", "2024-03-04", "2024-03-04", "0.6667")]


def test_two_causes_on_one_day_the_one_with_most_hours_keeps_it(tmp_path: Path) -> None:
    days = "A1;2024-03-04;910;5;7,4\nA1;2024-03-04;790;2,4;7,4\n"
    assert records(tmp_path, days) == [("child_sickness", "2024-03-04", "2024-03-04", "0.6757")]
    assert sd(tmp_path).notices == [
        "SD_FRAVDAG.csv: 1 day with hours of two causes: the cause with the most hours keeps"
        " the day (a record cannot overlap another)"
    ]


def test_more_absent_than_planned_hours_is_degree_1(tmp_path: Path) -> None:
    assert records(tmp_path, "A1;2024-03-04;790;8;7,4\n", reaching=None) == [
        ("own_sickness", "2024-03-04", None, "1")
    ]
    assert sd(tmp_path).notices == [
        "SD_FRAVDAG.csv: 1 day with FRVTIM above PLANTIM: degree taken as 1"
    ]


def test_record_ends_if_a_working_day_follows_before_the_extract_ends(tmp_path: Path) -> None:
    days = "A1;2024-03-04;790;7,4;7,4\nA2;2024-03-05;910;3,7;3,7\n"
    assert records(tmp_path, days, reaching=None) == [
        ("own_sickness", "2024-03-04", "2024-03-04", "1"),
        ("child_sickness", "2024-03-05", None, "1"),
    ]
