"""Decision: the sentence that records what the committee decided or concluded."""

from __future__ import annotations

import pytest

from samraad.minutes.decisions import decision_of
from tests.minutes.documents import meeting_of


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "CSO behandlede indstilling om godkendelse af politikken. CSO godkendte indstillingen.",
            "CSO godkendte indstillingen.",
        ),
        (
            "Referatet blev godkendt uden bemærkninger.",
            "Referatet blev godkendt uden bemærkninger.",
        ),
        ("Referatet blev godkendt.", "Referatet blev godkendt."),
        (
            "Søren Hede informerede om, at referatet fra CSO-mødet d. 9. oktober 2025 er"
            " godkendt i skriftlig proces uden bemærkninger. Intet videre.",
            "Søren Hede informerede om, at referatet fra CSO-mødet d. 9. oktober 2025 er"
            " godkendt i skriftlig proces uden bemærkninger.",
        ),
        (
            "Britt Petersen spurgte til tallene. Søren Hartmann Hede konkluderede, at"
            " spørgsmålet medtages i undersøgelsen.",
            "Søren Hartmann Hede konkluderede, at spørgsmålet medtages i undersøgelsen.",
        ),
        ("CSO tog orienteringen til efterretning.", "CSO tog orienteringen til efterretning."),
        (
            "Hver sag vurderes konkret. Det blev afslutningsvis konkluderet, at notatet"
            " gennemskrives.",
            "Det blev afslutningsvis konkluderet, at notatet gennemskrives.",
        ),
        (
            "HovedMED besluttede at nedsætte en gruppe.",
            "HovedMED besluttede at nedsætte en gruppe.",
        ),
        ("Drøftet. Beslutning: Indstillingen tiltrådt.", "Beslutning: Indstillingen tiltrådt."),
    ],
)
def test_decision_is_the_sentence_that_records_it(text: str, decision: str) -> None:
    assert decision_of(text) == decision


@pytest.mark.parametrize(
    "text",
    [
        "CSO behandlede indstilling om godkendelse af endelig politik.",
        "Medarbejdersiden godkendte selve politikken.",
        "Mads Grønvall orienterede om, at budgettet blev vedtaget med bred opbakning.",
        "Lene Munck fortalte, at aftalen blev godkendt af Borgerrepræsentationen.",
        "Møderækken skal godkendes.",
        "Der var intet til eventuelt.",
    ],
)
def test_text_without_a_decision_has_none(text: str) -> None:
    assert decision_of(text) is None


def test_the_committee_code_given_is_a_committee() -> None:
    assert decision_of("LMU-SKOLE godkendte budgettet.", "LMU-SKOLE") == (
        "LMU-SKOLE godkendte budgettet."
    )
    assert decision_of("LMU-SKOLE godkendte budgettet.") is None


def test_the_first_decision_of_an_item_counts() -> None:
    text = "1) Budget\nCSO godkendte indstillingen.\n\nSøren Hede konkluderede, at det er godt.\n"
    assert meeting_of(text).items[0].decision == "CSO godkendte indstillingen."


def test_an_agenda_holds_no_decision() -> None:
    text = "Dagsorden\n\n1) Møderække\nMøderækken blev godkendt i skriftlig proces.\n"
    assert meeting_of(text).items[0].decision is None
