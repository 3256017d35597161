"""Search over the committees' work (meetings/search.py) on the database in use: run it
on SQLite and again with DATABASE_URL pointing at PostgreSQL. Danish forms, who finds
what (closed items, other committees, drafts, no seat, no login), highlights, the index
following every save, and `samraad meetings reindex`."""

from __future__ import annotations

import io

import docx
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from samraad.accounts.permissions import scope_for
from samraad.audit.models import AuditEntry
from samraad.cli import main
from samraad.clock import today
from samraad.meetings import search, searchtext
from samraad.meetings.agenda import add_item, publish_agenda, remove_item
from samraad.meetings.attachments import add_attachment, attach_note
from samraad.meetings.models import AgendaItem, Note, SearchDocument
from samraad.meetings.recording import add_statement, remove_statement, save_minutes
from tests.meetings.world import CLOSED_TITLE, Committees

pytestmark = pytest.mark.django_db


def titles(user: User, text: str, **filters: object) -> list[str]:
    """What the user finds: each result's title, best first."""
    found = search.find(text, search.audiences(scope_for(user, today())), **filters)  # type: ignore[arg-type]
    return [r.title for r in found.results]


def absence_item(world: Committees) -> AgendaItem:
    """March's budget item with a Danish text about sickness absence (approved minutes)."""
    item = AgendaItem.objects.get(meeting=world.march, number=2)
    item.text = "Sygefraværet i forvaltningerne er steget siden sidste år."
    item.save()
    return item


def test_a_word_finds_its_danish_forms(committees: Committees) -> None:
    """June's title says "Sygefravær", March's text "Sygefraværet": a word in a title
    counts more than one in a text."""
    absence_item(committees)
    for asked in ("sygefravær", "Sygefraværet", "SYGEFRAVÆRETS"):
        assert titles(committees.frede, asked) == ["2. Sygefravær 2025", "2. Budget 2027"], asked
    assert titles(committees.frede, "forvaltning") == ["2. Budget 2027"]
    assert titles(committees.frede, "sygdom") == []


def test_phrases_alternatives_and_exclusions(committees: Committees) -> None:
    absence_item(committees)
    frede = committees.frede
    assert titles(frede, '"sygefraværet i forvaltningerne"') == ["2. Budget 2027"]
    assert titles(frede, '"forvaltningerne sygefraværet"') == []
    assert titles(frede, "sygefravær -budget") == ["2. Sygefravær 2025"]
    assert titles(frede, "trivsel or sygefravær") == ["2. Sygefravær 2025", "2. Budget 2027"]
    assert titles(frede, "og i at") == []
    # A committee's code is words of the text only where the text says it.
    assert titles(committees.sofie, "cso") == [
        "1. Godkendelse af referat fra CSO-mødet den 5. marts 2026",
        "2. Sygefravær 2025",
    ]


def test_a_committee_member_finds_the_committees_closed_items(committees: Committees) -> None:
    assert titles(committees.world.mette, "afskedigelse") == [f"3. {CLOSED_TITLE}"]
    assert titles(committees.sofie, "medarbejder SOL-7") == [f"3. {CLOSED_TITLE}"]


def test_another_committees_member_finds_none_of_its_items(committees: Committees) -> None:
    """HovedMED BUF's secretary and member find their own closed item, not CSO's; CSO's
    members not BUF's; the working group's member neither."""
    hugo, henrik = committees.hugo, committees.world.henrik
    assert titles(hugo, "afskedigelse") == []
    assert titles(hugo, "budget") == []
    assert titles(hugo, "fortroligt") == ["2. Lukket sag i BUF"]
    assert titles(henrik, "fortroligt") == ["2. Lukket sag i BUF"]
    assert titles(committees.world.mette, "fortroligt") == []
    assert titles(committees.wanda, "afskedigelse") == []
    assert titles(committees.wanda, "budget") == []


def test_a_guest_finds_open_items_and_approved_minutes_only(committees: Committees) -> None:
    gitte = committees.gitte
    assert titles(gitte, "afskedigelse") == []
    assert titles(gitte, "budgettet") == ["2. Budget 2027"]  # approved minutes of March
    # June's minutes are a draft: its members find them, the guest not.
    assert titles(committees.frede, "tallene") == ["2. Sygefravær 2025"]
    assert titles(gitte, "tallene") == []


