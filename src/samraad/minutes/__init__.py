"""Reading committee agendas and minutes into structured meetings (spec/meetings.md).

Pure: no Django. `read_meeting(path, committee)` reads a text, PDF or .docx file;
`parse_meeting(source, committee)` works on lines already read.
"""

from __future__ import annotations

from pathlib import Path

from samraad.minutes.errors import MinutesError
from samraad.minutes.model import Item, Meeting, Statement
from samraad.minutes.parse import parse_meeting
from samraad.minutes.source import Source, read_source

__all__ = [
    "Item",
    "Meeting",
    "MinutesError",
    "Source",
    "Statement",
    "parse_meeting",
    "read_meeting",
    "read_source",
]


def read_meeting(path: Path, committee: str = "") -> Meeting:
    """The meeting in FILE, or MinutesError (`FILE: message`) when it cannot be read."""
    return parse_meeting(read_source(path), committee)
