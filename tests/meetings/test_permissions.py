"""Every page and endpoint of the committees' work by role, the negatives included:
no seat answers 404 (a committee's existence tells nothing), a seat without the role
403; a guest and anyone outside the committee never reach a closed item; the public
pages show approved minutes to everyone and nothing else."""

from __future__ import annotations

import pytest
from django.test import Client

from samraad.meetings.models import AgendaItem, Attachment, Note, Statement
from tests.meetings.world import Committees

ROLES = ["alice", "carl", "ada", "mette", "henrik", "sofie", "frede", "gitte", "hugo", "wanda"]
ANYONE = [200] * len(ROLES)
CSO_SEATS = [404, 404, 404, 200, 404, 200, 200, 200, 404, 404]
CSO_CLOSED = [404, 404, 404, 200, 404, 200, 200, 404, 404, 404]
CSO_SECRETARY = [404, 404, 404, 403, 404, 200, 403, 403, 404, 404]

# url (with {names} of the world's objects): status for each of ROLES
PAGES = {
    "/committees/": [403, 200, 403, 200, 200, 200, 200, 200, 200, 200],
    "/committees/new/": [403, 200, 403, 403, 403, 403, 403, 403, 403, 403],
    "/committees/new/?parent=CSO": [403, 200, 403, 403, 403, 200, 403, 403, 403, 403],
    "/committees/CSO/members/": [404, 200, 404, 403, 404, 200, 403, 403, 404, 404],
    "/committees/CSO/settings/": [404, 200, 404, 403, 404, 200, 403, 403, 404, 404],
    "/committees/TG-SYG/members/": [404, 200, 404, 404, 404, 200, 404, 404, 404, 403],
    "/committees/HMED-BUF/members/": [404, 200, 404, 404, 403, 404, 404, 404, 200, 404],
    "/committees/CSO/": CSO_SEATS,
    "/committees/CSO/?year=2027": CSO_SEATS,
    "/committees/HMED-BUF/": [404, 404, 404, 404, 200, 404, 404, 404, 200, 404],
    "/committees/TG-SYG/": [404, 404, 404, 404, 404, 404, 404, 404, 404, 200],
    "/committees/NOPE/": [404] * len(ROLES),
    "/committees/CSO/cycle/": CSO_SEATS,
    "/committees/CSO/actions/": CSO_SEATS,
    "/committees/CSO/notes/": CSO_SEATS,
    "/committees/CSO/plans/": CSO_SEATS,
    "/committees/CSO/import/": CSO_SECRETARY,
    "/meetings/{march}/": CSO_SEATS,
    "/meetings/{june}/": CSO_SEATS,
    "/meetings/{march}/agenda.pdf": CSO_SEATS,
    "/meetings/{march}/agenda.docx": CSO_SEATS,
    "/meetings/{march}/minutes.pdf": CSO_SEATS,
    "/meetings/{march}/minutes.docx?version=1": CSO_SEATS,
    "/meetings/{march}/minutes.pdf?version=9": [404] * len(ROLES),
    "/items/{budget}/": CSO_SEATS,
    "/items/{closed}/": CSO_CLOSED,
    "/attachments/{attachment}/": CSO_CLOSED,
    "/meetings/{buf_may}/": [404, 404, 404, 404, 200, 404, 404, 404, 200, 404],
    "/items/{buf_closed}/": [404, 404, 404, 404, 200, 404, 404, 404, 200, 404],
    "/notes/{note}/": CSO_SEATS,
    "/notes/{note}.pdf": CSO_SEATS,
    "/notes/{note}.docx": CSO_SEATS,
    "/plans/{plan}/": CSO_SEATS,
    "/public/": ANYONE,
    "/public/committees/CSO/": ANYONE,
    "/public/committees/TG-SYG/": [404] * len(ROLES),
    "/public/meetings/{march}/": ANYONE,
    "/public/meetings/{march}/minutes.pdf": ANYONE,
    "/public/meetings/{june}/": [404] * len(ROLES),
}
PUBLIC = [url for url in PAGES if url.startswith("/public/")]


def objects(world: Committees) -> dict[str, int]:
    note = Note.objects.create(committee_id="CSO", title="Handlingsplan", date=world.march.date)
    return {
        "march": world.march.pk,
        "june": world.june.pk,
        "buf_may": world.buf_may.pk,
        "budget": AgendaItem.objects.get(meeting=world.march, number=2).pk,
        "closed": AgendaItem.objects.get(meeting=world.march, closed=True).pk,
        "buf_closed": AgendaItem.objects.get(meeting=world.buf_may, closed=True).pk,
        "attachment": Attachment.objects.get().pk,
        "note": note.pk,
        "plan": world.march.series.committee.action_plans.get().pk,
    }


def login(client: Client, world: Committees, role: str) -> None:
    client.force_login(getattr(world.world, role, None) or getattr(world, role))


@pytest.mark.parametrize("url", list(PAGES))
def test_each_role_gets_its_status(client: Client, committees: Committees, url: str) -> None:
    address = url.format(**objects(committees))
    got = []
    for role in ROLES:
        login(client, committees, role)
        got.append(client.get(address).status_code)
    assert got == PAGES[url]


@pytest.mark.parametrize("url", [u for u in PAGES if u not in PUBLIC])
def test_anonymous_is_sent_to_sign_in(client: Client, committees: Committees, url: str) -> None:
    response = client.get(url.format(**objects(committees)))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_need_no_login(client: Client, committees: Committees, url: str) -> None:
    expected = PAGES[url][0]
    assert client.get(url.format(**objects(committees))).status_code == expected


