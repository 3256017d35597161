"""The sickness item's statistics attachment: the figures of `samraad stats` for the
same units and periods, no group under 5, new versions with their checksums.

The world (tests/web/world.py grown by tests/measures/conftest.py; today 15 June 2026,
so up to 31 May): KK with BUF (DAG: SOL 8 pædagoger, 2 jordemødre, 5 sosu, and MAE 3
pædagoger; SKO: SOE 6 lærere) and KFF (BIB 6 hk). The jordemødre are the tiny group.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from django.test import Client

from samraad.cli import main
from samraad.documents.formatting import format_number, format_percent
from samraad.meetings.models import Attachment, RecurringItem
from tests.documents.reading import pdf_body, word_blocks, word_text
from tests.measures.conftest import HIDDEN_WITH_IT, TINY, sickness_item
from tests.meetings.world import Committees

YTD = ("2026-01-01", "2026-05-31")
SAME_LAST_YEAR = ("2025-01-01", "2025-05-31")
LAST_YEAR = ("2025-01-01", "2025-12-31")
NAMES = {
    "KK": "Københavns Kommune",
    "BUF": "Børne- og Ungdomsforvaltningen",
    "KFF": "Kultur- og Fritidsforvaltningen",
    "DAG": "Center for Dagtilbud",
    "SKO": "Center for Skoler",
}


def stats(capsys: pytest.CaptureFixture[str], unit: str, period: tuple[str, str]) -> dict:
    argv = ["stats", "--unit", unit, "--from", period[0], "--to", period[1]]
    assert main([*argv, "--structure", "current", "--as-of", "2026-06-15", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def expected_row(capsys: pytest.CaptureFixture[str], unit: str) -> list[str]:
    """The row as `samraad stats` gives it: days per FTE in the three periods, then the
    long-term share (hours in spells of 31+ days) this year and last year."""
    days = [
        stats(capsys, unit, p)["absence_days_per_fte"] for p in (YTD, SAME_LAST_YEAR, LAST_YEAR)
    ]
    shares = []
    for period in (YTD, LAST_YEAR):
        found = stats(capsys, unit, period)
        hours = found["absence_hours"]
        share = 100 * found["by_length"]["31+"]["absence_hours"] / hours if hours else 0
        shares.append(format_percent(share, 1, "da"))
    return [NAMES[unit], *(format_number(d, 1, "da") for d in days), *shares]


def generate(client: Client, committees: Committees) -> list[Attachment]:
    client.force_login(committees.sofie)
    item = sickness_item(committees)
    response = client.post(f"/items/{item.pk}/sickness-statistics/")
    assert response.status_code == 302
    return list(item.attachments.filter(name__startswith="Bilag 1").order_by("name", "version"))


def unit_table(docx: bytes) -> list[list[str]]:
    table = next(b for b in word_blocks(docx) if b.text.startswith("Enhed"))
    return [row.split(" | ") for row in table.text.split(" / ")[1:]]


def test_the_cso_attachment_has_the_figures_of_samraad_stats(
    client: Client, committees: Committees, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every figure shown is `samraad stats`'s for the unit and period, Word and PDF
    alike; the long-term shares of 2026 are hidden where the policy hides the length
    groups (a one-person group of short spells beside them)."""
    docx, pdf = generate(client, committees)
    assert (docx.name, pdf.name) == (
        "Bilag 1 - Sygefravær CSO 2026.docx",
        "Bilag 1 - Sygefravær CSO 2026.pdf",
    )
    expected = [expected_row(capsys, unit) for unit in ("KK", "BUF", "KFF")]
    found = unit_table(bytes(docx.content))
    hidden = [(r, c) for r, row in enumerate(found) for c, cell in enumerate(row) if cell == "–"]
    assert hidden == [(0, 4), (1, 4)]
    for r, c in hidden:
        expected[r][c] = "–"
    assert found == expected
    body = pdf_body(bytes(pdf.content))
    for row in expected:
        assert " ".join(row) in body


def test_the_figures_as_read_in_the_word_file(client: Client, committees: Committees) -> None:
    """The same table written out: the world's absences give figures worth comparing."""
    docx, _ = generate(client, committees)
    assert unit_table(bytes(docx.content)) == [
        ["Københavns Kommune", "5,4", "4,0", "5,3", "–", "95,6\u00a0%"],
        ["Børne- og Ungdomsforvaltningen", "6,8", "5,0", "6,4", "–", "100,0\u00a0%"],
        ["Kultur- og Fritidsforvaltningen", "0,0", "0,0", "1,2", "0,0\u00a0%", "0,0\u00a0%"],
    ]


def job_group_tables(docx: bytes) -> dict[str, list[list[str]]]:
    """Each unit's job-group table (under its heading), rows as cells."""
    tables, unit = {}, ""
    for block in word_blocks(docx):
        if block.style == "Heading 2":
            unit = block.text
        elif block.style == "table" and block.text.startswith("Faggruppe"):
            tables[unit] = [row.split(" | ") for row in block.text.split(" / ")[1:]]
    return tables


def test_no_group_under_five_appears(client: Client, committees: Committees) -> None:
    """The tiny job group (2 jordemødre) is in no table, nor the group of 5 the policy
    hides with it; the job groups shown are groups of at least 5 in their unit."""
    docx, pdf = generate(client, committees)
    tables = job_group_tables(bytes(docx.content))
    groups = {unit: [row[0] for row in rows] for unit, rows in tables.items()}
    assert groups == {
        "Københavns Kommune": ["hk", "lærer", "pædagog"],  # 5, 6 and 11
        "Børne- og Ungdomsforvaltningen": ["lærer", "pædagog"],  # 6 and 11
        "Kultur- og Fritidsforvaltningen": ["hk"],  # 6
    }
    for text in (word_text(bytes(docx.content)), pdf_body(bytes(pdf.content))):
        assert TINY not in text and HIDDEN_WITH_IT not in text


