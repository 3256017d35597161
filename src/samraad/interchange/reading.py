"""Reading an interchange folder into frames of strings (spec/data-format.md).

Every cell is read as a string, stripped of surrounding spaces; an empty cell is
null. Each frame carries the line of each row in `LINE` (header = line 1, first data
row = line 2; a CSV row with a line break inside quotes counts as one line, as in
Excel). Rows that are entirely empty are dropped. No Django here: validation and
tests use this on its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from samraad.interchange.errors import NO_COLUMN, InputError, file_error
from samraad.interchange.schema import TABLES, TABLES_BY_NAME, Table

LINE = "_line"
SUFFIXES = (".csv", ".xlsx")
BOM = b"\xef\xbb\xbf"
FIRST_DATA_LINE = 2
# Danish Excel saves "CSV" with semicolons, and numbers with decimal commas, which then
# split a row into more cells than its header has: name the cause, not the symptom.
SEMICOLONS = "the header is separated by semicolons; the format uses commas"


def semicolon_header(header: Sequence[str]) -> bool:
    return len(header) == 1 and ";" in header[0]


class NotAFolder(Exception):
    """The path given is missing or is not a folder: a usage error, not an input error."""


@dataclass(frozen=True)
class Origin:
    """Rows converted from another format (interchange/sources/), and where they came from.

    Errors on such rows name the source's own field (`columns`: interchange column →
    field) and, when `lines` is given, the file and line each LINE came from (a frame of
    LINE, `file`, `line`, for rows drawn from several files); without it, LINE is a line
    of the source's `file_name`.
    """

    columns: Mapping[str, str]
    lines: pl.DataFrame | None = None


@dataclass(frozen=True)
class Source:
    """One file of the folder: its table, its name and its cells."""

    table: Table
    file_name: str
    header: tuple[str, ...]
    frame: pl.DataFrame  # a String column per header name, plus LINE
    origin: Origin | None = None
    # Stored rows this source speaks for (an expression over the stored rows, as strings):
    # those it does not hold any more are removed. A payroll extract is the whole truth
    # for what it covers (interchange/sources/); an interchange file never removes.
    replaces: pl.Expr | None = None

    @property
    def label(self) -> str:
        """How the import's summary names it."""
        if self.origin is None:
            return self.file_name
        return f"{self.table.name}.csv (from {self.file_name})"


@dataclass
class Folder:
    sources: dict[str, Source] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    # Tables present in the folder that could not be read: their checks are skipped.
    unreadable: set[str] = field(default_factory=set)


class Unreadable(Exception):
    def __init__(self, errors: list[InputError]) -> None:
        super().__init__(errors)
        self.errors = errors


def read_folder(path: Path) -> Folder:
    if not path.exists():
        raise NotAFolder(f"no such folder: {path}")
    if not path.is_dir():
        raise NotAFolder(f"not a folder: {path}")
    folder = Folder()
    by_table: dict[str, list[Path]] = {}
    for file in sorted(_candidate_files(path)):
        stem = file.name[: -len(file.suffix)]
        if stem in TABLES_BY_NAME:
            by_table.setdefault(stem, []).append(file)
        else:
            expected = ", ".join(t.name for t in TABLES)
            folder.errors.append(
                file_error(
                    file.name, f"unknown file name; expected one of {expected} (.csv or .xlsx)"
                )
            )
    for name, files in by_table.items():
        if len(files) > 1:
            names = " and ".join(f.name for f in files)
            folder.errors.append(file_error(files[-1].name, f"{names} are both here; keep one"))
            folder.unreadable.add(name)
            continue
        try:
            folder.sources[name] = read_file(files[0], TABLES_BY_NAME[name])
        except Unreadable as exc:
            folder.errors.extend(exc.errors)
            folder.unreadable.add(name)
    return folder


def _candidate_files(path: Path) -> Iterator[Path]:
    for file in path.iterdir():
        # Hidden files and Excel's lock files (~$units.xlsx) are not exports.
        if file.name.startswith((".", "~$")) or not file.is_file():
            continue
        if file.suffix.lower() in SUFFIXES:
            yield file


def read_file(path: Path, table: Table) -> Source:
    if path.suffix.lower() == ".xlsx":
        header, frame = read_xlsx(path)
    else:
        header, frame = read_csv(path)
    return Source(table, path.name, header, frame)


