"""Render a realistic agenda and a monthly report to PDF and Word; print median times.

    python benchmarks/bench_documents.py [--runs 7]

The agenda: a CSO meeting with 10 items (purpose, presenter, three paragraphs of 40 words,
a decision, 3 attachments listed each), about 4 pages. The report: a management report of about 10
pages with 6 tables of 30 units and 4 SVG charts (12 months, 3 series). Each run renders
a slightly different document (the meeting's title carries the run's number), so Typst's
caches cannot simply hand back the previous result. The first call in a process also
loads the fonts; it is printed apart. Limit (the document layer's brief): the agenda's
PDF in at most 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import statistics
import time
from collections.abc import Callable

from pypdf import PdfReader

from samraad.documents import (
    AgendaItem,
    Column,
    Document,
    Figure,
    Heading,
    PageBreak,
    Table,
    bold,
    paragraph,
    to_docx,
    to_pdf,
)

SENTENCE = (
    "CSO drøftede sygefraværet i forvaltningerne og de indsatser der er sat i gang for at "
    "nedbringe det herunder opfølgning i MED systematiske samtaler ledersparring og Tidlig "
    "Indsats med fokus på trivsel fastholdelse og et godt arbejdsmiljø for alle ansatte"
)
WORDS = SENTENCE.split(" ")
MONTHS = "jan feb mar apr maj jun jul aug sep okt nov dec"
PURPOSES = ("approval", "discussion", "orientation")
PEOPLE = ("Søren Hartmann Hede", "Kirsten Gunvor Løth", "Lene Munck", "Bo Vollertsen")


def prose(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def agenda(run: int) -> Document:
    rng = random.Random(42)
    items = tuple(
        AgendaItem(
            number,
            f"Punkt {number}: {prose(rng, 6)[:-1]}",
            PURPOSES[number % 3],  # type: ignore[arg-type]
            presenter=PEOPLE[number % 4],
            body=tuple(paragraph(prose(rng, 40)) for _ in range(3)),
            decision=f"CSO tog orienteringen til efterretning ({number}).",
            attachments=tuple(f"Bilag {number}.{k}: {prose(rng, 4)[:-1]}" for k in (1, 2, 3)),
        )
        for number in range(1, 11)
    )
    return Document(
        kind="Dagsorden",
        title=f"Møde i CSO nr. {run}",
        recipient="Til CSO",
        date=dt.date(2026, 3, 5),
        sender=("Økonomiforvaltningen", "Koncern HR, Koncernservice"),
        references=(("Sagsnummer", "2026-0012345"),),
        blocks=items,
    )


def line_chart(rng: random.Random, title: str) -> str:
    """12 months, 3 series, axes with labels: the kind of chart the report draws."""
    width, height, left, bottom = 640, 260, 48, 228
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">']
    parts.append(f'<text x="{left}" y="16" font-size="13">{title}</text>')
    for tick in range(0, 9, 2):
        y = bottom - tick * 22
        parts.append(f'<line x1="{left}" y1="{y}" x2="620" y2="{y}" stroke="#ddd"/>')
        parts.append(f'<text x="20" y="{y + 4}" font-size="11">{tick}</text>')
    for month, name in enumerate(MONTHS.split(" ")):
        parts.append(f'<text x="{left + 8 + 47 * month}" y="248" font-size="11">{name}</text>')
    for colour in ("#2f5d8a", "#c8553d", "#6a994e"):
        points = " ".join(
            f"{left + 12 + 47 * m},{bottom - rng.uniform(3, 7) * 22:.1f}" for m in range(12)
        )
        line = f'fill="none" stroke="{colour}" stroke-width="2"'
        parts.append(f'<polyline points="{points}" {line}/>')
    parts.append("</svg>")
    return "".join(parts)


def unit_table(rng: random.Random, caption: str) -> Table:
    columns = (
        Column("Enhed"),
        Column("Årsværk", "decimal", 1),
        Column("Fraværsdage pr. årsværk", "decimal", 1),
        Column("Fraværsprocent", "percent", 1),
        Column("Forløb", "integer"),
        Column("Måltal", "decimal", 1),
    )
    rows = tuple(
        (
            f"Enhed {n:02d}",
            rng.uniform(10, 900),
            rng.uniform(5, 16),
            rng.uniform(2, 8),
            rng.randint(5, 900),
            rng.uniform(8, 12),
        )
        for n in range(1, 31)
    )
    total = ("I alt", sum(r[1] for r in rows), 10.2, 4.6, sum(r[4] for r in rows), 10.0)
    return Table(columns, rows, total, caption)


def report(run: int) -> Document:
    rng = random.Random(run)
    blocks: list = []  # type: ignore[type-arg]
    for section in range(1, 7):
        blocks.append(Heading(f"{section}. Afsnit {section}"))
        blocks.append(paragraph(bold("Hovedpunkt: "), prose(rng, 60)))
        blocks.append(paragraph(prose(rng, 90)))
        blocks.append(unit_table(rng, f"Sygefravær pr. enhed, del {section}"))
        if section <= 4:
            chart = line_chart(rng, f"Fravær pr. måned, del {section}")
            blocks.append(Figure(chart, f"Udvikling, del {section}"))
        if section % 2 == 0:
            blocks.append(PageBreak())
    return Document(
        kind="Ledelsesinformation",
        title=f"Sygefravær, marts 2026 (kørsel {run})",
        date=dt.date(2026, 4, 16),
        sender=("Økonomiforvaltningen",),
        blocks=tuple(blocks),
    )


def timed(render: Callable[[Document], bytes], make: Callable[[int], Document], runs: int) -> str:
    started = time.perf_counter()
    first = render(make(0))
    cold = time.perf_counter() - started
    times = []
    for run in range(1, runs + 1):
        document = make(run)
        started = time.perf_counter()
        render(document)
        times.append(time.perf_counter() - started)
    pages = f"{len(PdfReader(io.BytesIO(first)).pages)} pages, " if first[:4] == b"%PDF" else ""
    return (
        f"median {statistics.median(times) * 1000:7.0f} ms  first {cold * 1000:6.0f} ms  "
        f"({pages}{len(first) / 1024:.0f} KiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for name, make in (("agenda, 10 items", agenda), ("report, 6 tables, 4 charts", report)):
        print(f"{name:28} PDF   {timed(to_pdf, make, args.runs)}")
        print(f"{name:28} DOCX  {timed(to_docx, make, args.runs)}")


if __name__ == "__main__":
    main()
