"""Today, as the app sees it: the real date in Copenhagen, or SAMRAAD_TODAY (demos, tests).

Every caller asks here (the web app, `run-daily`, the demo), never `date.today()`:
one setting moves the whole product to another day.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    fixed: str = settings.SAMRAAD_TODAY
    if fixed:
        return dt.date.fromisoformat(fixed)
    return timezone.localdate()
