"""The fixed words a rendered document adds around its content, in Danish and English.

Both renderers take their words from here, so a PDF and a Word file of the same
document say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samraad.documents.formatting import (
    format_date,
    format_number,
    format_percent,
)
from samraad.documents.model import AgendaItem, Cell, Column, Language, Purpose, Table

MUNICIPALITY = "Københavns Kommune"
MISSING = "–"  # a missing or suppressed figure (en dash)


@dataclass(frozen=True)
class Words:
    page_of: str  # "{page}" and "{pages}" are filled in by the renderer
    purpose: str
    presenter: str
    decision: str
    attachments: str
    closed: str
    figure: str
    table: str
    purposes: dict[Purpose, str]


WORDS: dict[Language, Words] = {
    "da": Words(
        page_of="Side {page} af {pages}",
        purpose="Formål",
        presenter="Fremlægges af",
        decision="Beslutning",
        attachments="Bilag",
        closed="Lukket punkt",
        figure="Figur",
        table="Tabel",
        purposes={
            "approval": "Til godkendelse",
            "discussion": "Til drøftelse",
            "theme_discussion": "Temadrøftelse",
            "orientation": "Til orientering",
        },
    ),
    "en": Words(
        page_of="Page {page} of {pages}",
        purpose="Purpose",
        presenter="Presented by",
        decision="Decision",
        attachments="Attachments",
        closed="Closed item",
        figure="Figure",
        table="Table",
        purposes={
            "approval": "For approval",
            "discussion": "For discussion",
            "theme_discussion": "Theme discussion",
            "orientation": "For information",
        },
    ),
}


def cell_text(column: Column, cell: Cell, language: Language) -> str:
    """A table cell as printed; the model has already checked that it fits its column."""
    if cell is None:
        return MISSING
    if isinstance(cell, str):
        return cell
    if isinstance(cell, dt.date):
        return format_date(cell, language)
    if column.kind == "percent":
        return format_percent(cell, column.decimals, language)
    return format_number(cell, column.decimals, language)  # an integer column has 0 decimals


def is_right_aligned(column: Column) -> bool:
    """Figures line up on the right; text and the first column's labels on the left."""
    return column.kind in ("integer", "decimal", "percent")


def table_texts(table: Table, language: Language) -> list[list[str]]:
    """Header, body rows and (when present) the total row, every cell as printed."""
    rows = [[column.title for column in table.columns]]
    body = [*table.rows, *([table.total] if table.total is not None else [])]
    rows += [
        [cell_text(c, cell, language) for c, cell in zip(table.columns, row, strict=True)]
        for row in body
    ]
    return rows


def item_details(item: AgendaItem, language: Language) -> list[tuple[str, str]]:
    """The labelled lines under an agenda item's title: purpose, then presenter."""
    words = WORDS[language]
    details = []
    if item.purpose is not None:
        details.append((words.purpose, words.purposes[item.purpose]))
    if item.presenter:
        details.append((words.presenter, item.presenter))
    return details


@dataclass
class Captions:
    """Figures and captioned tables numbered in reading order, the same in PDF and Word."""

    language: Language
    figures: int = 0
    tables: int = 0

    def figure(self, text: str) -> str:
        self.figures += 1
        return _caption(WORDS[self.language].figure, self.figures, text)

    def table(self, text: str) -> str:
        """ "Tabel 3. …", or "" for a table without a caption (it gets no number)."""
        if not text:
            return ""
        self.tables += 1
        return _caption(WORDS[self.language].table, self.tables, text)


def _caption(kind: str, number: int, text: str) -> str:
    return f"{kind} {number}. {text}" if text else f"{kind} {number}."


# The running head shares one line with the date at 8.5 pt; past this it would wrap.
RUNNING_HEAD_LENGTH = 64


def running_head(kind: str, title: str) -> str:
    """ "Notat · Handlingsplan som …": kind and title, cut at a word to fit one line."""
    head = " · ".join(part for part in (kind, title) if part)
    if len(head) <= RUNNING_HEAD_LENGTH:
        return head
    cut = head[: RUNNING_HEAD_LENGTH - 1].rsplit(" ", 1)[0]
    return f"{cut} …"


def sender_line(sender: tuple[str, ...]) -> str:
    """The footer's left part: the municipality and the administration."""
    return " · ".join((MUNICIPALITY, *sender[:1]))
