"""Plausible Danish names for the synthetic people (employees.csv `name`).

Common first names and surnames in Denmark, weighted roughly as Danmarks Statistik's
name statistics rank them (navne i hele befolkningen, 2024: Nielsen and Jensen about
5 % of the population each, Hansen 3.5 %, ...; Anne, Kirsten and Mette the commonest
women's names, Peter, Michael and Lars the men's). The weights are rounded shares, enough
for a demo to look like a Danish workplace, not statistics.

Names come from their own random generator, seeded from the world's seed, so that adding
them changed none of the draws behind the other figures.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

# name: relative weight (thousands of bearers, rounded)
WOMEN = {
    "Anne": 43, "Kirsten": 38, "Mette": 36, "Hanne": 34, "Anna": 33, "Helle": 30,
    "Susanne": 29, "Lene": 28, "Maria": 27, "Marianne": 26, "Lone": 24, "Camilla": 22,
    "Pia": 22, "Louise": 22, "Charlotte": 21, "Bente": 20, "Inge": 19, "Tina": 19,
    "Gitte": 18, "Karen": 18, "Jette": 18, "Julie": 17, "Ida": 16, "Emma": 15,
    "Sofie": 15, "Laura": 14, "Cecilie": 14, "Maja": 13, "Line": 13, "Katrine": 13,
    "Mia": 12, "Sara": 12, "Christina": 12, "Heidi": 12, "Birgitte": 12, "Malene": 11,
    "Signe": 11, "Rikke": 11, "Lotte": 10, "Dorthe": 10, "Fatima": 4, "Amina": 3,
}  # fmt: skip
MEN = {
    "Peter": 45, "Michael": 43, "Lars": 42, "Jens": 40, "Thomas": 38, "Henrik": 37,
    "Søren": 35, "Christian": 33, "Martin": 31, "Jan": 29, "Morten": 27, "Niels": 27,
    "Anders": 26, "Jesper": 25, "Mads": 23, "Rasmus": 23, "Per": 22, "Hans": 21,
    "Kim": 20, "Ole": 20, "Frederik": 19, "Mikkel": 18, "Jakob": 17, "Kasper": 17,
    "Mathias": 16, "Nikolaj": 16, "Torben": 15, "Brian": 15, "Steen": 14, "Jørgen": 14,
    "Carsten": 13, "Bo": 13, "Simon": 13, "Jonas": 12, "Emil": 12, "Christoffer": 11,
    "Oliver": 10, "William": 9, "Mohammad": 6, "Ali": 4,
}  # fmt: skip
SURNAMES = {
    "Nielsen": 245, "Jensen": 243, "Hansen": 204, "Andersen": 178, "Pedersen": 156,
    "Christensen": 112, "Larsen": 111, "Sørensen": 105, "Rasmussen": 88, "Jørgensen": 85,
    "Petersen": 79, "Madsen": 60, "Kristensen": 58, "Olsen": 54, "Thomsen": 45,
    "Christiansen": 40, "Poulsen": 35, "Johansen": 34, "Møller": 33, "Mortensen": 32,
    "Knudsen": 25, "Jakobsen": 23, "Mikkelsen": 21, "Olesen": 21, "Frederiksen": 20,
    "Laursen": 19, "Henriksen": 19, "Lund": 18, "Schmidt": 16, "Eriksen": 16, "Holm": 15,
    "Kristiansen": 15, "Clausen": 14, "Simonsen": 14, "Svendsen": 13, "Andreasen": 13,
    "Iversen": 12, "Jeppesen": 11, "Mogensen": 11, "Jacobsen": 11, "Nissen": 10,
    "Lauridsen": 10, "Kjær": 9, "Jespersen": 9, "Bertelsen": 9, "Vestergaard": 9,
    "Østergaard": 8, "Nørgaard": 8, "Bach": 8, "Dahl": 8, "Berg": 7, "Lassen": 7,
    "Toft": 7, "Skov": 7, "Bruun": 7, "Friis": 7, "Krogh": 7, "Winther": 6, "Munk": 6,
    "Damgaard": 6, "Overgaard": 6, "Holst": 6, "Juhl": 6, "Riis": 6, "Brandt": 5,
    "Thygesen": 5, "Steffensen": 5, "Fischer": 5, "Kofoed": 5, "Storm": 5,
    "Ali": 5, "Hussein": 4, "Nguyen": 3, "Yilmaz": 3, "Khan": 3,
}  # fmt: skip
# About one in four also carries a middle name (often a surname: "Mette Holm Jensen").
MIDDLE_NAME_SHARE = 0.25
# The generator's own stream: the world's seed plus this, so names never shift the rest.
STREAM = 0x4E414D45  # "NAME"


def person_names(
    female: npt.NDArray[np.bool_], gender_known: npt.NDArray[np.bool_], seed: int
) -> pl.Series:
    """A name for each person: a first name matching the gender (either when unknown), a
    middle name for some, a surname. The same arguments give the same names."""
    rng = np.random.default_rng([seed, STREAM])
    count = len(female)
    woman = np.where(gender_known, female, rng.random(count) < 0.5)
    first = np.where(woman, _draw(WOMEN, count, rng), _draw(MEN, count, rng))
    middle = _draw(SURNAMES, count, rng)
    has_middle = rng.random(count) < MIDDLE_NAME_SHARE
    last = _draw(SURNAMES, count, rng)
    # A middle name equal to the surname ("Jensen Jensen") reads wrong: drop it.
    middle_part = np.where(has_middle & (middle != last), np.char.add(middle, " "), "")
    full = np.char.add(np.char.add(np.char.add(first, " "), middle_part), last)
    return pl.Series("name", full.tolist(), dtype=pl.String)


def _draw(weights: dict[str, int], count: int, rng: np.random.Generator) -> npt.NDArray[np.str_]:
    names = np.array(list(weights))
    p = np.array(list(weights.values()), dtype=np.float64)
    return names[rng.choice(len(names), size=count, p=p / p.sum())]
