"""A meeting's papers as documents (meetings/papers.py, notepaper.py), rendered to PDF
and Word and read back: the text is there, in the items' order; a published version
has no closed item; a frozen version reads back as it was."""

from __future__ import annotations

import datetime as dt
import re

from samraad.documents import to_docx, to_pdf, without_closed_items
from samraad.meetings.notepaper import NotePaper, note_document
from samraad.meetings.papers import (
    Paper,
    PaperAction,
    PaperItem,
    PaperStatement,
    agenda_document,
    minutes_document,
    text_blocks,
)
from tests.documents.reading import in_order, pdf_body, word_blocks, word_text
from tests.spec import SEEDS

PAPER = Paper(
    committee="CSO",
    committee_name="Centralt Samarbejdsorgan",
    date=dt.date(2026, 6, 11),
    start=dt.time(14),
    place="Rådhuset, udvalgsværelse 1",
    items=(
        PaperItem(
            1,
            "Godkendelse af referat fra CSO-mødet den 5. marts 2026",
            "approval",
            text="Referat af mødet er vedlagt.",
            decision="Referatet blev godkendt uden bemærkninger.",
            attachments=("Referat 5. marts 2026.pdf",),
        ),
        PaperItem(
            2,
            "Sygefravær 2025",
            "orientation",
            text="Tallene for 2025.\n\n- ØKF\n- BUF",
            recommendation="Det indstilles, at CSO tager orienteringen til efterretning.",
            presenters="Lene Munck",
            minutes_text="CSO drøftede tallene.",
            statements=(PaperStatement("Bo Vollertsen", "Bo Vollertsen spurgte til BUF."),),
            decision="CSO tog orienteringen til efterretning.",
            actions=(PaperAction("Analyse af langtidsfravær", "KS", dt.date(2026, 8, 1), "open"),),
        ),
        PaperItem(
            3,
            "Personalesag i Center for Dagtilbud",
            "discussion",
            text="Fortroligt.",
            closed=True,
            decision="Drøftet.",
        ),
        PaperItem(4, "Temadrøftelse om seniorer", "theme_discussion"),
        PaperItem(5, "Eventuelt"),
    ),
)


def numbered_titles(text: str) -> list[str]:
    return re.findall(
        r"(\d+)\. (Godkendelse|Sygefravær|Personalesag|Temadrøftelse|Eventuelt)", text
    )


def test_the_agenda_pdf_has_every_item_in_order_with_purpose_and_recommendation() -> None:
    text = pdf_body(to_pdf(agenda_document(PAPER)))
    assert (
        in_order(
            text,
            [
                "Møde i Centralt Samarbejdsorgan",
                "Tid og sted: 11. juni 2026, 14.00, Rådhuset, udvalgsværelse 1",
                "1. Godkendelse af referat",
                "Til godkendelse",
                "Referat af mødet er vedlagt.",
                "Referat 5. marts 2026.pdf",
                "2. Sygefravær 2025",
                "Til orientering",
                "Fremlægges af",
                "Lene Munck",
                "Tallene for 2025.",
                "ØKF",
                "BUF",
                "Indstilling",
                "Det indstilles",
                "3. Personalesag",
                "LUKKET PUNKT",
                "Fortroligt.",
                "4. Temadrøftelse om seniorer",
                "Temadrøftelse",
                "5. Eventuelt",
            ],
        )
        == []
    )
    assert [n for n, _ in numbered_titles(text)] == ["1", "2", "3", "4", "5"]


def test_the_minutes_word_file_has_statements_actions_and_decisions_in_order() -> None:
    text = word_text(to_docx(minutes_document(PAPER)))
    assert (
        in_order(
            text,
            [
                "REFERAT",
                "Møde i Centralt Samarbejdsorgan",
                "1. Godkendelse af referat",
                "Beslutning",
                "Referatet blev godkendt uden bemærkninger.",
                "2. Sygefravær 2025",
                "CSO drøftede tallene.",
                "Bo Vollertsen spurgte til BUF.",
                "Aftalte handlinger",
                "Analyse af langtidsfravær (ansvarlig: KS, frist: 1. august 2026, ikke påbegyndt)",
                "CSO tog orienteringen til efterretning.",
                "3. Personalesag",
                "5. Eventuelt",
            ],
        )
        == []
    )
    headings = [
        b.text for b in word_blocks(to_docx(minutes_document(PAPER))) if b.style == "Heading 1"
    ]
    assert [h.split(".")[0] for h in headings] == ["1", "2", "3", "4", "5"]


