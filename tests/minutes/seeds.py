"""The seeds' meetings as read by hand: what the reader must find in docs/seeds/000–002.

Each item: (number, title, purpose, the speakers of its statements in order, decision).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samraad.minutes import Meeting

SHH = "Søren Hartmann Hede"
KGL = "Kirsten Gunvor Løth"
LM = "Lene Munck"
BP = "Britt Petersen"
LS = "Lars Sørensen"

ExpectedItem = tuple[int, str, str | None, list[str], str | None]


@dataclass(frozen=True)
class Expected:
    date: dt.date | None
    previous_meeting: dt.date | None
    parts: tuple[str, ...]
    items: list[ExpectedItem]
    opening: list[str]
    speakers: list[str]


def structure(meeting: Meeting) -> Expected:
    """What the hand-checked expectations cover, taken from a parsed meeting."""
    return Expected(
        date=meeting.date,
        previous_meeting=meeting.previous_meeting,
        parts=meeting.parts,
        items=[
            (
                item.number,
                item.title,
                item.purpose,
                [statement.speaker for statement in item.statements],
                item.decision,
            )
            for item in meeting.items
        ],
        opening=[statement.speaker for statement in meeting.opening_statements],
        speakers=list(meeting.speakers),
    )


# Minutes only: the meeting's own date is not in the document; item 1 approves the
# minutes of 9 October 2025.
SEED_000 = Expected(
    date=None,
    previous_meeting=dt.date(2025, 10, 9),
    parts=("minutes",),
    items=[
        (
            1,
            "Referat fra CSO-møde den 9. oktober 2025",
            None,
            [SHH],
            f"{SHH} informerede om, at referatet fra CSO møde d. 9. oktober 2025 er godkendt"
            " i skriftlig proces uden bemærkninger.",
        ),
        (
            2,
            "Fælles sygefraværspolitik i Københavns Kommune",
            "approval",
            [SHH, LM, KGL, KGL, "Maria Konstantinidou", "Bo Vollertsen", KGL, SHH],
            "CSO godkendte indstillingen.",
        ),
        (3, "Status vedr. opfølgningsplanen", None, [SHH, KGL, LM, LM, KGL, SHH, KGL], None),
        (
            4,
            "Eventuelt",
            None,
            [
                SHH,
                "Bo Vollertsen",
                SHH,
                "Tania Karpatschof",
                "Rasmus Bredde",
                "Mikkel Boje",
                LM,
                KGL,
            ],
            None,
        ),
    ],
    opening=[],
    speakers=[
        SHH,
        LM,
        KGL,
        "Maria Konstantinidou",
        "Bo Vollertsen",
        "Tania Karpatschof",
        "Rasmus Bredde",
        "Mikkel Boje",
    ],
)

SEED_001 = Expected(
    date=None,
    previous_meeting=dt.date(2021, 6, 10),
    parts=("agenda", "minutes"),
    items=[
        (
            1,
            "Godkendelse af referat fra CSO-mødet den 10. juni 2021",
            "approval",
            [],
            "Referatet blev godkendt uden bemærkninger.",
        ),
        (2, "Budget 2022", None, ["Mads Grønvall", LS, BP, SHH], None),
        (
            3,
            "Temadrøftelse om seniorforhold i Københavns Kommune",
            "discussion",
            [SHH, LS, BP, "Tania Karpatschof", "Tobias Børner Stax", "Lotte Pedersen", SHH],
            None,
        ),
        (
            4,
            "Temadrøftelse vedr. Det Sociale Kapitel",
            "discussion",
            ["Charlotte Kjær", BP, SHH],
            f"{SHH} konkluderede, at 1) temagruppen vil se nærmere på om Socialforvaltningens"
            " materiale kan gøres tilgængeligt for alle forvaltninger (via medarbejder.kk.dk),"
            " 2) temagruppen vil undersøge om de faglige organisationer kan indgå i det nævnte"
            " samarbejde, 3) at der i CSO var opbakning til temagruppens forslag til indsatser"
            " det kommende år blev, hvorefter de blev godkendt.",
        ),
        (
            5,
            "Automatiske kontrolforanstaltninger",
            "discussion",
            [SHH, LS, BP, "Lars Pless", "Søren Wille", BP, SHH],
            "Det blev afslutningsvis konkluderet, at Koncernservice gennemskriver notatet med"
            " udgangspunkt i dagens drøftelse.",
        ),
        (
            6,
            "Lønstatistik for kvinde- og mandsdominerede faggrupper i Københavns Kommune",
            "orientation",
            ["Rasmus Hangaard Balslev", "Signe Hagel Andersen"],
            None,
        ),
        (
            7,
            "Godkendelse af CSOs møderække for 2022",
            "approval",
            [],
            "Den foreslåede møderække for 2022 blev godkendt.",
        ),
        (8, "Eventuelt", None, [LS, SHH, BP, SHH, "Mette Touborg", SHH], None),
    ],
    opening=[],
    speakers=[
        "Mads Grønvall",
        LS,
        BP,
        SHH,
        "Tania Karpatschof",
        "Tobias Børner Stax",
        "Lotte Pedersen",
        "Charlotte Kjær",
        "Lars Pless",
        "Søren Wille",
        "Rasmus Hangaard Balslev",
        "Signe Hagel Andersen",
        "Mette Touborg",
    ],
)

SEED_002 = Expected(
    date=None,
    previous_meeting=dt.date(2020, 6, 25),
    parts=("agenda", "minutes"),
    items=[
        (
            1,
            "Godkendelse af referat fra CSO-mødet den 25. juni 2020",
            "approval",
            [],
            "Referatet blev godkendt uden bemærkninger.",
        ),
        (2, "Budget 2021", None, ["Mads Grønvall", BP, SHH], None),
        (
            3,
            "Temadrøftelse vedr. Det Sociale Kapitel",
            "discussion",
            # "… holdt Dan Rantzau Schimmel fra Socialforvaltningen et inspirationsoplæg".
            [BP, SHH, "Dan Rantzau Schimmel"],
            f"{SHH} konkluderede, at temagruppen i 2021 med fordel kan kigge nærmere på brugen"
            " af fastholdelsesfleksjob i tværgående enheder, herunder fx rengøringsområdet.",
        ),
        (
            4,
            "Spørgeramme for Trivselsundersøgelsen 2021",
            "approval",
            # "Til dette svarede organisationssiden …" is the side's, not a statement.
            [SHH, BP, SHH],
            f"{SHH} konkluderede, at det ovenfornævnte spørgsmål medtages i trivselsundersøgelsen.",
        ),
        (
            5,
            "Arbejdsgruppen vedr. fastholdelses- og rekrutteringsudfordringer i Københavns Kommune",
            "discussion",
            [BP, SHH],
            None,
        ),
        (6, "Analyse om sygefravær hos opsagte medarbejdere", "orientation", [SHH, BP], None),
        (
            7,
            "Godkendelse af CSO’s møderække for 2021",
            "approval",
            [],
            "CSO’s møderække for 2021 blev godkendt.",
        ),
        (8, "Eventuelt", None, [], None),
    ],
    opening=[],
    speakers=["Mads Grønvall", BP, SHH, "Dan Rantzau Schimmel"],
)

SEEDS = {"000": SEED_000, "001": SEED_001, "002": SEED_002}
