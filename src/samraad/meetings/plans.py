"""An action plan's status as the yearly status item says it (seed 000, item 3: "status
på opfølgningsplanen … som et årligt punkt for CSO"). Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from samraad.documents.formatting import format_date
from samraad.vocabulary import ACTION_STATUS, ActionStatus


@dataclass(frozen=True)
class Element:
    number: int
    title: str
    owner: str
    due: dt.date | None
    status: str
    status_note: str = ""


def counts(elements: Sequence[Element]) -> dict[str, int]:
    """How many elements have each status, in the vocabulary's order, zeros left out."""
    found = {code: sum(1 for e in elements if e.status == code) for code in ACTION_STATUS.codes}
    return {code: n for code, n in found.items() if n}


def status_text(plan: str, elements: Sequence[Element], today: dt.date) -> str:
    """A summary line, then one line per element in the plan's order."""
    if not elements:
        return f"{plan}: handlingsplanen har ingen elementer."
    summary = ", ".join(
        f"{n} {ACTION_STATUS.label(code, 'da').lower()}" for code, n in counts(elements).items()
    )
    lines = [f"Status for {plan} pr. {format_date(today, 'da')}: {summary}."]
    for element in sorted(elements, key=lambda e: e.number):
        parts = [ACTION_STATUS.label(element.status, "da")]
        if element.owner:
            parts.append(f"ansvarlig: {element.owner}")
        if element.due is not None:
            late = element.due < today and element.status in (
                ActionStatus.OPEN,
                ActionStatus.IN_PROGRESS,
            )
            parts.append(
                f"frist: {format_date(element.due, 'da')}{' (overskredet)' if late else ''}"
            )
        note = f" {element.status_note.strip()}" if element.status_note.strip() else ""
        lines.append(f"- {element.number}. {element.title}: {', '.join(parts)}.{note}")
    return "\n".join(lines)
