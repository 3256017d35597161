"""Statements: a person as subject with a verb of speech; sides, groups, units are not."""

from __future__ import annotations

import pytest

from samraad.minutes.statements import statements_of
from tests.minutes.documents import meeting_of


def speakers(paragraph: str) -> list[str]:
    return [statement.speaker for statement in statements_of(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("Lene Munck fortalte, at implementering af politikken er et punkt.", "Lene Munck"),
        ("Bo Vollertsen bemærkede videre ift. kommunikationsplanen, at …", "Bo Vollertsen"),
        ("Kirsten Gunvor Løth svarede, at som det er i dag, …", "Kirsten Gunvor Løth"),
        ("Søren Hartmann Hede konkluderede, at spørgsmålet medtages.", "Søren Hartmann Hede"),
        ("Mads Grønvall orienterede om, at budgettet blev vedtaget.", "Mads Grønvall"),
        ("Lars Pless gentog, at han ikke anerkender notatets præmis.", "Lars Pless"),
        ("Britt Petersen var enig og sagde, at hvis …", "Britt Petersen"),
        ("Søren Hartmann Hede lagde ud med at orientere CSO om, at …", "Søren Hartmann Hede"),
        ("Anne-Marie von der Lippe præsenterede analysen.", "Anne-Marie von der Lippe"),
        ("Formanden Søren Hartmann Hede bød velkommen.", "Søren Hartmann Hede"),
        ("Søren Hartmann Hede (ØKF) meddelte, at mødet flyttes.", "Søren Hartmann Hede"),
        ("Lene Munck, HR-chef i KS, gav udtryk for, at det går godt.", "Lene Munck"),
        ("Kirsten Gunvor Løth fra medarbejdersiden efterspurgte en plan.", "Kirsten Gunvor Løth"),
    ],
)
def test_name_then_verb_of_speech_is_a_statement(paragraph: str, speaker: str) -> None:
    assert speakers(paragraph) == [speaker]


def test_til_dette_svarede_name_is_the_named_persons_statement() -> None:
    paragraph = "Til dette svarede Søren Hartmann Hede, at visse dele omfatter alle faggrupper."
    assert statements_of(paragraph)[0].speaker == "Søren Hartmann Hede"
    assert statements_of(paragraph)[0].text == paragraph


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("Endeligt orienterede Søren Hartmann Hede om:", "Søren Hartmann Hede"),
        ("I forhold til spørgerammen for 2021 fortalte Britt Petersen, at …", "Britt Petersen"),
        (
            "Efter afrapporteringen holdt Dan Rantzau Schimmel fra Socialforvaltningen et oplæg.",
            "Dan Rantzau Schimmel",
        ),
    ],
)
def test_a_phrase_then_the_verb_then_the_name_is_a_statement(paragraph: str, speaker: str) -> None:
    assert speakers(paragraph) == [speaker]


def test_name_from_organisation_is_the_persons_statement() -> None:
    paragraph = "Dan Rantzau Schimmel fra Københavns Kommune gennemgik analysens resultater."
    assert speakers(paragraph) == ["Dan Rantzau Schimmel"]


def test_two_names_joined_by_og_make_one_statement_each() -> None:
    paragraph = "Tania Karpatschof og Rasmus Bredde spurgte ind til MED-strukturen?"
    assert [(s.speaker, s.text) for s in statements_of(paragraph)] == [
        ("Tania Karpatschof", paragraph),
        ("Rasmus Bredde", paragraph),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "CSO godkendte indstillingen.",
        "CSO blev informeret om status på opfølgningsplanen.",
        "Medarbejdersiden fortalte, at politikken er god.",
        "Til dette svarede organisationssiden enstemmigt, at de er imod.",
        "Temagruppen afrapporterede på sit arbejde for 2020.",
        "Københavns Kommune orienterede om sagen.",
        "Økonomiforvaltningens Direktion præsenterede budgettet.",
        "Det Sociale Kapitel fortalte ingenting.",
        "Han fortalte Søren Hartmann Hede, at det er godt.",
        "Søren fortalte, at ét ord ikke er et navn.",
        "Det blev afslutningsvis konkluderet, at notatet gennemskrives.",
    ],
)
def test_committee_side_group_or_unit_is_not_a_person(paragraph: str) -> None:
    assert statements_of(paragraph) == []


def test_fortalte_videre_on_the_next_line_is_a_statement_of_its_own() -> None:
    text = (
        "1) Politik\n"
        "Kirsten Gunvor Løth fortalte, at medarbejdersiden vil drøfte,\n"
        "hvordan der indhentes mandat.\n"
        "Kirsten Gunvor Løth fortalte videre, at der har været gode drøftelser.\n"
    )
    statements = meeting_of(text).items[0].statements
    assert [s.text for s in statements] == [
        "Kirsten Gunvor Løth fortalte, at medarbejdersiden vil drøfte, hvordan der indhentes"
        " mandat.",
        "Kirsten Gunvor Løth fortalte videre, at der har været gode drøftelser.",
    ]


def test_a_name_inside_a_paragraph_does_not_start_a_statement() -> None:
    text = (
        "1) Status\n"
        "Lene Munck fortalte, at der ikke er noget nyt. Kirsten Gunvor Løth\n"
        "spurgte dernæst ind til processen.\n"
    )
    assert [s.speaker for s in meeting_of(text).items[0].statements] == ["Lene Munck"]


def test_text_of_a_side_stays_minutes_text_between_statements() -> None:
    text = (
        "Referat\n\n"
        "1) Spørgeramme\n"
        "Søren Hartmann Hede orienterede om modellerne.\n\n"
        "Til dette svarede organisationssiden, at de er imod den første model.\n\n"
        "Britt Petersen fortalte, at spørgsmålet skal blive.\n"
    )
    item = meeting_of(text).items[0]
    assert [s.speaker for s in item.statements] == ["Søren Hartmann Hede", "Britt Petersen"]
    assert "Til dette svarede organisationssiden" in item.minutes_text


def test_agenda_text_holds_no_statements() -> None:
    text = (
        "Dagsorden\n\n1) Budget\nMads Grønvall orienterede om budgettet.\n\n"
        "Referat\n\n1) Budget\nMads Grønvall orienterede om budgettet.\n"
    )
    assert len(meeting_of(text).items[0].statements) == 1


def test_statements_before_the_first_item_are_opening_statements() -> None:
    text = (
        "Referat\n\n"
        "Søren Hartmann Hede bød velkommen til mødet.\n\n"
        "1) Budget\nLene Munck fortalte om budgettet.\n\n"
        "2) Eventuelt\nSøren Hartmann Hede takkede for mødet.\n"
    )
    meeting = meeting_of(text)
    assert [(s.speaker, s.text) for s in meeting.opening_statements] == [
        ("Søren Hartmann Hede", "Søren Hartmann Hede bød velkommen til mødet.")
    ]
    assert meeting.speakers == ("Søren Hartmann Hede", "Lene Munck")
