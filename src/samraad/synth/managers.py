"""Who manages which unit when: managers.csv (the project's own file, docs/interchange.md).

Every staffed unit has a leader position (organisation.py), and each employment in it
makes its holder manager of that unit for as long as it lasts; a unit may have two
leaders at once (a position that moved in) or none for a while (a vacancy, or the
position moved away). The follow-up rules send an alert to the manager of the
employee's unit or of the nearest unit above with one, so the upper tree is kept
manned:

- a centre with no leader in post is managed by an `ac` of its own staff, else by a
  leader of a unit below, else by an `ac` below, else by anyone of its own staff, until
  one of a better kind comes;
- an administration (no staff of its own) is managed by a leader of one of its centres,
  else by any leader in the administration, one after the other.

Those successions are drawn for all these units at once, one loop turn per handover.
"""

from __future__ import annotations

import polars as pl

from samraad.synth import catalogue as cat
from samraad.synth import templates as tpl
from samraad.synth.organisation import Organisation
from samraad.synth.staffing import NONE, Staff

LEADER = cat.JOB_NAMES.index("leder")
AC = cat.JOB_NAMES.index("ac")
ENGLISH_SHARE = 0.05  # of managers who get their mail in English
EMAIL_DOMAIN = "leder.example.kk.dk"

# A candidate of a succession: `managed` may be led by `person`, whose employment runs
# `start`..`end` (day numbers; NONE = ongoing), with preference `rank` (0 first).
CANDIDATE = {
    "managed": pl.String,
    "rank": pl.Int64,
    "person": pl.Int64,
    "start": pl.Int64,
    "end": pl.Int64,
}


def manager_rows(org: Organisation, staff: Staff, since: int) -> pl.DataFrame:
    """(unit_id, person, start, end) of every manager period, sorted; day numbers.

    Leaders manage their unit for their whole employment; the stand-ins of centres and
    the managers of administrations are drawn from `since` on (before it the generated
    staff are only those still in post later, too few to stand in).
    """
    employments = pl.DataFrame(
        {
            "unit_id": pl.Series(org.staffed, dtype=pl.String).gather(staff.unit),
            "centre": pl.Series(org.staffed_centre, dtype=pl.String).gather(staff.unit),
            "admin": pl.Series(
                [tpl.ADMINISTRATIONS[a].unit_id for a in org.staffed_admin], dtype=pl.String
            ).gather(staff.unit),
            "job": staff.emp_job,
            "person": staff.person,
            "start": staff.start,
            "end": staff.end,
        }
    )
    is_leader, is_ac = pl.col("job") == LEADER, pl.col("job") == AC
    leaders = employments.filter(is_leader)
    at_centre = pl.col("unit_id") == pl.col("centre")
    candidates = pl.concat(
        [
            # centres: their own leaders; their own ac; leaders of units below; ac there;
            # the rest of their own staff
            _candidates(leaders.filter(at_centre), "centre", 0),
            _candidates(employments.filter(at_centre & is_ac), "centre", 1),
            _candidates(leaders.filter(~at_centre), "centre", 2),
            _candidates(employments.filter(~at_centre & is_ac), "centre", 3),
            _candidates(employments.filter(at_centre & ~is_ac & ~is_leader), "centre", 4),
            # administrations: leaders of their centres (not KEJD, which changes
            # administration), then any leader in them
            _candidates(
                leaders.filter(at_centre & (pl.col("centre") != tpl.PROPERTIES_ID)), "admin", 0
            ),
            _candidates(leaders, "admin", 1),
        ]
    )
    chosen = succession(candidates, since)
    is_centre = pl.col("managed").is_in(list(set(org.staffed_centre)))
    # A centre's own leaders are all its managers: the succession only fills the gaps.
    fill_in = chosen.filter(~is_centre | (pl.col("rank") > 0))
    return pl.concat(
        [
            leaders.select("unit_id", "person", "start", "end"),
            fill_in.select(pl.col("managed").alias("unit_id"), "person", "start", "end"),
        ]
    ).sort("unit_id", "start", "person")


def _candidates(employments: pl.DataFrame, managed: str, rank: int) -> pl.DataFrame:
    return employments.select(
        pl.col(managed).alias("managed"),
        pl.lit(rank, pl.Int64).alias("rank"),
        "person",
        "start",
        "end",
    )


def succession(candidates: pl.DataFrame, since: int) -> pl.DataFrame:
    """One manager at a time for each `managed`, from day `since` on.

    On each day the candidate in post of the best rank, lasting longest, takes over,
    until their employment ends or one of a better rank starts. Days with nobody in
    post are left out. Returns (managed, rank, person, start, end) of each handover.
    """
    state = candidates.select("managed", pl.lit(since, pl.Int64).alias("day")).unique()
    found = [pl.DataFrame(schema=CANDIDATE)]
    while state.height:
        joined = state.join(candidates, on="managed")
        in_post = joined.filter(pl.col("start") <= pl.col("day"), pl.col("day") <= pl.col("end"))
        chosen = in_post.sort(
            "managed", "rank", "end", "person", descending=[False, False, True, False]
        ).unique("managed", keep="first", maintain_order=True)
        later = joined.filter(pl.col("start") > pl.col("day"))
        better = (
            later.join(chosen.select("managed", pl.col("rank").alias("_rank")), on="managed")
            .filter(pl.col("rank") < pl.col("_rank"))
            .group_by("managed")
            .agg(pl.col("start").min().alias("_better"))
        )
        chosen = chosen.join(better, on="managed", how="left").with_columns(
            pl.min_horizontal("end", pl.col("_better") - 1).alias("_until")
        )
        found.append(
            chosen.select(
                "managed",
                "rank",
                "person",
                pl.col("day").alias("start"),
                pl.col("_until").alias("end"),
            )
        )
        going_on = chosen.filter(pl.col("_until") < NONE).select(
            "managed", (pl.col("_until") + 1).alias("day")
        )
        vacant = (
            later.join(chosen, on="managed", how="anti")
            .group_by("managed")
            .agg(pl.col("start").min().alias("day"))
        )
        state = pl.concat([going_on, vacant])
    return pl.concat(found).sort("managed", "start")
