"""The analyses' cells from the core's figures: the short-term measures, and what a
reader may not see left empty."""

from __future__ import annotations

import datetime as dt

from samraad.analyses.tables import ALL, Cell, band_rows, grid_rows
from samraad.stats import unit_figures
from tests.stats.small_worlds import dataset

# Two full-timers in March 2024 (19 working days): A ill 4–5 March (a 2-day spell),
# B 11–29 March (19 days, a long spell).
DATA = dataset(
    [("KK", None, "2020-01-01", None)],
    [("A", "KK", 37, "2020-01-01", None), ("B", "KK", 37, "2020-01-01", None)],
    [
        ("A", "own_sickness", "2024-03-04", "2024-03-05", 1.0),
        ("B", "own_sickness", "2024-03-11", "2024-03-29", 1.0),
    ],
)
MARCH = (dt.date(2024, 3, 1), dt.date(2024, 3, 31))


def test_a_cell_holds_the_short_term_measures() -> None:
    cell = Cell.of(unit_figures(DATA, "KK", *MARCH))
    # 2 FTE; 1 spell of 1–3 days (50 per 100 FTE) with 2 days (1 per FTE); 2 spells in all
    assert (cell.headcount, cell.fte, cell.short_spells) == (2, 2.0, 1)
    assert (cell.short_frequency_rate, cell.short_days_per_fte) == (50.0, 1.0)
    assert (cell.spells, cell.frequency_rate) == (2, 100.0)
    # 15 of the 17 absent working days lie in spells of 15–30 days, none in 31+
    assert cell.long_share == 0.0


def test_a_hidden_cell_is_empty_and_an_empty_group_is_zero() -> None:
    assert Cell.of(unit_figures(DATA, "KK", *MARCH), shown=False) == Cell.hidden()
    assert Cell.of(None, shown=False).headcount == 0


def test_the_band_apart_comes_first_then_the_whole_unit() -> None:
    whole = unit_figures(DATA, "KK", *MARCH)
    rows = band_rows(whole, {"0-29": whole}, ["0-29", "30-59", "60+"], True, {"60+"}, "0-29")
    assert [(r.key, r.emphasised, r.cells[0].suppressed) for r in rows] == [
        ("0-29", True, True),  # not among the parts the reader may see
        (ALL, False, False),
        ("30-59", False, False),  # nobody in it: zero
        ("60+", False, False),
    ]


def test_a_grid_cell_follows_its_units_parts() -> None:
    whole = unit_figures(DATA, "KK", *MARCH)
    rows = grid_rows(
        ["KK", "X"], {"KK": {"hk": whole}, "X": {"hk": whole}}, {"KK": None, "X": set()}
    )
    assert [(c.headcount, c.suppressed) for c in rows[0].cells] == [(2, False), (None, True)]
