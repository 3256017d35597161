"""`samraad meetings import`: --dry-run and --json need no database; exit 1 with
`FILE: message` for a file that cannot be read; exit 2 on bad arguments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samraad.cli import main
from tests.minutes.documents import seed_path

Capsys = pytest.CaptureFixture[str]
# Storing (cli/meetings.py: store) is tested with the database: tests/meetings/test_store_seeds.py.


def test_json_of_a_seed_is_the_spec_object(capsys: Capsys) -> None:
    argv = ["meetings", "import", str(seed_path("002")), "--committee", "CSO"]
    assert main([*argv, "--json", "--dry-run"]) == 0
    meeting = json.loads(capsys.readouterr().out)
    assert list(meeting) == [
        "committee",
        "date",
        "previous_meeting",
        "parts",
        "items",
        "opening_statements",
        "speakers",
    ]
    assert meeting["committee"] == "CSO"
    assert (meeting["date"], meeting["previous_meeting"]) == (None, "2020-06-25")
    assert meeting["parts"] == ["agenda", "minutes"]
    assert meeting["items"][1] == {
        "number": 2,
        "title": "Budget 2021",
        "purpose": None,
        "agenda_text": (
            "Borgerrepræsentationen forventes den 1. oktober 2020 at vedtage budget 2021 på"
            " baggrund af den indgåede budgetaftale. Økonomiforvaltningens direktion vil give"
            " en præsentation af budgettet. Budgetaftalen og tilhørende faktaark er vedlagt."
        ),
        "minutes_text": meeting["items"][1]["minutes_text"],
        "statements": [
            {
                "speaker": "Mads Grønvall",
                "text": "Mads Grønvall orienterede om hovedpunkterne i budgetaftalen for 2021,"
                " der blev vedtaget af Borgerrepræsentationen d. 1. oktober 2020. Partierne bag"
                " aftalen er Socialdemokratiet, Radikale Venstre, Socialistisk Folkeparti,"
                " Venstre, Dansk Folkeparti, Det Konservative Folkeparti og partiet Fremad.",
            },
            {
                "speaker": "Britt Petersen",
                "text": "Britt Petersen spurgte om det forventes, at Københavns Kommune får"
                " dækket sine ekstraudgifter og -omkostninger som følge af Covid-19?",
            },
            {
                "speaker": "Søren Hartmann Hede",
                "text": "Til dette svarede Søren Hartmann Hede, at KL og regeringen inden"
                " årsskiftet vil genforhandle om økonomisk kompensation af kommunernes udgifter"
                " som følge af Covid-19.",
            },
        ],
        "decision": None,
    }
    assert meeting["items"][1]["minutes_text"].count("\n\n") == 3
    assert [item["number"] for item in meeting["items"]] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert meeting["opening_statements"] == []
    assert meeting["speakers"] == [
        "Mads Grønvall",
        "Britt Petersen",
        "Søren Hartmann Hede",
        "Dan Rantzau Schimmel",
    ]


def test_date_option_supplies_the_missing_date(capsys: Capsys) -> None:
    argv = ["meetings", "import", str(seed_path("001")), "--committee", "CSO"]
    assert main([*argv, "--date", "2021-10-07", "--json", "--dry-run"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2021-10-07"


def test_dry_run_prints_a_summary(capsys: Capsys) -> None:
    argv = ["meetings", "import", str(seed_path("000")), "--committee", "CSO", "--dry-run"]
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "CSO meeting, no date: minutes",
        "previous meeting: 2025-10-09",
        "  1) Referat fra CSO-møde den 9. oktober 2025",
    ]
    assert "  2) Fælles sygefraværspolitik i Københavns Kommune (approval)" in out
    assert "       decision: CSO godkendte indstillingen." in out
    assert out[-1] == (
        "speakers: Søren Hartmann Hede, Lene Munck, Kirsten Gunvor Løth, Maria Konstantinidou,"
        " Bo Vollertsen, Tania Karpatschof, Rasmus Bredde, Mikkel Boje"
    )


def test_unreadable_file_exits_1_with_file_and_message(tmp_path: Path, capsys: Capsys) -> None:
    empty = tmp_path / "referat.pdf"
    empty.write_bytes(b"")
    assert main(["meetings", "import", str(empty), "--committee", "CSO", "--dry-run"]) == 1
    assert capsys.readouterr().err == f"{empty}: is empty\n"


def test_file_without_numbered_item_exits_1(tmp_path: Path, capsys: Capsys) -> None:
    notes = tmp_path / "noter.txt"
    notes.write_text("Referat\n\nCSO mødtes.\n", encoding="utf-8")
    assert main(["meetings", "import", str(notes), "--committee", "CSO", "--dry-run"]) == 1
    assert capsys.readouterr().err == (
        f'{notes}: holds no numbered item (a line such as "1) Godkendelse af referat")\n'
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--dry-run"], "the following arguments are required: --committee"),
        (["--committee", "CSO", "--date", "2024-02-30", "--dry-run"], "not a date"),
        (["--committee", "C S O", "--dry-run"], "not a committee code: 'C S O'"),
        (["--committee", "CSO"], "the document gives no date: pass --date YYYY-MM-DD"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: Capsys, arguments: list[str], message: str
) -> None:
    assert main(["meetings", "import", str(seed_path("001")), *arguments]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


def test_date_option_never_changes_the_documents_own_date(tmp_path: Path, capsys: Capsys) -> None:
    dated = tmp_path / "referat.txt"
    dated.write_text("Referat af møde i CSO d. 6. juni 2024\n\n1) Budget\n", encoding="utf-8")
    argv = ["meetings", "import", str(dated), "--committee", "CSO", "--dry-run"]
    assert main([*argv, "--date", "2024-06-07"]) == 2
    assert capsys.readouterr().err == (
        f"samraad: error: {dated}: the document is dated 2024-06-06, not 2024-06-07 (--date)\n"
    )
