"""Targets (måltal) for own sickness, in absence days per FTE, by unit and year.

The municipality's target for a year is 5 % below the level of the year before (the kind
of step the Finance Committee sets). Every administration and every centre gets it
scaled by how sickness-prone its staff mix is (the 2026 action note in the seeds has ØKF
and KFF breaking their targets down to centres; the others are given centre targets
too, so that every centre's page has one of its own). The workplaces have none: they
inherit their centre's, or get one by `samraad targets breakdown`.
"""

from __future__ import annotations

import numpy as np

from samraad.synth import catalogue as cat
from samraad.synth import templates as tpl
from samraad.synth.organisation import ROOT_ID, Organisation

IMPROVEMENT = 0.95


def target_rows(org: Organisation, years: range) -> list[tuple[str, int, float]]:
    """(unit_id, year, absence_days_per_fte) for the root, every administration and centre."""
    level = np.array([g.sickness for g in cat.JOB_GROUPS.values()])[org.position_job]
    mean = level.mean()
    unit_admin = np.array(org.staffed_admin)[org.position_unit]
    unit_centre = np.array(org.staffed_centre)[org.position_unit]
    factors: dict[str, float] = {ROOT_ID: 1.0}
    for a, admin in enumerate(tpl.ADMINISTRATIONS):
        factors[admin.unit_id] = float(level[unit_admin == a].mean() / mean)
    for admin in tpl.ADMINISTRATIONS:
        for centre in org.centres[admin.unit_id]:
            staff = level[unit_centre == centre]
            if len(staff):  # a centre without positions (tiny worlds) inherits
                factors[centre] = float(staff.mean() / mean)
    return [
        (unit_id, year, round(IMPROVEMENT * cat.sickness_target(year - 1) * factor, 1))
        for unit_id, factor in factors.items()
        for year in years
    ]
