"""A Document as a Word file (.docx), with the same content, order and words as the PDF.

Real Word structure, so the secretariat can go on editing it: headings in the styles
Heading 1–3, lists in List Bullet / List Number (each numbered list starts afresh),
tables as tables with a repeating header row, page numbers as fields ("Side X af Y").
Charts are embedded as SVG with a PNG fallback (raster.py); their data table follows.
The text font is Arial, which every municipal PC has; the PDF uses Lato (see pdf.py).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph

from samraad.documents.formatting import format_date
from samraad.documents.labels import (
    MUNICIPALITY,
    WORDS,
    Captions,
    item_details,
    running_head,
    sender_line,
)
from samraad.documents.model import (
    AgendaItem,
    Block,
    BulletList,
    Document,
    FieldList,
    Figure,
    Heading,
    NumberedList,
    PageBreak,
    Paragraph,
    Table,
)
from samraad.documents.word_parts import (
    add_chart,
    add_page_field,
    add_table,
    drop_thumbnail,
    fields_table,
    restart_numbering,
    set_language,
)

FONT = "Arial"
GREY = RGBColor(0x5A, 0x5A, 0x5A)
CAPTION_GREY = RGBColor(0x3C, 0x3C, 0x3C)
CLOSED_RED = RGBColor(0xA4, 0x16, 0x1A)
SMALL = Pt(8.5)
TEXT_WIDTH = Mm(160)  # A4 less 25 mm margins each side
# Zip entries and document properties get fixed dates, so the same input gives the same
# bytes (python-docx would stamp the time of saving).
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
UNDATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def to_docx(document: Document) -> bytes:
    word = docx.Document()
    _set_up(word, document)
    _letterhead(word, document)
    _blocks(word, document.blocks, Captions(document.language))
    drop_thumbnail(word)
    out = io.BytesIO()
    word.save(out)
    return _with_fixed_dates(out.getvalue())


def _set_up(word: WordDocument, document: Document) -> None:
    section = word.sections[0]  # python-docx's template is US Letter
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(22), Mm(24)
    _styles(word, document)
    _properties(word, document)
    _header_and_footer(word, document)


def _styles(word: WordDocument, document: Document) -> None:
    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    set_language(normal, "da-DK" if document.language == "da" else "en-GB")
    for level, size in ((1, 14), (2, 12), (3, 10.5)):
        heading = styles[f"Heading {level}"]
        rfonts = heading.element.rPr.rFonts  # the template's theme font would win over ours
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(docx.oxml.ns.qn(theme), None)
        heading.font.name = FONT
        heading.font.size = Pt(size)
        heading.font.color.rgb = RGBColor(0, 0, 0)
    caption = styles["Caption"].font
    caption.size, caption.bold, caption.color.rgb = Pt(9.5), True, CAPTION_GREY
    for name in ("Header", "Footer"):
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)


def _properties(word: WordDocument, document: Document) -> None:
    properties = word.core_properties
    properties.title = document.title
    properties.subject = document.kind
    author = ", ".join((MUNICIPALITY, *document.sender[:1]))
    properties.author = properties.last_modified_by = author
    properties.language = document.language
    stamp = UNDATED
    if document.date is not None:
        stamp = dt.datetime.combine(document.date, dt.time(), tzinfo=dt.UTC)
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1


def _small(paragraph: WordParagraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.size, run.font.color.rgb = SMALL, GREY


def _header_and_footer(word: WordDocument, document: Document) -> None:
    section = word.sections[0]
    section.different_first_page_header_footer = True  # the letterhead is page 1's header
    head = running_head(document.kind, document.title)
    date = format_date(document.date, document.language) if document.date else ""
    _small(section.header.paragraphs[0], f"{head}\t{date}")
    before, _, rest = WORDS[document.language].page_of.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        _small(paragraph, sender_line(document.sender) + "\t" + before)
        add_page_field(paragraph, "PAGE", SMALL, GREY)
        _small(paragraph, middle)
        add_page_field(paragraph, "NUMPAGES", SMALL, GREY)
        _small(paragraph, after)


def _letterhead(word: WordDocument, document: Document) -> None:
    table = word.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    left, right = table.rows[0].cells
    left.width, right.width = Mm(100), Mm(60)
    first = left.paragraphs[0]
    name = first.add_run(MUNICIPALITY)
    name.bold, name.font.size = True, Pt(13)
    for line in document.sender:
        first.add_run("\n" + line).font.size = Pt(9.5)
    date = right.paragraphs[0]
    if document.date is not None:
        date.add_run(format_date(document.date, document.language)).font.size = Pt(9)
    for label, value in document.references:
        paragraph = right.add_paragraph()
        _small(paragraph, label)
        paragraph.add_run("\n" + value).font.size = Pt(9)
    word.add_paragraph()
    if document.kind:
        kind = word.add_paragraph().add_run(document.kind.upper())
        kind.bold, kind.font.size = True, Pt(9)
    if document.recipient:
        word.add_paragraph(document.recipient)
    if document.title:
        title = word.add_paragraph().add_run(document.title)
        title.bold, title.font.size = True, Pt(18)
    if document.subtitle:
        subtitle = word.add_paragraph().add_run(document.subtitle)
        subtitle.font.size, subtitle.font.color.rgb = Pt(12), GREY


def _inline(paragraph: WordParagraph, content: Paragraph) -> None:
    for span in content.spans():
        run = paragraph.add_run(span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None


def _numbered(word: WordDocument, items: tuple[Paragraph, ...], start: int = 1) -> None:
    paragraphs = []
    for item in items:
        paragraph = word.add_paragraph(style="List Number")
        _inline(paragraph, item)
        paragraphs.append(paragraph)
    restart_numbering(word, paragraphs, start)


def _blocks(word: WordDocument, blocks: tuple[Block, ...], captions: Captions) -> None:
    for block in blocks:
        _block(word, block, captions)


def _block(word: WordDocument, block: Block, captions: Captions) -> None:
    language = captions.language
    match block:
        case Heading(text=text, level=level):
            word.add_heading(text, level)
        case Paragraph():
            _inline(word.add_paragraph(), block)
        case BulletList(items=items):
            for item in items:
                _inline(word.add_paragraph(style="List Bullet"), item)
        case NumberedList(items=items, start=start):
            _numbered(word, items, start)
        case FieldList(fields=fields):
            fields_table(word, fields)
        case Table():
            caption = captions.table(block.caption)
            if caption:
                word.add_paragraph(caption, style="Caption").paragraph_format.keep_with_next = True
            add_table(word, block, language, TEXT_WIDTH)
        case Figure():
            add_chart(word, block.svg, block.caption, TEXT_WIDTH)
            if block.table is not None:
                add_table(word, block.table, language, TEXT_WIDTH)
            word.add_paragraph(captions.figure(block.caption), style="Caption")
        case PageBreak():
            word.add_page_break()
        case AgendaItem():
            _item(word, block, captions)


def _item(word: WordDocument, item: AgendaItem, captions: Captions) -> None:
    words = WORDS[captions.language]
    word.add_heading(f"{item.number}. {item.title}", 1)
    if item.closed:
        closed = word.add_paragraph().add_run(words.closed.upper())
        closed.bold, closed.font.size, closed.font.color.rgb = True, Pt(8.5), CLOSED_RED
    details = item_details(item, captions.language)
    if details:
        fields_table(word, tuple(details))
    _blocks(word, item.body, captions)
    if item.decision:
        paragraph = word.add_paragraph()
        paragraph.add_run(f"{words.decision}: ").bold = True
        paragraph.add_run(item.decision)
    if item.attachments:
        label = word.add_paragraph()
        label.add_run(words.attachments).bold = True
        label.paragraph_format.keep_with_next = True
        _numbered(word, tuple(Paragraph((name,)) for name in item.attachments))


def _with_fixed_dates(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry))
    return out.getvalue()
