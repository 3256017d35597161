"""Reading files: plain text in UTF-8 (with or without BOM) or Windows-1252; bad files
are rejected whole with the file name and what is wrong."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from samraad.minutes import MinutesError, read_meeting
from tests.minutes.documents import pdf_with_seed_lines

MINUTES = "Referat\n\n1) Fælles sygefraværspolitik\nSøren Hartmann Hede fortalte om høringen.\n"
TITLE = "Fælles sygefraværspolitik"


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", MINUTES.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + MINUTES.encode("utf-8")),
        ("windows.txt", MINUTES.replace("\n", "\r\n").encode("cp1252")),
        ("utf16.txt", MINUTES.encode("utf-16")),
    ],
)
def test_plain_text_encodings_read_alike(tmp_path: Path, name: str, data: bytes) -> None:
    meeting = read_meeting(_file(tmp_path, name, data), "CSO")
    assert [(item.title, item.statements[0].speaker) for item in meeting.items] == [
        (TITLE, "Søren Hartmann Hede")
    ]


def test_windows_1252_is_read_only_when_the_text_is_not_utf8(tmp_path: Path) -> None:
    # "Ã¸" is how UTF-8 "ø" looks when misread as Windows-1252: valid UTF-8 wins.
    meeting = read_meeting(_file(tmp_path, "a.txt", MINUTES.encode("utf-8")), "CSO")
    assert "Ã" not in meeting.items[0].minutes_text


def test_format_is_told_by_content_not_by_suffix(tmp_path: Path) -> None:
    pdf = pdf_with_seed_lines([["Referat"], ["1) " + TITLE, "Lene Munck fortalte om det."]])
    meeting = read_meeting(_file(tmp_path, "referat.txt", pdf), "CSO")
    assert meeting.items[0].title == TITLE


def _docx_without_items() -> bytes:
    document = docx.Document()
    document.add_paragraph("Referat")
    document.add_paragraph("CSO mødtes.")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


NO_ITEM = 'holds no numbered item (a line such as "1) Godkendelse af referat")'
BINARY = "is a binary file, not text"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.txt", b"", "is empty"),
        ("blank.txt", b" \n\n \t\n", "holds no text"),
        ("billede.txt", PNG, f"{BINARY} (it holds NUL bytes)"),
        (
            "styring.txt",
            b"\x01\x02\x03\x04\x05 1) Punkt",
            f"{BINARY} (it holds control characters)",
        ),
        (
            "latin.txt",
            b"1) Punkt \x81\x8d",
            "is neither UTF-8 nor Windows-1252 text (byte 10 is invalid)",
        ),
        ("intet.txt", "Referat\n\nCSO mødtes.\n".encode(), NO_ITEM),
        ("referat.pdf", b"1) Budget\n", "is not a PDF file (it does not start with %PDF)"),
        ("referat.doc", OLE, "is an old Word .doc file: save it as .docx or PDF"),
        ("intet.docx", _docx_without_items(), NO_ITEM),
    ],
)
def test_bad_file_is_rejected_with_what_is_wrong(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = _file(tmp_path, name, data)
    with pytest.raises(MinutesError) as error:
        read_meeting(path, "CSO")
    assert str(error.value) == f"{path}: {message}"


def test_damaged_pdf_is_rejected(tmp_path: Path) -> None:
    pdf = pdf_with_seed_lines([["1) Budget", "Tekst."]])
    path = _file(tmp_path, "referat.pdf", pdf[: len(pdf) // 3])
    with pytest.raises(MinutesError) as error:
        read_meeting(path, "CSO")
    assert str(error.value).startswith(f"{path}: is a damaged PDF that cannot be read (")


def test_pdf_without_text_layer_is_rejected(tmp_path: Path) -> None:
    import typst

    scan = typst.compile(b"#rect(width: 4cm, height: 3cm, fill: gray)", format="pdf")
    path = _file(tmp_path, "scanning.pdf", bytes(scan))
    with pytest.raises(MinutesError) as error:
        read_meeting(path, "CSO")
    assert str(error.value) == f"{path}: has no text layer (a scanned PDF?): nothing to read"


def test_damaged_word_file_is_rejected(tmp_path: Path) -> None:
    path = _file(tmp_path, "referat.docx", b"PK\x03\x04 not really a zip archive")
    with pytest.raises(MinutesError) as error:
        read_meeting(path, "CSO")
    assert str(error.value).startswith(f"{path}: cannot be read as a Word .docx file (")


def test_missing_file_and_directory_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(MinutesError) as missing:
        read_meeting(tmp_path / "findes-ikke.txt", "CSO")
    with pytest.raises(MinutesError) as directory:
        read_meeting(tmp_path, "CSO")
    assert str(missing.value) == f"{tmp_path / 'findes-ikke.txt'}: no such file"
    assert str(directory.value) == f"{tmp_path}: is a directory, not a file"
