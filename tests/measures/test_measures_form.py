"""The measures form: HR writes its own administration's measures (central HR every
administration's and the common ones), starting from a copy of last year's; managers,
committee members, secretaries and administrators cannot."""

from __future__ import annotations

import pytest
from django.test import Client

from samraad.measures.models import Measure, MeasureSet
from tests.measures.conftest import sickness_item
from tests.meetings.world import Committees

ROLES = ["hanna", "carl", "alice", "mette", "henrik", "sofie", "ada"]
# GET status for hanna (HR partner, BUF), carl (central HR), alice (manager of SOL),
# mette (CSO member), henrik (HovedMED BUF member), sofie (CSO secretary), ada (admin)
PAGES = {
    "/measures/": [200, 200, 403, 403, 403, 403, 403],
    "/measures/BUF/2026/": [200, 200, 403, 403, 403, 403, 403],
    "/measures/KFF/2026/": [403, 200, 403, 403, 403, 403, 403],
    "/measures/KK/2026/": [403, 200, 403, 403, 403, 403, 403],  # the common measures
    "/measures/DAG/2026/": [404, 404, 403, 403, 403, 403, 403],  # not an administration
    "/measures/NOPE/2026/": [404, 404, 404, 404, 404, 404, 404],
    "/measures/2026.pdf": [403, 200, 403, 403, 403, 403, 403],
    "/measures/2026.docx": [403, 200, 403, 403, 403, 403, 403],
}
FORM = {
    "intro": "Der er fortsat stor opmærksomhed på sygefraværet.",
    "m-TOTAL_FORMS": "2",
    "m-INITIAL_FORMS": "0",
    "m-MIN_NUM_FORMS": "0",
    "m-MAX_NUM_FORMS": "1000",
    "m-0-section": "Særlige indsatser 2026:",
    "m-0-title": "Sygefraværsindsats:",
    "m-0-text": "Indsatsen understøtter lederne.",
    "m-0-ORDER": "1",
    "m-1-section": "",
    "m-1-title": "Tidlig Indsats",
    "m-1-text": "Flere forløb om måneden.",
    "m-1-ORDER": "2",
}


def user_of(committees: Committees, name: str) -> object:
    return getattr(committees.world, name, None) or getattr(committees, name)


@pytest.mark.parametrize("url", list(PAGES))
def test_each_role_gets_its_status(client: Client, committees: Committees, url: str) -> None:
    got = []
    for name in ROLES:
        client.force_login(user_of(committees, name))
        got.append(client.get(url).status_code)
    assert got == PAGES[url]


