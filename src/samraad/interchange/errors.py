"""An error in the input, as the user sees it: `FILE:LINE: COLUMN: message`."""

from __future__ import annotations

from dataclasses import dataclass

# Problems with a whole file (an unknown file name, a file that cannot be read) have
# no line of their own: they are reported on line 0, in the column "(file)".
WHOLE_FILE = 0
NO_COLUMN = "(file)"


@dataclass(frozen=True)
class InputError:
    """One thing wrong with the input. (Not named ImportError: that is Python's own.)"""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


def file_error(file: str, message: str) -> InputError:
    return InputError(file, WHOLE_FILE, NO_COLUMN, message)
