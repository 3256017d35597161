"""Committee members were a role on the account (with the committee's name as text);
they are seats on a committee now. Each such assignment becomes a seat from today on
the committee it named (created if need be, covering the assignment's unit)."""

from typing import Any

from django.db import migrations

from samraad import clock


def to_seats(apps: Any, schema_editor: Any) -> None:
    RoleAssignment = apps.get_model("accounts", "RoleAssignment")
    Committee = apps.get_model("committees", "Committee")
    Member = apps.get_model("committees", "Member")
    UnitPeriod = apps.get_model("org", "UnitPeriod")
    today = clock.today()
    for assignment in RoleAssignment.objects.filter(role="committee").select_related("user"):
        code = (assignment.committee or assignment.unit_id)[:64]
        at_root = not UnitPeriod.objects.filter(
            unit_id=assignment.unit_id, parent__isnull=False
        ).exists()
        committee, _ = Committee.objects.get_or_create(
            code=code,
            defaults={
                "name": code,
                "level": "central" if at_root else "main",
                "unit_id": assignment.unit_id,
            },
        )
        Member.objects.create(
            committee=committee,
            name=assignment.user.get_full_name() or assignment.user.username,
            user=assignment.user,
            side="employee",
            role="member",
            valid_from=today,
        )
        assignment.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0001_initial"),
        ("accounts", "0001_initial"),
        ("org", "0002_manager"),
    ]

    operations = [migrations.RunPython(to_seats, migrations.RunPython.noop)]
