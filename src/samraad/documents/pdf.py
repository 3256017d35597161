"""A Document as PDF, typeset by Typst with the municipality's layout (`kk.typ`).

The document goes to the template as JSON data (`sys.inputs`), with every number and
date already written out in the document's language: no user text is ever parsed as
Typst markup, so nothing needs escaping and nothing can break the layout.

Fonts are the ones shipped beside this module (Lato, SIL Open Font License) plus Typst's
own: the machine's fonts are ignored, so the same input gives the same PDF, byte for
byte, on any machine (the creation date written into it is the document's date).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from functools import cache
from pathlib import Path
from typing import Any

import typst

from samraad.documents.formatting import format_date
from samraad.documents.labels import (
    MUNICIPALITY,
    WORDS,
    Captions,
    is_right_aligned,
    item_details,
    running_head,
    sender_line,
    table_texts,
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

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "kk.typ"
FONTS = HERE / "fonts"
# Written into a PDF whose document has no date, so that its bytes do not change.
UNDATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

# A Typst compiler keeps its parsed fonts and caches between runs (the second
# document is many times faster than the first); it must not run two at once.
_lock = threading.Lock()


@cache
def _compiler() -> typst.Compiler:
    return typst.Compiler(font_paths=[str(FONTS)], ignore_system_fonts=True)


@cache
def _template() -> bytes:
    return TEMPLATE.read_bytes()


def to_pdf(document: Document) -> bytes:
    payload = json.dumps(document_data(document), ensure_ascii=False)
    stamp = UNDATED
    if document.date is not None:
        stamp = dt.datetime.combine(document.date, dt.time(), tzinfo=dt.UTC)
    with _lock:
        pdf = _compiler().compile(
            input=_template(), format="pdf", sys_inputs={"document": payload}, timestamp=stamp
        )
    assert isinstance(pdf, bytes)
    return pdf


def document_data(document: Document) -> dict[str, Any]:
    """The JSON the template reads: the letterhead's fields, then the blocks in order."""
    language = document.language
    date = format_date(document.date, language) if document.date else ""
    sender = document.sender
    return {
        "language": language,
        "municipality": MUNICIPALITY,
        "author": ", ".join((MUNICIPALITY, *sender[:1])),
        "kind": document.kind,
        "recipient": document.recipient,
        "title": document.title,
        "subtitle": document.subtitle,
        "date": date,
        "references": [list(pair) for pair in document.references],
        "sender": list(sender),
        "running_head": running_head(document.kind, document.title),
        "footer": sender_line(sender),
        "page_of": WORDS[language].page_of,
        "blocks": _blocks(document.blocks, Captions(language)),
    }


def _blocks(blocks: tuple[Block, ...], captions: Captions) -> list[dict[str, Any]]:
    return [_block(block, captions) for block in blocks]


def _spans(paragraph: Paragraph) -> list[dict[str, Any]]:
    return [{"text": s.text, "bold": s.bold, "italic": s.italic} for s in paragraph.spans()]


def _table(table: Table, captions: Captions, caption: str = "") -> dict[str, Any]:
    texts = table_texts(table, captions.language)
    right = [is_right_aligned(column) for column in table.columns]
    # Text columns share the spare width; figures take what they need.
    wide = [
        column.kind == "text" if column.wide is None else column.wide for column in table.columns
    ]
    if not any(wide):
        wide[0] = True
    has_total = table.total is not None
    return {
        "type": "table",
        "caption": caption,
        "header": texts[0],
        "rows": texts[1:-1] if has_total else texts[1:],
        "total": texts[-1] if has_total else None,
        "right": right,
        "wide": wide,
    }


def _block(block: Block, captions: Captions) -> dict[str, Any]:
    match block:
        case Heading(text=text, level=level):
            return {"type": "heading", "level": level, "text": text}
        case Paragraph():
            return {"type": "paragraph", "spans": _spans(block)}
        case BulletList(items=items):
            return {"type": "bullets", "items": [_spans(item) for item in items]}
        case NumberedList(items=items, start=start):
            return {"type": "numbered", "start": start, "items": [_spans(i) for i in items]}
        case FieldList(fields=fields):
            return {"type": "fields", "fields": [list(pair) for pair in fields]}
        case Table():
            return _table(block, captions, captions.table(block.caption))
        case Figure():
            caption = captions.figure(block.caption)
            table = _table(block.table, captions) if block.table else None
            return {
                "type": "figure",
                "svg": block.svg,
                "caption": caption,
                "table": table,
                "position": block.table_position,
            }
        case PageBreak():
            return {"type": "pagebreak"}
        case AgendaItem():
            return _item(block, captions)
    raise TypeError(f"not a document block: {block!r}")


def _item(item: AgendaItem, captions: Captions) -> dict[str, Any]:
    words = WORDS[captions.language]
    return {
        "type": "item",
        "number": f"{item.number}.",
        "title": item.title,
        "closed": words.closed if item.closed else "",
        "details": [list(pair) for pair in item_details(item, captions.language)],
        "body": _blocks(item.body, captions),
        "decision": [words.decision, item.decision] if item.decision else None,
        "attachments_label": words.attachments,
        "attachments": list(item.attachments),
    }
