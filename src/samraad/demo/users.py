"""The demo's users: one per role, password "demo" (accepted only when SAMRAAD_DEMO)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import Permission, User
from django.db import transaction
from django.db.models import Count, Q

from samraad.accounts.backends import DEMO_PASSWORD
from samraad.accounts.models import Role, RoleAssignment
from samraad.committees.models import Committee, Member
from samraad.followup.models import Alert
from samraad.frames import versions
from samraad.org.models import Manager, UnitPeriod
from samraad.org.tree import OrgTree
from samraad.people.models import Employee, Employment
from samraad.vocabulary import CommitteeRole

DEMO_MANAGER = "demo-leder"
MIN_TEAM = 20
ADMIN_MODELS = [
    ("auth", "user"),
    ("auth", "group"),
    ("accounts", "roleassignment"),
    ("accounts", "apitoken"),
]


def _team_sizes(today: dt.date) -> dict[str, int]:
    active = Employment.objects.filter(start_date__lte=today).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )
    rows = active.values("unit_id").annotate(n=Count("employee_id", distinct=True))
    return {r["unit_id"]: r["n"] for r in rows}


def _managed_unit(today: dt.date) -> str:
    """A unit managed on `today` (from managers.csv), else the unit of ≥ 20 employees
    with the most alerts in the last two months, given a demo manager."""
    current = Manager.objects.filter(valid_from__lte=today).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    sizes = _team_sizes(today)
    if current.exists():
        return max(current, key=lambda m: (sizes.get(m.unit_id, 0), m.unit_id)).unit_id
    recent = Alert.objects.filter(raised_on__gte=today - dt.timedelta(days=60))
    alerts = {r["unit_id"]: r["n"] for r in recent.values("unit_id").annotate(n=Count("id"))}
    teams = [u for u, n in sizes.items() if n >= MIN_TEAM] or list(sizes)
    if not teams:
        raise LookupError("the database holds no employees: import data first")
    return max(teams, key=lambda u: (alerts.get(u, 0), sizes[u], u))


def _manager_employee(unit: str, today: dt.date) -> str:
    existing = Manager.objects.filter(unit_id=unit, valid_from__lte=today).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    if existing.exists():
        return str(existing.first().employee_id)  # type: ignore[union-attr]
    Employee.objects.get_or_create(employee_id=DEMO_MANAGER)
    Manager.objects.create(
        unit_id=unit,
        employee_id=DEMO_MANAGER,
        email="leder@demo.example",
        valid_from=today - dt.timedelta(days=3 * 365),
    )
    return DEMO_MANAGER


def _user(username: str, *, staff: bool = False) -> User:
    user, _ = User.objects.get_or_create(username=username)
    user.set_password(DEMO_PASSWORD)
    user.is_staff = staff
    user.is_active = True
    user.save()
    RoleAssignment.objects.filter(user=user).delete()
    Member.objects.filter(user=user).delete()
    return user


def _seat_login(username: str, committee: Committee, role: str, today: dt.date) -> str:
    """A login on the committee's seat with the role (the demo's synthetic member), or
    on a new seat when the committee has none. Seats are kept: their minutes name them."""
    user, _ = User.objects.get_or_create(username=username)
    user.set_password(DEMO_PASSWORD)
    user.email = f"{username}@demo.example"
    user.is_active, user.is_staff = True, False
    user.save()
    RoleAssignment.objects.filter(user=user).delete()
    Member.objects.filter(user=user).update(user=None)
    versions.changed("access")  # an update sends no signal (frames.apps)
    seat = (
        Member.objects.filter(committee=committee, role=role, valid_from__lte=today)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .first()
    )
    if seat is None:
        seat = Member.objects.create(
            committee=committee,
            name=f"{username.title()} (demo)",
            side="management",
            role=role,
            organisation="ledelsen",
            valid_from=today,
        )
    seat.user = user
    seat.save(update_fields=["user"])
    return username


@transaction.atomic
def create_demo_users(today: dt.date) -> list[tuple[str, str]]:
    """(username, what the login shows) for central, hr, leder, med, admin, sekretaer
    and formand."""
    tree = OrgTree.build(UnitPeriod.objects.all(), today)
    unit = _managed_unit(today)
    manager = _manager_employee(unit, today)
    path = tree.path(unit)
    root, administration = path[0], path[1] if len(path) > 1 else path[0]

    central = _user("central")
    RoleAssignment.objects.create(user=central, role=Role.CENTRAL_HR)
    hr = _user("hr")
    RoleAssignment.objects.create(user=hr, role=Role.HR_PARTNER, unit_id=administration)
    leder = _user("leder")
    RoleAssignment.objects.create(user=leder, role=Role.MANAGER, employee_id=manager)
    med = _user("med")
    cso, _ = Committee.objects.get_or_create(
        code="CSO",
        defaults={"name": "Centralt Samarbejdsorgan", "level": "central", "unit_id": root},
    )
    # Seated since before the demo's meetings, so med answers in their written procedure.
    Member.objects.create(
        committee=cso,
        name="MED-medlem (demo)",
        user=med,
        side="employee",
        valid_from=dt.date(today.year - 3, 1, 1),
    )
    sekretaer = _seat_login("sekretaer", cso, CommitteeRole.SECRETARY, today)
    formand = _seat_login("formand", cso, CommitteeRole.CHAIR, today)
    admin = _user("admin", staff=True)
    RoleAssignment.objects.create(user=admin, role=Role.ADMINISTRATOR)
    admin.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=[a for a, _ in ADMIN_MODELS],
            content_type__model__in=[m for _, m in ADMIN_MODELS],
        )
    )
    return [
        ("central", "central HR: the whole municipality, persons included"),
        ("hr", f"HR partner: {tree.name(administration)}"),
        ("leder", f"manager: {tree.name(unit)} and the units below it"),
        ("med", f"committee member (CSO): figures only for {tree.name(root)}, no persons"),
        ("admin", "administrator: users, imports and rule sets; no statistics"),
        (sekretaer, "CSO's secretary: agendas from the annual cycle, minutes, written procedure"),
        (formand, "CSO's chair: reads, approves and signs off the minutes"),
    ]
