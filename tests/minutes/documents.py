"""Documents for the tests, made from the seeds' text: the same words as a PDF (Typst)
or a Word file (python-docx), so that each format must read to the same meeting."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import typst
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from samraad.minutes import Meeting, Source, parse_meeting
from tests.spec import SEEDS

PAGE_FURNITURE = (
    '#set page(paper: "a4", margin: (x: 2cm, y: 2.5cm),'
    " header: [Københavns Kommune #h(1fr) Centralt Samarbejdsorgan],"
    " footer: context [KS HR (5890) #h(1fr) Side #counter(page).display()"
    " af #counter(page).final().first()])\n"
)


def seed_path(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


def seed_blocks(number: str) -> list[list[str]]:
    """The seed's paragraphs as it lays them out: its lines, one empty line after each,
    a line of spaces between paragraphs."""
    text = seed_path(number).read_text(encoding="utf-8").replace("\n\n", "\n")
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _typst_string(text: str) -> str:
    return '#"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pdf_with_seed_lines(blocks: list[list[str]], size: str = "9pt") -> bytes:
    """Every seed line a line of the PDF, every block a paragraph; a header, a footer
    with the page number on each page."""
    body = "\n\n".join(" \\\n".join(_typst_string(line) for line in block) for block in blocks)
    source = PAGE_FURNITURE + f'#set text(size: {size}, lang: "da", hyphenate: false)\n' + body
    return bytes(typst.compile(source.encode("utf-8"), format="pdf"))


def pdf_reflowed(paragraphs: list[str], titles: set[str]) -> bytes:
    """Running text set by Typst itself: justified and hyphenated (soft hyphens at the
    breaks); titles as paragraphs of their own."""
    body = "\n\n".join(
        ("#strong[" + _typst_string(text) + "]") if text in titles else _typst_string(text)
        for text in paragraphs
    )
    settings = '#set text(size: 11pt, lang: "da", hyphenate: true)\n#set par(justify: true)\n'
    return bytes(typst.compile((PAGE_FURNITURE + settings + body).encode("utf-8"), format="pdf"))


def docx_with_seed_lines(blocks: list[list[str]], numbered_titles: bool = False) -> bytes:
    """A paragraph per block, the seed's lines kept as manual line breaks. With
    numbered_titles, each item heading is a Word numbered list paragraph ("List Number"),
    its number drawn by Word, restarted at 1 for the second part."""
    document = docx.Document()
    list_id = None
    if numbered_titles:
        blocks = _headings_apart(blocks)
    for block in blocks:
        heading = re.fullmatch(r"(\d+)\) (.*)", block[0])
        if numbered_titles and heading:
            title = heading[2]
            block = block[1:]
            # The seeds wrap two titles: "… i Køben-" / "havns Kommune", "…" / "i Københavns".
            if block and (title.endswith("-") or block[0][0].islower()):
                title = title[:-1] + block[0] if title.endswith("-") else f"{title} {block[0]}"
                block = block[1:]
            paragraph = document.add_paragraph(title, style="List Number")
            if heading[1] == "1":
                list_id = _restarted_list(document)
            _number(paragraph, list_id)
            if not block:
                continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(block[0])
        for line in block[1:]:
            run.add_break()
            run.add_text(line)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _headings_apart(blocks: list[list[str]]) -> list[list[str]]:
    """Blocks split before each item heading: the seeds run some on (" 7) Godkendelse …")."""
    apart: list[list[str]] = []
    for block in blocks:
        apart.append([])
        for line in block:
            if re.match(r"\d+\) [A-ZÆØÅ]", line) and apart[-1]:
                apart.append([])
            apart[-1].append(line)
    return apart


def _restarted_list(document: docx.document.Document) -> str:
    """A new list (w:num) on the List Number definition, starting again at 1."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return str(num.numId)


def _number(paragraph: Paragraph, list_id: str | None) -> None:
    if list_id is None:
        return
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = int(list_id)


def meeting_of(text: str, committee: str = "CSO") -> Meeting:
    """The meeting in a plain text, pages separated by form feeds."""
    pages = tuple(tuple(page.split("\n")) for page in text.split("\f"))
    return parse_meeting(Source("møde.txt", pages), committee)
