"""A document that cannot be rendered as given is refused when it is built, saying where."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest

from samraad.documents import (
    AgendaItem,
    Column,
    Document,
    DocumentError,
    Figure,
    Heading,
    Span,
    Table,
    bold,
    italic,
    paragraph,
    without_closed_items,
)
from samraad.documents.labels import running_head
from tests.documents.worlds import MEETING_ITEMS, meeting

COLUMNS = (Column("Enhed"), Column("Antal", "integer"), Column("Pct.", "percent", 1))


def test_row_of_the_wrong_length_names_the_table_and_row() -> None:
    with pytest.raises(DocumentError) as error:
        Table(COLUMNS, (("A", 1, 2.0), ("B", 3)), caption="Fravær")
    assert str(error.value) == "table 'Fravær', row 2: 2 cells, expected 3 (one per column)"


def test_text_in_a_number_column_names_row_and_column() -> None:
    with pytest.raises(DocumentError) as error:
        Table(COLUMNS, (("A", "7", 2.0),), caption="Fravær")
    assert str(error.value) == ("table 'Fravær', row 1, column 'Antal': expected a number, got '7'")


def test_fraction_in_an_integer_column_is_refused() -> None:
    with pytest.raises(DocumentError, match=r"column 'Antal': expected a whole number, got 1\.5"):
        Table(COLUMNS, (("A", 1.5, 2.0),))


def test_true_is_not_a_number() -> None:
    with pytest.raises(DocumentError, match="expected a number, got True"):
        Table(COLUMNS, (("A", True, 2.0),))


@pytest.mark.parametrize("value", [math.nan, math.inf, Decimal("NaN")])
def test_not_a_number_is_refused(value: float) -> None:
    with pytest.raises(DocumentError, match="expected a finite number"):
        Table(COLUMNS, (("A", 1, value),))


def test_total_row_is_checked_too() -> None:
    with pytest.raises(DocumentError, match="table '', total row, column 'Enhed': expected text"):
        Table(COLUMNS, (), total=(1, 1, 1.0))


def test_a_date_column_takes_dates_not_times() -> None:
    columns = (Column("Dato", "date"),)
    Table(columns, ((dt.date(2026, 1, 1),), (None,)))
    with pytest.raises(DocumentError, match="expected a date"):
        Table(columns, ((dt.datetime(2026, 1, 1, 12),),))


def test_decimals_belong_to_decimal_and_percent_columns() -> None:
    with pytest.raises(DocumentError, match="column 'Antal': decimals apply to"):
        Column("Antal", "integer", 2)


def test_heading_level_is_1_to_3() -> None:
    with pytest.raises(DocumentError, match="level must be 1, 2 or 3, not 4"):
        Heading("Dybt", 4)


def test_figure_must_be_svg() -> None:
    with pytest.raises(DocumentError, match="figure 'Graf': the chart is not SVG"):
        Figure("PNG", "Graf")


def test_agenda_item_numbers_do_not_repeat() -> None:
    with pytest.raises(DocumentError, match=r"agenda item numbers repeat: \[1, 1\]"):
        Document(kind="Dagsorden", title="", blocks=(AgendaItem(1, "A"), AgendaItem(1, "B")))


def test_an_agenda_item_does_not_hold_another() -> None:
    with pytest.raises(DocumentError, match="agenda item 2: an item cannot hold another"):
        AgendaItem(2, "A", body=(AgendaItem(3, "B"),))


def test_without_closed_items_keeps_the_rest_in_order() -> None:
    public = without_closed_items(meeting())
    assert [b.number for b in public.blocks if isinstance(b, AgendaItem)] == [1, 2, 3, 5]
    assert public.title == meeting().title
    assert len(MEETING_ITEMS) == 5


def test_running_head_is_cut_at_a_word() -> None:
    assert running_head("Notat", "Kort titel") == "Notat · Kort titel"
    assert running_head("", "") == ""
    long = running_head("Notat", "Handlingsplan som opfølgning på fælles møde mellem CSO og mere")
    assert long == "Notat · Handlingsplan som opfølgning på fælles møde mellem CSO …"
    assert len(long) <= 64


def test_paragraph_is_plain_and_styled_spans_in_order() -> None:
    spans = paragraph("a ", bold("b"), italic(" c")).spans()
    assert spans == (Span("a "), Span("b", bold=True), Span(" c", italic=True))