def test_published_minutes_have_no_closed_item_in_either_format() -> None:
    for published in (
        minutes_document(PAPER.without_closed_items()),
        without_closed_items(minutes_document(PAPER)),
    ):
        for text in (pdf_body(to_pdf(published)), word_text(to_docx(published))):
            assert "Personalesag" not in text and "Fortroligt" not in text
            assert [n for n, _ in numbered_titles(text)] == ["1", "2", "4", "5"]


def test_a_paper_reads_back_from_its_json_as_it_was() -> None:
    assert Paper.from_dict(PAPER.to_dict()) == PAPER
    assert Paper.from_dict(PAPER.to_dict()).to_dict() == PAPER.to_dict()


def test_text_becomes_paragraphs_lists_and_subheadings() -> None:
    blocks = text_blocks("## 1. Klarhed\n\nFørste linje\nfortsætter.\n\n- a\n- b")
    assert [type(b).__name__ for b in blocks] == ["Heading", "Paragraph", "BulletList"]
    assert blocks[1].content == ("Første linje fortsætter.",)  # type: ignore[union-attr]


def seed_note() -> NotePaper:
    """Seed 004's note as written in the app: its fields, its sections' text."""
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8").replace("**", "")
    sections = re.split(r"\n#### ", text)
    body = {}
    for section in sections[1:]:
        heading, _, rest = section.partition("\n")
        body[heading.strip()] = rest.strip()
    subsections = [h for h in body if re.match(r"\d+\. ", h)]
    presentation = "\n\n".join(
        [body["Sagsfremstilling"], *(f"## {h}\n\n{body[h]}" for h in subsections)]
    )
    return NotePaper(
        title="Handlingsplan som opfølgning på fælles møde mellem CSO og næstformændene i "
        "forvaltningernes HovedMED",
        recipient="Til CSO",
        date=dt.date(2022, 9, 26),
        case_number_f2="2022 - 7225",
        document_number_f2="1998027",
        case_number_edoc="2022-0151063",
        summary=body["Resumé"],
        recommendation=body["Indstilling"],
        presentation=presentation,
        finances=body["Økonomi"],
        next_steps=body["Videre proces"],
        attachments=body["Bilag"],
        sender=("Økonomiforvaltningen", "Koncern HR, Koncernservice"),
    )


def test_the_note_of_seed_004_renders_its_template_in_both_formats() -> None:
    document = note_document(seed_note())
    expected = [
        "Sagsnummer i F2",
        "2022 - 7225",
        "Dokumentnummer i F2",
        "1998027",
        "Sagsnummer eDoc",
        "2022-0151063",
        "NOTAT",
        "Til CSO",
        "Handlingsplan som opfølgning",
        "Resumé",
        "På baggrund af møder",
        "Indstilling",
        "Det indstilles, at CSO drøfter",
        "Sagsfremstilling",
        "1. Klarhed over kompetencer",
        "5. Evaluering af Råd & Ret",
        "Økonomi",
        "Sagen har ikke økonomiske konsekvenser",
        "Videre proces",
        "Bilag",
        "Ingen",
    ]
    word = word_text(to_docx(document))
    assert in_order(word, expected) == []
    pdf = pdf_body(to_pdf(document))
    assert in_order(pdf, expected[9:]) == []  # the letterhead is above the body in a PDF
    assert document.references == (
        ("Sagsnummer i F2", "2022 - 7225"),
        ("Dokumentnummer i F2", "1998027"),
        ("Sagsnummer eDoc", "2022-0151063"),
    )


def test_a_note_leaves_out_empty_numbers_and_keeps_every_section() -> None:
    document = note_document(NotePaper("Kort notat", "Til CSO", dt.date(2026, 6, 1)))
    assert document.references == ()
    assert [b.text for b in document.blocks] == [  # type: ignore[union-attr]
        "Resumé",
        "Indstilling",
        "Sagsfremstilling",
        "Økonomi",
        "Videre proces",
        "Bilag",
    ]
