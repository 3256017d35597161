"""`samraad meetings import` stores: the seeds 000–002 as CSO meetings with the
hand-checked structure (tests/minutes/seeds.py), a PDF and a Word file the same way;
a file that cannot be read, an unknown committee or a second meeting on a day stores
nothing and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from samraad.cli import main
from samraad.committees.models import Committee, Member
from samraad.meetings.models import AgendaItem, Meeting, Statement
from tests.minutes.documents import (
    docx_with_seed_lines,
    pdf_with_seed_lines,
    seed_blocks,
    seed_path,
)
from tests.minutes.seeds import SEEDS, ExpectedItem

pytestmark = pytest.mark.django_db
Capsys = pytest.CaptureFixture[str]
# The seeds give no date of their own (docs/committees.md says which the demo uses).
DATES = {"000": "2025-12-11", "001": "2021-10-07", "002": "2020-10-08"}


@pytest.fixture
def cso(db: None) -> Committee:
    from samraad.org.models import Unit, UnitPeriod

    Unit.objects.create(unit_id="KK")
    UnitPeriod.objects.create(
        unit_id="KK", name="Københavns Kommune", kind="municipality", valid_from="2015-01-01"
    )
    return Committee.objects.create(code="CSO", name="CSO", level="central", unit_id="KK")


def stored_items(meeting: Meeting) -> list[ExpectedItem]:
    return [
        (
            item.number,
            item.title,
            item.purpose or None,
            [s.speaker for s in item.statements.all()],
            item.decision or None,
        )
        for item in meeting.items.prefetch_related("statements")
    ]


def store(path: Path, date: str, capsys: Capsys) -> Meeting:
    assert main(["meetings", "import", str(path), "--committee", "CSO", "--date", date]) == 0
    capsys.readouterr()
    return Meeting.objects.get(series__committee_id="CSO", date=date)


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_a_seed_is_stored_with_its_hand_checked_structure(
    cso: Committee, seed: str, capsys: Capsys
) -> None:
    meeting = store(seed_path(seed), DATES[seed], capsys)
    assert stored_items(meeting) == SEEDS[seed].items
    assert meeting.imported_from == seed_path(seed).name
    version = meeting.versions.get()
    assert (version.number, version.method, version.approved_on.isoformat()) == (
        1,
        "imported",
        DATES[seed],
    )
    assert [i["title"] for i in version.content["items"]] == [i[1] for i in SEEDS[seed].items]


def test_an_agenda_and_its_minutes_are_one_meeting_with_both_texts(
    cso: Committee, capsys: Capsys
) -> None:
    meeting = store(seed_path("002"), DATES["002"], capsys)
    budget = meeting.items.get(number=2)
    assert budget.text.startswith("Borgerrepræsentationen forventes den 1. oktober 2020")
    assert meeting.agenda_published_on is not None
    # The statements are kept apart from the committee's own text, in order.
    assert [s.order for s in budget.statements.all()] == [1, 2, 3]
    assert "Mads Grønvall orienterede" not in budget.minutes_text


def test_a_speaker_who_is_a_member_that_day_is_linked(cso: Committee, capsys: Capsys) -> None:
    member = Member.objects.create(
        committee=cso,
        name="Søren Hartmann Hede",
        side="management",
        role="chair",
        valid_from="2019-01-01",
    )
    meeting = store(seed_path("000"), DATES["000"], capsys)
    linked = Statement.objects.filter(item__meeting=meeting, member=member)
    said = sum(speakers.count("Søren Hartmann Hede") for *_, speakers, _ in SEEDS["000"].items)
    assert linked.count() == said == 7
    assert not Statement.objects.filter(
        item__meeting=meeting, speaker="Lene Munck", member__isnull=False
    ).exists()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_pdf_or_word_file_is_stored_like_the_text(
    cso: Committee, tmp_path: Path, kind: str, capsys: Capsys
) -> None:
    blocks = seed_blocks("002")
    data = pdf_with_seed_lines(blocks) if kind == "pdf" else docx_with_seed_lines(blocks)
    path = tmp_path / f"referat.{kind}"
    path.write_bytes(data)
    meeting = store(path, DATES["002"], capsys)
    assert [i[:3] for i in stored_items(meeting)] == [i[:3] for i in SEEDS["002"].items]


def nothing_stored() -> bool:
    return not Meeting.objects.exists() and not AgendaItem.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Referat\n\nCSO mødtes.\n".encode(), "holds no numbered item"),
        (b"%PDF-1.4 broken", "PDF"),
    ],
)
def test_a_bad_file_is_rejected_with_its_name_and_nothing_is_stored(
    cso: Committee, tmp_path: Path, capsys: Capsys, content: bytes, message: str
) -> None:
    path = tmp_path / "referat.txt"
    path.write_bytes(content)
    argv = ["meetings", "import", str(path), "--committee", "CSO", "--date", "2026-06-11"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: ") and message in err
    assert nothing_stored()


def test_an_unknown_committee_stores_nothing(cso: Committee, capsys: Capsys) -> None:
    argv = [
        "meetings",
        "import",
        str(seed_path("000")),
        "--committee",
        "HMED-XX",
        "--date",
        "2025-12-11",
    ]
    assert main(argv) == 2
    assert capsys.readouterr().err == "samraad: error: no committee with the code 'HMED-XX'\n"
    assert nothing_stored()


def test_a_second_meeting_on_the_same_day_is_refused(cso: Committee, capsys: Capsys) -> None:
    store(seed_path("000"), DATES["000"], capsys)
    items = AgendaItem.objects.count()
    argv = [
        "meetings",
        "import",
        str(seed_path("001")),
        "--committee",
        "CSO",
        "--date",
        DATES["000"],
    ]
    assert main(argv) == 2
    assert "CSO already has a meeting on 2025-12-11" in capsys.readouterr().err
    assert (Meeting.objects.count(), AgendaItem.objects.count()) == (1, items)


def test_a_pdf_input_stored_gives_agenda_and_minutes_files_in_its_order(
    cso: Committee, tmp_path: Path, capsys: Capsys
) -> None:
    from samraad.documents import to_docx, to_pdf
    from samraad.meetings.content import paper_of
    from samraad.meetings.papers import agenda_document, minutes_document
    from tests.documents.reading import in_order, pdf_body, word_text

    path = tmp_path / "referat.pdf"
    path.write_bytes(pdf_with_seed_lines(seed_blocks("001")))
    paper = paper_of(store(path, DATES["001"], capsys), closed=True)
    titles = [f"{number}. {title}" for number, title, *_ in SEEDS["001"].items]
    for document in (agenda_document(paper), minutes_document(paper)):
        for text in (pdf_body(to_pdf(document)), word_text(to_docx(document))):
            assert in_order(text, titles) == []
    minutes = pdf_body(to_pdf(minutes_document(paper)))
    assert (
        in_order(minutes, ["Referatet blev godkendt uden bemærkninger.", "Lars Sørensen bemærkede"])
        == []
    )
