"""Move a kind of data's counter on (models.Version): called by bulk writers inside their
transaction, so the new counter and the new rows become visible together."""

from __future__ import annotations

from django.db import connection


def changed(name: str = "data") -> None:
    table = connection.ops.quote_name("frames_version")
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET number = number + 1 WHERE name = %s", [name])
        if cursor.rowcount == 0:
            cursor.execute(f"INSERT INTO {table} (name, number) VALUES (%s, 1)", [name])
