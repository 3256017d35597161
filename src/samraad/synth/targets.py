"""Targets (måltal) for own sickness, in absence days per FTE, by unit and year.

The municipality's target for a year is 5 % below the level of the year before (the kind
of step the Finance Committee sets). Each administration and the centres that break their
target down (KFF's centres, KEJD, ØKF's centres; see the 2026 action note in the seeds)
get it scaled by how sickness-prone their staff mix is.
"""

from __future__ import annotations

import numpy as np

from samraad.synth import catalogue as cat
from samraad.synth import templates as tpl
from samraad.synth.organisation import ROOT_ID, Organisation

IMPROVEMENT = 0.95
CENTRE_TARGETS_IN = ("OKF", "KFF")


def target_rows(org: Organisation, years: range) -> list[tuple[str, int, float]]:
    """(unit_id, year, absence_days_per_fte) for the root, every administration, some centres."""
    level = np.array([g.sickness for g in cat.JOB_GROUPS.values()])[org.position_job]
    mean = level.mean()
    unit_admin = np.array(org.staffed_admin)[org.position_unit]
    unit_centre = np.array(org.staffed_centre)[org.position_unit]
    factors: dict[str, float] = {ROOT_ID: 1.0}
    for a, admin in enumerate(tpl.ADMINISTRATIONS):
        factors[admin.unit_id] = float(level[unit_admin == a].mean() / mean)
    for admin_id in CENTRE_TARGETS_IN:
        for centre in org.centres[admin_id]:
            factors[centre] = float(level[unit_centre == centre].mean() / mean)
    return [
        (unit_id, year, round(IMPROVEMENT * cat.sickness_target(year - 1) * factor, 1))
        for unit_id, factor in factors.items()
        for year in years
    ]
