"""The text layer of a PDF, page by page, with paragraph breaks from the vertical gaps.

pypdf, not pdfplumber: on a 23-page minutes PDF pypdf reads the text in about 0.6 s,
pdfplumber in about 5 s (benchmarks/bench_minutes.py; the limit is 2 s for 20 pages).
pypdf gives no blank lines, so the baseline of each line is taken from the text
operators as they are read, and a gap well above the page's usual line pitch is a
paragraph break.
"""

from __future__ import annotations

import io
import itertools
import logging
from collections import Counter
from collections.abc import Sequence

import pypdf
from pypdf.errors import PdfReadError

from samraad.minutes.errors import MinutesError

# A gap counts as a paragraph break when it is this much larger than the usual pitch:
# typical paragraph spacing adds at least a third of a line (Word's 8 pt after 11 pt text,
# Typst's 1.2 em against 0.65 em leading).
PARAGRAPH_GAP = 1.25
SOFT_HYPHEN = "\u00ad"


def read_pdf(data: bytes, file: str) -> tuple[tuple[str, ...], ...]:
    """Lines per page; an empty line where the vertical gap says a paragraph ended."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise MinutesError(file, "is an encrypted PDF: remove the password first")
        return tuple(_page_lines(page) for page in reader.pages)
    except MinutesError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise MinutesError(file, f"is a damaged PDF that cannot be read ({exc})") from None


def _page_lines(page: pypdf.PageObject) -> tuple[str, ...]:
    baselines: list[float | None] = [None]

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], *_: object) -> None:
        # The baseline in user space: the text matrix's origin, through the current matrix.
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        for _newline in range(text.count("\n")):
            baselines.append(y)
        if text.strip() and baselines[-1] is None:
            baselines[-1] = y

    # What a PDF shows is a hyphen, whatever the character behind the glyph: Typst, for
    # one, maps its hyphen glyph to the soft hyphen, real hyphens ("CSO-mødet") included.
    text = page.extract_text(visitor_text=visit).replace(SOFT_HYPHEN, "-")
    lines = text.split("\n")
    if len(baselines) != len(lines):
        return tuple(lines)
    return tuple(_with_breaks(lines, baselines))


def _with_breaks(lines: list[str], baselines: list[float | None]) -> list[str]:
    gaps = [_gap(above, below) for above, below in itertools.pairwise(baselines)]
    pitch = _usual(gaps)
    out = [lines[0]]
    for line, gap in zip(lines[1:], gaps, strict=True):
        if pitch is not None and gap is not None and gap > PARAGRAPH_GAP * pitch:
            out.append("")
        out.append(line)
    return out


def _gap(above: float | None, below: float | None) -> float | None:
    if above is None or below is None or above <= below:
        return None
    return above - below


def _usual(gaps: list[float | None]) -> float | None:
    """The most common line pitch on the page (to a tenth of a point)."""
    counts = Counter(round(gap, 1) for gap in gaps if gap is not None)
    return counts.most_common(1)[0][0] if counts else None
