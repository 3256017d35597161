"""Breadcrumbs lead only where the reader may go (the finding: a manager's breadcrumb
showed the municipality and the administration, which answered 403)."""

from __future__ import annotations

import re

from django.test import Client

from tests.web.world import World


def crumbs(client: Client, url: str) -> list[str]:
    text = client.get(url).content.decode()
    nav = re.search(r'<ol class="breadcrumbs">(.*?)</ol>', text, re.S)
    return re.findall(r'href="/units/([^/]+)/"', nav.group(1)) if nav else []


def test_a_manager_sees_no_crumb_above_their_unit(client: Client, world: World) -> None:
    client.force_login(world.alice)
    assert crumbs(client, "/units/SOL/") == []


def test_every_crumb_opens(client: Client, world: World) -> None:
    for user in (world.alice, world.hanna, world.carl, world.henrik, world.mette):
        client.force_login(user)
        for unit in crumbs(client, "/units/SOL/"):
            assert client.get(f"/units/{unit}/").status_code == 200


def test_hr_sees_the_path_within_the_administration(client: Client, world: World) -> None:
    client.force_login(world.hanna)
    assert crumbs(client, "/units/SOL/") == ["BUF", "DAG"]
    client.force_login(world.carl)
    assert crumbs(client, "/units/SOL/") == ["KK", "BUF", "DAG"]
