from __future__ import annotations

from pathlib import Path

from samraad.synth import write_folder

from .conftest import Frames, small_world


def test_same_arguments_give_identical_frames(world: Frames) -> None:
    again = small_world()
    assert list(again) == list(world)
    for stem, frame in world.items():
        assert again[stem].equals(frame), stem


def test_same_arguments_give_byte_identical_files(world: Frames, tmp_path: Path) -> None:
    write_folder(world, tmp_path / "a")
    write_folder(small_world(), tmp_path / "b")
    for stem in world:
        a = (tmp_path / "a" / f"{stem}.csv").read_bytes()
        assert a == (tmp_path / "b" / f"{stem}.csv").read_bytes(), stem


def test_another_seed_gives_another_world(world: Frames) -> None:
    other = small_world(seed=12)
    for stem in ("employees", "employments", "absences"):
        assert not other[stem].equals(world[stem]), stem
