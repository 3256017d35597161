"""A table over many (possibly overlapping) periods equals one query per period."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samraad.stats import Structure, TableRequest, UnitFigures, figures_table, unit_figures
from samraad.stats import table as table_module
from tests.stats.worlds import WINDOW_DAYS, World, day, worlds

periods = st.lists(
    st.tuples(st.integers(0, WINDOW_DAYS - 1), st.integers(0, 120)).map(
        lambda p: (day(p[0]), day(min(p[0] + p[1], WINDOW_DAYS - 1)))
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds(), periods=periods, current=st.booleans())
def test_table_rows_equal_single_unit_queries(
    world: World, periods: list[tuple[dt.date, dt.date]], current: bool
) -> None:
    structure = Structure.CURRENT if current else Structure.HISTORIC
    data = world.dataset()
    table = figures_table(data, TableRequest(periods=periods, structure=structure, as_of=day(200)))
    for row in table.iter_rows(named=True):
        fast = UnitFigures.from_row(row, structure, frozenset({"own_sickness"}))
        single = unit_figures(
            data,
            row["unit_id"],
            row["period_from"],
            row["period_to"],
            structure=structure,
            as_of=day(200),
        )
        assert fast == single


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds(), periods=periods)
def test_taking_employees_a_slice_at_a_time_changes_nothing(
    world: World, periods: list[tuple[dt.date, dt.date]]
) -> None:
    data = world.dataset()
    request = TableRequest(periods=periods, causes=frozenset({"own_sickness", "work_injury"}))
    whole = figures_table(data, request)
    original = table_module.SLICE_RECORDS
    table_module.SLICE_RECORDS = 1  # as many slices as records
    try:
        sliced = figures_table(data, request)
    finally:
        table_module.SLICE_RECORDS = original
    assert sliced.equals(whole)


# A grid of consecutive periods (as months are), some of them a day or a weekend long:
# one person's ranges of periods per ancestor meet and overlap across many periods.
grids = st.lists(st.integers(1, WINDOW_DAYS - 1), min_size=1, max_size=12, unique=True).map(
    lambda cuts: [
        (day(a), day(b - 1))
        for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), WINDOW_DAYS], strict=True)
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds(), periods=grids, current=st.booleans())
def test_consecutive_periods_equal_single_unit_queries(
    world: World, periods: list[tuple[dt.date, dt.date]], current: bool
) -> None:
    structure = Structure.CURRENT if current else Structure.HISTORIC
    data = world.dataset()
    table = figures_table(data, TableRequest(periods=periods, structure=structure, as_of=day(90)))
    for row in table.iter_rows(named=True):
        single = unit_figures(
            data,
            row["unit_id"],
            row["period_from"],
            row["period_to"],
            structure=structure,
            as_of=day(90),
        )
        assert UnitFigures.from_row(row, structure, frozenset({"own_sickness"})) == single
