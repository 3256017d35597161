"""Text: lines joined into paragraphs, hyphenated breaks joined, furniture removed."""

from __future__ import annotations

import pytest

from samraad.minutes.furniture import is_page_number, remove_furniture
from samraad.minutes.hyphens import hyphenated_words, join_pair
from samraad.minutes.lines import clean, is_double_spaced, undouble
from tests.minutes.documents import meeting_of


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("fælles sygefra-", "værspolitik for", "fælles sygefraværspolitik for"),
        ("i Køben-", "havns Kommune", "i Københavns Kommune"),
        ("for kvinde-", "og mandsdominerede", "for kvinde- og mandsdominerede"),
        ("bagud-", "eller fremover", "bagud- eller fremover"),
        ("drøftet på CSO-", "mødet den 10. juni", "drøftet på CSO-mødet den 10. juni"),
        ("kurser og e-", "læring", "kurser og e-læring"),
        ("som følge af Covid-", "19", "som følge af Covid-19"),
        ("varslet –", "det er", "varslet – det er"),
        ("herun\u00ad", "der at", "herunder at"),
    ],
)
def test_line_break_joins(left: str, right: str, joined: str) -> None:
    assert join_pair(left, right) == joined


def test_hyphen_kept_where_the_document_writes_the_word_with_one() -> None:
    compounds = hyphenated_words(["for at få ikke-afholdt ferie udbetalt"])
    assert join_pair("udbetalt ikke-", "afholdt ferie", compounds) == "udbetalt ikke-afholdt ferie"
    assert join_pair("udbetalt ikke-", "afholdt ferie") == "udbetalt ikkeafholdt ferie"


def test_paragraph_lines_are_joined_and_paragraphs_kept_apart() -> None:
    text = (
        "1) Budget\n"
        "Der er afsat 300 mio. kr. til fastholdelses- og rekrut-\n"
        "teringsindsatsen.\n"
        "\n"
        "CSO vil blive involveret i arbejdet.\n"
    )
    assert meeting_of(text).items[0].agenda_text == (
        "Der er afsat 300 mio. kr. til fastholdelses- og rekrutteringsindsatsen.\n\n"
        "CSO vil blive involveret i arbejdet."
    )


def test_list_items_keep_their_own_lines() -> None:
    text = "1) Eventuelt\nEndeligt orienterede Søren Hede om:\n- at A er\nklar.\n- at B følger.\n"
    assert meeting_of(text).items[0].minutes_text == (
        "Endeligt orienterede Søren Hede om:\n- at A er klar.\n- at B følger."
    )


@pytest.mark.parametrize(
    "line", ["KS HR (5890) 3/5", "3", "Side 2 af 5", "side 2", "- 4 -", "Page 3 of 9", "3/5"]
)
def test_page_numbers_are_furniture(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize(
    "line", ["2021", "2020/21", "Referatet blev godkendt.", "KS HR (5890) 6/5", "8) Eventuelt"]
)
def test_text_is_not_furniture(line: str) -> None:
    assert not is_page_number(line)


def test_a_footer_in_the_middle_of_a_paragraph_is_removed_and_the_paragraph_goes_on() -> None:
    text = (
        "1) Budget\n"
        "Lene Munck fortalte, at implementering af politikken\n"
        "\n"
        "KS HR (5890) 3/5\n"
        "\n"
        "er et punkt på HovedMED møder.\n"
    )
    item = meeting_of(text).items[0]
    assert item.minutes_text == (
        "Lene Munck fortalte, at implementering af politikken er et punkt på HovedMED møder."
    )


def test_headers_and_footers_repeated_on_the_pages_are_removed() -> None:
    pages = [
        [
            "Københavns Kommune",
            "CSO 6. juni 2024",
            "",
            "1) Budget",
            "Lene Munck fortalte, at",
            "12",
        ],
        ["Københavns Kommune", "CSO 6. juni 2024", "", "budgettet er vedtaget.", "", "13"],
        ["Københavns Kommune", "CSO 6. juni 2024", "", "2) Eventuelt", "Intet.", "14"],
    ]
    cleaned = remove_furniture(pages)
    assert cleaned.lines == [
        "1) Budget",
        "Lene Munck fortalte, at",
        "budgettet er vedtaget.",
        "",
        "2) Eventuelt",
        "Intet.",
    ]
    assert cleaned.furniture[:3] == ["Københavns Kommune", "CSO 6. juni 2024", "12"]


def test_a_heading_under_an_identical_page_header_is_kept() -> None:
    pages = [["Referat", "Referat", "1) Budget", "Tekst."], ["Referat", "2) Eventuelt", "Intet."]]
    assert remove_furniture(pages).lines[:2] == ["Referat", "1) Budget"]


def test_a_sentence_ending_at_a_page_break_ends_the_paragraph() -> None:
    pages = [["1) Budget", "Lene Munck fortalte om budgettet."], ["Der er afsat midler."]]
    assert remove_furniture(pages).lines == [
        "1) Budget",
        "Lene Munck fortalte om budgettet.",
        "",
        "Der er afsat midler.",
    ]


def test_double_spaced_text_reads_blank_runs_as_one_less() -> None:
    lines = [
        "1) Budget", "", "Der er afsat midler til fastholdel-", "", "sesindsatsen, og", "",
        "rekruttering.", "", "", "", "Lene Munck fortalte om det.", "",
    ]  # fmt: skip
    assert is_double_spaced(lines)
    assert undouble(lines) == [
        "1) Budget",
        "Der er afsat midler til fastholdel-",
        "sesindsatsen, og",
        "rekruttering.",
        "",
        "",
        "Lene Munck fortalte om det.",
    ]


def test_one_paragraph_per_line_is_not_double_spaced() -> None:
    lines = ["1) Budget", "", "Der er afsat midler.", "", "Lene Munck fortalte om det.", ""]
    assert not is_double_spaced(lines)


def test_characters_from_pdf_and_word_are_normalised() -> None:
    assert clean("  Ef\ufb01ektiv\u00a0og  sam\u00adlet  ") == "Effiektiv og samlet"
    assert clean("sygefra\u00ad ") == "sygefra\u00ad"
