"""The search's language part, pure: Danish words and their stems, the query a user
writes, the FTS5 query it makes on SQLite, and the highlighted snippets.

PostgreSQL does the same with its built-in `danish` configuration (the Snowball Danish
stemmer and the same stop words); on SQLite the index holds the terms stemmed here by
the `snowballstemmer` package, so "sygefraværet" and "sygefravær" are one term on both.

The query syntax is PostgreSQL's `websearch_to_tsquery`: words are all required,
"a phrase" in quotes, `or` between two alternatives, `-word` leaves out what has it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# PostgreSQL's tsearch_data/danish.stop (Snowball's Danish stop words).
_STOP = """og i jeg det at en den til er som på de med han af for ikke der var mig sig men et
    har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad
    skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned
    skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor
    mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan"""
STOP_WORDS = frozenset(_STOP.split())
WORD = re.compile(r"[^\W_]+")
# Marks around a hit in a snippet before it is made HTML; never in indexed text.
START, STOP = "\x02", "\x03"
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_stemmer = snowballstemmer.stemmer("danish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A word's stem: lower case, then the Snowball Danish stemmer."""
    return str(_stemmer.stemWord(word.lower()))


def clean(text: str) -> str:
    """Text as indexed: control characters (and so the snippet marks) removed."""
    return CONTROLS.sub(" ", text)


def terms(text: str) -> list[str]:
    """The stems of a text's words, stop words left out, in order."""
    return [stem(w) for w in WORD.findall(text) if w.lower() not in STOP_WORDS]


def index_text(text: str) -> str:
    """What the SQLite index holds for a text: its stems separated by spaces."""
    return " ".join(terms(text))


@dataclass(frozen=True)
class Phrase:
    """One term of a query: a word (one stem) or words that must follow each other."""

    stems: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    """Every clause is required; a clause is met by any of its phrases. A document
    with any excluded phrase is left out."""

    clauses: tuple[tuple[Phrase, ...], ...]
    excluded: tuple[Phrase, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.clauses

    def stems(self) -> frozenset[str]:
        """The stems a snippet marks: those of the required phrases."""
        return frozenset(s for clause in self.clauses for p in clause for s in p.stems)


TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(text: str) -> Query:
    """The user's words as a query, as `websearch_to_tsquery` reads them; a word that is
    a stop word (og, i, at …) or no word at all asks nothing."""
    clauses: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    pending_or = False
    for match in TOKEN.finditer(text):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.lower() == "or":
                pending_or = bool(clauses)
                continue
            negated = "-" if bare.startswith("-") else ""
            quoted = bare.lstrip("-")
        phrase = Phrase(tuple(terms(quoted or "")))
        if not phrase.stems:
            continue
        if negated:
            excluded.append(phrase)
        elif pending_or and clauses:
            clauses[-1].append(phrase)
        else:
            clauses.append([phrase])
        pending_or = False
    return Query(tuple(tuple(c) for c in clauses), tuple(excluded))


def _fts_phrase(phrase: Phrase) -> str:
    return '"' + " ".join(s.replace('"', '""') for s in phrase.stems) + '"'


def fts5_query(query: Query) -> str:
    """The FTS5 MATCH expression of a query ("" for an empty query)."""
    if query.empty:
        return ""
    parts = []
    for clause in query.clauses:
        alternatives = " OR ".join(_fts_phrase(p) for p in clause)
        parts.append(f"({alternatives})" if len(clause) > 1 else alternatives)
    expression = " AND ".join(parts)
    for phrase in query.excluded:
        expression = f"({expression}) NOT {_fts_phrase(phrase)}"
    return expression


def fts5_committees(codes: list[str]) -> str:
    """An FTS5 condition on the indexed committee codes: a superset of those rows (the
    tokens of "HMED-3" are also in "HMED-3-X"), narrowed exactly afterwards."""
    phrases = " OR ".join(
        '"' + " ".join(w.lower() for w in WORD.findall(code)) + '"' for code in codes
    )
    return f"committee_id : ({phrases})"


def mark_all(text: str, stems: frozenset[str]) -> str:
    """The whole text with every word whose stem is asked for between the marks."""
    out, at = [], 0
    for match in WORD.finditer(text):
        if stem(match.group()) in stems:
            out += [text[at : match.start()], START, match.group(), STOP]
            at = match.end()
    out.append(text[at:])
    return "".join(out)


def snippet(text: str, stems: frozenset[str], words: int = 24, fragments: int = 2) -> str:
    """Up to `fragments` pieces of about `words` words round the words asked for, the
    hits between the marks, joined by " … "; the text's start when nothing is hit."""
    found = list(WORD.finditer(text))
    if not found:
        return ""
    hits = [n for n, m in enumerate(found) if stem(m.group()) in stems]
    if not hits:
        end = min(words, len(found)) - 1
        tail = " …" if end < len(found) - 1 else ""
        return text[: found[end].end()].strip() + tail
    windows: list[list[int]] = []  # [first word, last word, hits]
    before = words // 3
    for hit in hits:
        first = max(0, hit - before)
        last = min(len(found) - 1, first + words - 1)
        if windows and first <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], last)
            windows[-1][2] += 1
        else:
            windows.append([first, last, 1])
    chosen = sorted(sorted(windows, key=lambda w: (-w[2], w[0]))[:fragments])
    pieces = []
    for first, last, _ in chosen:
        start, end = found[first].start(), found[last].end()
        piece = mark_all(text[start:end], stems)
        pieces.append(" ".join(piece.split()))
    lead = "… " if chosen[0][0] > 0 else ""
    trail = " …" if chosen[-1][1] < len(found) - 1 else ""
    return lead + " … ".join(pieces) + trail


def to_html(marked: str) -> str:
    """Marked text as safe HTML: everything escaped, the hits in <mark>."""
    return html.escape(marked).replace(START, "<mark>").replace(STOP, "</mark>")
