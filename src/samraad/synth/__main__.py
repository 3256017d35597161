"""python -m samraad.synth [DIR] — generate the synthetic municipality, time it, write it.

A developer's tool for measuring (docs/synthetic-data.md); the product's command is
`samraad demo`. Without DIR the frames are only built, not written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time
from pathlib import Path

from samraad.synth.frames import write_folder
from samraad.synth.world import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samraad.synth")
    parser.add_argument("directory", nargs="?", type=Path)
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args(argv)
    started = time.perf_counter()
    frames, fits = generate(
        employees=args.employees, years=args.years, seed=args.seed, today=args.today
    )
    built = time.perf_counter()
    print(
        f"frames in {built - started:.1f} s: "
        + ", ".join(f"{stem} {frame.height:,}" for stem, frame in frames.items())
    )
    for fit in fits:
        print(
            f"  {fit.year}: own sickness drawn {fit.drawn / fit.target:.3f} of target, "
            f"kept {fit.kept / fit.target:.4f}"
        )
    if args.directory is not None:
        write_folder(frames, args.directory)
        print(f"written to {args.directory} in {time.perf_counter() - built:.1f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
