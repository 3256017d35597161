"""Purpose: approval, discussion, orientation or null, from the title, then the agenda
text, then the minutes' summary paragraph."""

from __future__ import annotations

import pytest

from samraad.minutes.purpose import purpose_of
from tests.minutes.documents import meeting_of


@pytest.mark.parametrize(
    ("title", "purpose"),
    [
        ("Godkendelse af referat fra CSO-mødet den 10. juni 2021", "approval"),
        ("Politik til godkendelse", "approval"),
        ("Temadrøftelse om seniorforhold", "discussion"),
        ("Drøftelse af handlingsplanen", "discussion"),
        ("Orientering om budget 2025", "orientation"),
        ("Lønstatistik til orientering", "orientation"),
        ("Budget 2022", None),
        ("Eventuelt", None),
    ],
)
def test_purpose_from_the_title(title: str, purpose: str | None) -> None:
    assert purpose_of(title, "", "") == purpose


@pytest.mark.parametrize(
    ("agenda_text", "purpose"),
    [
        ("Spørgerammen forelægges CSO til godkendelse, jf. vedlagte indstilling.", "approval"),
        ("Møderækken skal godkendes.", "approval"),
        ("Resultaterne præsenteres, hvorefter disse kan drøftes.", "discussion"),
        ("Der gives en orientering af analysens resultater.", "orientation"),
        ("Direktionen vil give en præsentation af budgettet.", None),
    ],
)
def test_purpose_from_the_agenda_text(agenda_text: str, purpose: str | None) -> None:
    assert purpose_of("Punkt", agenda_text, "") == purpose


def test_title_wins_over_the_agenda_text() -> None:
    assert purpose_of("Temadrøftelse", "indsatserne skal godkendes", "") == "discussion"


def test_earliest_cue_in_a_text_wins() -> None:
    assert purpose_of("Punkt", "Til orientering; senere drøftes det.", "") == "orientation"


def test_minutes_summary_paragraph_gives_the_purpose_when_nothing_else_does() -> None:
    summary = (
        "1) Fælles sygefraværspolitik\n"
        "CSO behandlede indstilling om godkendelse af politikken.\n\n"
        "Lene Munck fortalte om drøftelsen i HovedMED.\n"
    )
    statement_first = "1) Budget\nLene Munck fortalte om drøftelsen i HovedMED.\n"
    assert meeting_of(summary).items[0].purpose == "approval"
    assert meeting_of(statement_first).items[0].purpose is None
