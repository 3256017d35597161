"""Reading a report back: the PDF's text (pypdf) and the Excel file's sheets (openpyxl)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def pdf_lines(pdf: bytes) -> list[str]:
    return [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]


def sheets(xlsx: bytes) -> dict[str, list[list[Any]]]:
    book = load_workbook(io.BytesIO(xlsx))
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book}


def number_formats(xlsx: bytes, sheet: str) -> list[list[str]]:
    book = load_workbook(io.BytesIO(xlsx))
    return [[c.number_format for c in row] for row in book[sheet].iter_rows(min_row=2)]
