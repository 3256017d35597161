"""The secretary's and the members' pages at work: statements and actions written,
attachments versioned with their checksums, papers downloaded as PDF and Word and read
back, closed items only for members (and recorded), public minutes without closed items
or drafts."""

from __future__ import annotations

import hashlib

from django.test import Client

from samraad.audit.models import AuditEntry
from samraad.meetings.models import AgendaItem, Attachment, Note, Statement
from tests.documents.reading import in_order, pdf_body, word_text
from tests.meetings.world import CLOSED_TEXT, CLOSED_TITLE, Committees


def test_the_secretary_writes_a_statement_a_decision_and_an_action(
    client: Client, committees: Committees
) -> None:
    item = AgendaItem.objects.get(meeting=committees.june, number=2)
    mette = committees.june.series.committee.members.get(name="Mette Holm")
    client.force_login(committees.sofie)
    client.post(
        f"/items/{item.pk}/statements/",
        {"member": str(mette.pk), "text": "Mette Holm spurgte til BUF."},
    )
    client.post(
        f"/items/{item.pk}/statements/", {"speaker": "Lene Munck", "text": "Lene Munck svarede."}
    )
    client.post(
        f"/items/{item.pk}/minutes/",
        {
            "minutes_text": "CSO drøftede tallene.",
            "decision": "CSO tog orienteringen til efterretning.",
        },
    )
    client.post(
        f"/items/{item.pk}/actions/", {"title": "Tal for BUF", "owner": "KS", "due": "2026-09-01"}
    )
    statements = Statement.objects.filter(item=item)
    assert [(s.speaker, s.member_id) for s in statements] == [
        ("Mette Holm", mette.pk),
        ("Lene Munck", None),
    ]
    page = client.get(f"/meetings/{committees.june.pk}/").content.decode()
    assert (
        in_order(
            page,
            [
                "Mette Holm spurgte til BUF.",
                "Lene Munck svarede.",
                "Tal for BUF",
                "CSO tog orienteringen til efterretning.",
            ],
        )
        == []
    )


def test_a_statement_needs_a_speaker(client: Client, committees: Committees) -> None:
    item = AgendaItem.objects.get(meeting=committees.june, number=2)
    client.force_login(committees.sofie)
    client.post(f"/items/{item.pk}/statements/", {"text": "Nogen sagde noget."})
    assert not Statement.objects.filter(item=item).exists()


def test_an_attachment_uploaded_again_is_a_new_version_with_its_checksum(
    client: Client, committees: Committees
) -> None:
    item = AgendaItem.objects.get(meeting=committees.june, number=2)
    client.force_login(committees.sofie)
    for content in (b"Bilag, udkast", b"Bilag, endelig"):
        upload = {"file": _file("C:\\Users\\sofie\\bilag.txt", content)}
        assert client.post(f"/items/{item.pk}/attachments/", upload).status_code == 302
    versions = list(Attachment.objects.filter(item=item).order_by("version"))
    assert [(a.name, a.version, a.size) for a in versions] == [
        ("bilag.txt", 1, 13),
        ("bilag.txt", 2, 14),
    ]
    assert versions[1].sha256 == hashlib.sha256(b"Bilag, endelig").hexdigest()
    response = client.get(f"/attachments/{versions[1].pk}/")
    assert response.content == b"Bilag, endelig"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert 'attachment; filename="bilag.txt"' in response["Content-Disposition"]


def test_an_uploaded_web_page_is_served_as_bytes_not_as_a_page(
    client: Client, committees: Committees
) -> None:
    item = AgendaItem.objects.get(meeting=committees.june, number=2)
    client.force_login(committees.sofie)
    client.post(
        f"/items/{item.pk}/attachments/",
        {"file": _file("x.html", b"<script>alert(1)</script>", "text/html")},
    )
    response = client.get(f"/attachments/{Attachment.objects.get(item=item).pk}/")
    assert response["Content-Type"] == "application/octet-stream"


