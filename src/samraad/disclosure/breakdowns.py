"""Which parts of a breakdown (job groups, spell-length groups) an audience without
person-level access may see for one period, beside the units' own figures.

A breakdown is a second dimension: a unit's figure is the sum of its parts (its job
groups), and a part of a unit is the sum of that part in the units below. The class
rule of `classes.py` is exact within one dimension but far too strict across two (it
would treat the intersection of a unit and a job group of the municipality as if
it could be had, which subtraction cannot do), so here the two dimensions are read the
way a two-way table is:

- the rows are the classes of the units' shown figures (`units.py`): each row's total is
  known;
- the columns are, for each part, the classes of its shown cells: each column's total
  is known;
- a cell is a row and a column that share persons; what nobody knows (atoms in no
  shown unit figure, or in no shown part) hangs on one free node.

A cell's value can be had exactly from the known totals if and only if the cell is a
bridge of that graph (on no cycle: a cycle can be shifted up and down without changing
any total). So: every column is empty or of at least MIN_CELL persons, every bridge
too, and so is every row's total less its bridges. Where that fails, the smallest part
cell of the offending column is hidden and the graph is read again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import polars as pl

from samraad.disclosure.classes import MIN_CELL, Family, cell_sizes, publishable
from samraad.disclosure.trees import Trees
from samraad.stats import Structure, day_number

Cell = tuple[Structure, str]  # a unit's own figure
Part = tuple[Structure, str, str]  # a unit's figure for one part
FREE = -1


PARTS_SCHEMA = {"structure": pl.String, "unit": pl.String, "part": pl.String}


def parts_frame(parts: set[Part]) -> pl.DataFrame:
    return pl.DataFrame([(str(s), u, p) for s, u, p in parts], schema=PARTS_SCHEMA, orient="row")


def parts_of(frame: pl.DataFrame) -> set[Part]:
    return {(Structure(s), u, p) for s, u, p in frame.iter_rows()}


@dataclass(frozen=True)
class Contribution:
    """Persons behind the parts: rows (person, unit, part, first, last) in day numbers."""

    frame: pl.DataFrame


@dataclass(frozen=True)
class _Atoms:
    unit_cells: list[tuple[Cell, ...]]  # per atom: the shown unit figures it lies in
    part_cells: list[tuple[Part, ...]]  # per atom: the candidate part cells it lies in
    pair_atom: np.ndarray
    pair_person: np.ndarray


def _atoms(
    contribution: Contribution,
    trees: Trees,
    period: tuple[dt.date, dt.date],
    units_shown: set[Cell],
) -> _Atoms:
    lo, hi = day_number(period[0]), day_number(period[1])
    rows = contribution.frame.filter((pl.col("first") <= hi) & (pl.col("last") >= lo))
    keys: dict[tuple[str, str, int], int] = {}
    unit_cells: list[tuple[Cell, ...]] = []
    part_cells: list[tuple[Part, ...]] = []
    pair_atom, pair_person = [], []
    segments: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
    for person, unit, part, first, last in rows.iter_rows():
        if unit not in segments:
            segments[unit] = trees.segments(unit, lo, hi)
        current = trees.current.get(unit, frozenset())
        for index, (a, b, historic) in enumerate(segments[unit]):
            if first > b or last < a:
                continue
            key = (unit, part, index)
            if key not in keys:
                keys[key] = len(unit_cells)
                ancestors = [(Structure.HISTORIC, x) for x in historic]
                ancestors += [(Structure.CURRENT, x) for x in current]
                unit_cells.append(tuple(sorted(c for c in ancestors if c in units_shown)))
                part_cells.append(tuple(sorted((s, x, part) for s, x in ancestors)))
            pair_atom.append(keys[key])
            pair_person.append(person)
    return _Atoms(
        unit_cells,
        part_cells,
        np.asarray(pair_atom, dtype=np.int64),
        np.asarray(pair_person, dtype=np.int64),
    )


def shown_parts(
    contribution: Contribution,
    trees: Trees,
    period: tuple[dt.date, dt.date],
    units_shown: Iterable[Cell],
    across: bool = True,
    deepest: int | None = None,
    structures: tuple[Structure, ...] = tuple(Structure),
) -> set[Part]:
    """The part cells that may be shown for the period, for units whose own figure is
    shown (`units_shown`) and parts of at least MIN_CELL persons. `across`: the parts
    add up to the units' figures (a breakdown); without it they are a family alone.
    `deepest`: the deepest level (0: the root) whose units get parts shown; `structures`:
    the structures parts are shown in (the units' own figures are known in both)."""
    shown_units = set(units_shown)
    atoms = _atoms(contribution, trees, period, shown_units)
    if not atoms.unit_cells:
        return set()

    def depth(unit: str) -> int:
        return len(trees.current.get(unit, ())) - 1

    # candidates: parts of shown units, not deeper than `deepest`
    ids: dict[Part, int] = {}
    members = [
        tuple(
            ids.setdefault(c, len(ids))
            for c in cells
            if (c[0], c[1]) in shown_units
            and c[0] in structures
            and (deepest is None or depth(c[1]) <= deepest)
        )
        for cells in atoms.part_cells
    ]
    members, same = _deduplicated(members)
    names = {i: c for c, i in ids.items()}
    family = Family(members, atoms.pair_atom, atoms.pair_person)
    sizes = cell_sizes(family)
    # hiding prefers the deepest cell, then the smallest: the upper levels stay whole
    cost = {i: (-max(depth(names[o][1]) for o in same[i]), n, i) for i, n in sizes.items()}
    allowed = {i for i, n in sizes.items() if n >= MIN_CELL}
    while True:
        # within each part: the class rule (a part's own tree, both structures)
        restricted = Family(
            [tuple(c for c in cs if c in allowed) for cs in members],
            atoms.pair_atom,
            atoms.pair_person,
        )
        allowed = publishable(restricted, MIN_CELL) & allowed
        hide = _across(atoms, members, allowed, cost) if across else set()
        if not hide:
            return {names[original] for i in allowed for original in same[i]}
        allowed -= hide


Violation = tuple[list[int], set[int]]  # columns one of which to merge; nodes involved


def _deduplicated(
    members: list[tuple[int, ...]],
) -> tuple[list[tuple[int, ...]], dict[int, list[int]]]:
    """Cells over exactly the same atoms (a part's historic and current figure of a unit
    that did not move) are one cell: decided once, shown or hidden together."""
    atoms_of: dict[int, list[int]] = defaultdict(list)
    for atom, cells in enumerate(members):
        for cell in cells:
            atoms_of[cell].append(atom)
    first: dict[tuple[int, ...], int] = {}
    rename = {cell: first.setdefault(tuple(atoms), cell) for cell, atoms in atoms_of.items()}
    same: dict[int, list[int]] = defaultdict(list)
    for cell, representative in rename.items():
        same[representative].append(cell)
    return [tuple(sorted({rename[c] for c in cells})) for cells in members], same


def _across(
    atoms: _Atoms,
    members: list[tuple[int, ...]],
    allowed: set[int],
    costs: dict[int, tuple[int, int, int]],
) -> set[int]:
    """Part cells to hide so that no cell of the two-way table can be had exactly."""
    rows: dict[tuple[Cell, ...], int] = {}
    columns: dict[tuple[int, ...], int] = {}
    row_of = np.empty(len(members), dtype=np.int64)
    column_of = np.empty(len(members), dtype=np.int64)
    for atom, cells in enumerate(members):
        unit_signature = atoms.unit_cells[atom]
        part_signature = tuple(c for c in cells if c in allowed)
        row_of[atom] = rows.setdefault(unit_signature, len(rows)) if unit_signature else FREE
        column_of[atom] = (
            columns.setdefault(part_signature, len(columns)) if part_signature else FREE
        )
    # edges of the graph: (row, column) pairs with their distinct persons
    persons: dict[tuple[int, int], set[int]] = defaultdict(set)
    for atom, person in zip(atoms.pair_atom.tolist(), atoms.pair_person.tolist(), strict=True):
        persons[(int(row_of[atom]), int(column_of[atom]))].add(person)
    violations = _bridge_violations(persons) + _closures(persons)
    if not violations:
        return set()
    # Mend what does not overlap this round; what is left is looked at again after.
    signature_of = {i: sig for sig, i in columns.items()}

    def cost(cell: int) -> tuple[int, int, int]:
        return costs.get(cell, (0, 0, cell))

    def cheapest(merge: list[int]) -> int:
        return min((c for column in merge for c in signature_of[column]), key=cost)

    ranked = sorted(((cheapest(m), nodes) for m, nodes in violations), key=lambda v: cost(v[0]))
    hide: set[int] = set()
    touched: set[int] = set()
    for cell, involved in ranked:
        if involved & touched:
            continue
        hide.add(cell)
        touched |= involved
    return hide


def _node(value: int, side: int) -> int:
    """Rows are nodes 2r+1, columns 2c+2, and the free node is 0."""
    return 0 if value == FREE else 2 * value + side


def _bridge_violations(persons: dict[tuple[int, int], set[int]]) -> list[Violation]:
    """Cells had exactly (bridges of the graph), and what a known total less them leaves."""
    bridges = _bridges(list(persons))
    violations: list[Violation] = []
    columns_of: dict[int, list[int]] = defaultdict(list)
    for row, column in persons:
        if column != FREE:
            columns_of[row].append(column)
    degree: dict[int, int] = defaultdict(int)
    for row, column in persons:
        degree[_node(row, 1)] += 1
        degree[_node(column, 2)] += 1
    for (row, column), who in persons.items():
        # a row's or a column's only cell is its total, known anyway
        whole = degree[_node(row, 1)] == 1 and row != FREE
        whole = whole or (degree[_node(column, 2)] == 1 and column != FREE)
        if (row, column) in bridges and 0 < len(who) < MIN_CELL and not whole:
            # merge its column, or another of the row's (which puts the cell on a cycle)
            merge = sorted({column, *columns_of.get(row, ())} - {FREE})
            if merge:
                violations.append((merge, {_node(row, 1), *(_node(c, 2) for c in merge)} - {0}))
    for side in (0, 1):
        rest: dict[int, set[int]] = defaultdict(set)
        with_bridge: set[int] = set()
        for edge, who in persons.items():
            if edge[side] == FREE:
                continue
            if edge in bridges:
                with_bridge.add(edge[side])
            else:
                rest[edge[side]] |= who
        for end in with_bridge:
            if 0 < len(rest.get(end, ())) < MIN_CELL:
                merge = [e[1] for e in persons if e[side] == end and e[1] != FREE]
                if merge:
                    nodes = {_node(end, side + 1), *(_node(c, 2) for c in merge)} - {0}
                    violations.append((merge, nodes))
    return violations


SEARCH_DEPTH = 3  # columns (or rows) taken in beyond the heavy ones, per seed
SEARCH_STATES = 16  # states kept per seed and depth


def _closures(persons: dict[tuple[int, int], set[int]]) -> list[Violation]:
    """The totals of some rows X less the totals of the columns Y lying wholly inside
    them leave 1 to MIN_CELL - 1 persons (and likewise with rows and columns swapped:
    the columns' totals less the rows wholly inside them).

    Such a remainder holds only light cells (under MIN_CELL persons each), so every
    heavy cell of X must lead into Y: from each seed with a light cell the search takes
    those in at once, then tries taking in up to SEARCH_DEPTH more light ones."""
    violations: list[Violation] = []
    for side in (0, 1):
        edges = persons if side == 0 else {(c, r): who for (r, c), who in persons.items()}
        near: dict[int, set[int]] = defaultdict(set)  # X's side → the other side
        far: dict[int, set[int]] = defaultdict(set)
        heavy: dict[int, list[int]] = defaultdict(list)
        light: set[int] = set()
        for (x, y), who in edges.items():
            near[x].add(y)
            far[y].add(x)
            if len(who) >= MIN_CELL:
                heavy[x].append(y)
            elif x != FREE:
                light.add(x)
        # A union of closed sets is closed: each vertex's closure is found once and a
        # set's closure is the union of its members'.
        single: dict[int, frozenset[int] | None] = {}
        for seed in light:
            frontier = [frozenset({seed})]
            seen: set[frozenset[int]] = set()
            for depth in range(SEARCH_DEPTH + 1):
                grown: list[frozenset[int]] = []
                for start in frontier:
                    xs = _closed(start, single, heavy, far)
                    if xs is None or xs in seen:
                        continue
                    seen.add(xs)
                    outside = {y for x in xs for y in near[x]}
                    ys = {y for y in outside if _inside(y, xs, far, near, side)}
                    if ys:
                        left = [(x, y) for x in xs for y in near[x] if y not in ys]
                        if sum(len(edges[e]) for e in left) < MIN_CELL:
                            who = set().union(*(edges[e] for e in left)) if left else set()
                            if who:
                                merge = sorted(ys) if side == 0 else sorted(xs)
                                nodes = {_node(x, side + 1) for x in xs}
                                nodes |= {_node(y, 2 - side) for y in ys}
                                violations.append((merge, nodes - {0}))
                    if depth < SEARCH_DEPTH:
                        grown += [xs | (far[y] - {FREE}) for y in outside - ys - {FREE}]
                frontier = grown[:SEARCH_STATES]
    return violations


def _closed(
    members: frozenset[int],
    single: dict[int, frozenset[int] | None],
    heavy: dict[int, list[int]],
    far: dict[int, set[int]],
) -> frozenset[int] | None:
    grown: set[int] = set()
    for x in members:
        if x not in single:
            single[x] = _heavy_closure(frozenset({x}), heavy, far)
        found = single[x]
        if found is None:
            return None
        grown |= found
    return frozenset(grown)


def _inside(
    y: int, xs: frozenset[int], far: dict[int, set[int]], near: dict[int, set[int]], side: int
) -> bool:
    """Does y lie wholly inside X (all its cells towards X's side in X)? A row with cells
    nobody knows (the free column) cannot be subtracted whole."""
    if y == FREE or not far[y] <= xs:
        return False
    return side == 0 or FREE not in near.get(y, set())


def _heavy_closure(
    xs: frozenset[int], heavy: dict[int, list[int]], far: dict[int, set[int]]
) -> frozenset[int] | None:
    """X grown until none of its heavy cells leads outside what lies wholly inside it;
    None when a heavy cell leads to the free node or to a row with free cells (then the
    remainder is large)."""
    grown = set(xs)
    todo = list(xs)
    while todo:
        x = todo.pop()
        for y in heavy.get(x, ()):
            if y == FREE or FREE in far[y]:
                return None
            for z in far[y] - grown:
                grown.add(z)
                todo.append(z)
    return frozenset(grown)


def _components(edges: list[tuple[int, int]]) -> dict[int, int]:
    """Each node's connected part (nodes as in `_bridges`)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row, column in edges:
        a = 0 if row == FREE else 2 * row + 1
        b = 0 if column == FREE else 2 * column + 2
        parent[find(a)] = find(b)
    return {x: find(x) for x in list(parent)}


def _bridges(edges: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The edges on no cycle (rows and columns are apart: a row r is node 2r+1, a column
    c node 2c+2, the free node is 0), by an iterative depth-first search."""

    def node(value: int, side: int) -> int:
        return 0 if value == FREE else 2 * value + side

    adjacency: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for index, (row, column) in enumerate(edges):
        a, b = node(row, 1), node(column, 2)
        adjacency[a].append((b, index))
        adjacency[b].append((a, index))
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    found: set[tuple[int, int]] = set()
    for start in adjacency:
        if start in order:
            continue
        order[start] = low[start] = len(order)
        stack = [(start, -1, iter(adjacency[start]))]
        while stack:
            vertex, via, neighbours = stack[-1]
            advanced = False
            for nxt, index in neighbours:
                if index == via:
                    continue
                if nxt in order:
                    low[vertex] = min(low[vertex], order[nxt])
                else:
                    order[nxt] = low[nxt] = len(order)
                    stack.append((nxt, index, iter(adjacency[nxt])))
                    advanced = True
                    break
            if not advanced:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[vertex])
                    if low[vertex] > order[parent]:
                        found.add(edges[via])
    return found
