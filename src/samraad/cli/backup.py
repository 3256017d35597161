"""`samraad backup FILE`: a consistent copy of the SQLite database while it is in use
(SQLite's online backup), ready to be restored by copying it back (docs/operations.md).
PostgreSQL is backed up with pg_dump, as docs/operations.md shows."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("backup", help="copy the SQLite database while it is in use")
    parser.add_argument("file", type=Path, help="the backup file to write (must not exist)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from django.db import connection

    from samraad.retention.backup import BackupError, backup_sqlite

    try:
        counts = backup_sqlite(connection, args.file)
    except BackupError as exc:
        print(f"samraad: error: {exc}", file=sys.stderr)
        return 1
    print(f"backup written to {args.file}: {counts} audit entries; audit log triggers present")
    return 0
