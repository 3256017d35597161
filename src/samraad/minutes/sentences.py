"""Splitting running Danish text into sentences, past the usual abbreviations."""

from __future__ import annotations

import re

from samraad.minutes.names import UPPER

# A full stop, question or exclamation mark, maybe a closing quote or bracket, space,
# and a capital letter (or an opening quote) begins the next sentence.
BOUNDARY = re.compile(rf"(?<=[.!?])[\"”’)]?\s+(?=[{UPPER}\"”«])")
ABBREVIATIONS = frozenset(
    """bl.a. m.v. mv. f.eks. fx. evt. ca. jf. jvf. pga. ift. ifm. mhp. vedr. pkt. nr. kr.
    mio. mia. d. dvs. inkl. ekskl. osv. hhv. stk. ang. bla. mm. m.m. tlf. att. kl. hr. fr.
    s. p.t. pt. o.l. ø.l. etc. ref. red. kap. pba. ss. særl. if. gl. ml.""".split()  # noqa: SIM905
)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, whitespace collapsed."""
    pieces = BOUNDARY.split(" ".join(text.split()))
    out: list[str] = []
    for piece in pieces:
        if out and _ends_in_abbreviation(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _ends_in_abbreviation(sentence: str) -> bool:
    last = sentence.rsplit(maxsplit=1)[-1].lower().lstrip('("”')
    # "bl.a." and other dotted forms, and single letters ("d.", "A.") are abbreviations.
    return last in ABBREVIATIONS or re.fullmatch(r"\w\.", last) is not None
