"""Everyone gets a plausible Danish name, from a generator of its own."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from samraad.synth import generate_frames, names, world
from samraad.synth.names import MEN, SURNAMES, WOMEN, person_names

from .conftest import TODAY, Frames


def test_every_employee_has_a_first_name_and_a_surname(world: Frames) -> None:
    parts = world["employees"]["name"].str.split(" ")
    assert parts.list.len().is_between(2, 3).all()
    assert parts.list.first().is_in(list(WOMEN) + list(MEN)).all()
    assert parts.list.last().is_in(list(SURNAMES)).all()


def test_first_names_follow_the_gender(world: Frames) -> None:
    people = world["employees"].with_columns(first=pl.col("name").str.split(" ").list.first())
    women = people.filter(pl.col("gender") == "F")["first"]
    men = people.filter(pl.col("gender") == "M")["first"]
    assert women.is_in(list(WOMEN)).all() and men.is_in(list(MEN)).all()


def test_names_repeat_as_in_a_real_workplace(world: Frames) -> None:
    # Common names recur (there are many Jensens), yet many people are told apart.
    employees = world["employees"]
    assert employees["name"].n_unique() > 0.4 * employees.height
    jensens = employees["name"].str.ends_with(" Jensen").mean()
    assert 0.03 < float(jensens or 0) < 0.12


def test_names_depend_on_the_seed_only() -> None:
    female = np.array([True, False, True, False] * 50)
    known = np.array([True] * 199 + [False])
    assert person_names(female, known, 7).equals(person_names(female, known, 7))
    assert not person_names(female, known, 7).equals(person_names(female, known, 8))


def test_names_leave_every_other_draw_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    def generate() -> Frames:
        return generate_frames(employees=300, years=2, seed=3, today=TODAY)

    with_names = generate()
    monkeypatch.setattr(
        world, "person_names", lambda female, known, seed: pl.Series("name", ["N"] * len(female))
    )
    without = generate()
    assert names.STREAM  # the names' own stream is what keeps the others still
    for stem, frame in with_names.items():
        if stem == "employees":
            assert frame.drop("name").equals(without[stem].drop("name"))
        else:
            assert frame.equals(without[stem]), stem
