"""Today, as the app sees it: the real date, or SAMRAAD_TODAY for demos and tests."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    fixed: str = settings.SAMRAAD_TODAY
    if fixed:
        return dt.date.fromisoformat(fixed)
    return timezone.localdate()
