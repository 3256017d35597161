"""The pieces of a Word file that python-docx has no call for: fields, list restarts,
table header rows and shading, SVG pictures, proofing language. Plain WordprocessingML.
"""

from __future__ import annotations

import io

from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph as WordParagraph

from samraad.documents.labels import is_right_aligned, table_texts
from samraad.documents.model import Language, Table
from samraad.documents.raster import svg_to_png

HEADER_FILL = "E8E8E8"  # the PDF's luma(232)
FIELD_WIDTHS = (Mm(45), Mm(115))  # label, value: the text width of 160 mm
# Office's extension that puts an SVG beside a picture's raster fallback (MS-ODRAWXML).
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def drop_thumbnail(word: WordDocument) -> None:
    """python-docx's template carries a picture of a blank page as the file's thumbnail,
    which a file browser would show for every document; a file without one is shown
    by its icon."""
    relations = word.part.package.rels
    for key in [k for k, r in relations.items() if r.reltype == RELATIONSHIP_TYPE.THUMBNAIL]:
        del relations[key]


def set_language(style: BaseStyle, tag: str) -> None:
    """The proofing language of the style's text (da-DK, en-GB)."""
    rpr = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)


def _element(tag: str, text: str = "", **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name.replace("_", ":", 1)), value)
    if text:
        element.text = text
    return element


def add_page_field(paragraph: WordParagraph, name: str, size: Length, colour: RGBColor) -> None:
    """A PAGE or NUMPAGES field, which Word fills in; "1" shows until it does."""
    parts = (
        _element("w:fldChar", w_fldCharType="begin"),
        _element("w:instrText", f" {name} ", xml_space="preserve"),
        _element("w:fldChar", w_fldCharType="separate"),
        _element("w:t", "1"),
        _element("w:fldChar", w_fldCharType="end"),
    )
    for part in parts:
        run = paragraph.add_run()
        run.font.size, run.font.color.rgb = size, colour
        run._r.append(part)


def restart_numbering(word: WordDocument, paragraphs: list[WordParagraph], start: int) -> None:
    """Number these List Number paragraphs from `start`, not on from the previous list."""
    if not paragraphs:
        return
    numbering = word.part.numbering_part.element
    style_num = word.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    for paragraph in paragraphs:
        numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = num.numId


def _shade(cell_xml: CT_Tc, fill: str) -> None:
    shading = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    cell_xml.get_or_add_tcPr().append(shading)


def column_widths(texts: list[list[str]], total: Length) -> list[Length]:
    """Widths in proportion to each column's longest cell or longest header word, so
    that a header such as "Fraværsdage pr. årsværk" wraps between words, not inside them.
    """
    needs = [
        max(max(len(word) for word in column[0].split() or [""]), *map(len, column[1:]), 1) + 2
        for column in zip(*texts, strict=True)
    ]
    return [Length(total * need // sum(needs)) for need in needs]


def add_table(word: WordDocument, table: Table, language: Language, width: Length) -> None:
    texts = table_texts(table, language)
    right = [is_right_aligned(column) for column in table.columns]
    grid = word.add_table(rows=len(texts), cols=len(table.columns))
    grid.style = word.styles["Table Grid"]
    grid.autofit = False
    for column, size in zip(grid.columns, column_widths(texts, width), strict=True):
        column.width = size
        for cell in column.cells:
            cell.width = size
    last = len(texts) - 1
    for y, (row, values) in enumerate(zip(grid.rows, texts, strict=True)):
        bold = y == 0 or (table.total is not None and y == last)
        for x, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.add_run(value).bold = bold or None
            if right[x]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if y == 0:
                _shade(cell._tc, HEADER_FILL)
    header = grid.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))  # repeats on every page the table spans
    word.add_paragraph()


def fields_table(word: WordDocument, fields: tuple[tuple[str, str], ...]) -> None:
    """Labels in bold on the left, values beside them; no borders."""
    grid = word.add_table(rows=len(fields), cols=2)
    for column, width in zip(grid.columns, FIELD_WIDTHS, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    for row, (label, value) in zip(grid.rows, fields, strict=True):
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[1].paragraphs[0].add_run(value)
    word.add_paragraph()


def add_chart(word: WordDocument, svg: str, description: str, width: Length) -> None:
    """The chart as SVG, with a PNG drawn from it for readers that cannot show SVG."""
    run = word.add_paragraph().add_run()
    shape = run.add_picture(io.BytesIO(svg_to_png(svg)), width=width)
    shape._inline.docPr.set("descr", description)
    package = word.part.package
    part = Part(
        PackURI(package.next_partname("/word/media/chart%d.svg")),
        "image/svg+xml",
        svg.encode(),
        package,
    )
    relation = word.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    blip.append(
        parse_xml(
            f'<a:extLst {nsdecls("a", "r")}><a:ext uri="{SVG_EXTENSION}">'
            f'<asvg:svgBlip xmlns:asvg="{SVG_NAMESPACE}" r:embed="{relation}"/>'
            "</a:ext></a:extLst>"
        )
    )
