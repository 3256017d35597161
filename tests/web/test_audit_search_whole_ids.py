"""The audit search (finding 11) finds a person by the whole key, in an entry's person and
in the list of persons a page showed, never by a part of a key."""

from __future__ import annotations

import pytest
from django.test import Client

from samraad.audit.models import AuditEntry
from tests.web.world import World

# page → (the person of a person page, the persons a list showed)
ENTRIES = {
    "list": ("", "SOL-1 SOL-10 SOL-2"),
    "first": ("", "SOL-1"),
    "middle": ("", "BIB-1 SOL-1 SOL-2"),
    "last": ("", "BIB-1 SOL-1"),
    "ten": ("", "SOL-10 SOL-11"),
    "person": ("SOL-1", ""),
    "other person": ("SOL-11", ""),
}


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("SOL-1", ["list", "first", "middle", "last", "person"]),
        ("SOL-10", ["list", "ten"]),
        ("SOL-", []),
        ("OL-1", []),
        ("1", []),
    ],
)
def test_the_search_matches_whole_keys(
    client: Client, world: World, search: str, found: list[str]
) -> None:
    for page, (employee, subjects) in ENTRIES.items():
        AuditEntry.objects.create(username="x", page=page, employee_id=employee, subjects=subjects)
    client.force_login(world.carl)
    response = client.get("/audit/", {"employee": search})
    pages = {e.page for e in response.context["page"].entries}
    assert pages == set(found)
