"""Minutes import benchmark: a ~20-page minutes PDF, read and parsed (limit: 2 s).

Prints figures; asserts nothing. Quote medians: the machine is shared and noisy.

    python benchmarks/bench_minutes.py [--pages 20] [--runs 5]

The PDF is set by Typst from the seeds (docs/seeds/000–002): their items one after
the other (cycled), renumbered, first as the agenda and then as the minutes, as many
as make the pages asked for; justified and hyphenated, with a header and a
footer with the page number on every page. With pdfplumber installed, its text
extraction of the same PDF is timed too (the reason the reader uses pypdf).
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdf
import typst

from samraad.minutes import Item, read_meeting

SEEDS = Path(__file__).resolve().parents[1] / "docs" / "seeds"
PAGE = (
    '#set page(paper: "a4", margin: (x: 2.5cm, y: 3cm),'
    " header: [Københavns Kommune #h(1fr) Referat af møde i CSO 6. juni 2024],"
    " footer: context [KS HR (5890) #h(1fr) #counter(page).display()"
    "/#counter(page).final().first()])\n"
    '#set text(size: 11pt, lang: "da", hyphenate: true)\n#set par(justify: true)\n'
)


def seed_items() -> list[Item]:
    items: list[Item] = []
    for path in sorted(SEEDS.glob("00[012]_*.txt")):
        items.extend(read_meeting(path, "CSO").items)
    return items


def typst_text(text: str) -> str:
    return '#"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def minutes_pdf(items: list[Item]) -> bytes:
    blocks = [typst_text("Referat af møde i CSO d. 6. juni 2024")]
    for part in ("agenda", "minutes"):
        blocks.append(typst_text("Dagsorden" if part == "agenda" else "Referat"))
        for number, item in enumerate(items, start=1):
            blocks.append(f"#strong[{typst_text(f'{number}) {item.title}')}]")
            text = item.agenda_text if part == "agenda" else item.minutes_text
            blocks.extend(typst_text(p) for p in text.split("\n\n") if p)
    return bytes(typst.compile((PAGE + "\n\n".join(blocks)).encode("utf-8"), format="pdf"))


def pdf_of_pages(pages: int) -> tuple[bytes, int]:
    """The seeds' items, cycled, two at a time until the PDF has the pages asked for."""
    items = seed_items()
    count = 2
    while True:
        pdf = minutes_pdf([items[i % len(items)] for i in range(count)])
        if len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= pages:
            return pdf, count
        count += 2


def times(action: Callable[[], object], runs: int) -> list[float]:
    taken = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        taken.append(time.perf_counter() - started)
    return taken


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pdf, items = pdf_of_pages(args.pages)
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "referat.pdf"
        path.write_bytes(pdf)
        meeting = read_meeting(path, "CSO")
        print(f"minutes PDF: {pages} pages, {items} items, {len(pdf) / 1024:,.0f} KiB")
        print(f"read: {len(meeting.items)} items, {len(meeting.speakers)} speakers")
        taken = times(lambda: read_meeting(path, "CSO"), args.runs)
        print(
            f"import (extract + parse), median of {args.runs}: {statistics.median(taken):.2f} s"
            f"  (min {min(taken):.2f}, max {max(taken):.2f}; limit 2 s)"
        )
        try:
            import pdfplumber
        except ImportError:
            print("pdfplumber not installed: no comparison")
            return

        def plumb() -> None:
            with pdfplumber.open(path) as document:
                for page in document.pages:
                    page.extract_text()

        taken = times(plumb, max(1, args.runs // 2))
        print(f"pdfplumber text extraction alone, median: {statistics.median(taken):.2f} s")


if __name__ == "__main__":
    main()
