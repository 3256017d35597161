"""The `samraad` command (spec/cli.md): a stable, scriptable contract.

Each subcommand lives in its own module with `add_parser(subparsers)`; the module's
parser sets `func` to a `run(args) -> int`. Usage errors exit 2 with one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from samraad.cli import (
    alerts,
    backup,
    conversations,
    demo,
    forecast,
    importing,
    longest,
    meetings,
    purge,
    report,
    run_daily,
    serve,
    stats,
    table,
    targets,
)

COMMANDS = [
    importing,
    stats,
    table,
    forecast,
    targets,
    longest,
    report,
    demo,
    alerts,
    run_daily,
    conversations,
    serve,
    meetings,
    purge,
    backup,
]


class UsageError(Exception):
    """Bad arguments: reported on one line, exit 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> Parser:
    parser = Parser(prog="samraad", description="Samråd: sickness absence and MED committees.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def setup_django() -> None:
    """Configure Django and bring the database schema up to date (first use creates it)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samraad.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", verbosity=0, interactive=False)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        # A command that reads files only (meetings import --dry-run) needs no database.
        if getattr(args, "needs_django", True):
            setup_django()
        code: int = args.func(args)
    except UsageError as exc:
        print(f"samraad: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code
