"""The organisation side: administrations, their centres, and the kinds of workplace.

Shares follow the relative size of Copenhagen's administrations (BUF about 40 % of the
staff, SUF 20 %, SOF 15 %, the rest smaller); unit sizes are typical ones (a school ~60,
a day-care cluster ~80 in four institutions, a care home ~70, an office ~25).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


def _mix(text: str) -> dict[str, float]:
    """'lærer .68 pædagog .17' -> {'lærer': 0.68, 'pædagog': 0.17}."""
    words = text.split()
    return {name: float(share) for name, share in zip(words[::2], words[1::2], strict=True)}


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


@dataclass(frozen=True)
class UnitTemplate:
    """A kind of workplace: typical staff and job mix (each staffed unit also has a leader)."""

    label: str  # name pattern, "{place}" is filled in
    kind: str
    size: int
    mix: dict[str, float]
    institutions: int = 0  # >0: the staff sits in about this many institutions below
    institution_label: str = ""
    names: tuple[str, ...] = ()  # what fills "{place}"; the places of Copenhagen if empty


@dataclass(frozen=True)
class CentreTemplate:
    label: str  # "{n}" takes the instance's name when there are several
    weight: float  # share of the administration's staff
    units: list[tuple[UnitTemplate, float]]  # unit templates and their share of the centre
    size: int = 2500  # staff per instance when the world is scaled up
    names: tuple[str, ...] = ()  # instance names, used in turn


@dataclass(frozen=True)
class Administration:
    unit_id: str
    name: str
    share: float  # of the municipality's staff
    centres: list[CentreTemplate] = field(default_factory=list)


PLACES = _names("""
    Amager, Sundby, Ørestad, Islands Brygge, Christianshavn, Valby, Vigerslev, Sydhavn,
    Vesterbro, Nørrebro, Nordvest, Bispebjerg, Emdrup, Husum, Tingbjerg, Brønshøj, Vanløse,
    Østerbro, Nordhavn, Utterslev, Kongens Enghave, Sjælør, Bellahøj, Ryparken, Grøndal,
    Lergravsparken, Holmbladsgade, Sønderbro, Kalvebod, Lundehus, Tagensbo, Rådmandsgade,
    Blågård, Hellig Kors, Guldberg, Kildevæld, Ellebjerg, Katrinedal, Bavnehøj, Korsager,
    Peder Lykke, Strandvejen, Øresund, Sankt Annæ, Kirkebjerg, Vibenshus, Fælledparken,
    Sølvgade, Langelinie, Frederiksholm, Ålholm, Damhus, Degnemose, Grønnemose,
    Nørre Fælled, Dyveke, Kløvermarken, Holmen, Refshaleøen
""")
DISTRICTS = _names("""
    Amager Øst, Amager Vest, Bispebjerg, Brønshøj-Husum, Indre By-Østerbro, Nørrebro,
    Valby, Vanløse, Vesterbro-Kongens Enghave
""")
QUARTERS = _names("Nord, Syd, Vest, Øst")
OFFICE_NAMES = _names("""
    Løn og Personale, Regnskab, Indkøb, IT-drift, Digitalisering, Jura, Kommunikation,
    Analyse, Budget, Arbejdsmiljø, Rekruttering, Sekretariat, Byggesag, Planlægning,
    Data og Statistik, Ejendomsøkonomi, Udbud, Forhandling
