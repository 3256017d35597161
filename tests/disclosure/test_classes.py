"""The class rule on small explicit families, and, against linear algebra, on random
ones: whatever the published cells add up to, no small group can be had exactly."""

from __future__ import annotations

from itertools import count

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from samraad.disclosure.classes import Family, cell_sizes, publishable


class World:
    """Atoms named by the caller, each with a number of fresh persons."""

    def __init__(self) -> None:
        self.members: list[tuple[int, ...]] = []
        self.pairs: list[tuple[int, int]] = []
        self.people = count()

    def atom(self, persons: int, *cells: int, shared: list[int] | None = None) -> int:
        atom = len(self.members)
        self.members.append(tuple(sorted(cells)))
        ids = [next(self.people) for _ in range(persons)] + (shared or [])
        self.pairs += [(atom, p) for p in ids]
        return atom

    def family(self, fixed: frozenset[int] = frozenset()) -> Family:
        atoms = np.array([a for a, _ in self.pairs], dtype=np.int64)
        persons = np.array([p for _, p in self.pairs], dtype=np.int64)
        return Family(self.members, atoms, persons, fixed)


P, A, B, C, D = range(5)


def test_a_small_child_is_hidden_with_its_smallest_sibling() -> None:
    """The finding: parent minus the visible siblings gave the hidden child exactly."""
    w = World()
    w.atom(4, P, A)
    w.atom(14, P, B)
    w.atom(20, P, C)
    assert publishable(w.family()) == {P, C}


def test_a_parents_few_own_staff_hide_the_smallest_child() -> None:
    w = World()
    w.atom(3, P)  # employed directly in P
    w.atom(9, P, A)
    w.atom(6, P, B)
    assert publishable(w.family()) == {P, A}


def test_a_parent_with_enough_own_staff_shows_all() -> None:
    w = World()
    w.atom(5, P)
    w.atom(9, P, A)
    w.atom(6, P, B)
    assert publishable(w.family()) == {P, A, B}


def test_the_complement_is_a_sibling_whose_hiding_merges_in_one_step() -> None:
    """Hiding B alone would leave A alone (B is the sum of its visible children C and
    D); the sibling whose hiding lands its persons with A's at once is 9."""
    w = World()
    w.atom(4, P, A)
    w.atom(6, P, B, C)  # C below B
    w.atom(7, P, B, D)  # D below B
    w.atom(30, P, 9)  # another child
    assert publishable(w.family()) == {P, B, C, D}


def test_a_person_in_two_units_counts_once() -> None:
    w = World()
    w.atom(3, P, A, shared=[100])
    w.atom(3, P, B, shared=[100])
    assert cell_sizes(w.family()) == {P: 7, A: 4, B: 4}
    assert publishable(w.family()) == {P}


def test_a_job_group_hidden_with_a_complement_in_its_row() -> None:
    """U = 6 pedagogues + 1 leader; the unit's total stays (fixed); the leader cannot be
    had as total minus pedagogues, so the pedagogues' cell is hidden."""
    total, pedagogues, leaders = 0, 1, 2
    w = World()
    w.atom(6, total, pedagogues)
    w.atom(1, total, leaders)
    assert publishable(w.family(fixed=frozenset({total}))) == {total}


def test_the_same_small_unit_moved_between_structures() -> None:
    """T (3 persons) moved from P1 to P2: historic P1 minus current P1 would be T."""
    p1_hist, p1_cur, p2_hist, p2_cur, root = range(5)
    w = World()
    w.atom(3, p1_hist, p2_cur, root)  # T, before the move
    w.atom(10, p1_hist, p1_cur, root)  # P1's own
    w.atom(10, p2_hist, p2_cur, root)  # P2's own
    shown = publishable(w.family())
    # whatever is shown, T's 3 persons sit in a class with others
    assert not ({p1_hist, p1_cur} <= shown and {p2_hist, p2_cur} <= shown)


def in_span(vectors: np.ndarray, target: np.ndarray) -> bool:
    if not len(vectors):
        return False
    rank = np.linalg.matrix_rank(vectors)
    return bool(np.linalg.matrix_rank(np.vstack([vectors, target])) == rank)


@st.composite
def families(draw: st.DrawFn) -> World:
    """A random tree of up to 7 units; each unit's own staff an atom in its ancestors."""
    n = draw(st.integers(2, 7))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, n)]
    w = World()
    for unit in range(n):
        chain, u = [], unit
        while u is not None:
            chain.append(u)
            u = parents[u]
        w.atom(draw(st.integers(0, 12)), *chain)
    return w


@settings(max_examples=300, deadline=None)
@given(families())
def test_no_small_group_is_in_the_span_of_the_published_cells(world: World) -> None:
    family = world.family()
    shown = sorted(publishable(family))
    atoms = len(family.members)
    vectors = np.array([[c in family.members[a] for a in range(atoms)] for c in shown], float)
    persons = np.bincount(family.pair_atom, minlength=atoms)
    # every set of atoms with 1–4 persons: none can be had exactly
    for mask in range(1, 2**atoms):
        chosen = [a for a in range(atoms) if mask >> a & 1]
        size = int(sum(persons[chosen]))
        if 0 < size < 5 and all(persons[a] for a in chosen):
            target = np.array([a in chosen for a in range(atoms)], float)
            assert not in_span(vectors, target), (chosen, shown)
