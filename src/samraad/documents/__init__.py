"""Committee papers and management reports as PDF and Word, in the municipality's layout.

Pure: no Django, no database. A feature describes its content as a `Document` built from
the blocks in `model.py` and calls `to_pdf` or `to_docx` (docs/documents.md).
"""

from samraad.documents.model import (
    AgendaItem,
    Block,
    BulletList,
    Column,
    Document,
    DocumentError,
    FieldList,
    Figure,
    Heading,
    NumberedList,
    PageBreak,
    Paragraph,
    Span,
    Table,
    bold,
    italic,
    paragraph,
    without_closed_items,
)
from samraad.documents.pdf import to_pdf
from samraad.documents.word import to_docx

__all__ = [
    "AgendaItem",
    "Block",
    "BulletList",
    "Column",
    "Document",
    "DocumentError",
    "FieldList",
    "Figure",
    "Heading",
    "NumberedList",
    "PageBreak",
    "Paragraph",
    "Span",
    "Table",
    "bold",
    "italic",
    "paragraph",
    "to_docx",
    "to_pdf",
    "without_closed_items",
]
