"""KMD Opus dumps, replayed in delivery order, build units and employments over time
(docs/sources/opus.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from samraad.interchange.reading import LINE
from samraad.interchange.sources.opus import read_opus
from tests.interchange.conftest import row_counts

from .conftest import FILES, SECRET, Run
from .test_no_cpr_stored import assert_no_cpr_stored, cprs_in

DUMPS = sorted((FILES / "opus").glob("ZLPE*.xml"))
FIRST, SECOND = (d.name for d in DUMPS)


def table(name: str, dumps: list[Path] = DUMPS) -> list[tuple[object, ...]]:
    converted = read_opus(dumps, SECRET)
    assert not converted.folder.errors, converted.folder.errors
    sources = converted.folder.sources
    frame = sources[name].frame.drop(LINE)
    if "employee_id" in frame.columns and name != "employees":
        names = sources["employees"].frame.select("employee_id", "name")
        frame = frame.join(names, on="employee_id").drop("employee_id")
    return frame.sort(frame.columns[0], frame.columns[min(4, frame.width - 1)]).rows()


def test_units_keep_their_history_through_the_dumps() -> None:
    assert table("units") == [
        ("1", "Testby Kommune", "Kommune", None, "2015-01-01", None),
        ("10", "Børn og Unge", "Forvaltning", "1", "2015-01-01", None),
        ("11", "Skolen", "Afdeling", "10", "2015-01-01", None),
        # Renamed in the second dump, from its lastChanged day.
        ("12", "Vuggestuen", "Afdeling", "10", "2015-01-01", "2025-01-31"),
        ("12", "Vuggestuen Solsikken", "Afdeling", "10", "2025-02-01", None),
        ("20", "Teknik", "Forvaltning", "1", "2015-01-01", None),
    ]


def test_employments_move_leave_and_cancel() -> None:
    assert table("employments") == [
        # Anna moves to the nursery on her element's lastChanged day.
        ("5001", "11", "Lærer", "37", "2020-08-01", "2025-02-09", "transfer", "Anna Jensen"),
        ("5001-20250210", "12", "Pædagog", "37", "2025-02-10", None, None, "Anna Jensen"),
        ("5002", "12", "Pædagog", "30", "2021-03-01", None, None, "Bo Nielsen"),
        # Dennis leaves (action="leave") on the leaveDate he had.
        ("5004", "20", "Ingeniør", "37", "2023-01-01", "2025-02-28", None, "Dennis Lund"),
        ("5005", "11", "Lærer", "32", "2025-02-15", None, None, "Emma Friis"),
    ]


def test_cancelled_employment_is_not_imported_and_is_counted() -> None:
    converted = read_opus(DUMPS, SECRET)
    assert converted.notices == [
        "2 Opus dumps: 1 employment cancelled in Opus (gone from a later dump without a"
        " leave): not imported (5003)"
    ]
    assert "Cecilie Holm" not in converted.folder.sources["employees"].frame["name"].to_list()


def test_dumps_are_replayed_in_delivery_order_whatever_order_they_come_in() -> None:
    assert table("employments", list(reversed(DUMPS))) == table("employments")


def test_one_dump_is_its_current_state() -> None:
    assert table("employments", DUMPS[:1]) == [
        ("5001", "11", "Lærer", "37", "2020-08-01", None, None, "Anna Jensen"),
        ("5002", "12", "Pædagog", "30", "2021-03-01", None, None, "Bo Nielsen"),
        ("5003", "12", "Pædagogmedhjælper", "37", "2024-12-01", None, None, "Cecilie Holm"),
        ("5004", "20", "Ingeniør", "37", "2023-01-01", "2025-02-28", None, "Dennis Lund"),
    ]


def test_employees_get_birth_date_gender_and_name() -> None:
    rows = [row[1:] for row in table("employees")]
    assert sorted(rows, key=lambda r: str(r[2])) == [
        ("1980-02-15", "F", "Anna Jensen"),
        ("1972-07-01", "M", "Bo Nielsen"),
        ("1985-11-30", "M", "Dennis Lund"),
        ("1990-05-05", "F", "Emma Friis"),
    ]


def copies(tmp_path: Path) -> list[Path]:
    return [Path(shutil.copy(d, tmp_path / d.name)) for d in DUMPS]


@pytest.mark.django_db
def test_import_and_reimport(run_import: Run, tmp_path: Path) -> None:
    files = [str(p) for p in copies(tmp_path)]
    outcome = run_import("--format", "opus", *files)
    assert outcome.out.splitlines()[:3] == [
        "units.csv (from 2 Opus dumps): added 6, updated 0, unchanged 0",
        "employees.csv (from 2 Opus dumps): added 4, updated 0, unchanged 0",
        "employments.csv (from 2 Opus dumps): added 5, updated 0, unchanged 0",
    ]
    again = run_import("--format", "opus", *files)
    assert again.out.splitlines()[2] == (
        "employments.csv (from 2 Opus dumps): added 0, updated 0, unchanged 5"
    )
    assert_no_cpr_stored(cprs_in(*DUMPS) | {"1502801002", "0107721011"})


@pytest.mark.django_db
def test_error_names_the_dump_line_and_element_field(run_import: Run, tmp_path: Path) -> None:
    first, second = copies(tmp_path)
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("<orgUnit>11</orgUnit>", "<orgUnit>99</orgUnit>"))
    before = row_counts()
    outcome = run_import("--format", "opus", str(first), str(second))
    assert outcome.code == 1 and row_counts() == before
    assert outcome.errors == [
        f"{SECOND}:122: orgUnit: unit 99 exists neither in this import nor in the database"
    ]


@pytest.mark.django_db
def test_bad_field_is_named_before_anything_is_replayed(run_import: Run, tmp_path: Path) -> None:
    first, _ = copies(tmp_path)
    text = first.read_text(encoding="utf-8")
    first.write_text(
        text.replace("<denominator>37 </denominator>", "<denominator>0</denominator>", 1)
    )
    outcome = run_import("--format", "opus", str(first))
    assert outcome.errors == [
        f"{FIRST}:73: denominator: numerator / denominator is no share of full time"
        " (two numbers, not /0)"
    ]


def test_file_name_without_delivery_time_is_refused(tmp_path: Path) -> None:
    dump = Path(shutil.copy(DUMPS[0], tmp_path / "opus.xml"))
    errors = [str(e) for e in read_opus([dump], SECRET).folder.errors]
    assert errors == [
        "opus.xml:0: (file): the name must carry the delivery time, as KMD names it:"
        " ZLPE<YYYYMMDDhhmmss>…"
    ]
    assert pl.DataFrame  # the replay never ran
