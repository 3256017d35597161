"""Absence episodes: one or two consecutive records of one person, kept or dropped whole.

An episode is a first record (`start`..`mid`) and, optionally, a second one that follows on
the next day (`mid + 1`..`end`): a long sick leave with its partial return, or a
pregnancy-related absence with the maternity leave after it. Episodes of one person may
neither overlap nor touch: between two of them lies at least one working day, so records
never overlap and unrelated spells never merge (spec/statistics.md, "Spells").

Arrays are compact (int32 days and persons, int8 codes, float32 degrees): the national
scale holds some twenty million of them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

from samraad.synth.calendar import WorkCalendar

I32 = npt.NDArray[np.int32]
I8 = npt.NDArray[np.int8]
F32 = npt.NDArray[np.float32]
Mask = npt.NDArray[np.bool_]
OPEN = np.iinfo(np.int32).max  # a record's end while it goes on

CAUSES = ["own_sickness", "child_sickness", "work_injury", "pregnancy_related", "maternity"]
OWN, CHILD, INJURY, PREGNANCY, MATERNITY = range(5)
NO_CAUSE = -1


@dataclass
class Episodes:
    person: I32
    process: I8  # which process drew it (calibration thins own sickness)
    start: I32
    mid: I32  # last day of the first record
    end: I32  # last day of the second record (= mid when there is none)
    cause1: I8
    degree1: F32
    cause2: I8  # NO_CAUSE when there is no second record
    degree2: F32

    @staticmethod
    def make(
        person: npt.ArrayLike,
        process: int,
        start: npt.ArrayLike,
        mid: npt.ArrayLike,
        end: npt.ArrayLike | None = None,
        cause1: npt.ArrayLike = OWN,
        degree1: npt.ArrayLike = 1.0,
        cause2: npt.ArrayLike = NO_CAUSE,
        degree2: npt.ArrayLike = 1.0,
    ) -> Episodes:
        """Episodes from arrays or scalars (broadcast), cast to the compact types."""
        n = len(np.asarray(person))

        def spread(values: npt.ArrayLike) -> npt.NDArray[np.generic]:
            return np.broadcast_to(np.asarray(values), (n,))

        return Episodes(
            spread(person).astype(np.int32),
            spread(process).astype(np.int8),
            spread(start).astype(np.int32),
            spread(mid).astype(np.int32),
            spread(mid if end is None else end).astype(np.int32),
            spread(cause1).astype(np.int8),
            spread(degree1).astype(np.float32),
            spread(cause2).astype(np.int8),
            spread(degree2).astype(np.float32),
        )

    @staticmethod
    def concat(parts: list[Episodes]) -> Episodes:
        return Episodes(
            *(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(Episodes))
        )

    def take(self, index: npt.NDArray[np.intp] | Mask) -> Episodes:
        return Episodes(*(getattr(self, f.name)[index] for f in fields(Episodes)))

    def __len__(self) -> int:
        return len(self.person)


def truncate(ep: Episodes, last_day: npt.NDArray[np.int64]) -> Episodes:
    """Cut episodes at the person's last employed day; drop a second record that starts after."""
    limit = np.minimum(last_day[ep.person], OPEN).astype(np.int32)
    ep.mid = np.minimum(ep.mid, limit)
    ep.end = np.minimum(ep.end, limit)
    gone = ep.mid >= ep.end
    ep.cause2[gone] = NO_CAUSE
    ep.end[gone] = ep.mid[gone]
    return ep.take(ep.start <= ep.mid)


def resolve_overlaps(ep: Episodes, cal: WorkCalendar) -> Episodes:
    """Sorted by person and start, keep each episode that begins after the previous kept one
    is over ("over": the next working day after its end has passed).

    Decisions interact only inside a cluster: a run of episodes each starting before all
    earlier ones of the person are over. Lone episodes are kept as they are; clusters are
    settled by a fixed-point iteration that needs as many rounds as the longest cluster.
    """
    key = ep.person.astype(np.int64) << 24
    key |= (ep.start.astype(np.int64) - cal.first) << 3
    key |= ep.process.astype(np.int64)
    order = np.argsort(key, kind="stable")  # each process drew in order: a merge of runs
    del key
    person, start = ep.person[order], ep.start[order]
    blocked = cal.next_working_day(np.minimum(ep.end[order], cal.last)).astype(np.int32)
    same = np.concatenate(([False], person[1:] == person[:-1]))
    del person
    everything = _previous_max(blocked, same)
    alone = ~same | (start > everything)
    cluster = np.cumsum(alone)
    crowded = np.flatnonzero(np.bincount(cluster)[cluster] > 1)
    kept = np.ones(len(order), dtype=bool)
    kept[crowded] = _settle(start[crowded], blocked[crowded], ~alone[crowded])
    return ep.take(order[kept])


def _previous_max(value: I32, same: Mask) -> npt.NDArray[np.int64]:
    """For each element, the maximum of the earlier values of its group (-1 for the first).

    Every group's values are shifted into a band of their own above the previous group's,
    so that one running maximum over the whole array restarts at each group.
    """
    band = np.cumsum(~same, dtype=np.int64) * _BAND
    running = np.maximum.accumulate(value + band) - band
    previous = np.empty_like(running)
    previous[0] = -1
    previous[1:] = running[:-1]
    previous[~same] = -1
    return previous


_BAND = 1 << 32  # above any day number (int32)


def _settle(start: I32, blocked: I32, same: Mask, max_rounds: int = 1000) -> Mask:
    """The greedy choice within clusters, as the fixed point of "keep if after the kept"."""
    kept = np.ones(len(start), dtype=bool)
    for _ in range(max_rounds):
        new = start > _previous_max(np.where(kept, blocked, -1).astype(np.int32), same)
        if np.array_equal(new, kept):
            return kept
        kept = new
    raise RuntimeError("absence overlaps did not settle")


@dataclass
class Records:
    """Absence records, one row each, sorted by person and start (end OPEN = still absent)."""

    person: I32
    cause: I8
    start: I32
    end: I32
    degree: F32


def to_records(ep: Episodes, today: int) -> Records:
    """Both records of every episode (sorted by person and start), as seen on `today`:
    what goes on has no end yet, and what would start after today is not there."""
    ep = ep.take(ep.start <= today)
    second = (ep.cause2 != NO_CAUSE) & (ep.mid < today)
    # Episodes are sorted and disjoint, so a second record belongs right after its first.
    first_at = np.arange(len(ep)) + np.concatenate(([0], np.cumsum(second)[:-1]))
    second_at = first_at[second] + 1
    n = len(ep) + int(second.sum())
    records = Records(
        np.empty(n, np.int32),
        np.empty(n, np.int8),
        np.empty(n, np.int32),
        np.empty(n, np.int32),
        np.empty(n, np.float32),
    )
    records.person[first_at], records.person[second_at] = ep.person, ep.person[second]
    records.cause[first_at], records.cause[second_at] = ep.cause1, ep.cause2[second]
    records.start[first_at], records.start[second_at] = ep.start, ep.mid[second] + 1
    records.end[first_at] = np.where(ep.mid > today, OPEN, ep.mid)
    records.end[second_at] = np.where(ep.end[second] > today, OPEN, ep.end[second])
    records.degree[first_at], records.degree[second_at] = ep.degree1, ep.degree2[second]
    return records
