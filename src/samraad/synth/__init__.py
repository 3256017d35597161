"""A synthetic municipality: the interchange files of spec/data-format.md, from a seed.

    frames = generate_frames(employees=45_000, years=5, seed=42, today=date(2026, 6, 30))
    write_folder(frames, Path("demo-data"))

docs/synthetic-data.md describes the shape and the calibration. No Django here.
"""

from samraad.synth.frames import write_folder
from samraad.synth.world import generate_frames

__all__ = ["generate_frames", "write_folder"]
