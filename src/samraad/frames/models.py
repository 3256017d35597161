"""A counter per kind of data ("data", "follow_up" …), moved on by every write.

The cached and shared results (cache.py, store.py) are keyed by a fingerprint of the
tables; aggregates alone (row counts, latest dates) miss a change that keeps them
(a record's degree corrected from 0,5 to 0,6). So every writer also moves this counter:
ORM saves and deletes of a watched table by a signal (apps.py), bulk writers (the
import, the purge, the follow-up store) by `versions.changed`.
"""

from __future__ import annotations

from django.db import models


class Version(models.Model):
    name = models.CharField(primary_key=True, max_length=32)
    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name} {self.number}"
