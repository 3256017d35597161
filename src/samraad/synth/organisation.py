"""The unit tree and the staff positions in it.

Copenhagen Municipality (`KK`) has seven administrations; each holds centres, and the
centres hold the workplaces (schools, day-care clusters with their institutions, care
homes, offices ...). Every staffed unit has one leader position; the rest of its positions
are drawn from its template's job mix. Sizes scale with the number of employees asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from samraad.synth import catalogue as cat
from samraad.synth import templates as tpl

# Units exist from long before any employment generated (the oldest hire is 1980).
ORIGIN = dt.date(1980, 1, 1)
ROOT_ID = "KK"
ROOT_NAME = "Københavns Kommune"
CENTRE_OWN_STAFF = 0.01  # centre management and secretariat, share of the centre's staff


@dataclass(frozen=True)
class UnitRow:
    """One row of units.csv."""

    unit_id: str
    name: str
    kind: str
    parent_id: str | None
    valid_from: dt.date
    valid_to: dt.date | None = None


@dataclass
class Organisation:
    rows: list[UnitRow] = field(default_factory=list)
    staffed: list[str] = field(default_factory=list)  # unit_id of each staffed unit
    staffed_admin: list[int] = field(default_factory=list)  # administration index per unit
    staffed_centre: list[str] = field(default_factory=list)  # the centre it lies in
    centres: dict[str, list[str]] = field(default_factory=dict)  # administration -> centres
    position_unit: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    position_job: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))


class _Builder:
    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.org = Organisation()
        self.sizes: list[int] = []
        self.jobs: list[npt.NDArray[np.int64]] = []
        self.name_counter: dict[str, int] = {}
        self.current_centre = ""

    def add_unit(self, unit_id: str, name: str, kind: str, parent: str) -> None:
        self.org.rows.append(UnitRow(unit_id, name, kind, parent, ORIGIN))

    def name(self, label: str, names: tuple[str, ...]) -> str:
        pool = names or tuple(tpl.PLACES)
        i = self.name_counter.get(label, 0)
        self.name_counter[label] = i + 1
        text = label.format(place=pool[i % len(pool)])
        return text if i < len(pool) else f"{text} {i // len(pool) + 1}"

    def staff(self, unit_id: str, admin: int, size: int, mix: dict[str, float]) -> None:
        """Positions of a staffed unit: one leader, the rest drawn from the mix."""
        size = max(size, 2)
        names = list(mix)
        p = np.array([mix[n] for n in names])
        drawn = self.rng.choice(len(names), size=size - 1, p=p / p.sum())
        codes = np.array([cat.JOB_NAMES.index(n) for n in names], dtype=np.int64)[drawn]
        leader = np.array([cat.JOB_NAMES.index("leder")], dtype=np.int64)
        self.org.staffed.append(unit_id)
        self.org.staffed_admin.append(admin)
        self.org.staffed_centre.append(self.current_centre)
        self.sizes.append(size)
        self.jobs.append(np.concatenate((leader, codes)))

    def split(self, total: float, mean: int) -> list[int]:
        """Sizes of round(total / mean) units around `mean`, adding up to `total`."""
        count = max(1, round(total / mean))
        raw = self.rng.gamma(6.0, mean / 6.0, size=count)
        sizes = np.maximum(np.round(raw / raw.sum() * total), 3).astype(int)
        return [int(s) for s in sizes]

    def centre(
        self,
        centre_id: str,
        name: str,
        parent: str,
        admin: int,
        staff: float,
        units: list[tuple[tpl.UnitTemplate, float]],
    ) -> None:
        self.add_unit(centre_id, name, "centre", parent)
        self.current_centre = centre_id
        own = max(3, round(staff * CENTRE_OWN_STAFF))
        self.staff(centre_id, admin, own, {"ac": 0.5, "hk": 0.5})
        number = 0
        total_share = sum(share for _, share in units)
        for template, share in units:
            for size in self.split((staff - own) * share / total_share, template.size):
                number += 1
                unit_id = f"{centre_id}-{number:03d}"
                name = self.name(template.label, template.names)
                self.add_unit(unit_id, name, template.kind, centre_id)
                if template.institutions:
                    self.cluster(unit_id, admin, size, template)
                else:
                    self.staff(unit_id, admin, size, template.mix)

    def cluster(self, unit_id: str, admin: int, size: int, template: tpl.UnitTemplate) -> None:
        """A day-care cluster: a small leadership unit over a few institutions."""
        self.staff(unit_id, admin, 2, {"hk": 1.0})
        count = int(np.clip(template.institutions + self.rng.integers(-1, 2), 2, size // 8 + 2))
        for k, part in enumerate(self.split(size - 2, max((size - 2) // count, 3)), start=1):
            inst_id = f"{unit_id}-{k}"
            self.add_unit(
                inst_id, self.name(template.institution_label, ()), "institution", unit_id
            )
            self.staff(inst_id, admin, part, template.mix)


def build_organisation(
    employees: int, rng: np.random.Generator, transfer_day: dt.date | None
) -> Organisation:
    """The tree for about `employees` staff; KEJD changes parent on `transfer_day` if given."""
    b = _Builder(rng)
    b.org.rows.append(UnitRow(ROOT_ID, ROOT_NAME, "municipality", None, ORIGIN))
    for a, admin in enumerate(tpl.ADMINISTRATIONS):
        b.add_unit(admin.unit_id, admin.name, "administration", ROOT_ID)
        staff = employees * admin.share
        centres: list[str] = []
        if admin.unit_id == tpl.PROPERTIES_FROM:
            properties = staff * tpl.PROPERTIES_SHARE_OF_OKF
            staff -= properties
            _properties(b, a, properties, transfer_day)
            centres.append(tpl.PROPERTIES_ID)
        weights = sum(c.weight for c in admin.centres)
        for template in admin.centres:
            centre_staff = staff * template.weight / weights
            count = max(1, round(centre_staff / template.size))
            for k in range(count):
                centre_id = f"{admin.unit_id}-{len(centres) + 1:02d}"
                name = _centre_name(template, k, count)
                b.centre(centre_id, name, admin.unit_id, a, centre_staff / count, template.units)
                centres.append(centre_id)
        b.org.centres[admin.unit_id] = centres
    b.org.position_unit = np.repeat(np.arange(len(b.sizes), dtype=np.int64), b.sizes)
    b.org.position_job = np.concatenate(b.jobs)
    return b.org


def _centre_name(template: tpl.CentreTemplate, k: int, count: int) -> str:
    if "{n}" not in template.label:
        return template.label if count == 1 else f"{template.label} {k + 1}"
    names = template.names
    n = names[k % len(names)] + (f" {k // len(names) + 1}" if k >= len(names) else "")
    return template.label.format(n=n)


def _properties(b: _Builder, admin: int, staff: float, transfer_day: dt.date | None) -> None:
    """Københavns Ejendomme: under ØKF, and from `transfer_day` under KFF (one more row)."""
    b.centre(
        tpl.PROPERTIES_ID,
        tpl.PROPERTIES_NAME,
        tpl.PROPERTIES_FROM,
        admin,
        staff,
        tpl.PROPERTIES_UNITS,
    )
    if transfer_day is None:
        return
    index = next(i for i, r in enumerate(b.org.rows) if r.unit_id == tpl.PROPERTIES_ID)
    before = b.org.rows[index]
    b.org.rows[index] = UnitRow(
        before.unit_id,
        before.name,
        before.kind,
        before.parent_id,
        before.valid_from,
        transfer_day - dt.timedelta(days=1),
    )
    b.org.rows.insert(
        index + 1,
        UnitRow(before.unit_id, before.name, before.kind, tpl.PROPERTIES_TO, transfer_day),
    )
