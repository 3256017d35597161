"""Plain text files: UTF-8 (with or without BOM), else Windows-1252 (spec/meetings.md)."""

from __future__ import annotations

import codecs

from samraad.minutes.errors import MinutesError

# Control characters that never occur in a text document; a few of them mean binary.
TEXT_CONTROLS = frozenset("\t\n\r\f\v")
BINARY_SHARE = 0.01


def decode_text(data: bytes, file: str) -> str:
    """The text of a plain text file, newlines normalised to "\\n"."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", file)
    elif b"\x00" in data:
        raise MinutesError(file, "is a binary file, not text (it holds NUL bytes)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Not valid UTF-8: text saved by older Windows programs is Windows-1252.
            text = _decode(data, "cp1252", file)
    controls = sum(1 for char in text if char < " " and char not in TEXT_CONTROLS)
    if controls > BINARY_SHARE * len(text):
        raise MinutesError(file, "is a binary file, not text (it holds control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise MinutesError(
            file, f"is neither UTF-8 nor Windows-1252 text (byte {exc.start + 1} is invalid)"
        ) from None
