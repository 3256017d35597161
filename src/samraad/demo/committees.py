"""The demo's committees: CSO and a HovedMED per administration of the synthetic
municipality, two working groups, members with synthetic Danish names, the annual cycle,
two years of meetings with agendas and minutes made the way the app makes them, the
seeds 000–002 imported as real CSO meetings and seed 004's note with its action plan.

Deterministic by the demo's seed. The seeds give no dates of their own; the demo files
them on plausible ones (SEED_DATES: after the City Council's budget votes of 1 October
2020 and 7 October 2021 they report on, and in December 2025 for the minutes that
follow the meeting of 9 October 2025).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

import samraad
from samraad.committees.models import Committee, Member
from samraad.meetings import search
from samraad.meetings.agenda import build_agenda, publish_agenda, series_of
from samraad.meetings.approval import freeze, start_procedure
from samraad.meetings.content import paper_of
from samraad.meetings.models import (
    Action,
    ActionPlan,
    ActionPlanElement,
    Meeting,
    Note,
    RecurringItem,
    Statement,
)
from samraad.meetings.store import store_meeting
from samraad.minutes import MinutesError, read_meeting
from samraad.org.tree import tree_on
from samraad.synth.names import MEN, SURNAMES, WOMEN
from samraad.vocabulary import SICKNESS_ABSENCE_REPORT

SEEDS = Path(samraad.__file__).resolve().parents[2] / "docs" / "seeds"
SEED_DATES = {
    "002": dt.date(2020, 10, 8),
    "001": dt.date(2021, 10, 7),
    "000": dt.date(2025, 12, 11),
}
UNIONS = (
    "FOA",
    "HK Kommunal",
    "DLF",
    "BUPL",
    "3F",
    "Dansk Sygeplejeråd",
    "Socialpædagogerne",
    "AC",
)
# (month, day): each meeting on the first Thursday from that day.
CSO_DAYS = ((3, 5), (6, 4), (10, 1), (12, 3))
MAIN_DAYS = ((2, 20), (5, 15), (9, 10), (11, 20))
CSO_CYCLE = (
    (
        "Temaer og årshjul for {year}",
        "orientation",
        None,
        "first",
        "Formandskabet foreslår årets temaer.",
    ),
    ("Sygefravær {last_year}", "orientation", 6, "", "Status på sygefraværet i forvaltningerne."),
    ("Budget {next_year}", "orientation", 10, "", "Økonomiforvaltningen præsenterer budgettet."),
    (
        "Temadrøftelse vedr. Det Sociale Kapitel",
        "theme_discussion",
        10,
        "",
        "Temagruppen giver status.",
    ),
    (
        "Spørgeramme for Trivselsundersøgelsen {next_year}",
        "approval",
        10,
        "",
        "Spørgerammen forelægges til godkendelse.",
    ),
    (
        "Godkendelse af CSO's møderække for {next_year}",
        "approval",
        None,
        "last",
        "En liste med mødedatoerne er vedlagt.",
    ),
    ("Status på handlingsplanen", "orientation", 12, "", ""),
)
MAIN_CYCLE = (
    ("Arbejdsmiljø: den årlige drøftelse", "discussion", 2, "", ""),
    ("Sygefravær {last_year} i forvaltningen", "orientation", 5, "", ""),
    ("Budget {next_year}", "orientation", 9, "", ""),
    ("Møderække for {next_year}", "approval", None, "last", ""),
)
SAID = (
    "fortalte, at forvaltningerne arbejder videre med det",
    "bemærkede, at det er vigtigt at inddrage medarbejderne tidligt",
    "spurgte, hvordan tallene kan følges over tid",
    "kvitterede for materialet og bakkede op om indstillingen",
    "understregede, at de lokale MED-udvalg skal have tid til opgaven",
)
TO_DO = (
    "Indhente tal fra forvaltningerne",
    "Udarbejde oplæg til næste møde",
    "Sende materialet til HovedMED",
    "Undersøge erfaringer fra andre kommuner",
)


@dataclass(frozen=True)
class DemoCommittees:
    committees: int
    members: int
    meetings: int
    imported: tuple[dt.date, ...]

    @classmethod
    def stored(cls) -> DemoCommittees:
        imported = Meeting.objects.exclude(imported_from="").values_list("date", flat=True)
        return cls(
            Committee.objects.count(),
            Member.objects.count(),
            Meeting.objects.count(),
            tuple(sorted(imported)),
        )

    def __str__(self) -> str:
        seeds = ", ".join(day.isoformat() for day in self.imported) or "none (docs/seeds not found)"
        return (
            f"Committees: {self.committees} (CSO, a HovedMED per administration, working groups), "
            f"{self.members} members, {self.meetings} meetings; seeds imported as CSO meetings "
            f"of {seeds} (dates chosen by the demo)."
        )


def name(rng: random.Random) -> str:
    first = rng.choice(list(WOMEN if rng.random() < 0.5 else MEN))
    return f"{first} {rng.choice(list(SURNAMES))}"


def first_thursday(year: int, month: int, day: int) -> dt.date:
    start = dt.date(year, month, day)
    return start + dt.timedelta(days=(3 - start.weekday()) % 7)


@transaction.atomic
def create_demo_committees(today: dt.date, seed: int) -> DemoCommittees:
    # Written with the search index paused, then indexed once (meetings/search.py).
    with search.paused():
        made = _create(today, seed)
    search.reindex()
    return made


def _create(today: dt.date, seed: int) -> DemoCommittees:
    rng = random.Random(seed)
    tree = tree_on(today)
    root = tree.roots()[0]
    cso = Committee.objects.create(
        code="CSO", name="Centralt Samarbejdsorgan", level="central", unit_id=root
    )
    mains = [
        Committee.objects.create(
            code=f"HMED-{unit}",
            name=f"HovedMED {tree.name(unit)}",
            level="main",
            parent=cso,
            unit_id=unit,
        )
        for unit in tree.children_of(root)
    ]
    groups = [
        Committee.objects.create(
            code="TG-DSK",
            name="Temagruppen vedr. Det Sociale Kapitel",
            level="working_group",
            parent=cso,
            mandate="Følger kommunens brug af Det Sociale Kapitel og afrapporterer årligt til CSO.",
        ),
        Committee.objects.create(
            code="AG-FR",
            name="Arbejdsgruppen vedr. fastholdelse og rekruttering",
            level="working_group",
            parent=cso,
            mandate="Undersøger tværgående rekrutterings- og fastholdelsesindsatser.",
        ),
    ]
    since = dt.date(today.year - 3, 1, 1)
    members = [*_seats(cso, 12, rng, since), *(m for c in mains for m in _seats(c, 6, rng, since))]
    members += [m for g in groups for m in _seats(g, 3, rng, since, secretary=False)]
    _cycle(cso, CSO_CYCLE, _plan_from_seed_004(cso))
    for main in mains:
        _cycle(main, MAIN_CYCLE, None)
    imported = _import_seeds(cso)
    meetings = 0
    for committee, days in ((cso, CSO_DAYS), *((m, MAIN_DAYS) for m in mains)):
        meetings += _two_years(committee, days, today, rng)
    return DemoCommittees(
        Committee.objects.count(), len(members), meetings + len(imported), imported
    )


def _seats(
    committee: Committee, size: int, rng: random.Random, since: dt.date, secretary: bool = True
) -> list[Member]:
    roles = ["chair", "vice_chair", *(["secretary"] if secretary else []), *["member"] * size]
    seats = []
    for n, role in enumerate(roles):
        side = (
            "management"
            if role in ("chair", "secretary") or (role == "member" and n % 2)
            else "employee"
        )
        seats.append(
            Member(
                committee=committee,
                name=name(rng),
                side=side,
                role=role,
                organisation="ledelsen" if side == "management" else rng.choice(UNIONS),
                valid_from=since,
            )
        )
    return Member.objects.bulk_create(seats)


def _cycle(
    committee: Committee,
    rules: tuple[tuple[str, str, int | None, str, str], ...],
    plan: ActionPlan | None,
) -> None:
    RecurringItem.objects.bulk_create(
        RecurringItem(
            committee=committee,
            title=title,
            purpose=purpose,
            month=month,
            position=position,
            text=text,
            order=order,
            action_plan=plan if title.startswith("Status på handlingsplanen") else None,
            report=SICKNESS_ABSENCE_REPORT if title.startswith("Sygefravær") else "",
        )
        for order, (title, purpose, month, position, text) in enumerate(rules, start=1)
    )


def _plan_from_seed_004(cso: Committee) -> ActionPlan:
    """Seed 004's note and the action plan it proposes, its five elements with a status."""
    path = next(SEEDS.glob("004_*.txt"), None)
    text = path.read_text(encoding="utf-8").replace("**", "") if path else ""
    sections = dict(
        (heading.strip(), body.strip())
        for heading, _, body in (chunk.partition("\n") for chunk in re.split(r"\n#### ", text)[1:])
    )
    elements = [h for h in sections if re.match(r"\d\. ", h)]
    note = Note.objects.create(
        committee=cso,
        title="Handlingsplan som opfølgning på fælles møde mellem CSO og næstformændene i "
        "forvaltningernes HovedMED",
        recipient="Til CSO",
        date=dt.date(2022, 9, 26),
        case_number_f2="2022 - 7225",
        document_number_f2="1998027",
        case_number_edoc="2022-0151063",
        summary=sections.get("Resumé", ""),
        recommendation=sections.get("Indstilling", ""),
        presentation="\n\n".join(
            [sections.get("Sagsfremstilling", ""), *(f"## {h}\n\n{sections[h]}" for h in elements)]
        ),
        finances=sections.get("Økonomi", ""),
        next_steps=sections.get("Videre proces", ""),
        attachments=sections.get("Bilag", ""),
        sender="Økonomiforvaltningen\nKoncern HR, Koncernservice",
    )
    plan = ActionPlan.objects.create(
        committee=cso, title="Handlingsplanen", adopted_on=dt.date(2022, 10, 6), note=note
    )
    statuses = ("done", "done", "in_progress", "done", "open")
    ActionPlanElement.objects.bulk_create(
        ActionPlanElement(
            plan=plan,
            number=n,
            title=h.split(". ", 1)[1],
            owner="Koncernservice",
            status=statuses[(n - 1) % 5],
        )
        for n, h in enumerate(elements, start=1)
    )
    return plan


