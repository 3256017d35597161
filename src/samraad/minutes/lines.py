"""From extracted text to clean lines: characters normalised, double spacing undone.

Text copied out of a PDF often comes double spaced (seeds 000–002): an empty line after
every line, and a line of spaces between paragraphs. There an empty line is not a
paragraph break, so each run of k blank lines stands for k - 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Ligatures and invisible characters that PDF and Word text layers carry.
CHARACTERS = str.maketrans(
    {
        "\u00a0": " ",
        "\t": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": None,
        "\ufeff": None,
        "\u2010": "-",
        "\u2011": "-",
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
    }
)
SPACES = re.compile(r" {2,}")
# A line that stops mid-sentence: a wrapped line of running text.
MID_SENTENCE = re.compile(r"[a-zæøåäöüé,\-\u00ad]$")
# Double spacing: most gaps between lines are one blank line, most of those lines stop
# mid-sentence (a document with one paragraph per line stops at full stops), and some
# gaps are longer (the paragraph breaks).
DOUBLED_GAP_SHARE = 0.5
DOUBLED_MID_SENTENCE_SHARE = 0.5


def clean(line: str) -> str:
    """The line with odd characters replaced and spaces collapsed; blank is ""."""
    line = line.translate(CHARACTERS)
    # A soft hyphen inside a line is invisible; at the end it marks a word break.
    soft_break = line.rstrip().endswith("\u00ad")
    line = SPACES.sub(" ", line.replace("\u00ad", "")).strip()
    return line + "\u00ad" if soft_break and line else line


def is_double_spaced(lines: Sequence[str]) -> bool:
    gaps: list[tuple[str, int]] = []
    previous: str | None = None
    run = 0
    for line in lines:
        if not line:
            run += 1
            continue
        if previous is not None:
            gaps.append((previous, run))
        previous, run = line, 0
    single = [line for line, gap in gaps if gap == 1]
    if not gaps or len(single) < DOUBLED_GAP_SHARE * len(gaps):
        return False
    # Paragraphs are still told apart, by two blank lines or more.
    if not any(gap >= 2 for _, gap in gaps):
        return False
    mid_sentence = sum(1 for line in single if MID_SENTENCE.search(line))
    return mid_sentence >= DOUBLED_MID_SENTENCE_SHARE * len(single)


def undouble(lines: Sequence[str]) -> list[str]:
    """Each run of k blank lines becomes k - 1 blank lines."""
    out: list[str] = []
    run = 0
    for line in [*lines, None]:
        if line == "":
            run += 1
            continue
        out.extend([""] * max(0, run - 1))
        run = 0
        if line is not None:
            out.append(line)
    return out
