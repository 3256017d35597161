"""Importing minutes on the page: read, corrected by the secretary, stored only when
saved; a bad file, a missing date or a changed form stores nothing and says why."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from samraad.meetings.models import Meeting
from tests.meetings.world import Committees
from tests.minutes.documents import seed_path

URL = "/committees/CSO/import/"


def review_form(html: str) -> dict[str, str]:
    """The review form's fields as the browser would post them unchanged."""
    fields = dict(re.findall(r'<input type="hidden" name="(parsed)" value="([^"]+)"', html))
    fields |= dict(
        re.findall(
            r'name="(item-\d+-(?:title|statements|agenda_text|minutes_text|decision))"[^>]*>([^<]*)',
            html,
        )
    )
    fields |= {name: "on" for name in re.findall(r'name="(item-\d+-keep)" checked', html)}
    for name, value in re.findall(r'name="(item-\d+-title)" value="([^"]*)"', html):
        fields[name] = value
    for name, options in re.findall(r'name="(item-\d+-purpose)">(.*?)</select>', html):
        chosen = re.search(r'value="(\w*)" selected', options)
        fields[name] = chosen[1] if chosen else ""
    from html import unescape

    return {k: unescape(v) for k, v in fields.items()}


def upload(client: Client, content: bytes, name: str = "referat.txt", date: str = "") -> str:
    response = client.post(URL, {"file": SimpleUploadedFile(name, content), "date": date})
    return str(response.status_code) + response.content.decode()


def test_a_seed_is_read_corrected_and_saved(client: Client, committees: Committees) -> None:
    client.force_login(committees.sofie)
    page = upload(client, seed_path("000").read_bytes(), "referat-dec-2025.txt", "2025-12-11")
    assert page.startswith("200")
    assert not Meeting.objects.filter(date="2025-12-11").exists()  # nothing stored yet
    form = review_form(page[3:])
    assert form["item-2-title"] == "Fælles sygefraværspolitik i Københavns Kommune"
    form["item-1-purpose"] = "approval"
    form["item-4-title"] = "Eventuelt og orientering"
    del form["item-3-keep"]
    form["date"] = "2025-12-11"
    response = client.post(URL, form)
    meeting = Meeting.objects.get(series__committee_id="CSO", date="2025-12-11")
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    assert [(i.number, i.title, i.purpose) for i in meeting.items.all()] == [
        (1, "Referat fra CSO-møde den 9. oktober 2025", "approval"),
        (2, "Fælles sygefraværspolitik i Københavns Kommune", "approval"),
        (4, "Eventuelt og orientering", ""),
    ]
    assert meeting.items.get(number=2).statements.count() == 8
    assert (meeting.imported_from, meeting.versions.get().method) == (
        "referat-dec-2025.txt",
        "imported",
    )


def test_a_bad_file_gets_the_readers_message_and_nothing_is_stored(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.sofie)
    before = Meeting.objects.count()
    page = upload(client, b"\x00\x01\x02", "referat.txt", "2025-12-11")
    assert page.startswith("400") and "referat.txt: " in page
    page = upload(client, b"Noter uden punkter.", "noter.txt", "2025-12-11")
    assert "noter.txt: holds no numbered item" in page
    page = upload(client, b"", "tom.pdf")
    assert page.startswith("400")
    assert Meeting.objects.count() == before


def test_saving_without_a_date_stores_nothing(client: Client, committees: Committees) -> None:
    client.force_login(committees.sofie)
    form = review_form(upload(client, seed_path("000").read_bytes())[3:])
    form["date"] = ""
    response = client.post(URL, form)
    assert response.status_code == 400
    assert (
        "Give the meeting" in response.content.decode()
        or "mødets dato" in response.content.decode()
    )
    assert not Meeting.objects.filter(date="2025-12-11").exists()


def test_a_bad_statement_is_named_and_the_corrections_are_kept(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.sofie)
    form = review_form(upload(client, seed_path("000").read_bytes(), date="2025-12-11")[3:])
    form["item-2-statements"] = "Uden taler"
    form["item-4-title"] = "Rettet titel"
    form["date"] = "2025-12-11"
    response = client.post(URL, form)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Punkt 2, udtalelse 1: skriv talerens navn" in html
    assert 'value="Rettet titel"' in html
    assert not Meeting.objects.filter(date="2025-12-11").exists()


def test_a_form_changed_outside_the_app_is_refused(client: Client, committees: Committees) -> None:
    client.force_login(committees.sofie)
    form = review_form(upload(client, seed_path("000").read_bytes(), date="2025-12-11")[3:])
    form["parsed"] = form["parsed"][:-3] + "xyz"
    form["date"] = "2025-12-11"
    assert client.post(URL, form).status_code == 302
    assert not Meeting.objects.filter(date="2025-12-11").exists()