def test_anonymous_is_sent_to_sign_in(client: Client, committees: Committees) -> None:
    response = client.get("/measures/BUF/2026/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_hr_saves_its_administrations_measures(client: Client, committees: Committees) -> None:
    client.force_login(committees.world.hanna)
    assert client.post("/measures/BUF/2026/", FORM).status_code == 302
    found = MeasureSet.objects.get(unit_id="BUF", year=2026)
    assert found.intro == FORM["intro"] and found.updated_by == committees.world.hanna
    assert [(m.order, m.section, m.title, m.text) for m in found.measures.all()] == [
        (1, "Særlige indsatser 2026:", "Sygefraværsindsats:", "Indsatsen understøtter lederne."),
        (2, "", "Tidlig Indsats", "Flere forløb om måneden."),
    ]


@pytest.mark.parametrize(
    ("who", "unit"),
    [("hanna", "KFF"), ("hanna", "KK"), ("alice", "BUF"), ("mette", "BUF"), ("sofie", "BUF")],
)
def test_others_cannot_save(client: Client, committees: Committees, who: str, unit: str) -> None:
    client.force_login(user_of(committees, who))
    assert client.post(f"/measures/{unit}/2026/", FORM).status_code == 403
    assert not MeasureSet.objects.exists()


def test_hr_partner_lists_their_own_administration(client: Client, committees: Committees) -> None:
    client.force_login(committees.world.hanna)
    rows = client.get("/measures/?year=2026").context["page"].rows
    assert [r.unit_id for r in rows] == ["BUF"]
    client.force_login(committees.world.carl)
    page = client.get("/measures/?year=2026").context["page"]
    assert [r.unit_id for r in page.rows] == ["KK", "BUF", "KFF"] and page.compiles


def test_the_menu_shows_measures_to_hr_only(client: Client, committees: Committees) -> None:
    for name, shown in (("hanna", True), ("carl", True), ("alice", False), ("mette", False)):
        client.force_login(user_of(committees, name))
        assert ('href="/measures/"' in client.get("/").content.decode()) is shown, name


def last_years(unit: str = "BUF") -> MeasureSet:
    found = MeasureSet.objects.create(unit_id=unit, year=2025, intro="Fokus på trivsel.")
    for order, (section, title, text) in enumerate(
        [
            ("Hvad gør vi fortsat:", "Opfølgning i MED", "HovedMED drøfter sygefraværet."),
            ("Hvad gør vi fortsat:", "Kompetenceudvikling", "HR tilbyder oplæg."),
            ("", "", "Vidensdeling mellem forvaltningerne."),
        ],
        start=1,
    ):
        Measure.objects.create(
            measure_set=found, order=order, section=section, title=title, text=text
        )
    return found


def contents(found: MeasureSet) -> list[tuple[int, str, str, str]]:
    return [(m.order, m.section, m.title, m.text) for m in found.measures.all()]


def test_this_year_starts_as_a_copy_of_last_years(client: Client, committees: Committees) -> None:
    previous = last_years()
    client.force_login(committees.world.hanna)
    assert "Kopiér sidste års tiltag" in client.get("/measures/BUF/2026/").content.decode()
    assert client.post("/measures/BUF/2026/copy/").status_code == 302
    copy = MeasureSet.objects.get(unit_id="BUF", year=2026)
    assert copy.intro == "Fokus på trivsel." and copy.copied_from == previous
    assert contents(copy) == contents(previous)
    page = client.get("/measures/BUF/2026/").content.decode()
    assert "Kopiér sidste års tiltag" not in page and "HovedMED drøfter sygefraværet." in page
    # Editing this year's leaves last year's as it was.
    assert client.post("/measures/BUF/2026/", FORM).status_code == 302
    assert len(contents(previous)) == 3 and contents(copy)[0][2] == "Sygefraværsindsats:"


def test_copy_needs_last_years_and_never_overwrites(client: Client, committees: Committees) -> None:
    client.force_login(committees.world.hanna)
    client.post("/measures/BUF/2026/copy/")
    assert not MeasureSet.objects.exists()
    last_years()
    client.post("/measures/BUF/2026/", FORM)
    client.post("/measures/BUF/2026/copy/")
    assert len(contents(MeasureSet.objects.get(unit_id="BUF", year=2026))) == 2


def test_hr_cannot_copy_another_administrations(client: Client, committees: Committees) -> None:
    last_years("KFF")
    client.force_login(committees.world.hanna)
    assert client.post("/measures/KFF/2026/copy/").status_code == 403
    assert not MeasureSet.objects.filter(year=2026).exists()


def test_a_measure_needs_a_heading_or_a_text(client: Client, committees: Committees) -> None:
    client.force_login(committees.world.hanna)
    bad = {**FORM, "m-1-title": "", "m-1-text": "", "m-1-section": "Andre indsatser"}
    response = client.post("/measures/BUF/2026/", bad)
    assert response.status_code == 400
    assert "Et tiltag skal have en overskrift eller en beskrivelse." in response.content.decode()
    assert not MeasureSet.objects.exists()


def test_the_secretary_attaches_the_compiled_measures(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.world.hanna)
    client.post("/measures/BUF/2026/", FORM)
    client.force_login(committees.sofie)
    item = sickness_item(committees)
    assert client.post(f"/items/{item.pk}/sickness-measures/").status_code == 302
    names = sorted(item.attachments.values_list("name", "version"))
    assert names == [
        ("Bilag 2 - Forvaltningernes tiltag 2026.docx", 1),
        ("Bilag 2 - Forvaltningernes tiltag 2026.pdf", 1),
    ]
