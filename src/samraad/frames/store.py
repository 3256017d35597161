"""The day's frames, figures and pages written once to files that every process reads.

A web process used to load the database and compute every unit's figures for itself,
10 to 50 seconds before its first committee page. Now the first process that computes
a result writes it as an Arrow file named by the data's fingerprint and the question;
every other process (another web worker, `samraad run-daily`, a restarted server) reads
that file in milliseconds. A change of the data changes the
fingerprint, so a stale file is never read, and so does a change of the code (a file
written by another release is never read); old files are removed after a day.

Files are written to a temporary name and renamed into place, so a reader never sees
half a file; two processes computing the same result at once both write the same file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Hashable
from pathlib import Path

import polars as pl
from django.conf import settings

from samraad.frames import cache

KEEP_SECONDS = 24 * 3600


def directory() -> Path | None:
    """Where shared results live (SAMRAAD_SHARED_DIR), or None when sharing is off."""
    configured: str = settings.SAMRAAD_SHARED_DIR
    if not configured:
        return None
    path = Path(configured)
    path.mkdir(parents=True, exist_ok=True)
    return path


@functools.cache
def code_version() -> str:
    """A digest of the package's source: a file written by other code (a different
    release, or a process not yet restarted after an upgrade) may hold another shape
    of the same result, so it is never read."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _name(key: Hashable, depends: tuple[str, ...], suffix: str = ".arrow") -> str:
    fingerprints = tuple(cache.fingerprint(name) for name in depends)
    digest = hashlib.sha256(repr((code_version(), fingerprints, key)).encode()).hexdigest()[:32]
    return f"{digest}{suffix}"


SUFFIXES = (".arrow", ".html")


def shared_frame(
    key: Hashable, compute: Callable[[], pl.DataFrame], depends: tuple[str, ...] = ("data",)
) -> pl.DataFrame:
    """The frame for `key` under the current data: from this process's memory, else from
    the shared file, else computed here and written for the others."""
    return _shared(key, compute, depends, ".arrow", pl.read_ipc)


def shared_html(
    key: Hashable, render: Callable[[], str], depends: tuple[str, ...] = ("data",)
) -> str:
    """A rendered page part for `key` (its `repr` names it, so every value in it must
    write itself the same in every process: strings, dates, enums, numbers) under the
    current versions of `depends`, found as `shared_frame` finds a frame."""
    return _shared(key, render, depends, ".html", lambda path: path.read_text(encoding="utf-8"))


def _shared[T: (pl.DataFrame, str)](
    key: Hashable,
    compute: Callable[[], T],
    depends: tuple[str, ...],
    suffix: str,
    read: Callable[[Path], T],
) -> T:
    def load() -> T:
        folder = directory()
        if folder is None:
            return compute()
        path = folder / _name(key, depends, suffix)
        with contextlib.suppress(OSError):  # not there, or removed or cut short under us
            return read(path)
        found = compute()
        _write(found, path)
        return found

    return cache.remember(("shared", key), load, depends)


def _write(found: pl.DataFrame | str, path: Path) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
    os.close(handle)
    try:
        if isinstance(found, str):
            Path(temporary).write_text(found, encoding="utf-8")
        else:
            found.write_ipc(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    _forget_old(path.parent)


def _forget_old(folder: Path) -> None:
    cutoff = time.time() - KEEP_SECONDS
    for old in (path for suffix in SUFFIXES for path in folder.glob(f"*{suffix}")):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass  # another process got there first


def clear() -> None:
    """Remove every shared file now (the retention purge: files written before it hold
    the purged persons' rows until they would age out). A process reading one keeps its
    mapping; the next question computes anew."""
    folder = directory()
    if folder is None:
        return
    for path in (path for suffix in SUFFIXES for path in folder.glob(f"*{suffix}")):
        with contextlib.suppress(OSError):  # another process got there first
            path.unlink()
