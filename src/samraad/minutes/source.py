"""Reading a document file into lines, whatever its format (spec/meetings.md: FILE).

The format is told by the file's first bytes (a PDF starts with `%PDF`, a .docx is a
zip archive), then by its suffix; anything else is plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from samraad.minutes.errors import MinutesError

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
# The old binary Word format (an OLE compound file); python-docx reads only .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class Source:
    """A document's text: lines per page, an empty line where a paragraph ends."""

    file: str
    pages: tuple[tuple[str, ...], ...]

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1


def read_source(path: Path) -> Source:
    """The lines of FILE, or MinutesError saying why it cannot be read."""
    name = str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise MinutesError(name, "is a directory, not a file") from None
    except FileNotFoundError:
        raise MinutesError(name, "no such file") from None
    except OSError as exc:
        raise MinutesError(name, f"cannot be read ({exc.strerror})") from None
    if not data:
        raise MinutesError(name, "is empty")
    source = decode(data, name, path.suffix.lower())
    if not any(line.strip() for page in source.pages for line in page):
        raise MinutesError(name, _emptiness(data))
    return source


def decode(data: bytes, name: str, suffix: str) -> Source:
    # Imported here so that reading plain text needs neither PDF nor Word support.
    if data.startswith(PDF_MAGIC):
        from samraad.minutes.pdffile import read_pdf

        return Source(name, read_pdf(data, name))
    if data.startswith(ZIP_MAGIC) or suffix == ".docx":
        from samraad.minutes.wordfile import read_docx

        return Source(name, (read_docx(data, name),))
    if suffix == ".pdf":
        raise MinutesError(name, "is not a PDF file (it does not start with %PDF)")
    if data.startswith(OLE_MAGIC):
        raise MinutesError(name, "is an old Word .doc file: save it as .docx or PDF")
    from samraad.minutes.text import decode_text

    text = decode_text(data, name)
    return Source(name, tuple(tuple(page.split("\n")) for page in text.split("\f")))


def _emptiness(data: bytes) -> str:
    if data.startswith(PDF_MAGIC):
        return "has no text layer (a scanned PDF?): nothing to read"
    return "holds no text"
