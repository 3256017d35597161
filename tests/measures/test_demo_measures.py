"""The demo's measures: two years for the municipality and its seven administrations,
this year's started from last year's, and the CSO's June meeting's sickness item with
its two generated attachments."""

from __future__ import annotations

import datetime as dt

import pytest

from samraad.demo.measures import DemoMeasures
from samraad.demo.world import DemoSettings, load_demo
from samraad.measures.models import MeasureSet
from samraad.measures.store import attach_statistics
from samraad.meetings.models import AgendaItem
from tests.documents.reading import word_blocks

TODAY = dt.date(2026, 6, 15)
ADMINISTRATIONS = [
    "Beskæftigelses- og Integrationsforvaltningen",
    "Børne- og Ungdomsforvaltningen",
    "Kultur- og Fritidsforvaltningen",
    "Socialforvaltningen",
    "Sundheds- og Omsorgsforvaltningen",
    "Teknik- og Miljøforvaltningen",
    "Økonomiforvaltningen",
]


@pytest.fixture
def demo(db: None) -> None:
    load_demo(DemoSettings(employees=400, years=2, seed=42, today=TODAY))


def test_measures_for_two_years_this_year_from_last_years(demo: None) -> None:
    sets = MeasureSet.objects.all()
    assert sorted({(s.year) for s in sets}) == [2025, 2026] and sets.count() == 16
    buf = MeasureSet.objects.get(unit_id="BUF", year=2026)
    assert buf.copied_from == MeasureSet.objects.get(unit_id="BUF", year=2025)
    sections = [m.section for m in buf.measures.all()]
    assert sections[0] == "Særlige indsatser 2026:" and len(sections) == 4


def test_the_cso_june_item_has_the_measures_and_the_button_adds_the_figures(demo: None) -> None:
    item = AgendaItem.objects.get(
        meeting__series__committee_id="CSO",
        meeting__date=dt.date(2026, 6, 4),
        title="Sygefravær 2025",
    )
    assert sorted(item.attachments.values_list("name", flat=True)) == [
        "Bilag 2 - Forvaltningernes tiltag 2026.docx",
        "Bilag 2 - Forvaltningernes tiltag 2026.pdf",
    ]
    attach_statistics(item, TODAY, None)  # the secretary's button
    assert sorted(item.attachments.values_list("name", flat=True)) == [
        "Bilag 1 - Sygefravær CSO 2026.docx",
        "Bilag 1 - Sygefravær CSO 2026.pdf",
        "Bilag 2 - Forvaltningernes tiltag 2026.docx",
        "Bilag 2 - Forvaltningernes tiltag 2026.pdf",
    ]
    statistics = bytes(item.attachments.get(name__endswith="CSO 2026.docx").content)
    table = next(b for b in word_blocks(statistics) if b.text.startswith("Enhed"))
    rows = [row.split(" | ")[0] for row in table.text.split(" / ")[1:]]
    assert rows == ["Københavns Kommune", *ADMINISTRATIONS]
    measures = bytes(item.attachments.get(name__endswith="tiltag 2026.docx").content)
    headings = [b.text for b in word_blocks(measures) if b.style == "Heading 1"]
    assert headings == ["Fælles tiltag og tilbud i Københavns Kommune", *ADMINISTRATIONS]


def test_the_demo_says_where_the_attachments_are(demo: None) -> None:
    assert str(DemoMeasures.stored()) == (
        "Measures against sickness absence: 16 sets (two years), compiled as Bilag 2 on the "
        "sickness item of CSO 2026-06-04, item 2; the secretary's button there adds the "
        "figures (Bilag 1)."
    )
