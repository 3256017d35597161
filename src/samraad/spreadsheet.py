"""Exported cells that a spreadsheet opens as text, never as a formula.

Excel and LibreOffice run a cell that starts with `=`, `+`, `-` or `@` as a formula, also
from a CSV file, and a tab or carriage return in front does not stop them: an identifier
or a unit name from the payroll export such as `=HYPERLINK(…)` or `+cmd|' /C calc'!A0`
would run on the HR partner's machine (OWASP, "CSV Injection"). Every CSV and Excel
export writes its rows through this module, which puts a `'` in front of such text: the
spreadsheet shows the text as it is, with the apostrophe in the CSV file. Numbers and
dates are written as numbers and dates and left alone (a negative number is not text).

No Django: exports in the apps and the command line both use it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Protocol

import polars as pl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Value = str | int | float | Decimal | dt.date | None


def text_cell(text: str) -> str:
    """The text as a spreadsheet will show it and never run it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Value) -> Value:
    """A cell of any kind: text is neutralised, everything else is left as it is."""
    return text_cell(value) if isinstance(value, str) else value


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def write_csv(
    out: Writable,
    header: Sequence[str],
    rows: Iterable[Sequence[Value]],
    language: str = "en",
) -> None:
    """A header and rows as a CSV file that the reader's spreadsheet opens in columns:
    in Danish `;` between cells and a decimal comma (what Excel expects on a Danish
    machine), in English `,` and a decimal point. None is an empty cell; dates are ISO."""
    danish = language == "da"
    writer = csv.writer(out, delimiter=";" if danish else ",")
    writer.writerow([text_cell(name) for name in header])
    writer.writerows([_csv_value(value, danish) for value in row] for row in rows)


# Rows per piece a long export streams in: the reader gets the first at once, and the
# server writes a few hundred pieces, not a piece per line.
CSV_PIECE_ROWS = 1000


def csv_lines(
    header: Sequence[str], rows: Iterable[Sequence[Value]], language: str = "en"
) -> Iterator[str]:
    """What `write_csv` writes, in pieces of whole lines (the header first, then
    CSV_PIECE_ROWS rows each): a long export streams to the reader instead of being
    built whole in memory first."""
    danish = language == "da"
    piece = io.StringIO()
    writer = csv.writer(piece, delimiter=";" if danish else ",")
    writer.writerow([text_cell(name) for name in header])
    yield piece.getvalue()
    for batch in itertools.batched(rows, CSV_PIECE_ROWS):
        piece.seek(0)
        piece.truncate()
        writer.writerows([_csv_value(value, danish) for value in row] for row in batch)
        yield piece.getvalue()


def _csv_value(value: Value, danish: bool) -> Value:
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if danish and isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    return value


def write_xlsx(
    out: str | IO[bytes], sheet: str, header: Sequence[str], rows: Iterable[Sequence[Value]]
) -> None:
    """A header and rows as an Excel workbook of one sheet. Text is written as text (never
    parsed as a formula or a link) and neutralised as in a CSV file, because a user who
    edits the cell makes Excel read it again."""
    import xlsxwriter  # only exports need it

    options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    with xlsxwriter.Workbook(out, options) as workbook:
        worksheet = workbook.add_worksheet(sheet)
        dates = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for r, row in enumerate([header, *rows]):
            for c, value in enumerate(row):
                _write(worksheet, r, c, value, dates)


def _write(worksheet: Any, row: int, column: int, value: Value, dates: Any) -> None:
    match value:
        case None:
            worksheet.write_blank(row, column, None)
        case str():
            worksheet.write_string(row, column, text_cell(value))
        case dt.date():
            worksheet.write_datetime(row, column, value, dates)
        case Decimal():
            worksheet.write_number(row, column, float(value))
        case _:
            worksheet.write_number(row, column, value)


def neutralised(frame: pl.DataFrame) -> pl.DataFrame:
    """A frame whose text columns are neutralised as `text_cell` does, vectorised."""
    starts = "^[" + "".join("\\" + s if s in "-+" else s for s in FORMULA_STARTS) + "]"
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(starts))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name, kind in frame.schema.items()
        if kind == pl.String
    )


def write_frame_csv(frame: pl.DataFrame, out: Path) -> None:
    neutralised(frame).write_csv(out)


def write_frame_xlsx(frame: pl.DataFrame, out: Path, sheet: str) -> None:
    """One sheet, a header row, numbers as numbers and dates as dates, empty cells for
    nulls; written row by row in constant memory (a table of every unit × month)."""
    import xlsxwriter

    frame = neutralised(frame)
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    with xlsxwriter.Workbook(out, options) as book:
        worksheet = book.add_worksheet(sheet)
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        worksheet.write_row(0, 0, [text_cell(c) for c in frame.columns])
        # One writer per column, chosen once: xlsxwriter's generic write() would look
        # at the type of each of the two million cells.
        writers = [
            (lambda r, c, v: worksheet.write_datetime(r, c, v, date))
            if kind == pl.Date
            else worksheet.write_string
            if kind == pl.String
            else worksheet.write_number
            for kind in frame.dtypes
        ]
        for r, values in enumerate(frame.iter_rows(), start=1):
            for c, value in enumerate(values):
                if value is not None:
                    writers[c](r, c, value)


@dataclass(frozen=True)
class Sheet:
    """One table of a workbook: its name, a header, the rows, and each column's Excel
    number format ("0.00", "#,##0", …; None: none, dates are written as dates)."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Value]]
    formats: Sequence[str | None] = ()
    widths: Sequence[int] = ()


def write_workbook(out: str | IO[bytes], sheets: Sequence[Sheet]) -> None:
    """Several tables as one workbook, a sheet each: numbers as numbers in their number
    format, dates as dates, text neutralised as in `write_xlsx`; the header row bold
    and frozen."""
    import xlsxwriter

    options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    with xlsxwriter.Workbook(out, options) as workbook:
        bold = workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "text_wrap": True})
        dates = workbook.add_format({"num_format": "yyyy-mm-dd"})
        number_formats: dict[str, Any] = {}
        for sheet in sheets:
            worksheet = workbook.add_worksheet(sheet.name[:31])
            worksheet.freeze_panes(1, 0)
            for c, title in enumerate(sheet.header):
                worksheet.write_string(0, c, text_cell(title), bold)
                width = sheet.widths[c] if c < len(sheet.widths) else 14
                worksheet.set_column(c, c, width)
            for r, row in enumerate(sheet.rows, start=1):
                for c, value in enumerate(row):
                    pattern = sheet.formats[c] if c < len(sheet.formats) else None
                    if pattern and isinstance(value, int | float | Decimal):
                        style = number_formats.setdefault(
                            pattern, workbook.add_format({"num_format": pattern})
                        )
                        worksheet.write_number(r, c, float(value), style)
                    else:
                        _write(worksheet, r, c, value, dates)
