"""write_folder writes the interchange files as spec/data-format.md reads them."""

from __future__ import annotations

import csv
from pathlib import Path

from samraad.synth import write_folder

from .conftest import Frames


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_files_have_the_frames_columns_and_rows(world: Frames, tmp_path: Path) -> None:
    write_folder(world, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "absences.csv",
        "employees.csv",
        "employments.csv",
        "managers.csv",
        "targets.csv",
        "units.csv",
    ]
    for stem, frame in world.items():
        lines = (tmp_path / f"{stem}.csv").read_text(encoding="utf-8").splitlines()
        assert lines[0] == ",".join(frame.columns)
        assert len(lines) == frame.height + 1


def test_cells_are_iso_dates_plain_hours_and_default_degrees(world: Frames, tmp_path: Path) -> None:
    write_folder(world, tmp_path)
    employments = _read(tmp_path / "employments.csv")
    hours = {row["weekly_hours"] for row in employments}
    assert "37" in hours and "18.5" in hours
    assert all(h.count(".") == 0 or len(h.split(".")[1]) <= 2 for h in hours)
    assert all(len(row["start_date"]) == 10 and row["start_date"][4] == "-" for row in employments)
    assert any(row["end_date"] == "" for row in employments)
    absences = _read(tmp_path / "absences.csv")
    degrees = {row["degree"] for row in absences}
    assert "" in degrees and "0.5" in degrees and "1" not in degrees
    units = _read(tmp_path / "units.csv")
    assert [row["parent_id"] for row in units if row["unit_id"] == "KK"] == [""]
