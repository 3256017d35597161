"""Uploads (finding 10): a body over SAMRAAD_UPLOAD_MAX_MB is refused in Danish before a
byte of it is read, and one under it reaches the import page as temporary files on
disk, so the server's memory does not grow with its size."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from django.core.files.uploadedfile import UploadedFile
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from tests.web.world import World

MB = 1024 * 1024


class Unread:
    """A request body that must not be read."""

    def read(self, *args: object) -> bytes:
        raise AssertionError("the body was read")

    readline = read


def test_a_too_large_upload_is_refused_in_danish_before_it_is_read(
    client: Client, world: World, settings: SettingsWrapper
) -> None:
    settings.SAMRAAD_UPLOAD_MAX_MB = 5
    client.force_login(world.ada)
    response = client.generic(
        "POST",
        "/import/",
        **{  # type: ignore[arg-type]
            "CONTENT_TYPE": "multipart/form-data; boundary=B",
            "CONTENT_LENGTH": str(5 * MB + 1),
            "wsgi.input": Unread(),
        },
    )
    assert response.status_code == 413
    assert response.context["limit"] == 5
    assert (
        "Det sendte er større end 5 MB, det meste appen tager imod ad gangen. Intet er læst "
        "eller importeret. Importér store filer nogle få ad gangen, eller med kommandoen "
        "samraad import på serveren."
    ) in response.content.decode()


def test_a_body_at_the_limit_is_let_through(
    client: Client, world: World, settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.SAMRAAD_UPLOAD_MAX_MB = 1
    monkeypatch.setattr("samraad.interchange.views.run_import", lambda files: ([], ["checked"]))
    client.force_login(world.ada)
    body = _multipart(b"x" * (MB - 400))
    assert len(body) <= MB
    response = client.generic("POST", "/import/", body, "multipart/form-data; boundary=B")
    assert response.status_code == 400  # the import's answer: it got the file
    assert "checked" in response.content.decode()


def test_an_upload_is_streamed_to_temporary_files_in_bounded_memory(
    client: Client, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = 40 * MB
    body = tmp_path / "body"
    with body.open("wb") as out:
        out.write(_multipart(b"")[: -len(_END)])
        for _ in range(size // MB):
            out.write(b"x" * MB)
        out.write(_END)
    received: list[tuple[str, int, bool]] = []

    def run_import(files: list[UploadedFile]) -> tuple[list[str], list[str]]:
        received.extend(
            (f.name or "", f.size or 0, hasattr(f, "temporary_file_path")) for f in files
        )
        return [], ["checked"]

    monkeypatch.setattr("samraad.interchange.views.run_import", run_import)
    client.force_login(world.ada)
    with body.open("rb") as stream:
        tracemalloc.start()
        response = client.generic(
            "POST",
            "/import/",
            **{  # type: ignore[arg-type]
                "CONTENT_TYPE": "multipart/form-data; boundary=B",
                "CONTENT_LENGTH": str(body.stat().st_size),
                "wsgi.input": stream,
            },
        )
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert response.status_code == 400, response.content.decode()[-1500:]
    assert received == [("absences.csv", size, True)]
    assert peak < 4 * MB, f"{peak / MB:.1f} MB held while receiving {size / MB:.0f} MB"


_END = b"\r\n--B--\r\n"


def _multipart(content: bytes) -> bytes:
    head = (
        b"--B\r\n"
        b'Content-Disposition: form-data; name="uploads"; filename="absences.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\n"
    )
    return head + content + _END
