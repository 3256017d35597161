"""The table's flat columns equal `UnitFigures.to_json`, field by field, to the last bit."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samraad.stats import (
    Structure,
    TableRequest,
    UnitFigures,
    figures_table,
    flat_figures,
    length_prefix,
    parse_length_groups,
)
from tests.stats.worlds import WINDOW_DAYS, World, day, worlds

periods = st.lists(
    st.tuples(st.integers(0, WINDOW_DAYS - 1), st.integers(0, 120)).map(
        lambda p: (day(p[0]), day(min(p[0] + p[1], WINDOW_DAYS - 1)))
    ),
    min_size=1,
    max_size=3,
)
# The default groups, and others, so that every length group's columns are checked.
length_groups = st.sampled_from(["1,4,15,31", "1,2", "1,6,43"]).map(parse_length_groups)


def flattened(figures: UnitFigures) -> dict[str, object]:
    """to_json with by_length flattened and the row's names, as spec/cli.md says."""
    row: dict[str, object] = {"period_start": figures.start, "period_end": figures.end}
    for name, value in figures.to_json().items():
        if name in ("from", "to"):
            continue
        if name == "causes":
            row[name] = ",".join(value)
        elif name == "by_length":
            for label, group in value.items():
                row[f"{length_prefix(label)}_spells"] = group["spells"]
                row[f"{length_prefix(label)}_absence_hours"] = group["absence_hours"]
        else:
            row[name] = value
    return {"unit": row.pop("unit"), **row}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    world=worlds(),
    periods=periods,
    current=st.booleans(),
    groups=length_groups,
    causes=st.sampled_from(
        [frozenset({"own_sickness"}), frozenset({"own_sickness", "child_sickness"})]
    ),
)
def test_flat_columns_equal_stats_json(
    world: World,
    periods: list[tuple[dt.date, dt.date]],
    current: bool,
    groups: tuple,  # type: ignore[type-arg]
    causes: frozenset[str],
) -> None:
    structure = Structure.CURRENT if current else Structure.HISTORIC
    request = TableRequest(
        periods=periods, structure=structure, as_of=day(200), causes=causes, length_groups=groups
    )
    table = figures_table(world.dataset(), request)
    flat = flat_figures(table, structure, causes, groups)
    for row, flat_row in zip(table.iter_rows(named=True), flat.iter_rows(named=True), strict=True):
        expected = flattened(UnitFigures.from_row(row, structure, causes, groups))
        assert list(flat_row) == list(expected)
        assert flat_row == expected


def test_rates_without_a_base_are_empty_and_ratios_zero() -> None:
    world = World(units=[], jobs=[], records=[])
    request = TableRequest(periods=[(day(0), day(30))], units=["KK"])
    flat = flat_figures(
        figures_table(world.dataset(), request),
        Structure.HISTORIC,
        frozenset({"own_sickness"}),
        request.length_groups,
    )
    row = flat.row(0, named=True)
    assert row["absence_rate"] is None
    assert row["frequency_rate"] is None
    assert row["individual_frequency_rate"] is None
    assert row["average_spell_length"] is None
    assert row["fte"] == 0.0
    assert row["absence_days_per_fte"] == 0.0
