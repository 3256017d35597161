"""An action plan's status as the yearly item says it (meetings/plans.py)."""

from __future__ import annotations

import datetime as dt

from samraad.meetings.plans import Element, counts, status_text

TODAY = dt.date(2026, 12, 3)
ELEMENTS = [
    Element(2, "Fælleserklæring fra CSO", "CSO's formandskab", dt.date(2023, 3, 1), "done"),
    Element(
        1, "Klarhed over roller", "KS", dt.date(2026, 6, 1), "in_progress", "Kommunikation sendt."
    ),
    Element(3, "Evaluering af Råd & Ret", "", None, "open"),
]


def test_counts_follow_the_vocabulary_and_leave_out_zeros() -> None:
    assert counts(ELEMENTS) == {"open": 1, "in_progress": 1, "done": 1}
    assert counts([]) == {}


def test_the_status_text_summarises_then_lists_each_element_in_order() -> None:
    assert status_text("Opfølgningsplanen", ELEMENTS, TODAY).splitlines() == [
        "Status for Opfølgningsplanen pr. 3. december 2026: 1 ikke påbegyndt, 1 i gang, "
        "1 gennemført.",
        "- 1. Klarhed over roller: I gang, ansvarlig: KS, frist: 1. juni 2026 (overskredet)."
        " Kommunikation sendt.",
        "- 2. Fælleserklæring fra CSO: Gennemført, ansvarlig: CSO's formandskab, "
        "frist: 1. marts 2023.",
        "- 3. Evaluering af Råd & Ret: Ikke påbegyndt.",
    ]


def test_a_plan_without_elements_says_so() -> None:
    assert status_text("Ny plan", [], TODAY) == "Ny plan: handlingsplanen har ingen elementer."
