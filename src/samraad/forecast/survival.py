"""How long spells last, and what that means for the days after the forecast's day.

Per reference unit (the model's groups), from the spells of its staff that started in
the three years before the day: the Kaplan–Meier survival of spells by age (calendar
days, as spec/statistics.md counts a spell's length; a spell still going on is
censored at its age on the day), and the mean degree of the spells alive at each age
(long spells often end in partial sick leave). Ages past the last one with at least
MIN_AT_RISK spells at risk share one hazard, pooled over the TAIL_AGES before it.

From those, for the R days after the day with working-day mask w:
- an open spell of age a and degree d is expected to add d × Σ_k w_k W(a+k) / W(a)
  absent working days, where W = survival S × mean degree h: its degree is taken to
  follow the mean degree of its age, scaled by d / h(a). Its second moment is
  (d / h(a))² × Σ_k w_k W(a+k) (2 G_k − w_k h(a+k)) / S(a), G_k = Σ_{j≤k} w_j h(a+j);
- a new spell (starting on one of the days, on a working day) contributes X working
  days with E[X²] / E[X] = `new_spell_ratio` — what a sum of such spells' variance is,
  per unit of its mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

MAX_AGE = 3 * 366  # ages followed one by one; a spell older than this is taken as this old
HISTORY_DAYS = 3 * 365  # spells that started in the three years before the day
MIN_AT_RISK = 30
TAIL_AGES = 90
AGES = MAX_AGE + 368  # an open spell's age plus up to a year ahead
DEGREE_SCALE = 10_000  # degrees have 4 decimals (spec/data-format.md)


@dataclass(frozen=True)
class Survival:
    """Per group and age x = 0 .. AGES-1: `alive` = P(a spell lasts at least x days),
    `degree` = the mean degree of the spells alive at age x, `weight` = their product."""

    alive: FloatArray
    degree: FloatArray

    @cached_property
    def weight(self) -> FloatArray:
        return self.alive * self.degree

    @property
    def groups(self) -> int:
        return int(self.alive.shape[0])


def _counts(groups: int, group: IntArray, age: IntArray, values: FloatArray) -> FloatArray:
    flat = np.bincount(group * AGES + age, weights=values, minlength=groups * AGES)
    return flat.astype(np.float64).reshape(groups, AGES)  # (bincount of nothing is int)


def _hazard(groups: int, group: IntArray, duration: IntArray, ended: BoolArray) -> FloatArray:
    """Kaplan–Meier hazards per group and age, with the pooled tail past MIN_AT_RISK."""
    ended = ended & (duration <= MAX_AGE)  # longer ones are censored at MAX_AGE
    age = np.minimum(duration, MAX_AGE)
    deaths = _counts(groups, group, age, ended.astype(np.float64))
    exits = _counts(groups, group, age, np.ones(len(age)))
    at_risk = np.cumsum(exits[:, ::-1], axis=1)[:, ::-1]
    ages = np.arange(AGES)
    reliable = (at_risk >= MIN_AT_RISK) & (ages >= 1) & (ages <= MAX_AGE - 1)
    last = np.where(reliable.any(axis=1), AGES - 1 - np.argmax(reliable[:, ::-1], axis=1), 0)
    in_tail = (ages[None, :] > (last - TAIL_AGES)[:, None]) & (ages[None, :] <= last[:, None])
    in_tail |= (last == 0)[:, None]  # nothing reliable: pool every age
    in_tail &= ages[None, :] >= 1
    tail_deaths = (deaths * in_tail).sum(axis=1)
    tail_risk = (at_risk * in_tail).sum(axis=1)
    tail = np.divide(tail_deaths, tail_risk, out=np.zeros(groups), where=tail_risk > 0)
    own = np.divide(deaths, at_risk, out=np.zeros_like(deaths), where=at_risk > 0)
    hazard = np.where(ages[None, :] <= last[:, None], own, tail[:, None])
    hazard[:, 0] = 0.0
    return hazard


def _mean_degree(
    groups: int, group: IntArray, age_from: IntArray, age_to: IntArray, degree: FloatArray
) -> FloatArray:
    """Mean degree of the spells covering each age; carried forward where fewer than
    MIN_AT_RISK spells are seen (1 before any)."""
    start = np.minimum(age_from, AGES - 1)
    stop = np.minimum(age_to + 1, AGES - 1)
    # Sums of whole ten-thousandths are exact in any order: the same data give the same
    # curve however the rows came.
    whole = np.round(degree * DEGREE_SCALE)
    total = (_counts(groups, group, start, whole) - _counts(groups, group, stop, whole)) / (
        DEGREE_SCALE
    )
    count = _counts(groups, group, start, np.ones(len(start))) - _counts(
        groups, group, stop, np.ones(len(stop))
    )
    total, count = np.cumsum(total, axis=1), np.cumsum(count, axis=1)  # whole numbers: exact
    seen = count >= MIN_AT_RISK
    seen[:, 0] = True
    mean = np.divide(total, count, out=np.ones_like(total), where=seen & (count > 0))
    source = np.maximum.accumulate(np.where(seen, np.arange(AGES)[None, :], 0), axis=1)
    return np.take_along_axis(mean, source, axis=1)


def estimate_survival(
    groups: int,
    spells: tuple[IntArray, IntArray, BoolArray],
    pieces: tuple[IntArray, IntArray, IntArray, FloatArray],
) -> Survival:
    """`spells`: (group, duration or age so far, ended) per spell; `pieces`: (group,
    first age, last age, degree) per record of those spells, ages counted from 1."""
    hazard = _hazard(groups, *spells)
    alive = np.ones((groups, AGES))
    alive[:, 1:] = np.cumprod(1.0 - hazard[:, :-1], axis=1)
    alive[:, 1] = 1.0
    return Survival(alive, _mean_degree(groups, *pieces))


def _ratio(top: FloatArray, bottom: FloatArray) -> FloatArray:
    return np.divide(top, bottom, out=np.zeros_like(top), where=bottom > 0)


def _second(weight: FloatArray, degree: FloatArray, work: FloatArray) -> FloatArray:
    """Σ_k w_k W_k (2 G_k − w_k h_k) along the last axis, G_k = Σ_{j≤k} w_j h_j: the
    second moment of Σ_k w_k h_k [alive at k] times P(alive at the start)."""
    step = work * degree
    return (work * weight * (2 * np.cumsum(step, axis=-1) - step)).sum(axis=-1)


def open_moments(survival: Survival, work: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Per group and age a = 0 .. MAX_AGE: an open spell's expected absent working days
    over the days `work` masks, per unit of its degree, and their second moment per
    unit of its degree squared."""
    days = len(work)
    mean = np.empty((survival.groups, MAX_AGE + 1))
    second = np.empty((survival.groups, MAX_AGE + 1))
    for g in range(survival.groups):
        weight, degree = survival.weight[g], survival.degree[g]
        ahead = sliding_window_view(weight[1:], days)[: MAX_AGE + 1]  # [a, k-1] = W(a+k)
        ahead_degree = sliding_window_view(degree[1:], days)[: MAX_AGE + 1]
        now = weight[: MAX_AGE + 1]
        mean[g] = _ratio(ahead @ work, now)
        second[g] = _ratio(_second(ahead, ahead_degree, work), now * degree[: MAX_AGE + 1])
    return mean, second


def new_spell_ratio(survival: Survival, work: FloatArray) -> FloatArray:
    """Per group: E[X²] / E[X] of the absent working days X, within the days `work`
    masks, of a spell starting on one of its working days (all equally likely)."""
    days = len(work)
    start = np.arange(1, days + 1)[:, None]
    age = np.arange(1, days + 1)[None, :]
    day = start + age - 1  # 1-based day of the spell's `age`-th day
    on = np.where(day <= days, work[np.minimum(day, days) - 1], 0.0)  # [start, age]
    ratios = np.empty(survival.groups)
    for g in range(survival.groups):
        weight = survival.weight[g, 1 : days + 1]
        first = on @ weight
        second = _second(weight[None, :], survival.degree[g, 1 : days + 1][None, :], on)
        ratios[g] = _ratio(np.array([work @ second]), np.array([work @ first]))[0]
    return ratios
