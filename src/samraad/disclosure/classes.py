"""Which cells of a family of published sums may be shown so that no combination of them
isolates fewer than MIN_CELL persons.

The data are *atoms*: the smallest pieces any cell is a sum of (a unit's own staff in
one month, a unit's persons of one job group, …), each with its persons. A *cell* is a
sum over a set of atoms (a unit and everything below it, in one structure and month).
Anything that can be had from published cells by adding and subtracting them is a
combination of *classes*: atoms that lie in exactly the same published cells cannot be
told apart, and every published cell is a union of classes (the atoms of the algebra the
published sets generate). So the rule is:

    every class that lies in some published cell covers 0 or at least MIN_CELL persons.

Then whatever anyone adds up or subtracts covers 0 or at least MIN_CELL persons too.
A class that is too small is mended by hiding one more cell, which only ever merges
classes (hiding never breaks the rule for others), so the loop ends:
- preferably a cell whose hiding merges *another* class into the small one (hiding
  the smallest sibling, or the smallest other job group of the unit: the classic
  complementary suppression), keeping the totals above visible;
- else the smallest removable cell the small class itself lies in.

`fixed` cells (a unit's own figure, decided by its own family) are never hidden here; a
small class lying only in fixed cells is mended through the removable ones if it can be.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

MIN_CELL = 5
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Family:
    """Atoms 0..n-1 and the cells they lie in.

    `members[a]`: the candidate cells atom `a` lies in. `pair_atom`/`pair_person`: who
    the atoms' persons are (one row per atom and person). `fixed`: cells that stay shown.
    """

    members: Sequence[tuple[int, ...]]
    pair_atom: IntArray
    pair_person: IntArray
    fixed: frozenset[int] = frozenset()


def cell_sizes(family: Family) -> dict[int, int]:
    """Distinct persons per candidate cell: every (atom, person) pair once per cell the
    atom lies in, vectorised through the atoms' offsets into one flat list of cells."""
    lengths = np.fromiter((len(cs) for cs in family.members), dtype=np.int64)
    flat = np.fromiter((c for cs in family.members for c in cs), dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]) if len(lengths) else lengths
    repeat = lengths[family.pair_atom]
    pair = np.repeat(np.arange(len(family.pair_atom)), repeat)
    within = np.arange(len(pair)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    cells = flat[offsets[family.pair_atom[pair]] + within]
    return _distinct(cells, family.pair_person[pair])


def _distinct(groups: IntArray, persons: IntArray) -> dict[int, int]:
    """Distinct persons per group (one row per membership of a person in a group)."""
    if not len(groups):
        return {}
    span = int(persons.max()) + 1
    keys = np.unique(groups * span + persons)
    found, sizes = np.unique(keys // span, return_counts=True)
    return dict(zip(found.tolist(), sizes.tolist(), strict=True))


def publishable(family: Family, min_persons: int = MIN_CELL) -> set[int]:
    """The cells that may be shown: from those of at least `min_persons` persons (and
    the fixed ones), hide more until every class is empty or large enough."""
    sizes = cell_sizes(family)
    shown = {c for c, n in sizes.items() if n >= min_persons} | set(family.fixed)
    while True:
        classes, persons = _classes(family, shown)
        small = [sig for sig, n in persons.items() if 0 < n < min_persons and sig]
        if not small:
            return shown
        hide = _mending(classes, small, shown, family.fixed, sizes)
        if not hide:
            return shown  # only fixed cells left to hide: nothing more this family can do
        shown -= hide


def _classes(
    family: Family, shown: set[int]
) -> tuple[dict[tuple[int, ...], int], dict[tuple[int, ...], int]]:
    """Each class (by its signature: the shown cells it lies in) with its persons."""
    ids: dict[tuple[int, ...], int] = {}
    of_atom = np.empty(len(family.members), dtype=np.int64)
    for atom, cells in enumerate(family.members):
        signature = tuple(c for c in cells if c in shown)
        of_atom[atom] = ids.setdefault(signature, len(ids))
    counted = _distinct(of_atom[family.pair_atom], family.pair_person)
    by_id = {i: sig for sig, i in ids.items()}
    return ids, {by_id[i]: counted.get(i, 0) for i in by_id}


def _mending(
    classes: Iterable[tuple[int, ...]],
    small: list[tuple[int, ...]],
    shown: set[int],
    fixed: frozenset[int],
    sizes: dict[int, int],
) -> set[int]:
    """One cell to hide per small class."""
    # signature minus one removable cell → the cells whose hiding lands a class there
    landing: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for signature in classes:
        for cell in signature:
            if cell not in fixed:
                rest = tuple(c for c in signature if c != cell)
                landing[rest].append(cell)
    hide: set[int] = set()
    for signature in small:
        if hide & set(signature):
            continue  # already changing this round
        merging = landing.get(signature, [])
        own = [c for c in signature if c not in fixed]
        candidates = merging or own
        if candidates:
            hide.add(min(candidates, key=lambda c: (sizes.get(c, 0), c)))
    return hide & shown
