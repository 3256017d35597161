"""The group → role mapping (pure): what each form of the setting gives, and the errors
an operator sees at start when it is wrong."""

from __future__ import annotations

import pytest

from samraad.signin.mapping import Grant, MappingError, grants_for, parse_group_roles
from samraad.vocabulary import Role

MAPPING = parse_group_roles(
    '{"g-central": "central_hr", "g-hr": ["hr_partner:BUF", "hr_partner:KFF"],'
    ' "g-lead": "manager", "g-admin": "administrator"}'
)


def test_empty_setting_means_roles_are_kept_in_the_app() -> None:
    assert parse_group_roles("") == {}
    assert parse_group_roles("  ") == {}


def test_groups_give_their_roles() -> None:
    assert grants_for(["g-hr", "g-admin", "unmapped"], MAPPING, employee="") == {
        Grant(Role.HR_PARTNER, unit="BUF"),
        Grant(Role.HR_PARTNER, unit="KFF"),
        Grant(Role.ADMINISTRATOR),
    }


def test_a_manager_needs_the_employee_claim() -> None:
    assert grants_for(["g-lead"], MAPPING, employee="") == set()
    assert grants_for(["g-lead"], MAPPING, employee="M-SOL") == {
        Grant(Role.MANAGER, employee="M-SOL")
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ('["central_hr"]', "a JSON object from group to role is expected"),
        ('{"g": "boss"}', "group 'g': unknown role 'boss'"),
        ('{"g": "hr_partner"}', "group 'g': 'hr_partner': hr_partner needs a unit, others none"),
        ('{"g": "central_hr:KK"}', "group 'g': 'central_hr:KK': hr_partner needs a unit"),
        ('{"g": "committee"}', "group 'g': unknown role 'committee'"),
        ('{"g": 3}', "group 'g': a role is a string, not 3"),
    ],
)
def test_a_wrong_mapping_says_where(text: str, message: str) -> None:
    with pytest.raises(MappingError, match=message.replace("(", r"\(")):
        parse_group_roles(text)
