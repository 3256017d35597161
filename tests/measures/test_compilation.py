"""The compiled measures are laid out like seed 003 ("Bilag 2"): the common measures
first, then the administrations in Danish alphabetical order, each with its opening
paragraph, its sub-headings and its bullets with a lead in bold."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from samraad.documents import BulletList, Heading, to_docx, to_pdf
from samraad.measures.compilation import (
    MeasureSection,
    MeasureText,
    danish_key,
    measure_paragraph,
    measures_document,
)
from tests.documents.reading import in_order, pdf_body, word_blocks

SEED = next((Path(__file__).resolve().parents[2] / "docs" / "seeds").glob("003_*.txt"))
COMMON = "Fælles tiltag og tilbud i Københavns Kommune"
BULLET = re.compile(r"^\s*- (?:\*\*(?P<lead>.+?)\*\*\s*(?:[–-]\s*)?)?(?P<text>.*)$")


def seed_sections() -> tuple[MeasureSection, list[MeasureSection]]:
    """Seed 003 read into sections: a heading naming an administration (or the common
    measures) starts one, any other heading is a sub-heading of the measures under it."""
    sections: list[MeasureSection] = []
    name, intro, measures, sub = "", [], [], ""
    for line in SEED.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^#+ (.*)$", line)
        if heading and (heading[1].endswith("forvaltningen") or heading[1] == COMMON):
            if name:
                sections.append(MeasureSection(name, "\n\n".join(intro), tuple(measures)))
            name, intro, measures, sub = heading[1].strip(), [], [], ""
        elif heading and name:
            sub = heading[1].strip()
        elif name and (bullet := BULLET.match(line)):
            lead = (bullet["lead"] or "").strip()
            measures.append(MeasureText(lead, bullet["text"].strip(), sub))
        elif name and line.strip():
            intro.append(line.strip())
    sections.append(MeasureSection(name, "\n\n".join(intro), tuple(measures)))
    return sections[0], sections[1:]


def seed_headings() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [h.strip() for h in re.findall(r"^#+ (.*)$", text, re.M) if not h.startswith("Bilag")]


def compiled(language: str = "da") -> bytes:
    common, administrations = seed_sections()
    shuffled = administrations[:]
    random.Random(3).shuffle(shuffled)
    document = measures_document(
        "Københavns Kommune",
        MeasureSection("", common.intro, common.measures),
        shuffled,
        dt.date(2026, 4, 16),
    )
    return to_docx(document)


def test_the_seeds_administrations_come_in_its_order() -> None:
    """The seed lists them alphabetically (Danish: Ø last); shuffled in, they come out so."""
    _, administrations = seed_sections()
    names = [s.name for s in administrations]
    assert names == sorted(names, key=danish_key)
    assert names[0].startswith("Beskæftigelses") and names[-1] == "Økonomiforvaltningen"
    assert len(names) == 7


def test_headings_and_sub_headings_as_in_the_seed() -> None:
    blocks = word_blocks(compiled())
    headings = [b.text for b in blocks if b.style.startswith("Heading")]
    assert headings == seed_headings()
    levels = {b.text: b.style for b in blocks if b.style.startswith("Heading")}
    assert levels[COMMON] == levels["Økonomiforvaltningen"] == "Heading 1"
    assert levels["Særlige indsatser 2026:"] == levels["Hvad gør vi fortsat:"] == "Heading 2"


def test_title_and_letterhead_as_in_the_seed() -> None:
    text = " ".join(b.text for b in word_blocks(compiled()))
    assert (
        in_order(
            text,
            [
                "Koncern HR, Koncernservice",
                "Økonomiforvaltningen",
                "Bilag 2: Forvaltningernes tiltag til nedbringelse af sygefravær pr. april 2026",
                COMMON,
                "Systematisk opfølgning på udviklingen i sygefraværet – CSO drøfter",
                "Beskæftigelses-, Integrations- og Erhvervsforvaltningen",
                "Særlige indsatser 2026:",
                "Implementering af KK sygefraværspolitik og BIFs sygefraværvejledning 2026: Alle",
            ],
        )
        == []
    )


def test_every_bullet_of_the_seed_is_there_once() -> None:
    common, administrations = seed_sections()
    count = sum(len(s.measures) for s in [common, *administrations])
    assert count == len(re.findall(r"^\s*- ", SEED.read_text(encoding="utf-8"), re.M)) == 58
    text = " ".join(b.text for b in word_blocks(compiled()))
    for section in [common, *administrations]:
        for measure in section.measures:
            assert measure_paragraph(measure).spans()[-1].text in text


def test_an_opening_paragraph_comes_before_the_bullets() -> None:
    section = MeasureSection(
        "Socialforvaltningen",
        "Der er fortsat stor opmærksomhed.",
        (MeasureText("Uddannelse til ledere", "Nye ledere gennemfører en lederuddannelse."),),
    )
    document = measures_document("Kommunen", None, [section], dt.date(2026, 4, 16))
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds == ["Heading", "Paragraph", "BulletList"]
    assert pdf_body(to_pdf(document)).endswith(
        "Socialforvaltningen Der er fortsat stor opmærksomhed. • Uddannelse til ledere – Nye "
        "ledere gennemfører en lederuddannelse."
    )


def test_an_administration_without_measures_says_so() -> None:
    empty = MeasureSection("Sundheds- og Omsorgsforvaltningen", "", ())
    document = measures_document("Kommunen", None, [empty], dt.date(2026, 4, 16))
    assert [type(b).__name__ for b in document.blocks] == ["Heading", "Paragraph"]
    assert "Forvaltningen har ikke indmeldt tiltag." in pdf_body(to_pdf(document))


def test_measures_under_the_same_sub_heading_share_one_list() -> None:
    measures = (
        MeasureText("A", "a", "Særlige indsatser"),
        MeasureText("B", "b", "Særlige indsatser"),
        MeasureText("C", "c", ""),
        MeasureText("D", "d", "Hvad gør vi fortsat"),
    )
    document = measures_document(
        "Kommunen", None, [MeasureSection("BUF", "", measures)], dt.date(2026, 4, 16)
    )
    shape = [
        (b.text, b.level) if isinstance(b, Heading) else len(b.items)
        for b in document.blocks
        if isinstance(b, Heading | BulletList)
    ]
    assert shape == [("BUF", 1), ("Særlige indsatser", 2), 2, 1, ("Hvad gør vi fortsat", 2), 1]


def test_a_lead_ending_in_a_colon_keeps_it_without_a_dash() -> None:
    spans = measure_paragraph(MeasureText("Onboarding:", "Personlige møder.")).spans()
    assert [(s.text, s.bold) for s in spans] == [
        ("Onboarding:", True),
        (" ", False),
        ("Personlige møder.", False),
    ]
    spans = measure_paragraph(MeasureText("Onboarding", "Personlige møder.")).spans()
    assert [s.text for s in spans] == ["Onboarding", " – ", "Personlige møder."]
