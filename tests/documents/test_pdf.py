"""The PDF says what the document says, in order, in the municipality's layout."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from samraad.documents import (
    Column,
    Document,
    Figure,
    Heading,
    NumberedList,
    PageBreak,
    Paragraph,
    Table,
    bold,
    italic,
    paragraph,
    to_pdf,
    without_closed_items,
)
from samraad.documents.model import Span
from tests.documents.reading import in_order, pdf_body, pdf_pages, squeeze
from tests.documents.worlds import ABSENCE_TABLE, bar_chart, meeting, note_from_seed, report

NBSP = "\u00a0"


def test_note_has_every_heading_and_paragraph_of_seed_004_in_order() -> None:
    note = note_from_seed()
    body = pdf_body(to_pdf(note))
    texts = [squeeze(b.text if isinstance(b, Heading) else b.spans()[0].text) for b in note.blocks]  # type: ignore[union-attr]
    assert len(texts) == 23
    assert in_order(body, texts) == []
    assert texts[0] == "Resumé" and texts[-2] == "Bilag" and texts[-1] == "Ingen"


def test_note_letterhead_gives_sender_date_references_kind_recipient_and_title() -> None:
    body = pdf_body(to_pdf(note_from_seed()))
    expected = (
        "Københavns Kommune Økonomiforvaltningen Koncern HR, Koncernservice "
        "26. september 2022 Sagsnummer i F2 2022 - 7225 Dokumentnummer i F2 1998027 "
        "Sagsnummer eDoc 2022-0151063 NOTAT Til CSO Handlingsplan som opfølgning på fælles "
        "møde mellem CSO og næstformændene i forvaltningernes HovedMED Resumé"
    )
    assert body.startswith(expected)


def test_pages_are_numbered_side_x_af_y_with_a_running_head_after_the_first() -> None:
    pages = pdf_pages(to_pdf(note_from_seed()))
    assert [page.footer for page in pages] == [
        "Københavns Kommune · Økonomiforvaltningen Side 1 af 2",
        "Københavns Kommune · Økonomiforvaltningen Side 2 af 2",
    ]
    assert pages[0].header == ""
    assert pages[1].header == (
        "Notat · Handlingsplan som opfølgning på fælles møde mellem CSO … 26. september 2022"
    )


def test_english_document_says_page_x_of_y_and_writes_english_dates() -> None:
    document = Document(kind="Note", title="T", language="en", date=dt.date(2026, 3, 1))
    pages = pdf_pages(to_pdf(document))
    assert pages[0].footer == "Københavns Kommune Page 1 of 1"
    assert squeeze(pages[0].body) == "Københavns Kommune 1 March 2026 NOTE T"


def test_agenda_items_come_numbered_in_order_with_purpose_presenter_decision_attachments() -> None:
    body = pdf_body(to_pdf(meeting()))
    assert (
        in_order(
            body,
            [
                "1. Godkendelse af referat fra CSO-mødet den 25. juni 2020",
                "Formål Til godkendelse",
                "Referat af mødet er vedlagt.",
                "Beslutning: Referatet blev godkendt uden bemærkninger.",
                "Bilag 1. Referat af CSO-mødet den 25. juni 2020",
                "2. Budget 2021",
                "Formål Til orientering Fremlægges af Mads Grønvall",
                "Mads Grønvall orienterede om hovedpunkterne",
                "Bilag 1. Budgetaftale 2021 2. Faktaark om budget 2021",
                "3. Spørgeramme for Trivselsundersøgelsen 2021",
                "• Trivsel • Ledelse • Samarbejde",
                "Beslutning: CSO godkendte indstillingen.",
                "Bilag 1. Indstilling 2. Spørgeramme 2021 3. Tidsplan",
                "4. Sag om en enkelt medarbejder LUKKET PUNKT Formål Til drøftelse",
                "5. Eventuelt Der var intet til eventuelt.",
            ],
        )
        == []
    )


def test_published_minutes_leave_out_the_closed_item() -> None:
    body = pdf_body(to_pdf(without_closed_items(meeting())))
    assert "Sag om en enkelt medarbejder" not in body
    assert "LUKKET PUNKT" not in body
    assert in_order(body, ["3. Spørgeramme", "5. Eventuelt"]) == []


def test_english_agenda_words() -> None:
    body = pdf_body(to_pdf(meeting("en")))
    assert "Purpose For approval" in body
    assert "Presented by Mads Grønvall" in body
    assert "Decision: CSO godkendte indstillingen." in body
    assert "CLOSED ITEM" in body
    assert "Attachments 1. Indstilling" in body


def test_table_numbers_are_right_formatted_in_danish() -> None:
    body = pdf_body(to_pdf(report()))
    assert (
        in_order(
            body,
            [
                "Tabel 1. Sygefravær pr. enhed",
                "Enhed Årsværk Fraværsprocent Forløb Opgjort",
                f"Koncernservice 1.234,5 5,3{NBSP}% 1.200 31. marts 2026",
                f"Koncern IT 310,0 4,0{NBSP}% 87 31. marts 2026",
                "Lille enhed – – – 31. marts 2026",
                f"I alt 1.544,5 5,0{NBSP}% 1.287 –",
            ],
        )
        == []
    )


def test_table_numbers_are_formatted_in_english() -> None:
    body = pdf_body(to_pdf(report("en")))
    assert "Koncernservice 1,234.5 5.3% 1,200 31 March 2026" in body
    assert "I alt 1,544.5 5.0% 1,287 –" in body


def test_numbers_line_up_on_the_right_and_text_on_the_left() -> None:
    table = Table(
        (Column("Enhed"), Column("Antal", "integer")),
        (("A", 1), ("Bbbbbbbbbbbb", 1234567)),
    )
    pdf = to_pdf(Document(kind="", title="", blocks=(table,)))
    starts: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        starts[text.strip()] = cm[4]

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert starts["A"] == starts["Bbbbbbbbbbbb"]  # left edges agree
    assert starts["1"] > starts["1.234.567"]  # the shorter number starts further right


def test_markup_characters_in_text_print_as_themselves() -> None:
    nasty = "50 % af #CSO $x$ *ikke fed* _ikke kursiv_ <tag> @label \\ [a] {b} // ~ ` = - + /* */"
    document = Document(
        kind="#set",
        title=nasty,
        recipient="Til @CSO",
        references=(("Sag #", "$1$"),),
        blocks=(
            Heading(nasty),
            paragraph(nasty, bold(" *fed*"), italic(" _kursiv_")),
            Table((Column("#"),), ((nasty,),)),
            NumberedList((paragraph("- ikke en liste"), paragraph("+ heller ikke"))),
        ),
    )
    body = pdf_body(to_pdf(document))
    # Long lines may wrap after the "/", so compare the characters without spaces.
    glyphs = re.sub(r"\s", "", body)
    assert glyphs.count(re.sub(r"\s", "", nasty)) == 4  # title, heading, paragraph, table
    assert re.sub(r"\s", "", f"{nasty}*fed*_kursiv_") in glyphs
    assert "Sag # $1$ #SET Til @CSO" in body
    assert "1. - ikke en liste 2. + heller ikke" in body


def test_bold_and_italic_spans_use_bold_and_italic_fonts() -> None:
    document = Document(
        kind="", title="", blocks=(Paragraph((Span("a", bold=True, italic=True), "b")),)
    )
    page = PdfReader(io.BytesIO(to_pdf(document))).pages[0]
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[1] for f in _fonts(page)}
    assert fonts == {"Lato-Regular", "Lato-BoldItalic", "Lato-Bold"}  # Bold: the letterhead


def _fonts(page: DictionaryObject) -> list[DictionaryObject]:
    return list(page["/Resources"]["/Font"].values())


def _image_xobjects(pdf: bytes) -> list[str]:
    """Subtypes of every XObject on every page, forms searched inside."""
    found: list[str] = []

    def walk(resources: DictionaryObject) -> None:
        for xobject in resources.get("/XObject", {}).values():
            obj = xobject.get_object()
            found.append(str(obj["/Subtype"]))
            if "/Resources" in obj:
                walk(obj["/Resources"])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page["/Resources"])
    return found


def test_svg_figure_is_drawn_as_vectors_not_as_a_picture() -> None:
    figure = Figure(bar_chart((3, 5, 4), label="Søjle"), "Fravær")
    pdf = to_pdf(Document(kind="", title="", blocks=(figure,)))
    assert "/Image" not in _image_xobjects(pdf)
    # The chart's labels are text in the PDF, in order, then the caption.
    assert in_order(pdf_body(pdf), ["Søjle 1", "Søjle 2", "Søjle 3", "Figur 1. Fravær"]) == []
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents()
    assert content is not None
    # The bars are filled paths ("f") in their colour, #2f5d8a.
    assert content.get_data().count(b"0.18431373 0.3647059 0.5411765 scn") == 3


def test_figure_with_its_table_beside_it_shows_both() -> None:
    figure = Figure(bar_chart((1, 2)), "Fravær", ABSENCE_TABLE, table_position="beside")
    body = pdf_body(to_pdf(Document(kind="", title="", blocks=(figure,))))
    assert in_order(body, ["Fravær 1", "Fravær 2", "Koncernservice", "I alt", "Figur 1."]) == []


def test_figures_and_captioned_tables_are_numbered_in_reading_order() -> None:
    chart = bar_chart((1,))
    blocks = (
        Figure(chart, "Første"),
        Table((Column("A"),), (("x",),)),  # no caption: no number
        Table((Column("A"),), (("y",),), caption="Anden tabel"),
        PageBreak(),
        Figure(chart, "Anden"),
    )
    body = pdf_body(to_pdf(Document(kind="", title="", blocks=blocks)))
    assert in_order(body, ["Figur 1. Første", "Tabel 1. Anden tabel", "Figur 2. Anden"]) == []


def test_page_break_starts_a_new_page() -> None:
    document = Document(
        kind="", title="", blocks=(paragraph("før"), PageBreak(), paragraph("efter"))
    )
    pages = pdf_pages(to_pdf(document))
    assert [page.body.split("\n")[-1] for page in pages] == ["før", "efter"]


def test_empty_document_renders_one_page_with_letterhead_and_page_number() -> None:
    pages = pdf_pages(to_pdf(Document(kind="", title="")))
    assert len(pages) == 1
    assert pages[0].body == "Københavns Kommune"
    assert pages[0].footer == "Københavns Kommune Side 1 af 1"


def test_same_document_gives_the_same_bytes() -> None:
    assert to_pdf(meeting()) == to_pdf(meeting())
    assert to_pdf(report()) == to_pdf(report())


def test_pdf_carries_title_and_author_metadata() -> None:
    metadata = PdfReader(io.BytesIO(to_pdf(note_from_seed()))).metadata
    assert metadata is not None
    assert metadata.title == note_from_seed().title
    assert metadata.author == "Københavns Kommune, Økonomiforvaltningen"


def test_a_newline_in_a_text_is_a_line_break() -> None:
    document = Document(kind="", title="", blocks=(paragraph("Linje 1\nLinje 2"),))
    assert pdf_pages(to_pdf(document))[0].body.split("\n")[-2:] == ["Linje 1", "Linje 2"]
