"""The demo's measures against sickness absence (tiltag): last year's and this year's
for the municipality (the common measures) and each of the seven administrations, in
synthetic Danish inspired by seed 003 (its headings and bullets with a lead in bold);
this year's start as a copy of last year's, as HR's form does, with a year-specific
sub-section added. Then the CSO's June meeting's sickness item gets its attachments:
the statistics of the day and the compiled measures (Bilag 2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from samraad.measures.compilation import MeasureText
from samraad.measures.models import MeasureSet
from samraad.measures.store import attach_measures, copy_last_year, save_measures
from samraad.meetings.models import AgendaItem
from samraad.org.tree import tree_on
from samraad.vocabulary import SICKNESS_ABSENCE_REPORT

CONTINUED = "Hvad gør vi fortsat:"
COMMON = (
    MeasureText(
        "Systematisk opfølgning på sygefraværet",
        "CSO drøfter sygefraværet én gang om året, og forvaltningerne følger op hver måned.",
    ),
    MeasureText(
        "Advis til lederne",
        "Lederen får besked, når en medarbejder har haft 10 sygedage eller 3 forløb, og "
        "holder en sygefraværssamtale.",
    ),
    MeasureText(
        "Tidlig Indsats",
        "Alle ansatte kan få hjælp ved mistrivsel og sygefravær, både psykolog og fysioterapeut.",
    ),
    MeasureText(
        "Kompetenceudvikling",
        "Kurser og e-læring for ledere om sygefraværsopgaven; nye ledere får et onboardingforløb.",
    ),
)
# Per administration: an opening paragraph (may be empty) and its measures.
ADMINISTRATIONS: dict[str, tuple[str, tuple[MeasureText, ...]]] = {
    "BIF": (
        "",
        (
            MeasureText(
                "Opfølgning på ledelsesniveau",
                "Direktionen følger sygefraværet løbende og drøfter det med centercheferne.",
                CONTINUED,
            ),
            MeasureText(
                "Opfølgning i MED",
                "HovedMED drøfter sygefraværet og indsatserne én "
                "gang om året, de lokale MED-udvalg mindst én gang.",
                CONTINUED,
            ),
            MeasureText(
                "Ledersparring", "HR giver konkret sparring i sygefraværssager.", CONTINUED
            ),
        ),
    ),
    "BUF": (
        "",
        (
            MeasureText(
                "Sygefraværsindsats:",
                "Indsatsen støtter lederne i at forebygge og "
                "håndtere sygefravær med fokus på trivsel og kerneopgaven.",
            ),
            MeasureText(
                "Ledelsesinformation:",
                "Direktion og chefer får hver måned en rapport "
                "med sygefraværet for skoler, klynger og centre.",
            ),
            MeasureText(
                "Bedre ergonomi i dagtilbud:",
                "Et forløb om fysisk trivsel, bevægelse "
                "og ergonomi for medarbejderne i dagtilbuddene.",
            ),
        ),
    ),
    "KFF": (
        "",
        (
            MeasureText(
                "Datadrevet opfølgning:",
                "Direktionen er i løbende dialog med cheferne om udviklingen i sygefraværet.",
            ),
            MeasureText(
                "Differentierede måltal:",
                "Forvaltningen arbejder med måltal på center- og enhedsniveau.",
            ),
            MeasureText(
                "Workshops for ledere:",
                "Workshops og webinarer om håndtering af "
                "sygefravær, én gang om året for nye ledere.",
            ),
        ),
    ),
    "KTF": (
        "Der er fortsat stor opmærksomhed på at nedbringe sygefraværet på tværs af "
        "forvaltningen, fx via:",
        (
            MeasureText(
                "Systematisk drøftelse af sygefravær og nærvær",
                "Mindst to gange om året i ledergrupperne og i MED-udvalgene.",
            ),
            MeasureText(
                "Datadrevet tilgang",
                "Et dashboard viser sygefraværet og opfølgningen på samtalerne hvert kvartal.",
            ),
            MeasureText(
                "Målrettede tiltag",
                "Øget fokus på de enheder, der har særlig højt "
                "fravær, med rådgivning fra HR og arbejdsmiljøkonsulenter.",
            ),
        ),
    ),
    "OKF": (
        "",
        (
            MeasureText(
                "Lokale måltal for sygefravær",
                "Forvaltningens måltal brydes ned på enhederne og evt. på center- og kontorniveau.",
            ),
            MeasureText(
                "Systematisk opfølgning i direktionerne",
                "Hver måned en HR-rapport med prognosen for sygefraværet og de afholdte samtaler.",
            ),
            MeasureText(
                "Den årlige arbejdsmiljødrøftelse", "Sygefraværet indgår i drøftelsen i MED."
            ),
        ),
    ),
    "SOF": (
        "Der er fortsat stor opmærksomhed på at få sygefraværet ned i hele forvaltningen.",
        (
            MeasureText(
                "Rådgivning af ledelsen",
                "HR-partnerne støtter lederne i forebyggelse og i sygefraværssamtalerne.",
            ),
            MeasureText(
                "Tiltag på arbejdspladser med højt sygefravær",
                "Sygefraværet følges "
                "på alle ledelsesniveauer, og der sættes ind, hvor det er højt.",
            ),
            MeasureText(
                "Støtte ved lederskift",
                "Nye ledere får hurtigt hjælp til at følge op på sygefraværet.",
            ),
        ),
    ),
    "SUF": (
        "",
        (
            MeasureText(
                "Onboarding af nye ledere:",
                "Personlige møder om sygefraværspolitikken og om at læse sygefraværsdata.",
            ),
            MeasureText(
                "Månedligt sygefraværsoverblik:",
                "Data på forvaltningsniveau og på tværs af enhederne til direktion og chefer.",
            ),
            MeasureText(
                "Supervision på plejehjem:",
                "Et forsøg med fast supervision, der skal styrke trivslen og forebygge sygefravær.",
            ),
        ),
    ),
}


def special(year: int, unit: str) -> MeasureText:
    """This year's new measure, under the year's own sub-heading (seed 003: "Særlige
    indsatser 2026:")."""
    return MeasureText(
        "Implementering af den nye sygefraværspolitik",
        f"Alle ledere i {unit} orienterer deres medarbejdere og opdaterer de lokale "
        "retningslinjer; LokalMED drøfter politikken.",
        f"Særlige indsatser {year}:",
    )


MEASURES_ATTACHMENT = "Bilag 2 - Forvaltningernes tiltag"


@dataclass(frozen=True)
class DemoMeasures:
    sets: int
    attached_to: str  # the item's meeting, or "" when no CSO meeting has the item yet

    @classmethod
    def stored(cls) -> DemoMeasures:
        item = (
            AgendaItem.objects.filter(
                attachments__name__startswith="Bilag 2 - Forvaltningernes tiltag"
            )
            .select_related("meeting")
            .first()
        )
        where = f"CSO {item.meeting.date.isoformat()}, item {item.number}" if item else ""
        return cls(MeasureSet.objects.count(), where)

    def __str__(self) -> str:
        where = self.attached_to or "no CSO sickness item yet"
        return (
            f"Measures against sickness absence: {self.sets} sets (two years), compiled as "
            f"Bilag 2 on the sickness item of {where}; the secretary's button there adds the "
            "figures (Bilag 1)."
        )


@transaction.atomic
def create_demo_measures(today: dt.date) -> DemoMeasures:
    tree = tree_on(today)
    root = tree.roots()[0]
    texts = {root: ("", COMMON), **ADMINISTRATIONS}
    for unit in [root, *tree.children_of(root)]:
        intro, measures = texts.get(unit, ("", COMMON[:2]))
        last_year = MeasureSet.objects.create(unit_id=unit, year=today.year - 1)
        save_measures(last_year, intro, measures, None)
        this_year = copy_last_year(unit, today.year, None)
        if unit != root:
            save_measures(this_year, intro, (special(today.year, unit), *measures), None)
    return DemoMeasures(MeasureSet.objects.count(), attach_to_june(today))


def attach_to_june(today: dt.date) -> str:
    """The CSO's sickness item of this year's June meeting (last year's while this
    year's agenda is not built yet) gets the measures. Not the figures: at Copenhagen
    scale their disclosure decisions take half a minute, which the demo's start cannot
    afford; the secretary makes them with the item's button, as in real use."""
    item = (
        AgendaItem.objects.filter(
            meeting__series__committee_id="CSO",
            recurring__report=SICKNESS_ABSENCE_REPORT,
            meeting__date__lte=dt.date(today.year, 12, 31),
        )
        .select_related("meeting__series__committee")
        .order_by("-meeting__date")
        .first()
    )
    if item is None:
        return ""
    attach_measures(item, today, None)
    return f"CSO {item.meeting.date.isoformat()}, item {item.number}"
