"""SD's extracts as payroll writes them: `;` or `,`, decimal comma or point, Excel,
Windows-1252, any case in names; all give the same frames."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import polars as pl
import xlsxwriter

from .conftest import copy_of, sd

TABLES = ("employees", "employments", "absences")


def frames(folder: Path) -> dict[str, pl.DataFrame]:
    converted = sd(folder)
    assert not converted.folder.errors, converted.folder.errors
    return {t: converted.folder.sources[t].frame for t in TABLES}


def rows(path: Path, separator: str) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file, delimiter=separator))


def write(path: Path, table: list[list[str]], separator: str, encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file, delimiter=separator, lineterminator="\r\n").writerows(table)


def test_semicolons_and_decimal_commas_read_as_commas_and_points(tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    before = frames(folder)
    person = rows(folder / "SD_PERSON.csv", ",")
    share = person[0].index("BESKDEC")
    for row in person[1:]:
        row[share] = row[share].replace(".", ",")
    write(folder / "SD_PERSON.csv", person, ";")
    days = rows(folder / "SD_FRAVDAG.csv", ";")
    write(folder / "SD_FRAVDAG.csv", [[c.replace(",", ".") for c in r] for r in days], ",")
    after = frames(folder)
    for table in TABLES:
        assert after[table].equals(before[table]), table


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    person = rows(folder / "SD_PERSON.csv", ",")
    person[2][4] = "Søren Æblø"  # the latest slice of the first employment
    write(folder / "SD_PERSON.csv", person, ",", encoding="cp1252")
    assert "Søren Æblø" in frames(folder)["employees"]["name"].to_list()


def test_names_of_files_and_columns_in_any_case(tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    before = frames(folder)
    person = rows(folder / "SD_PERSON.csv", ",")
    person[0] = [c.lower() for c in person[0]]
    (folder / "SD_PERSON.csv").unlink()
    write(folder / "sd_person.csv", person, ",")
    assert frames(folder)["employments"].equals(before["employments"])


def test_excel_workbooks_give_the_same_frames(tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    before = frames(folder)
    _to_xlsx(folder / "SD_PERSON.csv", ",", dates=("START", "SLUT"), numbers=("BESKDEC",))
    _to_xlsx(folder / "SD_FRAVDAG.csv", ";", dates=("FRVDATO",), numbers=("FRVTIM", "PLANTIM"))
    after = frames(folder)
    for table in TABLES:
        assert after[table].equals(before[table]), table


def _to_xlsx(path: Path, separator: str, dates: tuple[str, ...], numbers: tuple[str, ...]) -> None:
    """The CSV as a workbook with typed cells, as payroll's own Excel export has them."""
    table = rows(path, separator)
    path.unlink()
    workbook = xlsxwriter.Workbook(path.with_suffix(".xlsx"))
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "dd-mm-yyyy"})
    for r, row in enumerate(table):
        for c, cell in enumerate(row):
            column = table[0][c]
            if r and column in dates:
                day = _date(cell)
                sheet.write_datetime(r, c, dt.datetime(day.year, day.month, day.day), date_format)
            elif r and column in numbers:
                sheet.write_number(r, c, float(cell.replace(",", ".")))
            else:
                sheet.write_string(r, c, cell)
    workbook.close()


def _date(text: str) -> dt.date:
    if "." in text:
        day, month, year = text.split(".")
        return dt.date(int(year), int(month), int(day))
    return dt.date.fromisoformat(text)
