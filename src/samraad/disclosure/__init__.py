"""The small-group rule: what an audience without person-level access may be shown
(spec/statistics.md, "Small groups"). Pure: pages, exports, the API and reports all
ask here, so the rule is written once.

- A cell (a unit, a job group, a length group, a count of alerts) that covers fewer than
  MIN_CELL persons is suppressed.
- Complementary suppression: where the cells of one table add up to a figure shown
  beside them, one suppressed cell could be had by subtraction, so the smallest other
  cell is suppressed too.
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_CELL = 5


def too_small(persons: int | None) -> bool:
    """Does a cell of `persons` persons stay hidden? (An empty cell is small too: it would
    tell that nobody is there.)"""
    return (persons or 0) < MIN_CELL


def few(persons: int | None) -> bool:
    """A breakdown's part with some, but fewer than MIN_CELL, persons behind it (an empty
    part says nothing about anyone)."""
    return 0 < (persons or 0) < MIN_CELL


def complement(hidden: Sequence[bool], sizes: Sequence[int]) -> list[bool]:
    """The cells of one additive table to hide: with exactly one hidden, the smallest
    shown one (by `sizes`, the first on a tie) is hidden beside it."""
    hide = list(hidden)
    shown = [i for i, h in enumerate(hide) if not h]
    if hide.count(True) == 1 and shown:
        hide[min(shown, key=lambda i: (sizes[i], i))] = True
    return hide
