"""samraad import DIR: read an interchange folder into the database (spec/cli.md).

`--format sd|opus|os2mo SOURCE` reads payroll's own exports instead (docs/sources/);
`--emit DIR` writes the interchange files such an import would read, and imports nothing.
`--snapshot [--from DATE] [--to DATE] [--units ID,…]` makes the files the whole truth for
that scope: stored rows of it that they no longer hold are removed (interchange/snapshot.py).
`--dry-run` validates and prints the counts, and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from samraad.cli.options import iso_date

# interchange.sources.FORMATS (repeated: that package loads Polars, too slow for --help).
FORMATS = ("interchange", "sd", "opus", "os2mo")


def table_names(text: str) -> set[str]:
    from samraad.interchange.schema import TABLES_BY_NAME

    names = {n.strip() for n in text.split(",") if n.strip()}
    unknown = sorted(names - set(TABLES_BY_NAME))
    if unknown or not names:
        known = ", ".join(TABLES_BY_NAME)
        raise argparse.ArgumentTypeError(f"unknown table {', '.join(unknown)}; known: {known}")
    return names


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "import", help="import the interchange files in a folder (spec/data-format.md)"
    )
    parser.add_argument(
        "source",
        metavar="SOURCE",
        nargs="*",
        help="DIR holding units.csv, … (or SD's extracts); Opus dump files; OS2mo's GraphQL URL",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="interchange",
        help="what SOURCE is: interchange files (default), SD Løn, KMD Opus, OS2mo (docs/sources/)",
    )
    parser.add_argument(
        "--emit", metavar="DIR", type=Path, help="write the interchange files; import nothing"
    )
    parser.add_argument(
        "--only",
        metavar="TABLE,…",
        type=table_names,
        help="import only these tables of the source, e.g. absences",
    )
    parser.add_argument(
        "--snapshot",
        action="store_true",
        help="the files are the whole truth for the scope: stored rows of it they lack are removed",
    )
    parser.add_argument(
        "--from", dest="start", metavar="DATE", type=iso_date, help="snapshot: first day of scope"
    )
    parser.add_argument(
        "--to", dest="end", metavar="DATE", type=iso_date, help="snapshot: last day of scope"
    )
    parser.add_argument(
        "--units",
        metavar="ID,…",
        help="snapshot: only these units and everything below them (e.g. an administration)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="validate and print the counts; write nothing"
    )
    parser.set_defaults(func=run)


def snapshot_scope(args: argparse.Namespace) -> Any:
    """The snapshot's scope (interchange.snapshot.Scope), or None without --snapshot."""
    from samraad.cli import UsageError
    from samraad.interchange.snapshot import Scope

    scoped = [
        f for f, v in (("--from", args.start), ("--to", args.end), ("--units", args.units)) if v
    ]
    if not args.snapshot:
        if scoped:
            raise UsageError(f"{scoped[0]} needs --snapshot")
        return None
    if args.format != "interchange":
        raise UsageError(
            "--snapshot reads interchange files only; payroll sources replace their own"
        )
    if args.emit:
        raise UsageError("--snapshot and --emit do not go together")
    units = None
    if args.units is not None:
        units = frozenset(u.strip() for u in args.units.split(",") if u.strip())
        if not units:
            raise UsageError("--units names no unit")
    try:
        return Scope(args.start, args.end, units)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    # Django is set up by the time a command runs, so these imports come here.
    from samraad.cli import UsageError
    from samraad.interchange.reading import NotAFolder, read_folder
    from samraad.interchange.snapshot import UnknownUnit
    from samraad.interchange.sources import Unavailable, Unusable, convert, emit
    from samraad.interchange.sources.converted import Converted
    from samraad.interchange.store import ImportRejected, import_read

    scope = snapshot_scope(args)
    try:
        if args.format == "interchange":
            if len(args.source) != 1:
                raise UsageError("expected one DIR")
            converted = Converted(read_folder(Path(args.source[0])))
        else:
            converted = convert(args.format, args.source, _settings())
        if args.only:
            converted.only(args.only)
        if args.emit:
            return _emit(converted, args.emit, emit.emit)
        summary = import_read(converted.folder, scope, dry_run=args.dry_run)
    except (NotAFolder, Unusable, UnknownUnit) as exc:
        raise UsageError(str(exc)) from None
    except Unavailable as exc:
        print(f"samraad: error: {exc}", file=sys.stderr)
        return 1
    except ImportRejected as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return 1
    where = " ".join(args.source) or args.format
    nothing = f"no interchange files in {where}; nothing imported"
    print(summary if summary.files else nothing)
    for notice in converted.notices:
        print(notice)
    return 0


def _emit(converted: Any, directory: Path, write: Any) -> int:
    for line in write(converted.folder, directory):
        print(line)
    for notice in converted.notices:
        print(notice)
    for error in converted.folder.errors:
        print(error, file=sys.stderr)
    return 1 if converted.folder.errors else 0


def _settings() -> Any:
    from django.conf import settings

    from samraad.interchange.sources import OS2moSettings, SourceSettings

    return SourceSettings(
        cpr_key=settings.SAMRAAD_CPR_KEY,
        loenart_table=Path(settings.SAMRAAD_LOENART_TABLE)
        if settings.SAMRAAD_LOENART_TABLE
        else None,
        os2mo=OS2moSettings(
            url=settings.SAMRAAD_OS2MO_URL,
            token_url=settings.SAMRAAD_OS2MO_TOKEN_URL,
            client_id=settings.SAMRAAD_OS2MO_CLIENT_ID,
            client_secret=settings.SAMRAAD_OS2MO_CLIENT_SECRET,
            employee_key=settings.SAMRAAD_OS2MO_EMPLOYEE_KEY,
        ),
    )