def test_job_group_figures_are_the_cores(client: Client, committees: Committees) -> None:
    """Job groups by unit and period as the statistics core gives them (every "lærer"
    is in SOE, so KK's and BUF's rows are the same)."""
    docx, _ = generate(client, committees)
    found = job_group_tables(bytes(docx.content))
    assert found["Københavns Kommune"] == [
        ["hk", "0,0", "0,0", "1,2"],
        ["lærer", "0,8", "0,0", "0,0"],
        ["pædagog", "14,4", "10,9", "13,9"],  # 2025: 153 sick days over 11 FTE
    ]
    assert found["Børne- og Ungdomsforvaltningen"][0] == ["lærer", "0,8", "0,0", "0,0"]


def test_the_hovedmed_attachment_covers_its_administration_and_centres(
    client: Client, committees: Committees, capsys: pytest.CaptureFixture[str]
) -> None:
    item = committees.buf_may.items.get(number=1)
    rule = RecurringItem.objects.create(
        committee_id="HMED-BUF", title="Sygefravær", month=5, report="sickness_absence"
    )
    item.recurring = rule
    item.save()
    client.force_login(committees.hugo)
    assert client.post(f"/items/{item.pk}/sickness-statistics/").status_code == 302
    docx = item.attachments.get(name="Bilag 1 - Sygefravær HMED-BUF 2026.docx")
    found = unit_table(bytes(docx.content))
    assert [row[0] for row in found] == [
        "Børne- og Ungdomsforvaltningen",
        "Center for Dagtilbud",
        "Center for Skoler",
    ]
    assert "Kultur- og Fritidsforvaltningen" not in word_text(bytes(docx.content))
    expected = [expected_row(capsys, unit) for unit in ("BUF", "DAG", "SKO")]
    hidden = [(r, c) for r, row in enumerate(found) for c, cell in enumerate(row) if cell == "–"]
    assert hidden == [(0, 4), (1, 4)]  # SKO has no long spell: its share is 0
    for r, c in hidden:
        expected[r][c] = "–"
    assert found == expected


def test_generating_again_adds_versions_with_their_checksums(
    client: Client, committees: Committees
) -> None:
    generate(client, committees)
    found = generate(client, committees)
    assert [(a.name, a.version) for a in found] == [
        ("Bilag 1 - Sygefravær CSO 2026.docx", 1),
        ("Bilag 1 - Sygefravær CSO 2026.docx", 2),
        ("Bilag 1 - Sygefravær CSO 2026.pdf", 1),
        ("Bilag 1 - Sygefravær CSO 2026.pdf", 2),
    ]
    for attachment in found:
        content = bytes(attachment.content)
        assert attachment.sha256 == hashlib.sha256(content).hexdigest()
        assert attachment.size == len(content)
        assert attachment.uploaded_by == committees.sofie
    page = client.get(f"/items/{sickness_item(committees).pk}/").content.decode()
    assert page.count("Bilag 1 - Sygefravær CSO 2026.pdf</a>") == 2


@pytest.mark.parametrize(
    ("who", "status"),
    [("sofie", 302), ("frede", 403), ("gitte", 403), ("hugo", 404), ("carl", 404), ("mette", 403)],
)
def test_only_the_secretary_makes_the_attachments(
    client: Client, committees: Committees, who: str, status: int
) -> None:
    """The CSO's secretary; its chair and guest may not (403), a seat on another
    committee and central HR without a seat see no such committee (404)."""
    user = getattr(committees, who, None) or getattr(committees.world, who)
    client.force_login(user)
    item = sickness_item(committees)
    for url in (f"/items/{item.pk}/sickness-statistics/", f"/items/{item.pk}/sickness-measures/"):
        assert client.post(url).status_code == status
    assert item.attachments.exists() == (status == 302)


def test_only_the_sickness_item_gets_them(client: Client, committees: Committees) -> None:
    client.force_login(committees.sofie)
    other = committees.june.items.get(number=1)
    assert client.post(f"/items/{other.pk}/sickness-statistics/").status_code == 404
    assert "sickness-statistics" not in client.get(f"/items/{other.pk}/").content.decode()
    item = sickness_item(committees)
    assert "sickness-statistics" in client.get(f"/items/{item.pk}/").content.decode()
    assert client.get(f"/items/{item.pk}/sickness-statistics/").status_code == 405


def test_the_annual_cycle_marks_the_item_that_gets_the_buttons(
    client: Client, committees: Committees
) -> None:
    """The secretary marks a recurring item in the annual cycle; the agenda built from
    the cycle then has the item, with both buttons on its page."""
    client.force_login(committees.sofie)
    form = {"title": "Sygefraværet i {year}", "month": "9", "order": "9"}
    assert (
        client.post("/committees/CSO/cycle/", {**form, "report": "sickness_absence"}).status_code
        == 302
    )
    rule = RecurringItem.objects.get(title="Sygefraværet i {year}")
    assert rule.report == "sickness_absence"
    assert client.post(f"/meetings/{committees.september.pk}/build/").status_code == 302
    item = committees.september.items.get(title="Sygefraværet i 2026")
    page = client.get(f"/items/{item.pk}/").content.decode()
    assert "Dan bilag med sygefraværsstatistikken" in page
    assert "Vedhæft forvaltningernes tiltag 2026 (Bilag 2)" in page
    assert client.post(f"/items/{item.pk}/sickness-statistics/").status_code == 302
    assert item.attachments.count() == 2
