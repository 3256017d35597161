"""What a source reader hands on: the interchange frames it made, and what it left out.

A reader's frames go into a reading.Folder as Sources carrying an Origin, so that the
interchange's own validation and store take them unchanged, and errors still name the
source's file, line and field. `notices` say, in counts, what was read but not imported
(hourly-paid staff, unknown lønarter, ...), for the person running the import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from samraad.interchange.reading import LINE, Folder, Origin, Source
from samraad.interchange.schema import TABLES_BY_NAME

ONE_DAY = dt.timedelta(days=1)


@dataclass
class Converted:
    folder: Folder = field(default_factory=Folder)
    notices: list[str] = field(default_factory=list)

    def add(
        self,
        table: str,
        file_name: str,
        frame: pl.DataFrame,
        columns: Mapping[str, str],
        lines: pl.DataFrame | None = None,
        replaces: pl.Expr | None = None,
    ) -> None:
        """Add a converted table: `frame` holds interchange columns as strings, and LINE;
        `replaces` selects the stored rows it speaks for (reading.Source)."""
        header = tuple(c for c in frame.columns if c != LINE)
        table_ = TABLES_BY_NAME[table]
        origin = Origin(columns, lines)
        self.folder.sources[table] = Source(table_, file_name, header, frame, origin, replaces)

    def only(self, tables: set[str]) -> None:
        """Keep only these tables (`--only`): e.g. absences from SD beside units from OS2mo."""
        for name in list(self.folder.sources):
            if name not in tables:
                del self.folder.sources[name]
        self.folder.unreadable &= tables


def family(column: str, keys: list[str]) -> pl.Expr:
    """Rows whose `column` is one of `keys`, or one of them and `-YYYYMMDD` (the later rows
    of one employment, employment_rows): the stored rows a source speaks for."""
    value = pl.col(column)
    base = value.str.extract(r"^(.*)-\d{8}$")
    known = pl.Series(keys, dtype=pl.String).implode()
    return value.is_in(known) | base.is_in(known).fill_null(False)


def iso(column: pl.Expr) -> pl.Expr:
    """A date as the text the interchange files hold."""
    return column.dt.strftime("%Y-%m-%d")


def number_text(column: pl.Expr, places: int) -> pl.Expr:
    """A number as short text: 37, 18.5, 0.3333 (rounded to `places` decimals)."""
    text = column.round(places).cast(pl.String)
    return text.str.replace(r"\.0*$", "").str.replace(r"(\.\d*?)0+$", "${1}")


def count(n: int, one: str, many: str | None = None) -> str:
    """`1 row`, `1.234 rows`: counts as Danish numbers, as the project writes them."""
    word = one if n == 1 else (many or f"{one}s")
    return f"{n:,}".replace(",", ".") + f" {word}"


def rows_frame(rows: list[tuple[Any, ...]], columns: list[str]) -> pl.DataFrame:
    """Rows of values (dates as dates) ending in their LINE → a frame of strings."""
    schema = {c: pl.String for c in columns} | {LINE: pl.Int64}
    text = [(*(_text(v) for v in r[:-1]), r[-1]) for r in rows]
    return pl.DataFrame(text, schema=schema, orient="row").sort(LINE)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:g}"  # hours: 37, 18.5, 29.6
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@dataclass(frozen=True)
class Slice:
    """One stretch of an employment as a source has it: where, what, how much, when."""

    unit: str | None
    job: str | None
    hours: float
    start: dt.date
    end: dt.date | None
    line: int


EMPLOYMENT_COLUMNS = [
    "employment_id",
    "employee_id",
    "unit_id",
    "job_group",
    "weekly_hours",
    "start_date",
    "end_date",
    "end_reason",
]


def employment_rows(key: str, employee: str, slices: list[Slice]) -> list[tuple[Any, ...]]:
    """Rows of employments.csv from one employment's slices, in order: touching slices
    with the same unit, job and hours are one row; the first row is keyed `key`, later
    ones `key-YYYYMMDD` (their first day); a row ended by a move is a transfer."""
    merged: list[list[Any]] = []
    for s in slices:
        last = merged[-1] if merged else None
        touching = last is not None and last[6] is not None and s.start == last[6] + ONE_DAY
        if (
            touching
            and last is not None
            and (last[2], last[3], last[4]) == (s.unit, s.job, s.hours)
        ):
            last[6] = s.end
            continue
        name = key if not merged else f"{key}-{s.start:%Y%m%d}"
        merged.append([name, employee, s.unit, s.job, s.hours, s.start, s.end, s.line])
    rows = []
    for row, after in zip(merged, [*merged[1:], None], strict=True):
        moved = after is not None and after[2] != row[2] and after[5] == row[6] + ONE_DAY
        rows.append((*row[:7], "transfer" if moved else None, row[7]))
    return rows
