"""Numbers as a Danish HR consultant writes them (1.234,5), unit kinds in Danish, months
with their own names; English in English."""

from __future__ import annotations

import re

from django.test import Client
from django.utils import translation

from samraad.web.templatetags.numbers import number
from tests.web.world import World


def test_numbers_in_danish_and_english() -> None:
    with translation.override("da"):
        assert [number(53106), number(719948.94, 1), number(2.345, 2)] == [
            "53.106",
            "719.948,9",
            "2,35",  # half up, like every figure of the product
        ]
        assert number(None) == "–"
    with translation.override("en"):
        assert [number(53106), number(719948.94, 1)] == ["53,106", "719,948.9"]


def test_the_unit_page_speaks_danish(client: Client, world: World) -> None:
    client.force_login(world.carl)
    text = client.get("/units/KK/").content.decode()
    assert "Kommune" in text and ">municipality<" not in text
    assert re.search(r"\bSept\b", text) is None
    page = client.get("/units/BUF/").content.decode()
    assert "Forvaltning" in page
