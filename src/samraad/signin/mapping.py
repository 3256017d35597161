"""Roles from the identity provider's groups (docs/settings.md, SAMRAAD_OIDC_GROUP_ROLES).

The mapping is a JSON object from a group (as the groups claim names it: an Entra ID
group's object id, or a name) to a role, or a list of roles:

    {"7d1c…": "central_hr", "a0b4…": ["hr_partner:BUF", "hr_partner:SUF"],
     "d9e2…": "manager", "15aa…": "administrator"}

- `central_hr`, `administrator`: no unit;
- `hr_partner:UNIT`: an HR partner for that administration;
- `manager`: the user's own employee key comes from SAMRAAD_OIDC_EMPLOYEE_CLAIM, and
  the units from managers.csv, as for a manager given in the app.
Committee seats are not mapped: they are the committees' members, kept in the app.
Pure: no Django.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from samraad.vocabulary import Role

MAPPED = {Role.CENTRAL_HR, Role.ADMINISTRATOR, Role.HR_PARTNER, Role.MANAGER}


class MappingError(ValueError):
    """The mapping setting is not what it must be; the message says where."""


@dataclass(frozen=True, order=True)
class Grant:
    role: Role
    unit: str = ""
    employee: str = ""


GroupRoles = dict[str, tuple[str, ...]]


def _spec(group: str, spec: object) -> str:
    if not isinstance(spec, str):
        raise MappingError(f"group {group!r}: a role is a string, not {spec!r}")
    role, _, unit = spec.partition(":")
    if role not in MAPPED:
        known = ", ".join(sorted(MAPPED))
        raise MappingError(f"group {group!r}: unknown role {role!r}; expected one of {known}")
    if (role == Role.HR_PARTNER) != bool(unit):
        raise MappingError(f"group {group!r}: {spec!r}: hr_partner needs a unit, others none")
    return spec


def parse_group_roles(text: str) -> GroupRoles:
    """The setting's JSON; empty text: no mapping (roles are kept in the app)."""
    if not text.strip():
        return {}
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MappingError(f"not JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise MappingError("a JSON object from group to role is expected")
    mapping: GroupRoles = {}
    for group, value in raw.items():
        specs = value if isinstance(value, list) else [value]
        mapping[group] = tuple(_spec(group, spec) for spec in specs)
    return mapping


def grants_for(
    groups: Iterable[str], mapping: Mapping[str, tuple[str, ...]], employee: str
) -> set[Grant]:
    """The roles the user's groups give. A manager without an employee key gets none."""
    grants: set[Grant] = set()
    for group in groups:
        for spec in mapping.get(group, ()):
            role, _, unit = spec.partition(":")
            if role == Role.MANAGER:
                if employee:
                    grants.add(Grant(Role.MANAGER, employee=employee))
            else:
                grants.add(Grant(Role(role), unit=unit))
    return grants
