"""`samraad purge [--dry-run]`: delete what is past its retention period (retention/purge.py).

Today is the app's today (SAMRAAD_TODAY or the real date), never an argument, so a
mistyped date cannot delete years of data. `run-daily` runs the same purge.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("purge", help="delete data past its retention period")
    parser.add_argument(
        "--dry-run", action="store_true", help="count what would be deleted, delete nothing"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad import clock
    from samraad.retention.purge import purge

    print(purge(clock.today(), dry_run=args.dry_run).render())
    return 0
