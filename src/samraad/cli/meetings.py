"""`samraad meetings import`: read an agenda or minutes document into a meeting.

spec/meetings.md. Reading is pure (`samraad.minutes`) and needs no database, so
`--dry-run` runs without Django. Storing is one call, `store()`.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from samraad.cli.options import iso_date
from samraad.minutes import Meeting, MinutesError, read_meeting

COMMITTEE_CODE = re.compile(r"[\w-]{1,40}")


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "meetings", help="committee meetings: import agendas and minutes, rebuild the search index"
    )
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    read = actions.add_parser(
        "import", help="read one agenda or minutes document (plain text, .pdf or .docx)"
    )
    read.add_argument("file", metavar="FILE", type=Path)
    read.add_argument("--committee", required=True, metavar="CODE", type=committee_code)
    read.add_argument("--date", type=iso_date, help="the meeting's date, if the document has none")
    read.add_argument("--json", action="store_true", help="print the meeting as one JSON object")
    read.add_argument("--dry-run", action="store_true", help="parse and print; store nothing")
    # Reading needs no database: Django is set up by store(), only when storing.
    read.set_defaults(func=run_import, needs_django=False)
    reindex = actions.add_parser(
        "reindex", help="rebuild the search index of agendas, minutes, attachments and notes"
    )
    reindex.add_argument("--committee", metavar="CODE", type=committee_code)
    reindex.set_defaults(func=run_reindex)


def committee_code(text: str) -> str:
    if not COMMITTEE_CODE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"not a committee code: {text!r}")
    return text


def run_import(args: argparse.Namespace) -> int:
    from samraad.cli import UsageError

    try:
        meeting = read_meeting(args.file, args.committee)
    except MinutesError as exc:
        print(exc, file=sys.stderr)
        return 1
    meeting = _dated(meeting, args.date, args.file)
    if not args.dry_run:
        if meeting.date is None:
            raise UsageError(f"{args.file}: the document gives no date: pass --date YYYY-MM-DD")
        store(meeting, args.committee, meeting.date, args.file.name)
    print(meeting.to_json() if args.json else summary(meeting))
    return 0


def run_reindex(args: argparse.Namespace) -> int:
    """Every text of the committees' work read again into the search index
    (meetings/search.py); one committee's with --committee."""
    from samraad.cli import UsageError
    from samraad.committees.models import Committee
    from samraad.meetings.search import reindex

    if args.committee and not Committee.objects.filter(code=args.committee).exists():
        raise UsageError(f"no committee with the code {args.committee!r}")
    count = reindex(args.committee)
    which = f" ({args.committee})" if args.committee else ""
    print(f"Search index: {count} texts indexed{which}.")
    return 0


def store(meeting: Meeting, committee_code: str, date: dt.date, source: str = "") -> None:
    """Save the meeting under its committee (which must exist) on its date; a committee
    that does not exist, or a meeting it already has that day, is a usage error and
    nothing is stored (meetings/store.py)."""
    from samraad.cli import UsageError, setup_django

    setup_django()
    from samraad.meetings.store import StoreError, store_meeting

    try:
        store_meeting(meeting, committee_code, date, source)
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def _dated(meeting: Meeting, date: dt.date | None, file: Path) -> Meeting:
    """The meeting with --date as its date: it fills a missing date, never changes one."""
    from samraad.cli import UsageError

    if date is None or meeting.date == date:
        return meeting
    if meeting.date is not None:
        raise UsageError(f"{file}: the document is dated {meeting.date}, not {date} (--date)")
    return dataclasses.replace(meeting, date=date)


def summary(meeting: Meeting) -> str:
    date = meeting.date.isoformat() if meeting.date else "no date"
    lines = [f"{meeting.committee} meeting, {date}: {', '.join(meeting.parts)}"]
    if meeting.previous_meeting:
        lines.append(f"previous meeting: {meeting.previous_meeting.isoformat()}")
    if meeting.opening_statements:
        opening = dict.fromkeys(s.speaker for s in meeting.opening_statements)
        lines.append(f"opening: {', '.join(opening)}")
    for item in meeting.items:
        purpose = f" ({item.purpose})" if item.purpose else ""
        lines.append(f"{item.number:>3}) {item.title}{purpose}")
        if item.statements:
            speakers = dict.fromkeys(s.speaker for s in item.statements)
            lines.append(f"       statements: {len(item.statements)} by {', '.join(speakers)}")
        if item.decision:
            lines.append(f"       decision: {item.decision}")
    lines.append(f"speakers: {', '.join(meeting.speakers) or '-'}")
    return "\n".join(lines)
