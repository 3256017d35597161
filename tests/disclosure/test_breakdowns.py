"""Breakdowns beside the units' own figures: no cell of the two-way table (units ×
parts) with fewer than 5 persons can be had from what is shown, checked against linear
algebra on random small worlds, and the classic cases by hand."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from samraad.disclosure.breakdowns import Contribution, shown_parts
from samraad.disclosure.trees import Trees
from samraad.disclosure.units import unit_visibility
from samraad.stats import Dataset, Structure

MONTH = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
H, C = Structure.HISTORIC, Structure.CURRENT


def world(parents: list[int | None], staff: dict[tuple[int, str], int]) -> tuple:
    """Units U0.. with the parents given; `staff[(unit, part)]` persons in each."""
    units = pl.DataFrame(
        {
            "unit_id": [f"U{i}" for i in range(len(parents))],
            "parent_id": [None if p is None else f"U{p}" for p in parents],
            "valid_from": [dt.date(2020, 1, 1)] * len(parents),
            "valid_to": [None] * len(parents),
        },
        schema={
            "unit_id": pl.String,
            "parent_id": pl.String,
            "valid_from": pl.Date,
            "valid_to": pl.Date,
        },
    )
    rows = []
    person = 0
    for (unit, part), n in staff.items():
        for _ in range(n):
            rows.append((f"E{person}", person, f"U{unit}", part))
            person += 1
    employments = pl.DataFrame(
        {
            "employment_id": [r[0] for r in rows],
            "employee_id": [r[0] for r in rows],
            "unit_id": [r[2] for r in rows],
            "weekly_hours": [37.0] * len(rows),
            "start_date": [dt.date(2024, 1, 1)] * len(rows),
            "end_date": [None] * len(rows),
        },
        schema={
            "employment_id": pl.String,
            "employee_id": pl.String,
            "unit_id": pl.String,
            "weekly_hours": pl.Float64,
            "start_date": pl.Date,
            "end_date": pl.Date,
        },
    )
    data = Dataset(units, employments, Dataset.empty().absences)
    lo = (MONTH[0] - dt.date(1970, 1, 1)).days
    hi = (MONTH[1] - dt.date(1970, 1, 1)).days
    contribution = Contribution(
        pl.DataFrame(
            {
                "person": [r[1] for r in rows],
                "unit": [r[2] for r in rows],
                "part": [r[3] for r in rows],
                "first": [lo] * len(rows),
                "last": [hi] * len(rows),
            },
            schema={
                "person": pl.Int64,
                "unit": pl.String,
                "part": pl.String,
                "first": pl.Int64,
                "last": pl.Int64,
            },
        )
    )
    visibility = unit_visibility(data, MONTH[1], MONTH[1], MONTH[0])
    units_shown = {cell for cell, months in visibility.shown.items() if 0 in months}
    trees = Trees.of(data, MONTH[1])
    return trees, contribution, units_shown


def test_a_leader_alone_in_a_unit_hides_the_pedagogues_too() -> None:
    """U1: 6 pedagogues and 1 leader; its total is shown, so the pedagogues' figure
    would give the leader's."""
    trees, contribution, units = world([None, 0], {(1, "ped"): 6, (1, "leader"): 1, (0, "ped"): 9})
    parts = shown_parts(contribution, trees, MONTH, units)
    assert (H, "U1", "ped") not in parts and (H, "U1", "leader") not in parts


def test_parts_of_a_unit_all_large_are_shown() -> None:
    trees, contribution, units = world([None, 0], {(1, "ped"): 6, (1, "leader"): 5, (0, "ped"): 9})
    parts = shown_parts(contribution, trees, MONTH, units)
    assert {(H, "U1", "ped"), (H, "U1", "leader"), (H, "U0", "ped")} <= parts


def test_a_municipalitys_job_group_survives_a_small_one_somewhere() -> None:
    """One leader in one unit must not hide the pedagogues of the whole tree (where the
    tree is not so plain that the rest of it gives the leader away)."""
    staff = {
        (1, "ped"): 6,
        (1, "leader"): 1,
        (2, "ped"): 8,
        (3, "ped"): 9,
        (0, "ped"): 7,
        (0, "leader"): 6,
    }
    trees, contribution, units = world([None, 0, 0, 0], staff)
    parts = shown_parts(contribution, trees, MONTH, units)
    assert (H, "U0", "ped") in parts


@st.composite
def worlds(draw: st.DrawFn) -> tuple:
    n = draw(st.integers(2, 6))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, n)]
    parts = ["a", "b", "c"][: draw(st.integers(1, 3))]
    staff = {(u, p): draw(st.integers(0, 8)) for u in range(n) for p in parts}
    return parents, staff


def in_span(vectors: np.ndarray, target: np.ndarray) -> bool:
    if not len(vectors):
        return False
    return bool(
        np.linalg.matrix_rank(np.vstack([vectors, target])) == np.linalg.matrix_rank(vectors)
    )


@settings(max_examples=300, deadline=None)
@given(worlds())
def test_no_small_cell_of_the_table_can_be_had(case: tuple) -> None:
    parents, staff = case
    trees, contribution, units = world(parents, staff)
    parts = shown_parts(contribution, trees, MONTH, units)
    atoms = [key for key, n in staff.items() if n]
    below = {
        u: {v for v in range(len(parents)) if u in _chain(parents, v)} for u in range(len(parents))
    }
    vectors = [[a[0] in below[int(unit[1:])] for a in atoms] for s, unit in units if s is H] + [
        [a[0] in below[int(u[1:])] and a[1] == p for a in atoms] for s, u, p in parts if s is H
    ]
    matrix = np.array(vectors, dtype=float).reshape(len(vectors), len(atoms))
    small = [i for i, a in enumerate(atoms) if staff[a] < 5]
    for size in range(1, 5):
        for chosen in combinations(small, size):
            if sum(staff[atoms[i]] for i in chosen) < 5:
                target = np.array([i in chosen for i in range(len(atoms))], dtype=float)
                assert not in_span(matrix, target), ([atoms[i] for i in chosen], parts)


def _chain(parents: list[int | None], unit: int) -> list[int]:
    chain: list[int] = []
    u: int | None = unit
    while u is not None:
        chain.append(u)
        u = parents[u]
    return chain
