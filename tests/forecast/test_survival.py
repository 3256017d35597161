"""Spell survival by age (Kaplan–Meier, pooled tail), mean degree by age, and what they
give for the days ahead."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from samraad.forecast.survival import (
    Survival,
    estimate_survival,
    new_spell_ratio,
    open_moments,
)


def spells(
    durations: list[int], ended: list[bool], pieces: list[tuple[int, int, float]] | None = None
) -> Survival:
    """One group; each spell one full-degree piece over its ages unless pieces are given."""
    n = len(durations)
    if pieces is None:
        pieces = [(1, d, 1.0) for d in durations]
    return estimate_survival(
        1,
        (np.zeros(n, np.int64), np.array(durations, np.int64), np.array(ended)),
        (
            np.zeros(len(pieces), np.int64),
            np.array([p[0] for p in pieces], np.int64),
            np.array([p[1] for p in pieces], np.int64),
            np.array([p[2] for p in pieces]),
        ),
    )


def test_kaplan_meier_where_enough_spells_are_at_risk_then_the_pooled_tail() -> None:
    # 30 one-day spells and 30 going on at age 2: half end at age 1. Nobody is at risk
    # after age 2, so later ages share the hazard of ages 1–2: 30 ends in 90 at risk.
    survival = spells([1] * 30 + [2] * 30, [True] * 30 + [False] * 30)
    assert survival.alive[0, :6].tolist() == pytest.approx(
        [1, 1, 0.5, 0.5, 0.5 * 2 / 3, 0.5 * 4 / 9]
    )


def test_few_spells_share_one_hazard_over_all_ages() -> None:
    # One spell ended after 10 days, one has gone on for 30: 1 end in 40 days at risk.
    survival = spells([10, 30], [True, False])
    q = 39 / 40
    assert survival.alive[0, 1:50].tolist() == pytest.approx([q**x for x in range(49)])


def test_an_open_spell_of_known_course_adds_its_degree_weighted_days() -> None:
    # 30 spells of exactly 10 days, full for 5 days, then half time: on day 3 of such a
    # spell, the next 10 (all working) days hold 2 full and 5 half days, then nothing.
    pieces = [(1, 5, 1.0)] * 30 + [(6, 10, 0.5)] * 30
    survival = spells([10] * 30, [True] * 30, pieces)
    mean, second = open_moments(survival, np.ones(10))
    assert mean[0, 3] == pytest.approx(4.5)
    assert second[0, 3] == pytest.approx(4.5**2)  # no chance in it: E[X²] = E[X]²


def test_an_open_spell_with_a_constant_hazard_has_geometric_days() -> None:
    survival = spells([10, 30], [True, False])  # hazard 1/40 at every age
    work = np.array([1.0, 0.0, 1.0])  # two working days among the next three
    mean, second = open_moments(survival, work)
    q = Fraction(39, 40)
    # X = [alive 1 day on] + [alive 3 days on]; E[X²] = E[X] + 2 P(alive 3 days on)
    assert mean[0, 30] == pytest.approx(float(q + q**3))
    assert second[0, 30] == pytest.approx(float(q + q**3 + 2 * q**3))


def test_new_spells_of_one_day_have_a_variance_equal_to_their_mean() -> None:
    survival = spells([1] * 40, [True] * 40)
    assert new_spell_ratio(survival, np.array([1.0, 1.0, 0.0, 1.0])) == pytest.approx([1.0])


def test_new_spells_of_two_days_count_two_where_both_fall_on_working_days() -> None:
    survival = spells([2] * 40, [True] * 40)
    # starts on day 1 (X=2: days 1, 2), day 2 (X=1: day 3 is not a working day),
    # day 4 (X=1: the window ends): E[X²]/E[X] = (4 + 1 + 1) / (2 + 1 + 1)
    assert new_spell_ratio(survival, np.array([1.0, 1.0, 0.0, 1.0])) == pytest.approx([1.5])
