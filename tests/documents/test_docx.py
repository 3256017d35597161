"""The Word file says what the PDF says, in Word's own structure."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from samraad.documents import (
    Column,
    Document,
    Figure,
    Heading,
    NumberedList,
    PageBreak,
    Table,
    bold,
    italic,
    paragraph,
    to_docx,
    to_pdf,
)
from tests.documents.reading import (
    WordBlock,
    in_order,
    pdf_body,
    squeeze,
    word_blocks,
    word_document,
    word_text,
)
from tests.documents.worlds import ABSENCE_TABLE, bar_chart, meeting, note_from_seed, report

NBSP = "\u00a0"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
START = "./w:lvlOverride/w:startOverride/@w:val"


def test_note_headings_are_word_headings_and_paragraphs_follow_in_seed_order() -> None:
    note = note_from_seed()
    blocks = word_blocks(to_docx(note))
    assert blocks[0].style == "table"  # the letterhead
    assert blocks[1:4] == [
        WordBlock("Normal", "NOTAT"),
        WordBlock("Normal", "Til CSO"),
        WordBlock("Normal", note.title),
    ]
    expected = [
        WordBlock(f"Heading {b.level}", b.text)
        if isinstance(b, Heading)
        else WordBlock("Normal", b.spans()[0].text)  # type: ignore[union-attr]
        for b in note.blocks
    ]
    assert blocks[4:] == expected
    assert expected[7] == WordBlock(
        "Heading 2",
        "1. Klarhed over kompetencer, snitflader og roller mellem de lokale ledere og "
        "Koncernservice",
    )


def test_letterhead_holds_sender_date_and_references() -> None:
    letterhead = word_document(to_docx(note_from_seed())).tables[0]
    left, right = (cell.text for cell in letterhead.rows[0].cells)
    assert left == "Københavns Kommune\nØkonomiforvaltningen\nKoncern HR, Koncernservice"
    assert right == (
        "26. september 2022\nSagsnummer i F2\n2022 - 7225\nDokumentnummer i F2\n1998027\n"
        "Sagsnummer eDoc\n2022-0151063"
    )


def test_word_and_pdf_carry_the_same_text_in_the_same_order() -> None:
    for document in (note_from_seed(), meeting(), report()):
        pdf = pdf_body(to_pdf(document))
        for block in word_blocks(to_docx(document)):
            text = block.text.replace(" | ", "\n").replace(" / ", "\n")
            pieces = [squeeze(piece) for piece in text.split("\n")]
            assert in_order(pdf, [p for p in pieces if p]) == [], block


def test_footer_has_page_fields_side_x_af_y_and_later_pages_a_running_head() -> None:
    word = word_document(to_docx(note_from_seed()))
    section = word.sections[0]
    assert section.different_first_page_header_footer
    footer = section.footer.paragraphs[0]
    assert footer.text == "Københavns Kommune · Økonomiforvaltningen\tSide 1 af 1"
    fields = [node.text for node in footer._p.iter(qn("w:instrText"))]
    assert fields == [" PAGE ", " NUMPAGES "]
    assert section.first_page_footer.paragraphs[0].text == footer.text
    assert section.header.paragraphs[0].text == (
        "Notat · Handlingsplan som opfølgning på fælles møde mellem CSO …\t26. september 2022"
    )
    assert section.first_page_header.paragraphs[0].text == ""


def test_page_is_a4_with_25_mm_side_margins() -> None:
    section = word_document(to_docx(Document(kind="", title=""))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # type: ignore[union-attr]
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 25  # type: ignore[union-attr]


def test_english_footer_says_page_x_of_y() -> None:
    word = word_document(to_docx(Document(kind="", title="", language="en")))
    assert word.sections[0].footer.paragraphs[0].text == "Københavns Kommune\tPage 1 of 1"


def test_agenda_items_are_headings_with_details_decision_and_numbered_attachments() -> None:
    blocks = word_blocks(to_docx(meeting()))
    assert blocks[9:17] == [
        WordBlock("Heading 1", "2. Budget 2021"),
        WordBlock("table", "Formål | Til orientering / Fremlægges af | Mads Grønvall"),
        WordBlock(
            "Normal",
            "Borgerrepræsentationen forventes den 1. oktober 2020 at vedtage budget 2021.",
        ),
        WordBlock(
            "Normal", "Mads Grønvall orienterede om hovedpunkterne i budgetaftalen for 2021."
        ),
        WordBlock("Normal", "Bilag"),
        WordBlock("List Number", "Budgetaftale 2021"),
        WordBlock("List Number", "Faktaark om budget 2021"),
        WordBlock("Heading 1", "3. Spørgeramme for Trivselsundersøgelsen 2021"),
    ]
    assert WordBlock("Normal", "Beslutning: CSO godkendte indstillingen.") in blocks
    assert blocks[-6:-3] == [
        WordBlock("Heading 1", "4. Sag om en enkelt medarbejder"),
        WordBlock("Normal", "LUKKET PUNKT"),
        WordBlock("table", "Formål | Til drøftelse"),
    ]


def _numbering(paragraphs: list) -> list[str]:  # type: ignore[type-arg]
    return [p._p.pPr.numPr.numId.val for p in paragraphs]


def test_each_numbered_list_starts_afresh() -> None:
    word = word_document(to_docx(meeting()))
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]  # type: ignore[union-attr]
    ids = _numbering(numbered)
    # Three lists of attachments (1, 2 and 3 long), each its own numbering from 1.
    assert len(ids) == 6 and len({ids[0], ids[1], ids[3]}) == 3
    assert ids[1] == ids[2] and ids[3] == ids[4] == ids[5]
    numbering = word.part.numbering_part.element
    starts = [numbering.num_having_numId(i).xpath(START) for i in ids]
    assert starts == [["1"]] * 6


def test_numbered_list_can_start_elsewhere() -> None:
    data = to_docx(Document(kind="", title="", blocks=(NumberedList((paragraph("c"),), start=3),)))
    word = word_document(data)
    (num_id,) = _numbering([p for p in word.paragraphs if p.text == "c"])
    override = word.part.numbering_part.element.num_having_numId(num_id)
    assert override.xpath(START) == ["3"]


def test_bold_and_italic_runs() -> None:
    data = to_docx(Document(kind="", title="", blocks=(paragraph("a", bold("b"), italic("c")),)))
    (para,) = [p for p in word_document(data).paragraphs if p.text == "abc"]
    assert [(r.text, r.bold, r.italic) for r in para.runs] == [
        ("a", None, None),
        ("b", True, None),
        ("c", None, True),
    ]


def test_table_cells_are_formatted_and_numbers_right_aligned() -> None:
    word = word_document(to_docx(Document(kind="", title="", blocks=(ABSENCE_TABLE,))))
    table = word.tables[1]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Enhed", "Årsværk", "Fraværsprocent", "Forløb", "Opgjort"],
        ["Koncernservice", "1.234,5", f"5,3{NBSP}%", "1.200", "31. marts 2026"],
        ["Koncern IT", "310,0", f"4,0{NBSP}%", "87", "31. marts 2026"],
        ["Lille enhed", "–", "–", "–", "31. marts 2026"],
        ["I alt", "1.544,5", f"5,0{NBSP}%", "1.287", "–"],
    ]
    alignments = [c.paragraphs[0].alignment for c in table.rows[1].cells]
    right = WD_ALIGN_PARAGRAPH.RIGHT
    assert alignments == [None, right, right, right, None]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    assert all(run.bold for cell in table.rows[-1].cells for run in cell.paragraphs[0].runs)


def test_table_numbers_in_english() -> None:
    word = word_document(to_docx(report("en")))
    row = [c.text for c in word.tables[2].rows[1].cells]
    assert row == ["Koncernservice", "1,234.5", "5.3%", "1,200", "31 March 2026"]


def test_figure_is_an_svg_picture_with_a_png_fallback_then_its_table_and_caption() -> None:
    svg = bar_chart((3, 5))
    figure = Figure(svg, "Fravær pr. enhed", ABSENCE_TABLE)
    data = to_docx(Document(kind="", title="", blocks=(figure,)))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        media = sorted(name for name in package.namelist() if name.startswith("word/media/"))
        assert media == ["word/media/chart1.svg", "word/media/image1.png"]
        assert package.read("word/media/chart1.svg").decode() == svg
        assert package.read("word/media/image1.png").startswith(b"\x89PNG")
        types = package.read("[Content_Types].xml").decode()
        assert '<Override PartName="/word/media/chart1.svg" ContentType="image/svg+xml"/>' in types
    word = word_document(data)
    (blip,) = word.element.body.iter(qn("a:blip"))
    (svg_blip,) = blip.iter(f"{{{SVG_NAMESPACE}}}svgBlip")
    assert word.part.related_parts[svg_blip.get(qn("r:embed"))].blob.decode() == svg
    png = word.part.related_parts[blip.get(qn("r:embed"))]
    assert png.content_type == "image/png"
    (picture,) = word.inline_shapes
    assert round(picture.width.mm) == 160  # type: ignore[union-attr]
    blocks = word_blocks(data)
    assert [block.style for block in blocks] == ["table", "table", "Caption"]
    assert blocks[1].text.startswith("Enhed | Årsværk | Fraværsprocent | Forløb | Opgjort / ")
    assert blocks[2].text == "Figur 1. Fravær pr. enhed"


def test_page_break_is_a_word_page_break() -> None:
    data = to_docx(Document(kind="", title="", blocks=(paragraph("a"), PageBreak())))
    breaks = list(word_document(data).element.body.iter(qn("w:br")))
    assert [b.get(qn("w:type")) for b in breaks] == ["page"]


def test_markup_characters_are_plain_text_in_word_too() -> None:
    nasty = "#set $x$ *a* _b_ <c> @d \\ [e] {f}"
    table = Table((Column(nasty),), ((nasty,),))
    data = to_docx(Document(kind="", title=nasty, blocks=(Heading(nasty), paragraph(nasty), table)))
    assert word_text(data).count(nasty) == 5  # title, heading, paragraph, table head and cell


def test_document_properties_and_proofing_language() -> None:
    word = word_document(to_docx(note_from_seed()))
    properties = word.core_properties
    assert properties.title == note_from_seed().title
    assert properties.author == "Københavns Kommune, Økonomiforvaltningen"
    assert properties.created == dt.datetime(2022, 9, 26, tzinfo=dt.UTC)
    normal = word.styles["Normal"].element
    assert normal.rPr.find(qn("w:lang")).get(qn("w:val")) == "da-DK"  # type: ignore[union-attr]


def test_empty_document_renders() -> None:
    data = to_docx(Document(kind="", title=""))
    assert word_blocks(data) == [WordBlock("table", "Københavns Kommune | ")]


def test_no_thumbnail_of_the_template_is_left_in_the_file() -> None:
    with zipfile.ZipFile(io.BytesIO(to_docx(Document(kind="", title="")))) as package:
        assert not [name for name in package.namelist() if "thumbnail" in name]


def test_same_document_gives_the_same_bytes() -> None:
    assert to_docx(meeting()) == to_docx(meeting())
    assert to_docx(report()) == to_docx(report())


def test_a_newline_in_a_text_is_a_line_break() -> None:
    data = to_docx(Document(kind="", title="", blocks=(paragraph("Linje 1\nLinje 2"),)))
    (para,) = [p for p in word_document(data).paragraphs if p.text.startswith("Linje")]
    assert para.text == "Linje 1\nLinje 2"
    assert len(para._p.findall(f".//{qn('w:br')}")) == 1
