"""The same seed as PDF (with a header, a footer and page numbers on every page) or as
a Word file reads to the same meeting as its text."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from samraad.minutes import read_meeting
from tests.minutes.documents import (
    docx_with_seed_lines,
    pdf_reflowed,
    pdf_with_seed_lines,
    seed_blocks,
    seed_path,
)
from tests.minutes.seeds import SEEDS, structure

SEED_NUMBERS = sorted(SEEDS)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("number", SEED_NUMBERS)
def test_pdf_of_the_seed_reads_as_its_text(tmp_path: Path, number: str) -> None:
    pdf = _write(tmp_path, "referat.pdf", pdf_with_seed_lines(seed_blocks(number)))
    from_text = read_meeting(seed_path(number), "CSO")
    assert read_meeting(pdf, "CSO").to_dict() == from_text.to_dict()


def test_pdf_pages_carry_header_and_footer(tmp_path: Path) -> None:
    # Larger type: the seed runs over several pages, each with its header and footer.
    pdf = _write(tmp_path, "referat.pdf", pdf_with_seed_lines(seed_blocks("001"), size="14pt"))
    meeting = read_meeting(pdf, "CSO")
    texts = " ".join(item.agenda_text + item.minutes_text for item in meeting.items)
    assert "Side" not in texts
    assert "Centralt Samarbejdsorgan" not in texts
    assert structure(meeting) == SEEDS["001"]


@pytest.mark.parametrize("number", SEED_NUMBERS)
def test_pdf_set_and_hyphenated_by_typst_reads_to_the_same_structure(
    tmp_path: Path, number: str
) -> None:
    from_text = read_meeting(seed_path(number), "CSO")
    paragraphs, titles = [], set()
    for part in from_text.parts:
        paragraphs.append("Dagsorden" if part == "agenda" else "Referat")
        for item in from_text.items:
            title = f"{item.number}) {item.title}"
            titles.add(title)
            paragraphs.append(title)
            text = item.agenda_text if part == "agenda" else item.minutes_text
            paragraphs.extend(paragraph for paragraph in text.split("\n\n") if paragraph)
    pdf = _write(tmp_path, "referat.pdf", pdf_reflowed(paragraphs, titles))
    # The texts may differ where Typst breaks a line at a word's leading hyphen
    # ("og -" / "omkostninger"): that break reads as a dash (docs/minutes-import.md).
    assert structure(read_meeting(pdf, "CSO")) == SEEDS[number]


@pytest.mark.parametrize("number", SEED_NUMBERS)
def test_word_file_of_the_seed_reads_as_its_text(tmp_path: Path, number: str) -> None:
    path = _write(tmp_path, "referat.docx", docx_with_seed_lines(seed_blocks(number)))
    from_text = read_meeting(seed_path(number), "CSO")
    assert read_meeting(path, "CSO").to_dict() == from_text.to_dict()


def test_word_agenda_as_a_table_reads_number_and_title_cells(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Dagsorden for møde i CSO den 6. juni 2024")
    table = document.add_table(rows=0, cols=3)
    for number, title, attachment in [
        ("1.", "Godkendelse af referat fra mødet den 7. marts 2024", "Bilag 1"),
        ("2.", "Budget 2025 til orientering", ""),
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = number, title, attachment
    stream = io.BytesIO()
    document.save(stream)
    meeting = read_meeting(_write(tmp_path, "dagsorden.docx", stream.getvalue()), "CSO")
    assert (meeting.date, meeting.previous_meeting) == (dt.date(2024, 6, 6), dt.date(2024, 3, 7))
    assert [(i.number, i.title, i.purpose, i.agenda_text) for i in meeting.items] == [
        (1, "Godkendelse af referat fra mødet den 7. marts 2024", "approval", "Bilag 1"),
        (2, "Budget 2025 til orientering", "orientation", ""),
    ]


@pytest.mark.parametrize("number", SEED_NUMBERS)
def test_word_numbered_list_headings_read_as_items(tmp_path: Path, number: str) -> None:
    data = docx_with_seed_lines(seed_blocks(number), numbered_titles=True)
    meeting = read_meeting(_write(tmp_path, "referat.docx", data), "CSO")
    assert structure(meeting) == SEEDS[number]
