"""samraad import DIR: read an interchange folder into the database (spec/cli.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "import", help="import the interchange files in a folder (spec/data-format.md)"
    )
    parser.add_argument("dir", metavar="DIR", type=Path, help="folder holding units.csv, …")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Django is set up by the time a command runs, so these imports come here.
    from samraad.cli import UsageError
    from samraad.interchange.reading import NotAFolder
    from samraad.interchange.store import ImportRejected, import_folder

    try:
        summary = import_folder(args.dir)
    except NotAFolder as exc:
        raise UsageError(str(exc)) from None
    except ImportRejected as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return 1
    print(summary if summary.files else f"no interchange files in {args.dir}; nothing imported")
    return 0
