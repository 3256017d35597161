"""Alerts, their mail and conversations moved here from the `rules` and `absence` apps.

A database made before the move keeps its rows: they are copied over (ids kept, so the
links in mails already sent still lead to their alert) and the old tables are dropped.
A new database has nothing to copy.
"""

from typing import Any

from django.db import migrations

MOVES = [  # old table, new table, columns
    (
        "rules_alert",
        "followup_alert",
        "id, employee_id, rule_id, ruleset_version, title, raised_on, due_by, reason, days, "
        "spells, spell_day, unit_id, manager_id, created_at",
    ),
    (
        "rules_outboxmail",
        "followup_outboxmail",
        "id, alert_id, created_at, claimed_at, sent_at, recipient, attempts, last_error",
    ),
    (
        "absence_conversation",
        "followup_conversation",
        "conversation_id, employee_id, held_on, kind, companion, follow_up_on, note",
    ),
]


def take_over(apps: Any, schema_editor: Any) -> None:
    connection = schema_editor.connection
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for old, new, columns in MOVES:
            if old not in existing:
                continue
            cursor.execute(f"INSERT INTO {new} ({columns}) SELECT {columns} FROM {old}")
            if connection.vendor == "postgresql" and columns.startswith("id,"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{new}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {new}), 1))"
                )
        for old in ("rules_outboxmail", "rules_alert"):  # the rules app has no models now
            if old in existing:
                cursor.execute(f"DROP TABLE {old}")


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0001_initial"),
        ("absence", "0002_conversation_companion_conversation_follow_up_on_and_more"),
    ]

    operations = [migrations.RunPython(take_over, migrations.RunPython.noop)]
