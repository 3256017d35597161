"""Items: "N)" or "N." and a title; wrapped titles; parts matched by number."""

from __future__ import annotations

import pytest

from samraad.minutes import MinutesError
from tests.minutes.documents import meeting_of


def titles(text: str) -> list[tuple[int, str]]:
    return [(item.number, item.title) for item in meeting_of(text).items]


def test_title_wrapped_with_hyphen_is_joined() -> None:
    text = "1) Lønstatistik for faggrupper i Køben-\nhavns Kommune\nTil orientering.\n"
    assert titles(text) == [(1, "Lønstatistik for faggrupper i Københavns Kommune")]


def test_suspended_compound_keeps_its_hyphen_inside_and_at_the_end_of_a_line() -> None:
    inside = "1) Lønstatistik for kvinde- og mandsdominerede faggrupper\n"
    at_break = "1) Lønstatistik for kvinde-\nog mandsdominerede faggrupper\n"
    expected = [(1, "Lønstatistik for kvinde- og mandsdominerede faggrupper")]
    assert titles(inside) == titles(at_break) == expected


def test_title_going_on_in_lower_case_is_joined_with_a_space() -> None:
    text = (
        "5) Arbejdsgruppen vedr. fastholdelses- og rekrutteringsudfordringer\n"
        "i Københavns Kommune\n"
        "Den af CSO nedsatte arbejdsgruppe har udarbejdet fire tiltag.\n"
    )
    meeting = meeting_of("1) Godkendelse af referat\n\n2) Budget\n\n3) Status\n\n4) Løn\n\n" + text)
    assert meeting.items[4].title == (
        "Arbejdsgruppen vedr. fastholdelses- og rekrutteringsudfordringer i Københavns Kommune"
    )
    assert meeting.items[4].agenda_text == (
        "Den af CSO nedsatte arbejdsgruppe har udarbejdet fire tiltag."
    )


def test_title_ending_on_a_preposition_goes_on_at_the_next_line() -> None:
    text = (
        "1) Temadrøftelse om seniorforhold i\nKøbenhavns Kommune\n\nDer lægges op til drøftelse.\n"
    )
    assert titles(text) == [(1, "Temadrøftelse om seniorforhold i Københavns Kommune")]


def test_text_under_a_title_is_the_item_text_not_the_title() -> None:
    text = "1) Eventuelt\n2) Budget 2022\nBorgerrepræsentationen vedtager budgettet.\n"
    assert [(item.number, item.title, item.agenda_text) for item in meeting_of(text).items] == [
        (1, "Eventuelt", ""),
        (2, "Budget 2022", "Borgerrepræsentationen vedtager budgettet."),
    ]


def test_numbered_items_may_use_a_full_stop() -> None:
    text = "Dagsorden\n\n1. Godkendelse af dagsorden\n\n2. Eventuelt\n"
    assert titles(text) == [(1, "Godkendelse af dagsorden"), (2, "Eventuelt")]


def test_minutes_may_write_ad_before_the_number() -> None:
    text = "Mødereferat\n\nAd 1. Godkendelse af dagsorden\nGodkendt.\n\nAd 2. Eventuelt\n"
    meeting = meeting_of(text)
    assert meeting.parts == ("minutes",)
    assert [(item.number, item.title) for item in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Eventuelt"),
    ]


def test_numbered_lists_inside_the_text_are_not_items() -> None:
    text = (
        "1) Status\n"
        "Temagruppen har haft fokus på:\n"
        "1) beskæftigelse af allerede ansatte, 2) beskæftigelse af ledige, og\n"
        "3) at der i CSO var opbakning.\n"
        "Borgerrepræsentationen forventes den\n"
        "7. oktober 2021 at vedtage budgettet.\n"
        "\n"
        "2) Eventuelt\n"
    )
    assert titles(text) == [(1, "Status"), (2, "Eventuelt")]


def test_a_number_out_of_sequence_is_text() -> None:
    text = "1) Status\nSe punkt\n\n9) Andet punkt i teksten\n\n2) Eventuelt\n"
    meeting = meeting_of(text)
    assert [item.number for item in meeting.items] == [1, 2]
    assert meeting.items[0].agenda_text == "Se punkt\n\n9) Andet punkt i teksten"


def test_a_few_numbers_may_be_skipped_where_closed_items_were_left_out() -> None:
    text = "1) Godkendelse af referat\n\n2) Budget\n\n4) Eventuelt\n"
    assert titles(text) == [(1, "Godkendelse af referat"), (2, "Budget"), (4, "Eventuelt")]


def test_agenda_and_minutes_are_matched_by_number() -> None:
    text = (
        "Dagsorden\n\n1) Budget\nBudgettet forelægges.\n\n2) Eventuelt\n\n"
        "Referat\n\n1) Budget\nCSO tog orienteringen til efterretning.\n\n2) Eventuelt\n"
        "Intet.\n"
    )
    meeting = meeting_of(text)
    assert meeting.parts == ("agenda", "minutes")
    assert [(i.number, i.agenda_text, i.minutes_text) for i in meeting.items] == [
        (1, "Budgettet forelægges.", "CSO tog orienteringen til efterretning."),
        (2, "", "Intet."),
    ]


def test_a_second_part_without_heading_starts_where_item_1_comes_again() -> None:
    text = (
        "1) Budget 2022\nBudgettet forelægges.\n\n2) Eventuelt\n\n"
        "1) Budget 2022\nLene Munck fortalte om budgettet.\n\n2) Eventuelt\n"
    )
    meeting = meeting_of(text)
    assert meeting.parts == ("agenda", "minutes")
    assert meeting.items[0].minutes_text == "Lene Munck fortalte om budgettet."


def test_one_part_without_heading_is_minutes_when_it_records_statements() -> None:
    minutes = meeting_of("1) Budget\nLene Munck fortalte om budgettet.\n")
    agenda = meeting_of("1) Budget\nBudgettet forelægges til orientering.\n")
    assert (minutes.parts, agenda.parts) == (("minutes",), ("agenda",))


def test_a_line_starting_with_referat_inside_an_item_is_no_part_heading() -> None:
    text = "Dagsorden\n\n1) Godkendelse af referat\nReferat af mødet er vedlagt.\n\n2) Budget\n"
    meeting = meeting_of(text)
    assert meeting.parts == ("agenda",)
    assert meeting.items[0].agenda_text == "Referat af mødet er vedlagt."


def test_a_document_without_numbered_items_is_rejected() -> None:
    with pytest.raises(MinutesError) as error:
        meeting_of("Referat\n\nCSO mødtes og drøftede budgettet.\n")
    assert str(error.value) == (
        'møde.txt: holds no numbered item (a line such as "1) Godkendelse af referat")'
    )
