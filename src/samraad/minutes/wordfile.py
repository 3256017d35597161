"""The paragraphs of a Word .docx file, in order, with the numbers Word draws itself.

An item heading is often a numbered list paragraph: its "1." is not in the text but
in the numbering definitions, so the number is worked out here and put back in front.
Headers and footers are not part of the body, so no page furniture comes through.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from samraad.minutes.errors import MinutesError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

ROMAN: tuple[tuple[int, str], ...] = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"))
ROMAN += ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"))
ROMAN += ((4, "iv"), (1, "i"))


def read_docx(data: bytes, file: str) -> tuple[str, ...]:
    """One line per paragraph (and per manual line break), an empty line after each."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise MinutesError(file, f"cannot be read as a Word .docx file ({exc})") from None
    numbering = Numbering(document.part.numbering_part.element)
    lines: list[str] = []
    for paragraph in _paragraphs(document):
        text = numbering.label(paragraph) + paragraph.text
        lines.extend(text.split("\n"))
        lines.append("")
    return tuple(lines)


def _paragraphs(container: Any) -> Iterator[Paragraph]:
    """The body's paragraphs in order, table cells included (a merged cell once)."""
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            # The cell elements themselves, kept alive: a merged cell comes once per row
            # it spans, as the same element (an id() of a dropped element is reused).
            seen: set[Any] = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _paragraphs(cell)


@dataclass
class Numbering:
    """Word's list counters: per list (numId) one counter per level."""

    element: Any
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, paragraph: Paragraph) -> str:
        found = _number_properties(paragraph)
        if found is None:
            return ""
        num_id, level = found
        definition = self._level(num_id, level)
        if definition is None:
            return ""
        number_format, text, start = definition
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= level:
            counters.append(0)
        counters[level] = counters[level] + 1 if counters[level] else start
        del counters[level + 1 :]
        if number_format == "bullet":
            return "- "
        if number_format == "none":
            return ""
        for depth, count in enumerate(counters, start=1):
            text = text.replace(f"%{depth}", _formatted(count, number_format))
        return text + " "

    def _level(self, num_id: str, level: int) -> tuple[str, str, int] | None:
        """(format, text such as "%1.", start) of one level of one list, if defined."""
        nums = _xpath(self.element, f'./w:num[@w:numId="{num_id}"]')
        if not nums:
            return None
        abstract = _first(_xpath(nums[0], "./w:abstractNumId/@w:val"), "")
        levels = _xpath(
            self.element, f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="{level}"]'
        )
        if not levels:
            return None
        override = f'./w:lvlOverride[@w:ilvl="{level}"]/w:startOverride/@w:val'
        start = _first(_xpath(nums[0], override), "") or _first(
            _xpath(levels[0], "./w:start/@w:val"), "1"
        )
        number_format = _first(_xpath(levels[0], "./w:numFmt/@w:val"), "decimal")
        text = _first(_xpath(levels[0], "./w:lvlText/@w:val"), f"%{level + 1}.")
        return number_format, text, int(start)


def _number_properties(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, level) from the paragraph itself, else from its style or the styles below."""
    properties: list[Any] = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        properties.append(style.element.pPr)
        style = style.base_style
    for pPr in properties:
        num_pr: Any = pPr.numPr if pPr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            num_id = str(num_pr.numId.val)
            level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
            return None if num_id == "0" else (num_id, level)
    return None


def _xpath(element: Any, path: str) -> list[Any]:
    # lxml's own xpath: python-docx's override takes no namespaces for plain elements.
    return list(etree._Element.xpath(element, path, namespaces={"w": W}))


def _first(values: list[Any], default: str) -> str:
    return str(values[0]) if values else default


def _formatted(count: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter"):
        letters = _letters(count)
        return letters if number_format == "lowerLetter" else letters.upper()
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(count)
        return roman if number_format == "lowerRoman" else roman.upper()
    return str(count)


def _letters(count: int) -> str:
    # Word's letter lists go a … z, then aa … zz.
    return chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)


def _roman(count: int) -> str:
    out = ""
    for value, numeral in ROMAN:
        while count >= value:
            out += numeral
            count -= value
    return out