def test_an_agenda_not_sent_out_is_the_secretarys_until_it_is(committees: Committees) -> None:
    add_item(committees.september, title="Trivselsmåling", text="Udkast til et spørgeskema.")
    assert titles(committees.sofie, "spørgeskemaet") == ["1. Trivselsmåling"]
    assert titles(committees.frede, "spørgeskemaet") == []
    assert titles(committees.world.mette, "trivselsmåling") == []
    publish_agenda(committees.september, today())
    assert titles(committees.frede, "spørgeskemaet") == ["1. Trivselsmåling"]
    assert titles(committees.gitte, "spørgeskemaet") == ["1. Trivselsmåling"]


def test_no_seat_finds_nothing_and_has_no_page(client: Client, committees: Committees) -> None:
    carl = committees.world.carl  # central HR: every committee's members, no seat
    assert search.audiences(scope_for(carl, today())) == []
    assert titles(carl, "budget") == []
    client.force_login(carl)
    assert client.get("/search/?q=budget").status_code == 404
    assert 'data-nav="search"' not in client.get("/committees/").content.decode()
    client.force_login(committees.gitte)
    assert 'href="/search/" data-nav="search"' in client.get("/committees/").content.decode()


def test_no_login_is_sent_to_sign_in(client: Client, committees: Committees) -> None:
    response = client.get("/search/?q=budget")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_filters_committee_and_year_and_order(committees: Committees) -> None:
    june = AgendaItem.objects.get(meeting=committees.june, number=2)
    save_minutes(june, "Budget for fraværsindsatsen er uændret.", "")
    frede = committees.frede
    both = ["2. Budget 2027", "2. Sygefravær 2025"]  # by its title first, then the text
    assert titles(frede, "budget") == both
    assert titles(frede, "budget", year=2025) == []
    assert titles(frede, "budget", year=2026) == both
    assert titles(frede, "budget", committee="HMED-BUF") == []
    assert titles(frede, "budget", committee="CSO", by_date=True) == both[::-1]


def test_the_page_marks_the_words_and_escapes_the_text(
    client: Client, committees: Committees
) -> None:
    item = absence_item(committees)
    item.recommendation = "<script>alert(1)</script> Sygefraværet følges."
    item.save()
    client.force_login(committees.frede)
    html = client.get("/search/?q=sygefrav%C3%A6r").content.decode()
    assert "<mark>Sygefraværet</mark> i forvaltningerne er steget" in html
    escaped = {  # ts_headline leaves markup out; the snippet of SQLite escapes it
        "sqlite": "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Sygefraværet</mark> følges",
        "postgresql": "alert(1) <mark>Sygefraværet</mark> følges",
    }
    assert escaped[connection.vendor] in html
    assert "<script>alert" not in html
    assert f'href="/items/{item.pk}/"' in html
    assert f'href="/meetings/{committees.march.pk}/"' in html
    assert "<mark>Sygefravær</mark> 2025" in html  # June's item, by its title


def test_the_page_answers_htmx_with_the_results_alone(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.frede)
    html = client.get("/search/?q=budget", headers={"HX-Request": "true"}).content.decode()
    assert "<mark>Budget</mark> 2027" in html
    assert "<form" not in html


def test_showing_a_closed_item_is_audited(client: Client, committees: Committees) -> None:
    client.force_login(committees.world.mette)
    client.get("/search/?q=budget")
    assert not AuditEntry.objects.filter(page="meetings:search").exists()
    client.get("/search/?q=afskedigelse")
    entry = AuditEntry.objects.get(page="meetings:search")
    assert entry.username == "mette"
    assert entry.path == "/search/?q=afskedigelse"


def test_attachments_text_is_found(committees: Committees) -> None:
    item = AgendaItem.objects.get(meeting=committees.march, number=2)
    word = docx.Document()
    word.add_paragraph("Budgetforslaget omfatter lønsumsstyringen i forvaltningerne.")
    data = io.BytesIO()
    word.save(data)
    add_attachment(item, "budget.docx", data.getvalue(), "application/msword", None)
    add_attachment(
        item, "tal.txt", "Nøgletallene for ledighed".encode("cp1252"), "text/plain", None
    )
    add_attachment(item, "billede.png", b"\x89PNG lonsumsstyringen", "image/png", None)
    assert titles(committees.frede, "lønsumsstyring") == ["2. Budget 2027"]
    assert titles(committees.frede, "nøgletal") == ["2. Budget 2027"]
    found = search.find("lønsumsstyring", search.audiences(scope_for(committees.frede, today())))
    assert [(p.kind, p.name) for p in found.results[0].parts] == [("attachment", "budget.docx")]
    # The closed item's attachment (not a readable PDF) is not found, and breaks nothing.
    assert titles(committees.frede, "personalesag") == [f"3. {CLOSED_TITLE}"]