# POST endpoints: (url, data) → status for carl, mette, henrik, sofie, frede, gitte
POST_ROLES = ["carl", "mette", "henrik", "sofie", "frede", "gitte"]
SECRETARY = [404, 403, 404, 302, 403, 403]
POSTS: dict[str, tuple[dict[str, str], list[int]]] = {
    "/committees/CSO/meetings/new/": ({"date": "2026-11-05", "kind": "ordinary"}, SECRETARY),
    "/committees/CSO/series/2026/approve/": ({}, SECRETARY),
    "/committees/CSO/cycle/": (
        {"title": "Trivsel", "month": "4", "order": "5"},
        SECRETARY,
    ),
    "/committees/CSO/cycle/{rule}/delete/": ({}, SECRETARY),
    "/committees/CSO/actions/{action}/": ({"a{action}-status": "done"}, SECRETARY),
    "/committees/CSO/notes/": ({"title": "Notat", "date": "2026-06-15"}, SECRETARY),
    "/notes/{note}/": ({"title": "Notat", "date": "2026-06-15"}, SECRETARY),
    "/committees/CSO/plans/": ({"title": "Ny plan"}, SECRETARY),
    "/plans/{plan}/": ({"title": "Element", "status": "open"}, SECRETARY),
    "/plan-elements/{element}/": (
        {"e{element}-title": "Dialogmøder", "e{element}-status": "done"},
        SECRETARY,
    ),
    "/meetings/{september}/edit/": ({"date": "2026-09-17", "kind": "ordinary"}, SECRETARY),
    "/meetings/{september}/build/": ({}, SECRETARY),
    "/meetings/{june}/items/new/": ({"title": "Nyt punkt"}, SECRETARY),
    "/meetings/{june}/publish/": ({}, SECRETARY),
    "/meetings/{june}/procedure/": ({"deadline": "2026-06-22"}, SECRETARY),
    "/meetings/{june}/procedure/withdraw/": ({}, SECRETARY),
    "/meetings/{june}/sign-off/": ({}, [404, 403, 404, 403, 302, 403]),
    "/items/{june_item}/agenda/": ({"title": "Sygefravær 2025"}, SECRETARY),
    "/items/{june_item}/minutes/": ({"minutes_text": "x", "decision": "y"}, SECRETARY),
    "/items/{june_item}/statements/": (
        {"speaker": "Ib Ibsen", "text": "Ib Ibsen sagde."},
        SECRETARY,
    ),
    "/items/{june_item}/actions/": ({"title": "Handling"}, SECRETARY),
    "/items/{june_item}/attachments/": ({}, SECRETARY),
    "/items/{june_item}/notes/": ({"note": "{note}"}, SECRETARY),
    "/items/{june_item}/move/": ({"direction": "up"}, SECRETARY),
    "/items/{june_item}/delete/": ({}, SECRETARY),
    "/statements/{statement}/delete/": ({}, SECRETARY),
    "/items/{closed}/agenda/": ({"title": "Lukket"}, [404, 403, 404, 302, 403, 404]),
    "/committees/new/": (
        {"code": "LMED-X", "name": "LokalMED", "level": "local", "unit": "DAG"},
        [302, 403, 403, 403, 403, 403],
    ),
    "/committees/new/?parent=CSO": (
        {"code": "AG-X", "name": "Arbejdsgruppe", "level": "working_group", "parent": "CSO"},
        [302, 403, 403, 302, 403, 403],
    ),
    "/committees/CSO/settings/": (
        {"code": "CSO", "name": "CSO", "level": "central", "unit": "KK"},
        [302, 403, 404, 302, 403, 403],
    ),
    "/committees/CSO/members/": (
        {"name": "Ny", "side": "employee", "role": "member", "valid_from": "2026-06-15"},
        [302, 403, 404, 302, 403, 403],
    ),
    "/committees/CSO/members/{member}/": (
        {"m{member}-on": "2026-07-01", "m{member}-side": "employee", "m{member}-role": "member"},
        [302, 403, 404, 302, 403, 403],
    ),
}


def post_objects(world: Committees) -> dict[str, int]:
    june_item = AgendaItem.objects.get(meeting=world.june, number=2)
    statement = Statement.objects.create(item=june_item, order=1, speaker="Ib", text="Ib sagde.")
    cso = world.march.series.committee
    return {
        **objects(world),
        "september": world.september.pk,
        "june_item": june_item.pk,
        "statement": statement.pk,
        "rule": cso.recurring_items.first().pk,  # type: ignore[union-attr]
        "action": june_item.actions.get().pk,
        "element": cso.action_plans.get().elements.get().pk,
        "member": cso.members.get(name="Mette Holm").pk,
    }


@pytest.mark.parametrize("url", list(POSTS))
@pytest.mark.parametrize("role", POST_ROLES)
def test_each_role_may_post_or_not(
    client: Client, committees: Committees, url: str, role: str
) -> None:
    names = post_objects(committees)
    data, statuses = POSTS[url]
    login(client, committees, role)
    posted = {key.format(**names): value.format(**names) for key, value in data.items()}
    response = client.post(url.format(**names), posted)
    assert response.status_code == statuses[POST_ROLES.index(role)]


def test_a_member_answers_in_written_procedure_a_guest_does_not(
    client: Client, committees: Committees
) -> None:
    client.force_login(committees.sofie)
    client.post(f"/meetings/{committees.june.pk}/procedure/", {"deadline": "2026-06-22"})
    url = f"/meetings/{committees.june.pk}/procedure/answer/"
    answers = {}
    for role in ("mette", "frede", "gitte", "sofie", "henrik"):
        login(client, committees, role)
        answers[role] = client.post(url, {"answer": "approve"}).status_code
    assert answers == {"mette": 302, "frede": 302, "gitte": 403, "sofie": 403, "henrik": 404}