def _import_seeds(cso: Committee) -> tuple[dt.date, ...]:
    imported = []
    for number, day in SEED_DATES.items():
        path = next(SEEDS.glob(f"{number}_*.txt"), None)
        if path is None:
            continue
        try:
            store_meeting(read_meeting(path, cso.code), cso.code, day, path.name)
        except MinutesError:
            continue
        imported.append(day)
    return tuple(sorted(imported))


def _two_years(
    committee: Committee, days: tuple[tuple[int, int], ...], today: dt.date, rng: random.Random
) -> int:
    """Last year's and this year's meetings; the held ones with minutes, the next one with
    its agenda sent out, the rest left for the secretary to build."""
    taken = {
        (m.date.year, m.date.month) for m in Meeting.objects.filter(series__committee=committee)
    }
    dates = [
        first_thursday(year, month, day)
        for year in (today.year - 1, today.year)
        for month, day in days
        if (year, month) not in taken
    ]
    for day in dates:
        Meeting.objects.create(
            series=series_of(committee, day.year),
            date=day,
            start=dt.time(14),
            place="Rådhuset, udvalgsværelse 3" if day.month % 2 else "",
            online=not day.month % 2,
        )
    held = [d for d in dates if d < today]
    for day in dates:
        meeting = Meeting.objects.get(series__committee=committee, date=day)
        if day < today or day == min((d for d in dates if d >= today), default=None):
            build_agenda(meeting, day - dt.timedelta(days=14))
            publish_agenda(meeting, day - dt.timedelta(days=7))
        if day < today:
            _minutes(meeting, rng, today)
            _approve(meeting, dates, today, rng, last=day == held[-1])
    for series in committee.meeting_series.filter(year__lt=today.year + 1):
        series.approved_on = dt.date(series.year - 1, 12, 1)
        series.save(update_fields=["approved_on"])
    return len(dates)


