"""The administrator's upload runs the same import as `samraad import`, messages and all."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from samraad.org.models import Unit
from tests.web.world import World

UNITS = (
    "unit_id,name,kind,parent_id,valid_from,valid_to\n"
    "KK,Københavns Kommune,municipality,,2024-01-01,\n"
    "NY,Ny enhed,unit,KFF,2024-01-01,\n"
)
BAD_UNITS = (
    "unit_id,name,kind,parent_id,valid_from,valid_to\nNY2,Ny enhed,unit,NOWHERE,2024-01-01,\n"
)


def _upload(client: Client, name: str, text: str):  # type: ignore[no-untyped-def]
    upload = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return client.post("/import/", {"uploads": [upload]})


def test_administrator_imports_a_file(client: Client, world: World) -> None:
    client.force_login(world.ada)
    response = _upload(client, "units.csv", UNITS)
    assert response.status_code == 200
    assert "units.csv: added 1" in response.content.decode()
    assert Unit.objects.filter(unit_id="NY").exists()


def test_errors_name_file_line_and_column_and_nothing_is_written(
    client: Client, world: World
) -> None:
    client.force_login(world.ada)
    response = _upload(client, "units.csv", BAD_UNITS)
    assert response.status_code == 400
    errors = response.context["page"].errors
    assert errors and all(line.startswith("units.csv:") for line in errors)
    assert "units.csv:2: parent_id" in errors[0]
    assert not Unit.objects.filter(unit_id="NY2").exists()


def test_only_csv_and_xlsx_files_are_taken(client: Client, world: World) -> None:
    client.force_login(world.ada)
    response = _upload(client, "units.txt", UNITS)
    assert response.status_code == 400
    assert not Unit.objects.filter(unit_id="NY").exists()


def test_new_data_is_seen_at_once(client: Client, world: World) -> None:
    client.force_login(world.carl)
    assert client.get("/units/NY/").status_code == 404
    client.force_login(world.ada)
    _upload(client, "units.csv", UNITS)
    client.force_login(world.carl)
    assert client.get("/units/NY/").status_code == 200
