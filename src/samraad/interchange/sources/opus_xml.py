"""Reading one KMD Opus dump (`ZLPE<timestamp>_delta.xml`), each element with its line.

A dump is `<kmd>` holding `<orgUnit id=… lastChanged=…>` and `<employee id=…
lastChanged=…>` elements whose children are plain fields (`<startDate>`, `<orgUnit>`,
…), and `<employee id=… action="leave"/>` for an employment that ended. Expat (the
standard library's parser) gives the line of each element, so errors can name it.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

from samraad.interchange.errors import NO_COLUMN, InputError, file_error
from samraad.interchange.reading import Unreadable

# KMD names a delivery ZLPE + its time, YYYYMMDD and usually hhmmss.
DELIVERY = re.compile(r"ZLPE(\d{8})(\d{0,6})", re.IGNORECASE)
KINDS = ("orgUnit", "employee")


@dataclass
class Element:
    kind: str
    attributes: dict[str, str]
    line: int
    fields: dict[str, str | None] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.attributes.get("id", "")

    def get(self, name: str) -> str | None:
        return self.fields.get(name)


@dataclass(frozen=True)
class Dump:
    file: str
    stamp: str  # the delivery time from the file name, for ordering
    delivered: dt.date
    elements: list[Element]


def read_dump(path: Path) -> Dump:
    match = DELIVERY.search(path.name)
    if match is None:
        message = "the name must carry the delivery time, as KMD names it: ZLPE<YYYYMMDDhhmmss>…"
        raise Unreadable([file_error(path.name, message)])
    try:
        delivered = dt.datetime.strptime(match.group(1), "%Y%m%d").date()
    except ValueError:
        raise Unreadable(
            [file_error(path.name, "the delivery date in the name is no day")]
        ) from None
    return Dump(path.name, match.group(1) + match.group(2), delivered, _elements(path))


def _elements(path: Path) -> list[Element]:
    parser = xml.parsers.expat.ParserCreate()
    elements: list[Element] = []
    depth = 0
    current: Element | None = None
    text: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth, current
        depth += 1
        if depth == 2 and name in KINDS:
            current = Element(name, dict(attributes), parser.CurrentLineNumber)
        text.clear()

    def end(name: str) -> None:
        nonlocal depth, current
        if depth == 3 and current is not None:
            current.fields[name] = "".join(text).strip() or None
        elif depth == 2 and current is not None:
            elements.append(current)
            current = None
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    try:
        with path.open("rb") as file:
            parser.ParseFile(file)
    except xml.parsers.expat.ExpatError as exc:
        message = f"not well-formed XML ({xml.parsers.expat.ErrorString(exc.code)})"
        raise Unreadable([InputError(path.name, exc.lineno, NO_COLUMN, message)]) from None
    except OSError as exc:
        raise Unreadable([file_error(path.name, f"cannot be read ({exc.strerror})")]) from None
    return elements