def _approve(
    meeting: Meeting, dates: list[dt.date], today: dt.date, rng: random.Random, last: bool
) -> None:
    """The last held meeting's minutes are in written procedure now (the demo's members
    can answer); earlier ones were approved in writing or at the next meeting."""
    if last:
        start_procedure(meeting, today + dt.timedelta(days=7), None, today - dt.timedelta(days=2))
        return
    later = [d for d in dates if d > meeting.date]
    content = paper_of(meeting, closed=True).to_dict()
    if later and rng.random() < 0.5:
        freeze(meeting, content, "meeting", later[0], name="Formanden")
    else:
        freeze(meeting, content, "written_procedure", meeting.date + dt.timedelta(days=14))


def _minutes(meeting: Meeting, rng: random.Random, today: dt.date) -> None:
    code = meeting.committee_id
    speakers = [m.name for m in meeting.series.committee.members.exclude(role="secretary")]
    statements, actions = [], []
    for item in meeting.items.all():
        if item.origin == "any_other_business":
            continue
        if item.origin == "minutes":
            item.decision = "Referatet blev godkendt uden bemærkninger."
        else:
            for order in range(1, rng.randint(1, 3) + 1):
                who = rng.choice(speakers)
                statements.append(
                    Statement(
                        item=item, order=order, speaker=who, text=f"{who} {rng.choice(SAID)}."
                    )
                )
            item.decision = {
                "approval": f"{code} godkendte indstillingen.",
                "orientation": f"{code} tog orienteringen til efterretning.",
            }.get(item.purpose, f"{code} drøftede punktet.")
            if item.purpose in ("discussion", "theme_discussion") or rng.random() < 0.2:
                due = meeting.date + dt.timedelta(days=60)
                done = due < today and rng.random() < 0.7
                actions.append(
                    Action(
                        item=item,
                        title=rng.choice(TO_DO),
                        owner=rng.choice(["Sekretariatet", *speakers[:3]]),
                        due=due,
                        status="done" if done else "open",
                        finished_on=due if done else None,
                    )
                )
        item.save(update_fields=["decision"])
    Statement.objects.bulk_create(statements)
    Action.objects.bulk_create(actions)