""")

# Workplaces: kind, typical staff, name pattern and job mix (shares of the staff).
_UNITS = """
office      | office | 25 | Kontor for {place}        | ac .55 hk .40 elev .05
school      | unit   | 60 | {place} Skole             | lærer .68 pædagog .17 pædagogmedhjælper .05 hk .04 serviceassistent .03 ac .01 elev .02
daycare     | unit   | 80 | Klynge {place}            | pædagog .52 pædagogmedhjælper .38 elev .06 serviceassistent .04
club        | unit   | 30 | Fritidscenter {place}     | pædagog .55 pædagogmedhjælper .40 elev .05
care_home   | unit   | 70 | Plejehjemmet {place}      | sosu-hjælper .30 sosu-assistent .33 sygeplejerske .10 terapeut .05 serviceassistent .07 hk .03 elev .12
home_care   | unit   | 40 | Hjemmeplejen {place}      | sosu-hjælper .45 sosu-assistent .30 sygeplejerske .10 elev .10 hk .05
training    | unit   | 30 | Træningscenter {place}    | terapeut .6 sosu-assistent .2 sygeplejerske .1 hk .1
residence   | unit   | 45 | Bostedet {place}          | pædagog .45 sosu-assistent .15 pædagogmedhjælper .2 sygeplejerske .05 socialrådgiver .05 serviceassistent .05 elev .05
shelter     | unit   | 35 | Herberget {place}         | pædagog .35 sosu-assistent .2 sygeplejerske .1 socialrådgiver .15 serviceassistent .2
family      | office | 25 | Børnefamilieenhed {place} | socialrådgiver .70 ac .10 hk .15 elev .05
jobcentre   | unit   | 60 | Jobcenter {place}         | socialrådgiver .40 ac .35 hk .25
benefits    | office | 30 | Ydelseskontor {place}     | hk .75 ac .2 elev .05
library     | unit   | 18 | {place} Bibliotek         | bibliotekar .50 ac .15 hk .30 serviceassistent .05
sports      | unit   | 15 | {place} Idrætsanlæg       | serviceassistent .55 håndværker .25 hk .1 ac .1
citizen     | unit   | 20 | Borgerservice {place}     | hk .85 ac .15
maintenance | unit   | 40 | Driftsområde {place}      | håndværker .45 serviceassistent .45 ac .05 hk .05
property    | unit   | 30 | Ejendomsdrift {place}     | håndværker .65 serviceassistent .2 ac .1 hk .05
"""  # noqa: E501


def _units(table: str) -> dict[str, UnitTemplate]:
    units = {}
    for line in table.strip().splitlines():
        key, kind, size, label, mix = (cell.strip() for cell in line.split("|"))
        units[key] = UnitTemplate(label, kind, int(size), _mix(mix))
    return units


_U = _units(_UNITS)
OFFICE = replace(_U["office"], names=OFFICE_NAMES)
# A day-care cluster: a small leadership unit over about four institutions.
DAYCARE = replace(_U["daycare"], institutions=4, institution_label="Børnehuset {place}")
SCHOOL, CLUB, CARE_HOME, HOME_CARE = _U["school"], _U["club"], _U["care_home"], _U["home_care"]
TRAINING, RESIDENCE, SHELTER, FAMILY = _U["training"], _U["residence"], _U["shelter"], _U["family"]
JOBCENTRE, BENEFITS, LIBRARY, SPORTS = _U["jobcentre"], _U["benefits"], _U["library"], _U["sports"]
CITIZEN, MAINTENANCE, PROPERTY = _U["citizen"], _U["maintenance"], _U["property"]

ADMINISTRATIONS = [
    Administration("OKF", "Økonomiforvaltningen", 0.06, [
        CentreTemplate("Koncernservice", 0.40, [(OFFICE, 1.0)]),
        CentreTemplate("Center for Økonomi", 0.15, [(OFFICE, 1.0)]),
        CentreTemplate("Koncern HR", 0.15, [(OFFICE, 1.0)]),
    ]),
    Administration("BUF", "Børne- og Ungdomsforvaltningen", 0.40, [
        CentreTemplate("Område {n}", 0.96, [(SCHOOL, 0.45), (DAYCARE, 0.48), (CLUB, 0.07)],
                       size=2000, names=DISTRICTS),
        CentreTemplate("Center for Policy", 0.04, [(OFFICE, 1.0)]),
    ]),
    Administration("SUF", "Sundheds- og Omsorgsforvaltningen", 0.20, [
        CentreTemplate("Plejecentre {n}", 0.45, [(CARE_HOME, 1.0)], names=QUARTERS),
        CentreTemplate("Hjemmeplejen {n}", 0.40, [(HOME_CARE, 1.0)], names=QUARTERS),
        CentreTemplate("Center for Sundhed og Træning", 0.10, [(TRAINING, 1.0)]),
        CentreTemplate("Center for Administration", 0.05, [(OFFICE, 1.0)]),
    ]),
    Administration("SOF", "Socialforvaltningen", 0.15, [
        CentreTemplate("Center for Udsatte Voksne", 0.25, [(SHELTER, 0.6), (RESIDENCE, 0.4)]),
        CentreTemplate("Center for Handicap", 0.35, [(RESIDENCE, 1.0)]),
        CentreTemplate("Borgercenter Børn og Unge", 0.32, [(FAMILY, 0.55), (RESIDENCE, 0.45)]),
        CentreTemplate("Center for Økonomi og Administration", 0.08, [(OFFICE, 1.0)]),
    ]),
    Administration("KFF", "Kultur- og Fritidsforvaltningen", 0.06, [
        CentreTemplate("Biblioteker", 0.35, [(LIBRARY, 1.0)]),
        CentreTemplate("Idræt og Fritid", 0.30, [(SPORTS, 0.6), (CLUB, 0.4)]),
        CentreTemplate("Borgerservice", 0.25, [(CITIZEN, 1.0)]),
        CentreTemplate("Center for Kultur", 0.10, [(OFFICE, 1.0)]),
    ]),
    Administration("KTF", "Teknik- og Miljøforvaltningen", 0.07, [
        CentreTemplate("Bynatur og Renhold", 0.55, [(MAINTENANCE, 1.0)]),
        CentreTemplate("Byens Udvikling", 0.25, [(OFFICE, 1.0)]),
        CentreTemplate("Parkering og Kontrol", 0.10, [(CITIZEN, 1.0)]),
        CentreTemplate("Center for Miljøbeskyttelse", 0.10, [(OFFICE, 1.0)]),
    ]),
    Administration("BIF", "Beskæftigelses- og Integrationsforvaltningen", 0.06, [
        CentreTemplate("Jobcenter København", 0.65, [(JOBCENTRE, 1.0)]),
        CentreTemplate("Ydelsesservice", 0.20, [(BENEFITS, 1.0)]),
        CentreTemplate("Center for Integration", 0.15, [(OFFICE, 0.5), (FAMILY, 0.5)]),
    ]),
]  # fmt: skip

# Københavns Ejendomme: a centre of ØKF that moves to KFF on 2026-01-01 (seeds: the CSO
# minutes of December 2025, "KEJD rykkes til Kultur- og Fritidsforvaltningen").
PROPERTIES_ID = "KEJD"
PROPERTIES_NAME = "Københavns Ejendomme"
PROPERTIES_SHARE_OF_OKF = 0.30
PROPERTIES_UNITS = [(PROPERTY, 0.7), (OFFICE, 0.3)]
PROPERTIES_MOVE = (2026, 1, 1)
PROPERTIES_FROM = "OKF"
PROPERTIES_TO = "KFF"
