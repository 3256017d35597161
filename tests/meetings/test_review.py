"""The import's correction step (meetings/review.py): statements as "Name: text"
paragraphs and back, items left out, errors that name the item and the statement."""

from __future__ import annotations

import pytest

from samraad.meetings.review import (
    ReviewError,
    corrected,
    meeting_from_dict,
    parse_statements,
    statements_text,
    summary_text,
)
from samraad.minutes import Item, Meeting, Statement, read_meeting
from tests.minutes.documents import seed_path

STATEMENTS = (
    Statement("Lene Munck", "Lene Munck fortalte, at politikken er et punkt."),
    Statement("Bo Vollertsen", "Bo Vollertsen bemærkede: det er vigtigt."),
)


def test_statements_read_back_from_their_text() -> None:
    assert parse_statements(statements_text(STATEMENTS), 2) == STATEMENTS


def test_a_paragraph_without_a_speaker_names_item_and_statement() -> None:
    with pytest.raises(ReviewError, match="Punkt 4, udtalelse 2: skriv talerens navn"):
        parse_statements("Lene Munck: Hun fortalte.\n\nUden navn og kolon", 4)


def test_a_seed_reads_back_from_its_json() -> None:
    meeting = read_meeting(seed_path("002"), "CSO")
    assert meeting_from_dict(meeting.to_dict()) == meeting


def test_summary_text_leaves_out_the_statements() -> None:
    item = Item(
        1,
        "Budget",
        None,
        "",
        "CSO drøftede.\n\nLene Munck fortalte, at politikken er et punkt.",
        STATEMENTS[:1],
        None,
    )
    assert summary_text(item) == "CSO drøftede."


def fields(meeting: Meeting) -> dict[str, str]:
    form = {}
    for item in meeting.items:
        prefix = f"item-{item.number}-"
        form |= {
            prefix + "keep": "on",
            prefix + "title": item.title,
            prefix + "purpose": item.purpose or "",
            prefix + "agenda_text": item.agenda_text,
            prefix + "minutes_text": summary_text(item),
            prefix + "statements": statements_text(item.statements),
            prefix + "decision": item.decision or "",
        }
    return form


def test_the_form_unchanged_gives_the_meeting_less_the_statements_in_the_text() -> None:
    meeting = read_meeting(seed_path("000"), "CSO")
    again = corrected(meeting, fields(meeting))
    assert [(i.title, i.purpose, i.statements, i.decision) for i in again.items] == [
        (i.title, i.purpose, i.statements, i.decision) for i in meeting.items
    ]


def test_corrections_are_taken_and_unticked_items_left_out() -> None:
    meeting = read_meeting(seed_path("000"), "CSO")
    form = fields(meeting)
    form["item-1-purpose"] = "approval"
    form["item-3-decision"] = "CSO tog status til efterretning."
    del form["item-4-keep"]
    again = corrected(meeting, form)
    assert [i.number for i in again.items] == [1, 2, 3]
    assert (again.items[0].purpose, again.items[2].decision) == (
        "approval",
        "CSO tog status til efterretning.",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"item-2-title": " "}, "Punkt 2: titlen mangler."),
        ({"item-2-purpose": "vote"}, "Punkt 2: ukendt formål 'vote'."),
    ],
)
def test_a_bad_field_is_refused_with_its_item(change: dict[str, str], message: str) -> None:
    meeting = read_meeting(seed_path("000"), "CSO")
    with pytest.raises(ReviewError, match=message):
        corrected(meeting, fields(meeting) | change)


def test_no_item_left_is_refused() -> None:
    meeting = read_meeting(seed_path("000"), "CSO")
    with pytest.raises(ReviewError, match="Mindst ét punkt"):
        corrected(meeting, {})
