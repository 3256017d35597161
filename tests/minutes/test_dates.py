"""Date: the meeting's own date from its heading or header fields; the approved
minutes' date is the previous meeting's, never the meeting's."""

from __future__ import annotations

import datetime as dt

import pytest

from samraad.minutes.dates import dates_in
from tests.minutes.documents import meeting_of

APPROVAL_ITEM = "1) Godkendelse af referat fra CSO-mødet den 7. marts 2024\nGodkendt.\n"


@pytest.mark.parametrize(
    "heading",
    [
        "Referat af møde i CSO d. 6. juni 2024",
        "Dagsorden til møde i CSO torsdag den 6. juni 2024 kl. 13-15",
        "Referat\n\nMødet blev afholdt d. 6. juni 2024 på Rådhuset.",
        "Referat\n\nDato: 06.06.2024\nSted: Rådhuset",
        "Centralt Samarbejdsorgan\n6. juni 2024",
        "Referat\n\nDato: 2024-06-06",
    ],
)
def test_own_date_from_the_heading_or_header_fields(heading: str) -> None:
    meeting = meeting_of(f"{heading}\n\n{APPROVAL_ITEM}")
    assert (meeting.date, meeting.previous_meeting) == (dt.date(2024, 6, 6), dt.date(2024, 3, 7))


def test_the_approved_minutes_date_is_never_the_meetings_date() -> None:
    meeting = meeting_of(f"Referat\n\n{APPROVAL_ITEM}")
    assert (meeting.date, meeting.previous_meeting) == (None, dt.date(2024, 3, 7))


def test_dates_in_item_texts_are_not_the_meetings_date() -> None:
    meeting = meeting_of("Referat\n\n1) Budget\nBudgettet vedtages den 7. oktober 2021.\n")
    assert meeting.date is None


def test_previous_meeting_from_the_approval_items_text_when_its_title_has_none() -> None:
    text = (
        "Referat\n\n1) Godkendelse af referat\n"
        "Referatet fra mødet d. 9. oktober 2025 er godkendt.\n"
    )
    assert meeting_of(text).previous_meeting == dt.date(2025, 10, 9)


def test_date_in_a_page_header_counts_when_the_first_page_gives_none() -> None:
    page = "CSO-møde 6. juni 2024\n\n{}\nSide {}"
    text = "\f".join(
        [
            page.format("1) Budget\nLene Munck fortalte om budgettet.", 1),
            page.format("2) Eventuelt\nIntet.", 2),
        ]
    )
    assert meeting_of(text).date == dt.date(2024, 6, 6)


def test_dates_written_in_the_usual_ways() -> None:
    text = "6. juni 2024, 06.06.2024, 6/6-2024, 2024-06-06, 7. okt. 2021, 30. februar 2024"
    assert dates_in(text) == [dt.date(2024, 6, 6)] * 4 + [dt.date(2021, 10, 7)]
