"""The people side of the synthetic municipality: job groups and the sickness curves.

Every number here is documented, with its source, in docs/synthetic-data.md. Job-group
names follow spec/data-format.md (`pædagog`, `lærer`, `sosu-hjælper`, `hk`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JobGroup:
    name: str
    age_mean: float  # age of the staff in post at the start (new hires are younger)
    age_sd: float
    female: float  # share of women
    turnover: float  # yearly hazard of leaving the municipality (retirement aside)
    sickness: float  # relative own-sickness level (1 = municipal average)
    injury: float  # relative work-injury risk
    hours: dict[float, float]  # weekly hours -> probability


# Relative sickness: KRL's fraværsstatistik 2019 by staff group (days per FTE: SOSU 16.3,
# pædagog 14.1, pædagogmedhjælper 13.7, lærer 10.9, socialrådgiver 11.1, sygeplejerske
# 10.9, administration 8.9, akademikere 6.2; all municipalities 12.1), leaders assumed low.
# Weekly hours: 37 is full time; care and day-care staff often work 30–34 hours.
_TABLE = """
name               age  sd  female turnover sickness injury  weekly hours: probability
pædagog             44  11    .76     .13     1.17    1.3    37:.45 34:.12 32:.18 30:.15 28:.05 25:.05
pædagogmedhjælper   33  12    .66     .22     1.13    1.3    37:.35 32:.2 30:.2 25:.1 20:.1 18.5:.05
lærer               46  10    .70     .11      .90     .5    37:.88 33.3:.04 30:.05 25:.03
sosu-hjælper        47  12    .86     .18     1.40    2.0    37:.25 34:.1 32:.25 30:.25 28:.05 25:.05 18.5:.05
sosu-assistent      44  11    .88     .15     1.30    2.0    37:.35 34:.15 32:.25 30:.15 28:.05 25:.05
sygeplejerske       46  11    .94     .15      .92    1.0    37:.45 34:.1 32:.25 30:.15 28:.05
terapeut            42  10    .80     .13      .90     .8    37:.7 32:.2 30:.1
socialrådgiver      43  10    .86     .16      .95     .5    37:.85 32:.1 30:.05
hk                  48  11    .80     .12      .75     .3    37:.75 32:.1 30:.1 25:.05
ac                  42  10    .60     .15      .55     .2    37:.92 32:.05 30:.03
håndværker          47  11    .10     .09     1.05    2.5    37:.97 30:.03
serviceassistent    48  12    .45     .15     1.25    2.0    37:.5 30:.2 25:.15 20:.1 15:.05
bibliotekar         49  10    .75     .10      .85     .3    37:.75 32:.15 30:.1
leder               50   8    .62     .09      .60     .3    37:1
elev                26   6    .78     .05     1.10    1.0    37:.9 32:.1
"""  # noqa: E501


def _parse(table: str) -> dict[str, JobGroup]:
    groups = {}
    for line in table.strip().splitlines()[1:]:
        name, *numbers = line.split()
        age, sd, female, turnover, sickness, injury = (float(x) for x in numbers[:6])
        hours = {float(h): float(p) for h, p in (pair.split(":") for pair in numbers[6:])}
        groups[name] = JobGroup(name, age, sd, female, turnover, sickness, injury, hours)
    return groups


JOB_GROUPS = _parse(_TABLE)
JOB_NAMES = list(JOB_GROUPS)

# Own sickness, days per FTE, Copenhagen Municipality: 2017 11.2, 2019 12.1, 2022 15.8 and
# 2023 14.5 are published; the rest is interpolated or assumed (pre-Covid "about 12",
# a gentle decline after 2023). Years outside the table take its nearest year.
SICKNESS_BY_YEAR = {
    2016: 12.0, 2017: 11.2, 2018: 11.6, 2019: 12.1, 2020: 12.4, 2021: 13.6,
    2022: 15.8, 2023: 14.5, 2024: 14.1, 2025: 13.8, 2026: 13.6,
}  # fmt: skip


def sickness_target(year: int) -> float:
    first, last = min(SICKNESS_BY_YEAR), max(SICKNESS_BY_YEAR)
    return SICKNESS_BY_YEAR[min(max(year, first), last)]


# Relative intensity of new sickness spells by month (Jan..Dec): winter high, July low
# (the summer holiday: who is on leave is not reported sick).
SEASON = [1.30, 1.30, 1.15, 0.95, 0.90, 0.85, 0.55, 0.85, 1.00, 1.05, 1.10, 1.15]