def test_a_note_is_attached_as_its_pdf(client: Client, committees: Committees) -> None:
    item = AgendaItem.objects.get(meeting=committees.june, number=2)
    note = Note.objects.create(
        committee_id="CSO",
        title="Sygefravær 2025 / notat",
        date=committees.june.date,
        summary="Fraværet faldt.",
    )
    client.force_login(committees.sofie)
    client.post(f"/items/{item.pk}/notes/", {"note": str(note.pk)})
    attached = Attachment.objects.get(item=item)
    assert (attached.name, attached.note_id) == ("Notat - Sygefravær 2025 - notat.pdf", note.pk)
    assert "Fraværet faldt." in pdf_body(bytes(attached.content))


def _file(name: str, content: bytes, kind: str = "text/plain"):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=kind)


def test_a_generated_agenda_reads_back_in_order_from_pdf_and_word(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.sofie)
    client.post(f"/meetings/{committees.september.pk}/build/")
    expected = [
        "1. Godkendelse af referat fra CSO-mødet den 11. juni 2026",
        "2. Opfølgning på aftalte handlinger",
        "Analyse af langtidsfravær",
        "3. Budget 2027",
        "4. Eventuelt",
    ]
    pdf = client.get(f"/meetings/{committees.september.pk}/agenda.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert in_order(pdf_body(pdf.content), expected) == []
    docx = client.get(f"/meetings/{committees.september.pk}/agenda.docx")
    assert in_order(word_text(docx.content), expected) == []


def test_minutes_files_have_closed_items_for_members_only_and_record_it(
    client: Client, committees: Committees
) -> None:
    url = f"/meetings/{committees.march.pk}/minutes.pdf"
    client.force_login(committees.world.mette)
    member = pdf_body(client.get(url).content)
    assert (
        in_order(
            member,
            ["1. Godkendelse af referat", "2. Budget 2027", "3. Personalesag", "4. Eventuelt"],
        )
        == []
    )
    assert (
        AuditEntry.objects.filter(
            username="mette", page="meetings:minutes_file", action="export"
        ).count()
        == 1
    )
    client.force_login(committees.gitte)
    guest = pdf_body(client.get(url).content) + word_text(
        client.get(url.replace(".pdf", ".docx")).content
    )
    assert CLOSED_TITLE not in guest and "Personalesag" not in guest
    assert not AuditEntry.objects.filter(username="gitte").exists()


def test_a_closed_item_shown_is_recorded_and_hidden_from_a_guest(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.world.mette)
    assert CLOSED_TEXT in client.get(f"/meetings/{committees.march.pk}/").content.decode()
    assert AuditEntry.objects.filter(username="mette", page="meetings:meeting").count() == 1
    client.force_login(committees.gitte)
    page = client.get(f"/meetings/{committees.march.pk}/").content.decode()
    assert CLOSED_TITLE not in page and CLOSED_TEXT not in page and "sag.pdf" not in page


def test_the_public_page_shows_approved_minutes_without_closed_items_or_drafts(
    client: Client, committees: Committees
) -> None:
    listing = client.get("/public/committees/CSO/").content.decode()
    assert f"/public/meetings/{committees.march.pk}/" in listing
    assert f"/public/meetings/{committees.june.pk}/" not in listing  # a draft
    page = client.get(f"/public/meetings/{committees.march.pk}/").content.decode()
    assert "Frede Falk orienterede om budgettet." in page
    assert CLOSED_TITLE not in page and CLOSED_TEXT not in page and "sag.pdf" not in page
    pdf = pdf_body(client.get(f"/public/meetings/{committees.march.pk}/minutes.pdf").content)
    assert in_order(pdf, ["1. Godkendelse af referat", "2. Budget 2027", "4. Eventuelt"]) == []
    assert "Personalesag" not in pdf
    for url in (
        f"/public/meetings/{committees.june.pk}/",
        f"/public/meetings/{committees.june.pk}/minutes.pdf",
    ):
        assert client.get(url).status_code == 404


def test_a_change_after_approval_is_not_published_until_approved(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.sofie)
    budget = AgendaItem.objects.get(meeting=committees.march, number=2)
    client.post(
        f"/items/{budget.pk}/minutes/",
        {"minutes_text": "Ændret efter godkendelse.", "decision": ""},
    )
    page = client.get(f"/meetings/{committees.march.pk}/").content.decode()
    assert "Version 1" in page
    client.logout()
    public = client.get(f"/public/meetings/{committees.march.pk}/").content.decode()
    assert "Drøftet." in public and "Ændret efter godkendelse." not in public
