"""Role and permission changes, written to the audit log wherever they are made: the
admin, the approval page, the identity provider's groups, a command.

The apps that hold roles know nothing of the log (accounts and committees are below
audit); their models' signals are connected here, by model:
- accounts.RoleAssignment: given, changed, approved, removed;
- committees.Member with a login: a seat given, changed or removed (committee scope);
- auth.User: staff, superuser and active flags, permissions and groups.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from samraad.accounts.models import RoleAssignment, RoleStatus
from samraad.audit.actor import current_actor
from samraad.audit.models import Action, AuditEntry

USER_FLAGS = ("is_active", "is_staff", "is_superuser")
MEMBER = "committees.Member"


def write(page: str, target: str, detail: str, unit_id: str = "") -> AuditEntry:
    actor = current_actor()
    return AuditEntry.objects.create(
        user_id=actor.user_id,
        username=actor.username,
        roles=actor.roles,
        action=Action.ROLE,
        page=page,
        path=actor.path,
        unit_id=unit_id or "",
        target=target[:150],
        detail=detail,
    )


def _before(instance: Model) -> Model | None:
    """The row as it is stored, before this save (None for a new row)."""
    if instance.pk is None:
        return None
    return type(instance)._default_manager.filter(pk=instance.pk).first()


def _remember(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    instance.__dict__["_audit_before"] = _before(instance)


def _username(user_id: int | None) -> str:
    if user_id is None:
        return ""
    return str(User.objects.filter(pk=user_id).values_list("username", flat=True).first() or "")


# RoleAssignment


def _assignment_state(assignment: RoleAssignment) -> str:
    pending = " (awaiting approval)" if assignment.status == RoleStatus.PENDING else ""
    return f"{assignment.describe()}{pending}"


def _assignment_saved(
    sender: type[RoleAssignment], instance: RoleAssignment, created: bool, **kwargs: Any
) -> None:
    before: RoleAssignment | None = instance.__dict__.pop("_audit_before", None)
    now = _assignment_state(instance)
    if created or before is None:
        detail = f"role given: {now}"
    elif before.status == RoleStatus.PENDING and instance.status == RoleStatus.ACTIVE:
        detail = f"role approved: {now}"
    elif _assignment_state(before) != now or before.user_id != instance.user_id:
        detail = f"role changed: {_assignment_state(before)} → {now}"
        if before.user_id != instance.user_id:
            detail += f" (moved from {_username(before.user_id)})"
    else:
        return
    write("accounts.roleassignment", _username(instance.user_id), detail, instance.unit_id or "")


def _assignment_deleted(
    sender: type[RoleAssignment], instance: RoleAssignment, **kwargs: Any
) -> None:
    detail = f"role removed: {_assignment_state(instance)}"
    write("accounts.roleassignment", _username(instance.user_id), detail, instance.unit_id or "")


# committees.Member (a seat with a login gives the committee's scope)


def _seat(member: Any) -> str:
    until = f"–{member.valid_to}" if member.valid_to else "–"
    return f"{member.committee_id} {member.side} {member.role} {member.valid_from}{until}"


def _member_saved(sender: type[Model], instance: Any, created: bool, **kwargs: Any) -> None:
    before = instance.__dict__.pop("_audit_before", None)
    was = (before.user_id, _seat(before)) if before is not None else (None, "")
    now = (instance.user_id, _seat(instance))
    if was == now or (before is None and instance.user_id is None):
        return
    if was[0] is not None and was[0] != now[0]:
        write("committees.member", _username(was[0]), f"seat removed: {was[1]}")
    if now[0] is None:
        return
    kind = "seat changed" if was[0] == now[0] else "seat given"
    detail = f"{kind}: {was[1]} → {now[1]}" if kind == "seat changed" else f"{kind}: {now[1]}"
    write("committees.member", _username(now[0]), detail)


def _member_deleted(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    if instance.user_id is not None:
        write("committees.member", _username(instance.user_id), f"seat removed: {_seat(instance)}")


# auth.User: flags, permissions, groups


def _user_saved(sender: type[User], instance: User, created: bool, **kwargs: Any) -> None:
    before: User | None = instance.__dict__.pop("_audit_before", None)
    changes = [
        f"{flag}: {getattr(before, flag) if before else None} → {getattr(instance, flag)}"
        for flag in USER_FLAGS
        if before is None or getattr(before, flag) != getattr(instance, flag)
    ]
    if created:
        changes = [c for c in changes if not c.endswith("→ False") and "is_active" not in c]
        write("auth.user", instance.username, "; ".join(["user created", *changes]))
    elif changes:
        write("auth.user", instance.username, "; ".join(changes))


def _user_m2m(
    sender: Any, instance: Any, action: str, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or not isinstance(instance, User):
        return
    what = "permissions" if sender is User.user_permissions.through else "groups"
    model = kwargs["model"]
    names = sorted(str(obj) for obj in model._default_manager.filter(pk__in=pk_set or ()))
    verb = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    write("auth.user", instance.username, f"{what} {verb}: {', '.join(names)}".rstrip(": "))


def connect() -> None:
    pre_save.connect(_remember, sender=RoleAssignment, dispatch_uid="audit_role_before")
    post_save.connect(_assignment_saved, sender=RoleAssignment, dispatch_uid="audit_role_saved")
    post_delete.connect(_assignment_deleted, sender=RoleAssignment, dispatch_uid="audit_role_del")
    pre_save.connect(_remember, sender=MEMBER, dispatch_uid="audit_seat_before")
    post_save.connect(_member_saved, sender=MEMBER, dispatch_uid="audit_seat_saved")
    post_delete.connect(_member_deleted, sender=MEMBER, dispatch_uid="audit_seat_deleted")
    pre_save.connect(_remember, sender=User, dispatch_uid="audit_user_before")
    post_save.connect(_user_saved, sender=User, dispatch_uid="audit_user_saved")
    for through in (User.user_permissions.through, User.groups.through):
        m2m_changed.connect(_user_m2m, sender=through, dispatch_uid=f"audit_m2m_{through.__name__}")
