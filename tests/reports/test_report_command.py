"""`samraad report`: one unit's report to a file, every administration's and centre's to
a folder, and one-line errors (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samraad.cli import main
from tests.reports.reading import pdf_text, sheets
from tests.web.world import World


def test_all_writes_every_administration_and_centre(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lis"
    args = ["report", "--all", "--month", "2026-05", "--format", "xlsx", "--out", str(out)]
    assert main([*args, "--audience", "committee"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "BUF-2026-05.xlsx",
        "DAG-2026-05.xlsx",
        "KFF-2026-05.xlsx",
        "SKO-2026-05.xlsx",
    ]
    assert capsys.readouterr().out.startswith("4 reports for 2026-05 (committee, xlsx) in ")
    about = dict(
        (r[0], r[1]) for r in sheets((out / "DAG-2026-05.xlsx").read_bytes())["Om rapporten"][1:4]
    )
    assert about["Periode"] == "maj 2026"


def test_the_format_follows_the_file_and_the_language_may_be_english(
    world: World, tmp_path: Path
) -> None:
    out = tmp_path / "buf.pdf"
    assert (
        main(
            ["report", "--unit", "BUF", "--month", "2026-05", "--out", str(out), "--language", "en"]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out.read_bytes())
    assert "Monthly report for May 2026 · for management" in text
    assert "Key figures" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "NOPE", "--month", "2026-05"], "unknown unit: NOPE"),
        (["--unit", "BUF", "--month", "2026-06"], "2026-06 is not complete yet"),
        (["--unit", "BUF", "--month", "2026-13"], "not a month (YYYY-MM): '2026-13'"),
        (["--unit", "BUF", "--all", "--month", "2026-05"], "not allowed with argument"),
        (["--unit", "BUF", "--month", "2026-05", "--audience", "hr"], "invalid choice"),
    ],
)
def test_errors_are_one_line(
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    assert main(["report", *args, "--out", str(tmp_path / "x.pdf")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert message in error


def test_the_charts_are_vectors_with_their_tables_beside(world: World, tmp_path: Path) -> None:
    from tests.documents.test_pdf import _image_xobjects

    out = tmp_path / "dag.pdf"
    assert main(["report", "--unit", "DAG", "--month", "2026-05", "--out", str(out)]) == 0
    pdf = out.read_bytes()
    assert "/Image" not in _image_xobjects(pdf)
    text = pdf_text(pdf)
    # the trend chart's month labels are text, so is its table's header
    assert "Jan Feb Mar Apr Maj Jun Jul Aug Sep Okt Nov Dec" in " ".join(text.split())
    assert "Figur 1. Fraværsprocent pr. måned, 2026 og 2025" in text
    assert "Figur 2. Fraværsdage pr. årsværk, seneste 12 måneder, pr. underenhed" in text
