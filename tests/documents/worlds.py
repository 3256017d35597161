"""Documents the tests render: seed 004's note read from the seed itself, a CSO meeting
after seed 002 (agenda and minutes), and a small management report with a chart."""

from __future__ import annotations

import datetime as dt
import re

from samraad.documents import (
    AgendaItem,
    BulletList,
    Column,
    Document,
    FieldList,
    Figure,
    Heading,
    Paragraph,
    Table,
    bold,
    paragraph,
)
from samraad.documents.model import Language
from tests.spec import SEEDS

NOTE_SEED = next(SEEDS.glob("004_*.txt"))


def note_from_seed() -> Document:
    """Seed 004 as a Document: "## kind", the recipient, "### title", the date, the
    reference fields ("label  " over value), then "#### heading"s (a numbered one is a
    subsection) and paragraphs."""
    chunks = [c.strip() for c in NOTE_SEED.read_text(encoding="utf-8").split("\n\n")]
    chunks = [c.replace("**", "") for c in chunks if c]
    kind = chunks.pop(0).removeprefix("## ")
    recipient = chunks.pop(0)
    title = chunks.pop(0).removeprefix("### ")
    date = dt.datetime.strptime(chunks.pop(0), "%d-%m-%Y").date()
    references = []
    while "  \n" in chunks[0]:
        label, value = chunks.pop(0).split("  \n")
        references.append((label, value))
    blocks: list[Heading | Paragraph] = []
    for chunk in chunks:
        if chunk.startswith("#### "):
            text = chunk.removeprefix("#### ")
            blocks.append(Heading(text, 2 if re.match(r"\d+\. ", text) else 1))
        else:
            blocks.append(paragraph(chunk))
    return Document(
        kind=kind,
        title=title,
        recipient=recipient,
        date=date,
        references=tuple(references),
        sender=("Økonomiforvaltningen", "Koncern HR, Koncernservice"),
        blocks=tuple(blocks),
    )


MEETING_ITEMS = (
    AgendaItem(
        1,
        "Godkendelse af referat fra CSO-mødet den 25. juni 2020",
        "approval",
        body=(paragraph("Referat af mødet er vedlagt."),),
        decision="Referatet blev godkendt uden bemærkninger.",
        attachments=("Referat af CSO-mødet den 25. juni 2020",),
    ),
    AgendaItem(
        2,
        "Budget 2021",
        "orientation",
        presenter="Mads Grønvall",
        body=(
            paragraph(
                "Borgerrepræsentationen forventes den 1. oktober 2020 at vedtage budget 2021."
            ),
            paragraph(
                bold("Mads Grønvall"), " orienterede om hovedpunkterne i budgetaftalen for 2021."
            ),
        ),
        attachments=("Budgetaftale 2021", "Faktaark om budget 2021"),
    ),
    AgendaItem(
        3,
        "Spørgeramme for Trivselsundersøgelsen 2021",
        "approval",
        presenter="Søren Hartmann Hede",
        body=(
            paragraph("Spørgerammen forelægges CSO til godkendelse, jf. vedlagte indstilling."),
            BulletList((paragraph("Trivsel"), paragraph("Ledelse"), paragraph("Samarbejde"))),
        ),
        decision="CSO godkendte indstillingen.",
        attachments=("Indstilling", "Spørgeramme 2021", "Tidsplan"),
    ),
    AgendaItem(
        4,
        "Sag om en enkelt medarbejder",
        "discussion",
        body=(paragraph("Drøftes for lukkede døre."),),
        closed=True,
    ),
    AgendaItem(5, "Eventuelt", body=(paragraph("Der var intet til eventuelt."),)),
)


def meeting(language: Language = "da") -> Document:
    return Document(
        kind="Dagsorden og referat",
        title="Møde i CSO den 8. oktober 2020",
        language=language,
        date=dt.date(2020, 10, 8),
        sender=("Økonomiforvaltningen", "Koncernservice"),
        references=(("Sagsnummer", "2020-0012345"),),
        blocks=MEETING_ITEMS,
    )


def bar_chart(values: tuple[float, ...], label: str = "Fravær") -> str:
    """A plain SVG bar chart with a text label under each bar."""
    bars = "".join(
        f'<rect x="{20 + 60 * i}" y="{200 - 20 * v}" width="40" height="{20 * v}" fill="#2f5d8a"/>'
        f'<text x="{20 + 60 * i}" y="225" font-size="14">{label} {i + 1}</text>'
        for i, v in enumerate(values)
    )
    width = 40 + 60 * len(values)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 240">{bars}</svg>'


ABSENCE_TABLE = Table(
    columns=(
        Column("Enhed"),
        Column("Årsværk", "decimal", 1),
        Column("Fraværsprocent", "percent", 1),
        Column("Forløb", "integer"),
        Column("Opgjort", "date"),
    ),
    rows=(
        ("Koncernservice", 1234.5, 5.25, 1200, dt.date(2026, 3, 31)),
        ("Koncern IT", 310.04, 3.95, 87, dt.date(2026, 3, 31)),
        ("Lille enhed", None, None, None, dt.date(2026, 3, 31)),
    ),
    total=("I alt", 1544.54, 5.0, 1287, None),
    caption="Sygefravær pr. enhed",
)


def report(language: Language = "da") -> Document:
    return Document(
        kind="Ledelsesinformation",
        title="Sygefravær, marts 2026",
        language=language,
        date=dt.date(2026, 4, 16),
        sender=("Økonomiforvaltningen",),
        blocks=(
            Heading("Overblik"),
            FieldList((("Måltal", "9,5 dage"), ("Prognose", "10,1 dage"))),
            ABSENCE_TABLE,
            Figure(bar_chart((5.25, 3.95, 4.5)), "Fravær pr. enhed", ABSENCE_TABLE),
        ),
    )
