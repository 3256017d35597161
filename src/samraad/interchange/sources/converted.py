"""What a source reader hands on: the interchange frames it made, and what it left out.

A reader's frames go into a reading.Folder as Sources carrying an Origin, so that the
interchange's own validation and store take them unchanged, and errors still name the
source's file, line and field. `notices` say, in counts, what was read but not imported
(hourly-paid staff, unknown lønarter, ...), for the person running the import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from samraad.interchange.reading import LINE, Folder, Origin, Source
from samraad.interchange.schema import TABLES_BY_NAME


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
    ) -> None:
        """Add a converted table: `frame` holds interchange columns as strings, and LINE."""
        header = tuple(c for c in frame.columns if c != LINE)
        origin = Origin(columns, lines)
        self.folder.sources[table] = Source(TABLES_BY_NAME[table], file_name, header, frame, origin)

    def only(self, tables: set[str]) -> None:
        """Keep only these tables (`--only`): e.g. absences from SD beside units from OS2mo."""
        for name in list(self.folder.sources):
            if name not in tables:
                del self.folder.sources[name]
        self.folder.unreadable &= tables


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
