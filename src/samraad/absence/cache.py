"""The loaded data, kept in memory per process and dropped when the data changes.

Loading Copenhagen (≈45,000 employees, over a million absence records) takes seconds;
a page must answer in milliseconds. Each process keeps the whole `Dataset`, the tree
and computed results under a data version: a fingerprint of the tables (row counts,
closed records, latest dates) read at most every SAMRAAD_DATA_CHECK_SECONDS. An
import through the web app calls `invalidate()` at once; `samraad import` in another
process is seen at the next check.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings
from django.db import connection

from samraad.absence.loading import load_dataset
from samraad.org.models import UnitPeriod
from samraad.org.tree import OrgTree
from samraad.stats import Dataset

FINGERPRINT_SQL = """
    SELECT
        (SELECT COUNT(*) FROM org_unitperiod),
        (SELECT COUNT(valid_to) FROM org_unitperiod),
        (SELECT COUNT(*) FROM people_employment),
        (SELECT COUNT(end_date) FROM people_employment),
        (SELECT MAX(start_date) FROM people_employment),
        (SELECT COUNT(*) FROM absence_absence),
        (SELECT COUNT(end_date) FROM absence_absence),
        (SELECT MAX(start_date) FROM absence_absence),
        (SELECT MAX(end_date) FROM absence_absence),
        (SELECT COUNT(*) FROM org_manager)
"""
RESULTS_KEPT = 512

_lock = threading.RLock()
_state: dict[str, Any] = {"version": None, "checked": 0.0, "generation": 0}
_results: OrderedDict[Hashable, Any] = OrderedDict()
_computing: dict[Hashable, threading.Lock] = {}


def _fingerprint() -> tuple[Any, ...]:
    with connection.cursor() as cursor:
        cursor.execute(FINGERPRINT_SQL)
        row = cursor.fetchone()
    return tuple(str(v) for v in row or ())


def data_version() -> tuple[Any, ...]:
    """The current version; the tables are looked at no more often than the setting says."""
    now = time.monotonic()
    with _lock:
        fresh = now - _state["checked"] < settings.SAMRAAD_DATA_CHECK_SECONDS
        if fresh and _state["version"] is not None:
            return tuple(_state["version"])
    version = (*_fingerprint(), _state["generation"])
    with _lock:
        if version != _state["version"]:
            _results.clear()
        _state["version"] = version
        _state["checked"] = now
    return version


def invalidate() -> None:
    """Forget everything now (called after an import in this process)."""
    with _lock:
        _state["generation"] += 1
        _state["version"] = None
        _state["checked"] = 0.0
        _results.clear()


def remember[T](key: Hashable, compute: Callable[[], T]) -> T:
    """The result for `key` under the current data version, computed once."""
    full_key = (data_version(), key)
    with _lock:
        if full_key in _results:
            _results.move_to_end(full_key)
            return _results[full_key]
        key_lock = _computing.setdefault(full_key, threading.Lock())
    # One thread computes; the others asking for the same key wait for its result.
    with key_lock:
        with _lock:
            if full_key in _results:
                return _results[full_key]
        value = compute()
        with _lock:
            _results[full_key] = value
            _computing.pop(full_key, None)
            while len(_results) > RESULTS_KEPT:
                _results.popitem(last=False)
    return value


def dataset() -> Dataset:
    """Every unit, employment and absence record."""
    return remember("dataset", load_dataset)


def org_tree(day: dt.date) -> OrgTree:
    return remember(("tree", day), lambda: OrgTree.build(UnitPeriod.objects.all(), day))
