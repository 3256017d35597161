"""The terminal shows a refused request as one line, a failure in full.

Django logs every 403 and 404 on `django.request` with the exception's traceback; for a
request the app refused on purpose (no access, no such page) that is noise that hides
the real errors. Server errors (5xx) keep their traceback.
"""

from __future__ import annotations

import logging


class OneLineForClientErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