def read_csv(path: Path) -> tuple[tuple[str, ...], pl.DataFrame]:
    data = path.read_bytes().removeprefix(BOM)
    name = path.name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise Unreadable([InputError(name, line, NO_COLUMN, "not UTF-8 text")]) from None
    if not text or text.isspace():
        raise Unreadable([file_error(name, "the file is empty; it needs a header row")])
    raw_header = next(csv.reader(io.StringIO(text)))
    try:
        frame = pl.read_csv(data, infer_schema=False, has_header=True)
    except pl.exceptions.PolarsError:
        if semicolon_header(raw_header):
            raise Unreadable([InputError(name, 1, NO_COLUMN, SEMICOLONS)]) from None
        raise Unreadable(_ragged_lines(name, text, len(raw_header))) from None
    frame.columns = [f"_{i}" for i in range(frame.width)]
    header = [*raw_header, *[""] * (frame.width - len(raw_header))][: frame.width]
    return _finish(name, header, frame, FIRST_DATA_LINE)


def _ragged_lines(name: str, text: str, width: int) -> list[InputError]:
    """Polars refused the file; find the rows that have more cells than the header."""
    errors = [
        InputError(name, line, NO_COLUMN, f"{len(row)} values, but the header has {width} columns")
        for line, row in enumerate(csv.reader(io.StringIO(text)), start=1)
        if len(row) > width
    ]
    return errors or [file_error(name, "cannot be read as CSV")]


def read_xlsx(path: Path) -> tuple[tuple[str, ...], pl.DataFrame]:
    # Imported here: openpyxl is slow to import and only needed for Excel files.
    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it ignores; they do not matter here.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                rows = [
                    [_cell_text(v) for v in row]
                    for row in workbook.worksheets[0].iter_rows(min_row=1, values_only=True)
                ]
            finally:
                workbook.close()
    except Exception:  # openpyxl raises many kinds; any of them means "not a workbook"
        raise Unreadable([file_error(path.name, "cannot be read as an Excel workbook")]) from None
    if not rows:
        raise Unreadable([file_error(path.name, "the sheet is empty; it needs a header row")])
    width = max(len(r) for r in rows)
    columns = {
        f"_{i}": [row[i] if i < len(row) else None for row in rows[1:]] for i in range(width)
    }
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    header = [h or "" for h in rows[0]] + [""] * (width - len(rows[0]))
    return _finish(path.name, header, frame, FIRST_DATA_LINE)


def _cell_text(value: object) -> str | None:
    """Excel's typed cell as the text a CSV export would hold."""
    match value:
        case None:
            return None
        case bool():
            return "TRUE" if value else "FALSE"
        case dt.datetime() if value.time() == dt.time(0):
            return value.date().isoformat()
        case dt.date() | dt.datetime() | dt.time():
            return value.isoformat()
        case int():
            return str(value)
        case float() if value.is_integer():
            return str(int(value))
        case float():
            # 15 significant digits, as Excel itself shows: 0.1 + 0.2 is 0.3.
            return f"{value:.15g}"
        case _:
            return str(value)


def _finish(
    name: str, raw_header: Sequence[str], frame: pl.DataFrame, first_line: int
) -> tuple[tuple[str, ...], pl.DataFrame]:
    """Strip cells, name the columns from the header, drop empty rows, add LINE."""
    frame = frame.with_columns(
        pl.col(c).str.strip_chars().replace("", None) for c in frame.columns
    ).with_columns(pl.int_range(first_line, first_line + frame.height, dtype=pl.Int64).alias(LINE))
    header = [h.strip() for h in raw_header]
    keep, errors = _named_columns(name, header, frame)
    if errors:
        raise Unreadable(errors)
    frame = frame.select(*(pl.col(f"_{i}").alias(header[i]) for i in keep), LINE)
    cells = [c for c in frame.columns if c != LINE]
    if cells:
        frame = frame.filter(pl.any_horizontal(pl.col(cells).is_not_null()))
    return tuple(header[i] for i in keep), frame


def _named_columns(
    name: str, header: Sequence[str], frame: pl.DataFrame
) -> tuple[list[int], list[InputError]]:
    """The columns to keep; a column without a name is ignored if it is empty throughout."""
    keep: list[int] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for i, title in enumerate(header):
        if not title:
            if frame[f"_{i}"].null_count() < frame.height:
                errors.append(InputError(name, 1, f"(column {i + 1})", "a column without a name"))
            continue
        if title in seen:
            errors.append(InputError(name, 1, title, "the column appears twice in the header"))
        seen.add(title)
        keep.append(i)
    return keep, errors
