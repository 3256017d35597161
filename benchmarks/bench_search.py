"""Search over a committee archive (meetings/search.py): 10 years × 8 committees × 8
meetings, 9–10 items each (about 6,000 items with agenda text, minutes, statements and
decisions, every tenth with a text attachment) and a note per committee and quarter, in
Danish sentences taken from the seeds (docs/seeds). Prints the time to build the index
and, per typical query, p50 and p95 of a search as the page does it (rank, group,
highlight the first page), for a member of one committee and for a user with three seats.
The limit is p95 ≤ 100 ms (issue 9).

    python benchmarks/bench_search.py [--runs 21] [--database-url postgres://…]

Without --database-url it uses a scratch SQLite database in benchmarks/out/; with it, the
PostgreSQL database named (its tables are dropped and made again: use a scratch one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
LIMIT_MS = 100.0
YEARS = range(2016, 2026)
COMMITTEES = 8
MEETINGS = 8
QUERIES = (
    "sygefravær",
    "sygefraværet i forvaltningerne",
    "budget",
    "trivselsundersøgelsen",
    "arbejdsmiljø",
    '"godkendte indstillingen"',
    "handlingsplan or opfølgningsplan",
    "sygefravær -budget",
    "Det Sociale Kapitel",
    "MED-udvalg",
    "langtidssygemeldte medarbejdere",
    "rekruttering og fastholdelse",
)
NAMES = (
    "Søren Hartmann Hede",
    "Lene Munck",
    "Bo Vollertsen",
    "Nicolai Kragh Pedersen",
    "Mette Holm",
    "Anders Bech",
    "Pia Lund",
    "Jens Kofoed",
)
TITLES = (
    "Godkendelse af referat",
    "Sygefravær {year}",
    "Budget {next}",
    "Trivselsundersøgelsen {year}",
    "Arbejdsmiljø: den årlige drøftelse",
    "Temadrøftelse vedr. Det Sociale Kapitel",
    "Rekruttering og fastholdelse",
    "Status på handlingsplanen",
    "Opfølgning på aftalte handlinger",
    "Eventuelt",
)


def setup(database_url: str | None) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        database = OUT / "search.sqlite3"
        database.unlink(missing_ok=True)
        os.environ.pop("DATABASE_URL", None)
        os.environ["SAMRAAD_DB"] = str(database)
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samraad.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if database_url:
        call_command("flush", verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)


def sentences() -> list[str]:
    """The seeds' sentences of 6 to 60 words: real Danish committee prose."""
    found = []
    for path in sorted((ROOT / "docs" / "seeds").glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if 6 <= len(sentence.split()) <= 60:
                found.append(sentence)
    if not found:
        raise SystemExit("docs/seeds holds no text: run from a checkout")
    return found


def archive(rng: random.Random) -> dict[str, int]:
    """The committees, their meetings and notes, written in bulk with the index paused,
    then indexed at once; returns what was made."""
    from samraad.committees.models import Committee
    from samraad.meetings import search
    from samraad.meetings.models import (
        AgendaItem,
        Attachment,
        Meeting,
        MeetingSeries,
        Note,
        Statement,
    )
    from samraad.org.models import Unit, UnitPeriod

    said = sentences()

    def text(low: int, high: int) -> str:
        return " ".join(rng.choice(said) for _ in range(rng.randint(low, high)))

    Unit.objects.create(unit_id="KK")
    UnitPeriod.objects.create(
        unit_id="KK", name="Københavns Kommune", kind="municipality", valid_from="2015-01-01"
    )
    codes = ["CSO"] + [f"HMED-{n}" for n in range(1, COMMITTEES)]
    for code in codes:
        Committee.objects.create(
            code=code, name=code, level="central" if code == "CSO" else "main", unit_id="KK"
        )
    with search.paused():
        for code in codes:
            for year in YEARS:
                series = MeetingSeries.objects.create(committee_id=code, year=year)
                meetings = Meeting.objects.bulk_create(
                    Meeting(
                        series=series,
                        date=dt.date(year, 1 + n * 12 // MEETINGS, 10),
                        agenda_published_on=dt.date(year, 1 + n * 12 // MEETINGS, 3),
                        minutes_status="approved",
                    )
                    for n in range(MEETINGS)
                )
                items = AgendaItem.objects.bulk_create(
                    AgendaItem(
                        meeting=meeting,
                        number=number,
                        title=title.format(year=year, next=year + 1),
                        text=text(2, 6),
                        recommendation=text(1, 1),
                        closed=rng.random() < 0.05,
                        minutes_text=text(1, 3),
                        decision=f"{code} {rng.choice(('godkendte indstillingen', 'tog orienteringen til efterretning', 'drøftede punktet'))}.",  # noqa: E501
                    )
                    for meeting in meetings
                    for number, title in enumerate(TITLES[: rng.randint(9, 10)], start=1)
                )
                Statement.objects.bulk_create(
                    Statement(item=item, order=n, speaker=who, text=f"{who} {text(1, 2)}")
                    for item in items
                    for n, who in enumerate(rng.sample(NAMES, rng.randint(0, 3)), start=1)
                )
                Attachment.objects.bulk_create(
                    Attachment(
                        item=item,
                        name="Bilag.txt",
                        content=(body := text(8, 20).encode()),
                        size=len(body),
                        sha256="-",
                        content_type="text/plain",
                    )
                    for item in items
                    if rng.random() < 0.1
                )
                Note.objects.bulk_create(
                    Note(
                        committee_id=code,
                        title="Notat om "
                        + rng.choice(TITLES[1:8]).format(year=year, next=year + 1),
                        date=dt.date(year, 3 * q + 1, 15),
                        summary=text(1, 3),
                        presentation=text(3, 8),
                    )
                    for q in range(4)
                )
    started = time.perf_counter()
    indexed = search.reindex()
    return {
        "meetings": Meeting.objects.count(),
        "items": AgendaItem.objects.count(),
        "statements": Statement.objects.count(),
        "attachments": Attachment.objects.count(),
        "notes": Note.objects.count(),
        "texts": indexed,
        "index_ms": round((time.perf_counter() - started) * 1000),
    }


def one_search(text: str, audiences: list[object]) -> int:
    """What the page does: rank and group, then highlight the first page."""
    from samraad.meetings import search

    found = search.find(text, audiences)  # type: ignore[arg-type]
    page = found.results[: search.PAGE]
    search.highlight(text, page)
    return len(found.results)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    setup(args.database_url)
    from django.db import connection

    from samraad.meetings.search import MEMBER, SECRETARY, Audience

    made = archive(random.Random(9))
    print(
        f"{connection.vendor}: {made['meetings']} meetings, {made['items']} items, "
        f"{made['statements']} statements, {made['attachments']} attachments, "
        f"{made['notes']} notes; {made['texts']} texts indexed in {made['index_ms']} ms"
    )
    users = {
        "member of HMED-3": [Audience("HMED-3", MEMBER)],
        "three seats": [
            Audience("CSO", SECRETARY),
            Audience("HMED-1", MEMBER),
            Audience("HMED-2", MEMBER),
        ],
    }
    every: list[float] = []
    for who, audiences in users.items():
        print(f"\n{who}:  {'query':36} {'results':>7} {'p50 ms':>7} {'p95 ms':>7}")
        for text in QUERIES:
            one_search(text, audiences)  # warm: the first run prepares the statement
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                count = one_search(text, audiences)
                times.append((time.perf_counter() - started) * 1000)
            every += times
            print(
                f"{'':18}{text:36} {count:>7} {statistics.median(times):>7.1f} "
                f"{percentile(times, 0.95):>7.1f}"
            )
    p50, p95 = statistics.median(every), percentile(every, 0.95)
    verdict = "within" if p95 <= LIMIT_MS else "OVER"
    print(
        f"\nall queries: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"({verdict} the limit of {LIMIT_MS:.0f} ms)"
    )


if __name__ == "__main__":
    main()
