"""What a document says, as plain data: the renderers (`pdf.py`, `word.py`) decide how it looks.

A feature (committee papers, the monthly management report) builds a `Document` out of
the blocks below and hands it to `to_pdf` or `to_docx`. Text is always plain text: no
markup is read from it, so a `#`, `*` or `<` in a title prints as itself. Numbers in
tables stay numbers here; they are formatted (Danish or English) only when rendered.

Bad input is rejected whole, when the object is built, with the place and what was
expected (a table's row of the wrong length, a text in a number column, …).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Literal

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")

# What an agenda item asks of the committee (spec/meetings.md, "Purpose"; the meetings
# app adds the theme discussion, "temadrøftelse", of vocabulary.AGENDA_PURPOSE).
Purpose = Literal["approval", "discussion", "theme_discussion", "orientation"]

# A column's kind says how its cells are written and aligned (text left, the rest right).
# A percent cell holds percent points, as the statistics give them: 5.25 → "5,3 %".
ColumnKind = Literal["text", "integer", "decimal", "percent", "date"]
Number = int | float | Decimal | Fraction
# None is a missing or suppressed figure (e.g. a group under 5); it prints as "–".
Cell = str | Number | dt.date | None


class DocumentError(ValueError):
    """A document that cannot be rendered as given; the message says where and why."""


@dataclass(frozen=True)
class Span:
    """A run of text inside a paragraph, optionally bold and/or italic."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = str | Span


@dataclass(frozen=True)
class Paragraph:
    content: tuple[Inline, ...]

    def spans(self) -> tuple[Span, ...]:
        return tuple(Span(part) if isinstance(part, str) else part for part in self.content)


def paragraph(*content: Inline) -> Paragraph:
    """`paragraph("Det indstilles, at ", bold("CSO drøfter"), " forslaget.")`"""
    return Paragraph(content)


def bold(text: str) -> Span:
    return Span(text, bold=True)


def italic(text: str) -> Span:
    return Span(text, italic=True)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise DocumentError(f"heading {self.text!r}: level must be 1, 2 or 3, not {self.level}")


@dataclass(frozen=True)
class BulletList:
    items: tuple[Paragraph, ...]


@dataclass(frozen=True)
class NumberedList:
    items: tuple[Paragraph, ...]
    start: int = 1


@dataclass(frozen=True)
class FieldList:
    """Labelled values, one per line: ("Sagsnummer i F2", "2022 - 7225")."""

    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Column:
    title: str
    kind: ColumnKind = "text"
    decimals: int = 0  # for decimal and percent columns
    # In the PDF, text columns share the spare width and the rest take what they need;
    # False keeps a short text column (a compact date, a code) to its own width.
    wide: bool | None = None

    def __post_init__(self) -> None:
        if self.decimals < 0 or (self.decimals and self.kind not in ("decimal", "percent")):
            raise DocumentError(
                f"column {self.title!r}: decimals apply to decimal and percent columns, "
                f"and are 0 or more (got {self.decimals} for a {self.kind} column)"
            )


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None  # a last row, set off in bold
    caption: str = ""

    def __post_init__(self) -> None:
        if not self.columns:
            raise DocumentError(f"table {self.caption!r}: it has no columns")
        named = [(f"row {n}", row) for n, row in enumerate(self.rows, start=1)]
        if self.total is not None:
            named.append(("total row", self.total))
        for where, row in named:
            if len(row) != len(self.columns):
                raise DocumentError(
                    f"table {self.caption!r}, {where}: {len(row)} cells, "
                    f"expected {len(self.columns)} (one per column)"
                )
            for column, cell in zip(self.columns, row, strict=True):
                problem = cell_problem(column, cell)
                if problem:
                    raise DocumentError(
                        f"table {self.caption!r}, {where}, column {column.title!r}: {problem}"
                    )


def cell_problem(column: Column, cell: Cell) -> str:
    """Why the cell does not fit its column's kind, or "" when it does."""
    if cell is None:
        return ""
    if column.kind == "text":
        return "" if isinstance(cell, str) else f"expected text, got {cell!r}"
    if column.kind == "date":
        ok = isinstance(cell, dt.date) and not isinstance(cell, dt.datetime)
        return "" if ok else f"expected a date, got {cell!r}"
    if isinstance(cell, bool) or not isinstance(cell, int | float | Decimal | Fraction):
        return f"expected a number, got {cell!r}"
    if column.kind == "integer" and not isinstance(cell, int):
        return f"expected a whole number, got {cell!r}"
    if isinstance(cell, float | Decimal) and not math.isfinite(cell):
        return f"expected a finite number, got {cell!r}"
    return ""


@dataclass(frozen=True)
class Figure:
    """A vector chart (SVG text) with its caption and, optionally, the data behind it.

    In the PDF the chart is drawn as vectors and the table set `table_position` to it.
    In Word the chart is embedded as SVG with a PNG fallback, followed by the table.
    """

    svg: str
    caption: str
    table: Table | None = None
    table_position: Literal["below", "beside"] = "below"

    def __post_init__(self) -> None:
        if "<svg" not in self.svg:
            raise DocumentError(f"figure {self.caption!r}: the chart is not SVG (no <svg> element)")


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class AgendaItem:
    """One numbered item of an agenda or of minutes (spec/meetings.md, "Items")."""

    number: int
    title: str
    purpose: Purpose | None = None
    presenter: str = ""
    body: tuple[Block, ...] = ()
    decision: str = ""  # minutes: what the committee decided or concluded
    attachments: tuple[str, ...] = ()
    closed: bool = False  # seen by the committee's members only: never published

    def __post_init__(self) -> None:
        for block in self.body:
            if isinstance(block, AgendaItem):
                raise DocumentError(f"agenda item {self.number}: an item cannot hold another")


Block = (
    Heading
    | Paragraph
    | BulletList
    | NumberedList
    | FieldList
    | Table
    | Figure
    | PageBreak
    | AgendaItem
)


@dataclass(frozen=True)
class Document:
    """A whole document: the letterhead's fields, then the blocks in reading order."""

    kind: str  # "Notat", "Dagsorden", "Referat", "Ledelsesinformation", …
    title: str
    language: Language = "da"
    recipient: str = ""  # "Til CSO"
    subtitle: str = ""
    date: dt.date | None = None
    references: tuple[tuple[str, str], ...] = ()  # ("Sagsnummer i F2", "2022 - 7225"), …
    sender: tuple[str, ...] = ()  # administration, then unit, one line each
    blocks: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise DocumentError(f"document {self.title!r}: language must be da or en")
        numbers = [block.number for block in self.blocks if isinstance(block, AgendaItem)]
        if len(set(numbers)) != len(numbers):
            raise DocumentError(f"document {self.title!r}: agenda item numbers repeat: {numbers}")


def without_closed_items(document: Document) -> Document:
    """The document as it may be published: closed agenda items left out."""
    kept = tuple(b for b in document.blocks if not (isinstance(b, AgendaItem) and b.closed))
    return replace(document, blocks=kept)
