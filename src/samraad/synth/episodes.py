"""Absence episodes: one or two consecutive records of one person, kept or dropped whole.

An episode is a first record (`start`..`mid`) and, optionally, a second one that follows on
the next day (`mid + 1`..`end`): a long sick leave with its partial return, or a
pregnancy-related absence with the maternity leave after it. Episodes of one person may
neither overlap nor touch: between two of them lies at least one working day, so records
never overlap and unrelated spells never merge (spec/statistics.md, "Spells").
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

from samraad.synth.calendar import WorkCalendar

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
NONE = np.iinfo(np.int64).max

CAUSES = ["own_sickness", "child_sickness", "work_injury", "pregnancy_related", "maternity"]
OWN, CHILD, INJURY, PREGNANCY, MATERNITY = range(5)
NO_CAUSE = -1


@dataclass
class Episodes:
    person: Ints
    process: Ints  # which process made it (for calibration: own sickness is thinned)
    start: Ints
    mid: Ints  # last day of the first record
    end: Ints  # last day of the second record (= mid when there is none)
    cause1: Ints
    degree1: Floats
    cause2: Ints  # NO_CAUSE when there is no second record
    degree2: Floats

    @staticmethod
    def single(
        person: Ints, process: int, start: Ints, end: Ints, cause: int, degree: Floats | None = None
    ) -> Episodes:
        n = len(person)
        return Episodes(
            person,
            np.full(n, process),
            start,
            end,
            end.copy(),
            np.full(n, cause),
            np.ones(n) if degree is None else degree,
            np.full(n, NO_CAUSE),
            np.ones(n),
        )

    @staticmethod
    def concat(parts: list[Episodes]) -> Episodes:
        return Episodes(
            *(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(Episodes))
        )

    def take(self, index: Ints | npt.NDArray[np.bool_]) -> Episodes:
        return Episodes(*(getattr(self, f.name)[index] for f in fields(Episodes)))

    def __len__(self) -> int:
        return len(self.person)


def truncate(ep: Episodes, last_day: Ints) -> Episodes:
    """Cut episodes at the person's last employed day; drop a second record that starts after."""
    limit = last_day[ep.person]
    ep.mid = np.minimum(ep.mid, limit)
    ep.end = np.minimum(ep.end, limit)
    gone = ep.mid >= ep.end
    ep.cause2 = np.where(gone, NO_CAUSE, ep.cause2)
    ep.end = np.where(gone, ep.mid, ep.end)
    return ep.take(ep.start <= ep.mid)


def sort(ep: Episodes) -> Episodes:
    return ep.take(np.lexsort((ep.process, ep.start, ep.person)))


def resolve_overlaps(ep: Episodes, cal: WorkCalendar, max_rounds: int = 200) -> Episodes:
    """Keep, in order of start, each episode that begins after the previous kept one is over.

    "Over" is the next working day after its end, so a working day lies between any two
    kept episodes. This greedy choice is the unique fixed point of `_round`; each round
    settles at least one more episode per person, and in practice a handful of rounds do.
    """
    ep = sort(ep)
    blocked = cal.next_working_day(np.minimum(ep.end, cal.last))
    blocked = np.where(ep.end >= cal.last, _FOREVER, blocked)
    same = np.concatenate(([False], ep.person[1:] == ep.person[:-1]))
    band = np.cumsum(~same) * _BAND
    kept = np.ones(len(ep), dtype=bool)
    for _ in range(max_rounds):
        new = _round(ep.start, blocked, kept, same, band)
        if np.array_equal(new, kept):
            return ep.take(kept)
        kept = new
    raise RuntimeError("absence overlaps did not settle")


_FOREVER = 3_000_000  # a day number beyond any calendar used here (year 10,183)
_BAND = 2 * _FOREVER


def _round(
    start: Ints, blocked: Ints, kept: npt.NDArray[np.bool_], same: npt.NDArray[np.bool_], band: Ints
) -> npt.NDArray[np.bool_]:
    """Keep each episode that starts after every kept earlier episode of its person is over."""
    # A running maximum that restarts at each person: every person's values live in a band
    # of their own above the previous person's, so one global running maximum does it.
    value = np.where(kept, blocked, -1) + band
    running = np.maximum.accumulate(value) - band
    previous = np.concatenate(([-1], running[:-1]))
    return ~same | (start > previous)


@dataclass
class Records:
    """Absence records, one row each, sorted by person and start (end NONE = still absent)."""

    person: Ints
    cause: Ints
    start: Ints
    end: Ints
    degree: Floats


def to_records(ep: Episodes, today: int) -> Records:
    """Both records of every episode, as seen on `today`: what goes on has no end yet."""
    ep = ep.take(ep.start <= today)
    second = (ep.cause2 != NO_CAUSE) & (ep.mid < today)
    first_end = np.where(ep.mid > today, NONE, ep.mid)
    second_end = np.where(ep.end > today, NONE, ep.end)
    s = np.flatnonzero(second)
    person = np.concatenate((ep.person, ep.person[s]))
    start = np.concatenate((ep.start, ep.mid[s] + 1))
    order = np.lexsort((start, person))
    return Records(
        person=person[order],
        cause=np.concatenate((ep.cause1, ep.cause2[s]))[order],
        start=start[order],
        end=np.concatenate((first_end, second_end[s]))[order],
        degree=np.concatenate((ep.degree1, ep.degree2[s]))[order],
    )
