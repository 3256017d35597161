"""Reading a payroll system's own tables (CSV or Excel) into frames of strings, and its cells.

Payroll extracts are not interchange files: Danish Excel saves "CSV" with semicolons and
decimal commas, older systems write Windows-1252, and an extract carries many columns
Samråd does not use. So, unlike reading.py: the separator is `;` or `,` (whichever the
header uses), text that is not UTF-8 is read as Windows-1252, column names match without
regard to case, other columns are ignored. As in reading.py: every cell a string, stripped,
an empty cell null, LINE the line in the file (header = 1), empty rows dropped.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from samraad.interchange.errors import InputError, file_error
from samraad.interchange.reading import BOM, FIRST_DATA_LINE, LINE, Unreadable, read_xlsx

# A field's errors beyond this many are counted, not listed: a wrong column of 3 million
# rows must not build 3 million messages (only 200 are shown anyway).
ERRORS_PER_FIELD = 200

# Unambiguous date spellings (ISO, compact ISO, Danish day-month-year), as they are written.
DATE_FORMATS = {
    "%Y-%m-%d": "YYYY-MM-DD",
    "%Y%m%d": "YYYYMMDD",
    "%d-%m-%Y": "DD-MM-YYYY",
    "%d.%m.%Y": "DD.MM.YYYY",
}


@dataclass(frozen=True)
class Table:
    """The columns asked for, under the names asked for, as strings; plus LINE."""

    file_name: str
    frame: pl.DataFrame

    def date_format(self, column: str) -> str:
        """The spelling of the column's dates, as its first thousand show (one per column:
        parsing 4 million cells once, not once per spelling)."""
        sample = self.frame[column].drop_nulls().head(1000)
        parsed = {f: sample.str.to_date(f, strict=False).is_not_null().sum() for f in DATE_FORMATS}
        return max(DATE_FORMATS, key=lambda f: parsed[f])


def read_table(path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> Table:
    """Read `path`, keeping the `required` and `optional` columns (matched ignoring case).

    Raises reading.Unreadable when the file cannot be read or lacks a required column.
    """
    header: Sequence[str]
    if path.suffix.lower() == ".xlsx":
        header, frame = read_xlsx(path)
    else:
        header, frame = _read_csv(path, [*required, *optional])
    by_upper = {h.upper(): h for h in header}
    missing = [c for c in required if c.upper() not in by_upper]
    if missing:
        raise Unreadable(
            [InputError(path.name, 1, c, "required column is missing") for c in missing]
        )
    wanted = [c for c in [*required, *optional] if c.upper() in by_upper]
    selected = frame.select(*(pl.col(by_upper[c.upper()]).alias(c) for c in wanted), LINE)
    return Table(path.name, selected)


def _read_csv(path: Path, wanted: Sequence[str]) -> tuple[list[str], pl.DataFrame]:
    with path.open("rb") as file:
        head = file.read(1 << 16).removeprefix(BOM)
    if not head.strip():
        raise Unreadable([file_error(path.name, "the file is empty; it needs a header row")])
    first_line = head.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        title = first_line.decode("utf-8")
    except UnicodeDecodeError:
        title = first_line.decode("cp1252")
    separator = ";" if title.count(";") > title.count(",") else ","
    header = [h.strip().strip('"').strip() for h in title.split(separator)]
    upper = {c.upper() for c in wanted}
    keep = [i for i, h in enumerate(header) if h.upper() in upper]
    try:
        frame = _scan(path, separator, header, keep)
    except pl.exceptions.ComputeError as exc:
        if "utf-8" not in str(exc).lower():
            raise Unreadable([file_error(path.name, "cannot be read as CSV")]) from None
        # Danish Windows and older payroll exports write Windows-1252 (æ, ø, å in one byte).
        text = path.read_bytes().removeprefix(BOM).decode("cp1252", errors="replace")
        frame = _scan(io.BytesIO(text.encode("utf-8")), separator, header, keep)
    except pl.exceptions.PolarsError:
        raise Unreadable([file_error(path.name, "cannot be read as CSV")]) from None
    return [header[i] for i in keep], frame


def _scan(
    source: Path | io.BytesIO, separator: str, header: list[str], keep: list[int]
) -> pl.DataFrame:
    """The kept columns, stripped, empty cells null, LINE added, empty rows dropped; read
    in a stream so that a 4-million-row file is never held twice."""
    positional = [f"_{i}" for i in range(len(header))]
    rows = pl.scan_csv(
        source,
        separator=separator,
        infer_schema=False,
        has_header=True,
        new_columns=positional,
    )
    cells = [pl.col(f"_{i}").str.strip_chars().replace("", None).alias(header[i]) for i in keep]
    rows = rows.select(cells).with_row_index(LINE, offset=FIRST_DATA_LINE)
    named = [header[i] for i in keep]
    if named:
        rows = rows.filter(pl.any_horizontal(pl.col(named).is_not_null()))
    frame = rows.collect(engine="streaming")
    return frame.with_columns(pl.col(LINE).cast(pl.Int64))


# Cells: each parser gives the value (null where missing or wrong) and a message (or null).


def as_date(column: str | pl.Expr, spelling: str) -> pl.Expr:
    value = pl.col(column) if isinstance(column, str) else column
    return value.str.to_date(spelling, strict=False)


def date_problem(column: str, spelling: str) -> pl.Expr:
    value = pl.col(column)
    message = pl.format(f'"{{}}" is not a date in the form {DATE_FORMATS[spelling]}', value)
    return pl.when(value.is_not_null() & as_date(column, spelling).is_null()).then(message)


def as_number(column: str) -> pl.Expr:
    """A number with a decimal point or comma (no thousands separator); null otherwise.

    A cast rather than a pattern: a regular expression over millions of cells is slow;
    the cast accepts `1e3` too, and refuses nan and inf here.
    """
    number = pl.col(column).str.replace(",", ".", literal=True).cast(pl.Float64, strict=False)
    return pl.when(number.is_finite()).then(number)


def number_problem(column: str) -> pl.Expr:
    value = pl.col(column)
    message = pl.format('"{}" is not a number', value)
    return pl.when(value.is_not_null() & as_number(column).is_null()).then(message)


def empty_problem(column: str) -> pl.Expr:
    return pl.when(pl.col(column).is_null()).then(pl.lit("required value is empty"))


def problems(table: Table, checks: dict[str, list[pl.Expr]]) -> list[InputError]:
    """The errors the `checks` (field → message expressions, first wins) find in `table`."""
    if not checks:
        return []
    named = {
        field: pl.coalesce(messages) if len(messages) > 1 else messages[0]
        for field, messages in checks.items()
    }
    found = table.frame.select(LINE, *(e.alias(f) for f, e in named.items()))
    errors: list[InputError] = []
    for field in named:
        failing = found.filter(pl.col(field).is_not_null()).select(LINE, field)
        for line, message in failing.head(ERRORS_PER_FIELD).iter_rows():
            errors.append(InputError(table.file_name, line, field, message))
        if failing.height > ERRORS_PER_FIELD:
            errors.append(
                file_error(table.file_name, f"{failing.height} rows have a wrong {field} in all")
            )
    return errors
