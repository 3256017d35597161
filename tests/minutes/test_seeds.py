"""The seeds (real CSO agendas and minutes) read to the structure found by hand."""

from __future__ import annotations

import pytest

from samraad.minutes import read_meeting
from tests.minutes.documents import seed_path
from tests.minutes.seeds import SEEDS, structure


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_seed_reads_to_the_hand_checked_structure(number: str) -> None:
    meeting = read_meeting(seed_path(number), "CSO")
    expected = SEEDS[number]
    found = structure(meeting)
    assert (found.date, found.previous_meeting, found.parts) == (
        expected.date,
        expected.previous_meeting,
        expected.parts,
    )
    for found_item, expected_item in zip(found.items, expected.items, strict=True):
        assert found_item == expected_item
    assert found.opening == expected.opening
    assert found.speakers == expected.speakers


def test_both_parts_texts_land_on_the_same_item() -> None:
    item = read_meeting(seed_path("002"), "CSO").items[6]
    assert item.agenda_text == (
        "Efter aftale mellem formand og næstformand i CSO er der allerede indkaldt til CSO’s"
        " møder i 2021. En liste med mødedatoerne er vedlagt."
    )
    assert item.minutes_text == "CSO’s møderække for 2021 blev godkendt."


def test_a_minutes_only_document_has_empty_agenda_texts() -> None:
    meeting = read_meeting(seed_path("000"), "CSO")
    assert {item.agenda_text for item in meeting.items} == {""}


def test_statement_text_is_the_whole_paragraph_with_breaks_joined() -> None:
    item = read_meeting(seed_path("001"), "CSO").items[1]
    assert item.statements[3].text == (
        "Til dette svarede Søren Hartmann Hede, at visse dele af redegørelsen kommer til at"
        " omfatte alle faggrupper."
    )


def test_paragraphs_of_an_item_are_separated_by_a_blank_line() -> None:
    item = read_meeting(seed_path("002"), "CSO").items[1]
    assert item.minutes_text.split("\n\n")[1] == (
        "Der er bl.a. i alt afsat ca. 450 mio. kr. til at indføre minimumsnormeringer fra"
        " 2022. Der er også i alt afsat ca. 350 mio. kr. til den sociale investeringsplan."
        " Parterne er bl.a. også enige om, at der inden Overførselssagen 2020/21 skal"
        " gennemføres en evaluering af rengøringen på skoler og dagtilbud i Københavns"
        " Kommune under Covid-19."
    )
