"""Reading rendered documents back: the PDF's text (pypdf) and the Word file's body
(python-docx), so the tests can compare what a reader sees with what was put in."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import docx
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph
from pypdf import PdfReader


def squeeze(text: str) -> str:
    """Whitespace collapsed (a PDF's line breaks fall wherever the line is full); a
    no-break space is kept, as it is part of how a percent is written."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


@dataclass(frozen=True)
class PdfPage:
    header: str
    body: str
    footer: str


# The page's margins in PDF points from the bottom edge (kk.typ: A4, 22 mm top, 24 mm
# bottom): the running head is printed above the body, the footer below it.
BODY_TOP = 841.89 - 22 * 72 / 25.4
BODY_BOTTOM = 24 * 72 / 25.4


def pdf_pages(pdf: bytes) -> list[PdfPage]:
    """Each page's text split into running head, body and footer.

    A page's first line is its running head when there is text above the body, and its
    last line the footer when there is text below it (Typst writes them in that order)."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        heights: list[float] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip():
                heights.append(cm[5])  # noqa: B023 (used at once, inside the loop)

        lines = page.extract_text(visitor_text=visit).split("\n")
        header = lines.pop(0) if any(y > BODY_TOP for y in heights) else ""
        footer = lines.pop() if any(y < BODY_BOTTOM for y in heights) else ""
        pages.append(PdfPage(header, "\n".join(lines), footer))
    return pages


def pdf_body(pdf: bytes) -> str:
    return squeeze(" ".join(page.body for page in pdf_pages(pdf)))


def in_order(text: str, parts: list[str]) -> list[str]:
    """The parts that are not found in `text` after the previous part (empty: all in order)."""
    missing, position = [], 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            missing.append(part)
        else:
            position = found + len(part)
    return missing


@dataclass(frozen=True)
class WordBlock:
    style: str  # a paragraph's style name, or "table"
    text: str  # a table's cells joined by " | ", rows by " / "


def word_document(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def word_blocks(data: bytes) -> list[WordBlock]:
    """The body in order, paragraphs and tables, leaving out empty spacer paragraphs."""
    word = word_document(data)
    blocks = []
    for element in word.element.body.iterchildren():
        if element.tag.endswith("}p"):
            paragraph = WordParagraph(element, word)
            if paragraph.text:
                blocks.append(WordBlock(paragraph.style.name, paragraph.text))  # type: ignore[union-attr]
        elif element.tag.endswith("}tbl"):
            table = WordTable(element, word)
            rows = [" | ".join(cell.text for cell in row.cells) for row in table.rows]
            blocks.append(WordBlock("table", " / ".join(rows)))
    return blocks


def word_text(data: bytes) -> str:
    return squeeze(" ".join(block.text for block in word_blocks(data)))
