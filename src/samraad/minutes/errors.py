"""A document that cannot be imported, as the user sees it: `FILE: message`."""

from __future__ import annotations


class MinutesError(Exception):
    """The file cannot be read, or holds no numbered item (spec/meetings.md: exit 1)."""

    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message