def test_a_pdf_attachments_text_is_found(committees: Committees) -> None:
    """A note attached to an item is its PDF (typeset): its text layer is searched."""
    note = Note.objects.create(
        committee_id="CSO",
        title="Fraværspolitik",
        date=committees.march.date,
        summary="Politikken beskriver dialogmøderne med langtidssygemeldte.",
    )
    item = AgendaItem.objects.get(meeting=committees.march, number=2)
    attachment = attach_note(item, note, None)
    found = search.find("dialogmøder", search.audiences(scope_for(committees.frede, today())))
    assert [(r.kind, r.title) for r in found.results] == [
        ("note", "Fraværspolitik"),
        ("item", "2. Budget 2027"),
    ]
    assert [(p.kind, p.name) for p in found.results[1].parts] == [("attachment", attachment.name)]


def test_the_newest_version_of_an_attachment_is_indexed(committees: Committees) -> None:
    item = AgendaItem.objects.get(meeting=committees.march, number=2)
    add_attachment(item, "notat.txt", b"Foreloebig tekst om vikarer", "text/plain", None)
    add_attachment(item, "notat.txt", b"Endelig tekst om timelonnede", "text/plain", None)
    assert titles(committees.frede, "vikarer") == []
    assert titles(committees.frede, "timelonnede") == ["2. Budget 2027"]


def test_a_note_is_found_by_every_seat(committees: Committees) -> None:
    Note.objects.create(
        committee_id="CSO",
        title="Handlingsplan for nedbringelse af sygefravær",
        date=committees.march.date,
        summary="Planen samler forvaltningernes indsatser mod langtidssygdom.",
    )
    for user in (committees.gitte, committees.sofie):
        assert titles(user, "indsatserne") == ["Handlingsplan for nedbringelse af sygefravær"]
    assert titles(committees.hugo, "indsatserne") == []


def test_the_index_follows_the_minutes(committees: Committees) -> None:
    item = AgendaItem.objects.get(meeting=committees.june, number=2)
    frede = committees.frede
    save_minutes(item, "Tallene viser et fald i korttidsfraværet.", "Taget til efterretning.")
    assert titles(frede, "korttidsfravær") == ["2. Sygefravær 2025"]
    assert titles(frede, "tallene") == ["2. Sygefravær 2025"]
    statement = add_statement(item, "Ib Ibsen", "Ib Ibsen roste arbejdsmiljøindsatsen.", None)
    assert titles(frede, "arbejdsmiljøindsatsen") == ["2. Sygefravær 2025"]
    remove_statement(statement)
    assert titles(frede, "arbejdsmiljøindsatsen") == []
    remove_item(item)
    assert titles(frede, "korttidsfravær") == []
    assert not SearchDocument.objects.filter(key=f"minutes:{item.pk}").exists()


def test_reindex_command_rebuilds_the_index(
    committees: Committees, capsys: pytest.CaptureFixture[str]
) -> None:
    absence_item(committees)
    expected = SearchDocument.objects.count()
    SearchDocument.objects.all().delete()
    assert titles(committees.frede, "forvaltningerne") == []
    assert main(["meetings", "reindex"]) == 0
    assert capsys.readouterr().out == f"Search index: {expected} texts indexed.\n"
    assert titles(committees.frede, "forvaltningerne") == ["2. Budget 2027"]
    assert main(["meetings", "reindex", "--committee", "HMED-BUF"]) == 0
    assert capsys.readouterr().out == "Search index: 3 texts indexed (HMED-BUF).\n"
    assert SearchDocument.objects.count() == expected


def test_reindex_of_an_unknown_committee_is_a_usage_error(
    committees: Committees, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["meetings", "reindex", "--committee", "NOPE"]) == 2
    assert "no committee with the code 'NOPE'" in capsys.readouterr().err


def test_postgresql_and_python_stem_alike() -> None:
    """The SQLite index's stems are PostgreSQL's `danish` configuration's."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    words = [
        *("sygefraværet", "sygefravær", "forvaltningerne", "medarbejderne", "arbejdsmiljøet"),
        *("trivslen", "budgettet", "udvalgets", "lederne", "tillidsrepræsentanter"),
        *("indsatserne", "handlingsplanen", "langtidssygemeldte", "drøftede", "godkendte"),
        "orienteringen",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT (ts_lexize('danish_stem', w))[1] FROM unnest(%s::text[]) w", [words])
        postgres = [row[0] for row in cursor.fetchall()]
    assert postgres == [searchtext.stem(w) for w in words]
