"""`samraad conversations add`: record a conversation held, closing the alerts it answers."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from samraad.cli.options import iso_date
from samraad.vocabulary import CONVERSATION_KIND

NOTE_WARNING = (
    "Note: never write health details or a diagnosis in a note; "
    "write what was agreed and the next step."
)


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("conversations", help="record conversations held with employees")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    add = actions.add_parser("add", help="record one conversation")
    add.add_argument("--employee", required=True, help="employee_id")
    add.add_argument("--held-on", required=True, type=iso_date)
    add.add_argument("--kind", required=True, choices=CONVERSATION_KIND.codes)
    add.add_argument("--note", help="what was agreed; never health details or a diagnosis")
    add.add_argument("--companion", action="store_true", help="a companion (bisidder) took part")
    add.add_argument("--follow-up-on", type=iso_date, help="the agreed follow-up date")
    add.set_defaults(func=run_add)


def run_add(args: argparse.Namespace) -> int:
    from samraad.cli import UsageError
    from samraad.followup.recording import record_conversation
    from samraad.people.models import Employee

    if not Employee.objects.filter(employee_id=args.employee).exists():
        raise UsageError(f"unknown employee: {args.employee}")
    if args.note is not None:
        print(NOTE_WARNING, file=sys.stderr)
    conversation, closed = record_conversation(
        args.employee,
        args.held_on,
        args.kind,
        note=args.note or "",
        companion=args.companion,
        follow_up_on=args.follow_up_on,
    )
    held = f"{args.kind} with {args.employee} on {args.held_on}"
    print(f"recorded {conversation.conversation_id}: {held}")
    for alert in closed:
        print(f"closed alert {alert.pk}: {alert.rule_id} raised on {alert.raised_on}")
    return 0
