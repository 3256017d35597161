"""The loaded data and what is computed from it, kept in memory per process.

Loading Copenhagen (≈45,000 employees, 700,000 absence records) takes a second or two
and every unit's figures a few more; a page must answer in milliseconds. So each
process keeps the `Dataset`, the tree and the computed tables, each under the versions
of what it depends on:

- "data": a fingerprint of units, employments, absences and managers (row counts,
  closed records, latest dates). A change drops everything.
- "targets": the targets (org.Target); only what shows a target depends on it.
- "follow_up": alerts and conversations, which change without the absence data
  changing (a manager records a conversation); only follow-up results depend on it.

The apps owning those tables declare the aggregates (`watched_tables`, frames.sources).

Every writer through the app moves a counter (frames.models.Version): the ORM's saves
and deletes by signal, the bulk writers inside their transaction. The counter is read
at most every SAMRAAD_DATA_CHECK_SECONDS; the whole fingerprint, a scan of a million
rows (a third of a second at Copenhagen scale), only when the counter moved or every
FULL_CHECK_SECONDS, for a change made past the app (SQL by hand). An import or a
conversation recorded through this process calls `invalidate()` at once; a change by
another process (`samraad import`) is seen at the next check.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings
from django.db import connection

from samraad.frames.sources import watched
from samraad.stats import Dataset

RESULTS_KEPT = 5000
FULL_CHECK_SECONDS = 60

_lock = threading.RLock()
_versions: dict[str, tuple[Any, ...]] = {}
_checked: dict[str, float] = {}
_fully_checked: dict[str, float] = {}
_counters: dict[str, Any] = {}
_generation: dict[str, int] = {}
_results: OrderedDict[Hashable, Any] = OrderedDict()
_computing: dict[Hashable, threading.Lock] = {}
_refreshing: set[str] = set()


def _fingerprint_sql(name: str) -> str:
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT {aggregate} FROM {quote(w.table)})"
        for w in watched()
        if w.version == name
        for aggregate in w.aggregates
    ]
    return "SELECT " + ", ".join(parts)


def fingerprint(name: str) -> tuple[Any, ...]:
    """The data's own fingerprint for `name` (what the database holds, the same in every
    process), read as `version` reads it."""
    known = version(name)
    return known[:-1]  # the last part is this process's count of its own changes


def versions() -> list[str]:
    return sorted({w.version for w in watched()})


def _fingerprint(name: str) -> tuple[Any, ...]:
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql(name))
        row = cursor.fetchone()
    return tuple(str(v) for v in row or ())


def _counter(name: str) -> Any:
    """The version's counter as the database holds it now (None: it has none)."""
    if name not in {w.version for w in watched() if w.table == "frames_version"}:
        return None
    table = connection.ops.quote_name("frames_version")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {table} WHERE name = %s", [name])
        row = cursor.fetchone()
    return row[0] if row else 0


def _store(name: str, fingerprint: tuple[Any, ...], counter: Any) -> tuple[Any, ...]:
    current = (*fingerprint, _generation.get(name, 0))
    with _lock:
        if name == "data" and _versions.get(name, current) != current:
            _results.clear()
        _versions[name] = current
        _counters[name] = counter
        _fully_checked[name] = time.monotonic()
    return current


def _read(name: str) -> tuple[Any, ...]:
    """Read the version anew (counter first, so a write between the two reads is seen
    at the next check rather than missed)."""
    counter = _counter(name)
    return _store(name, _fingerprint(name), counter)


def _check(name: str) -> None:
    """The background check: the counter, and the whole fingerprint when the counter
    moved or the last full check is FULL_CHECK_SECONDS old."""
    counter = _counter(name)
    with _lock:
        unchanged = name in _counters and _counters[name] == counter
        recent = time.monotonic() - _fully_checked.get(name, 0.0) < FULL_CHECK_SECONDS
    if not (unchanged and recent and counter is not None):
        _store(name, _fingerprint(name), counter)


def _refresh(name: str) -> None:
    try:
        _check(name)
    finally:
        connection.close()
        with _lock:
            _refreshing.discard(name)


def version(name: str = "data") -> tuple[Any, ...]:
    """The current version of `name`. The tables are read at most every
    SAMRAAD_DATA_CHECK_SECONDS, in a background thread so that no request waits for
    it (a scan of a million rows); with the setting 0, on every call, synchronously."""
    now = time.monotonic()
    interval = settings.SAMRAAD_DATA_CHECK_SECONDS
    with _lock:
        known = _versions.get(name)
        if known is not None and now - _checked.get(name, 0.0) < interval:
            return known
        _checked[name] = now
        if known is not None and interval > 0:
            if name not in _refreshing:
                _refreshing.add(name)
                threading.Thread(target=_refresh, args=(name,), daemon=True).start()
            return known
    return _read(name)


def invalidate(name: str | None = None) -> None:
    """Forget `name` (default: everything) now: this process changed it."""
    with _lock:
        for each in [name] if name else versions():
            _generation[each] = _generation.get(each, 0) + 1
            _versions.pop(each, None)
            _checked.pop(each, None)
        if name in (None, "data"):
            _results.clear()


def remember[T](key: Hashable, compute: Callable[[], T], depends: tuple[str, ...] = ("data",)) -> T:
    """The result for `key` under the current versions of `depends`, computed once."""
    full_key = (tuple(version(name) for name in depends), key)
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
    """Every unit, employment and absence record: read from the database once a day by
    one process and shared with the others as files (store.py)."""
    from samraad.frames.loading import load_frame
    from samraad.frames.store import shared_frame

    def load() -> Dataset:
        frames = [
            shared_frame(("frame", name), lambda name=name: load_frame(name))  # type: ignore[misc]
            for name in ("units", "employments", "absences")
        ]
        return Dataset(*frames)

    return remember("dataset", load)
