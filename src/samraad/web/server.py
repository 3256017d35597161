"""Serving an existing database with waitress, a production WSGI server in pure Python.

Static files (the vendored htmx and the stylesheet) come from the apps' static
folders through Django's static handler, so nothing needs collecting and nothing
is fetched from the internet.
"""

from __future__ import annotations

import errno
import logging
import os
import signal
import socket
import threading
import time
from contextlib import suppress

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application

THREADS = 4  # more threads only contend for the GIL: measured with benchmarks/bench_web.py
# Django's own rule for a key it warns about (security.W009).
KEY_LENGTH = 50
KEY_CHARACTERS = 5
NEW_KEY = "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
logger = logging.getLogger(__name__)
WARMED = "the day's figures are computed"  # logged when warming ends (bench_web waits)


def secret_key_problem() -> str | None:
    """Why the secret key may not serve real users (it signs their sessions), or None.
    In demo mode (SAMRAAD_DEMO) anything goes: its users' password is "demo"."""
    key = settings.SECRET_KEY
    if settings.SAMRAAD_DEMO:
        return None
    if key == settings.DEVELOPMENT_SECRET_KEY:
        return f"SAMRAAD_SECRET_KEY is not set; set a long random value, e.g. from {NEW_KEY}"
    if len(key) < KEY_LENGTH or len(set(key)) < KEY_CHARACTERS:
        return (
            f"SAMRAAD_SECRET_KEY is too weak: at least {KEY_LENGTH} characters, "
            f"{KEY_CHARACTERS} of them different; e.g. from {NEW_KEY}"
        )
    return None


def port_problem(host: str, port: int) -> str | None:
    """Why the app cannot listen on host:port (in use, not allowed), or None: asked before
    anything slow starts, so a taken port is one line, not a traceback minutes later."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return f"port {port} on {host} is in use; choose another with --port"
        return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def application() -> StaticFilesHandler:
    return StaticFilesHandler(get_wsgi_application())


def serve(
    host: str = "127.0.0.1", port: int = 8000, *, demo: bool = False, processes: int = 1
) -> None:
    """Serve until interrupted. `demo=True` lets the demo users in with password "demo".

    `processes` > 1 forks that many servers onto one listening socket (the kernel hands
    each connection to one of them): each process has its own interpreter lock, and
    the day's frames and figures are shared files (frames.store), so a further process
    reads what the first computed instead of computing it again. The others warm when
    the first has: from its files, in a second or two, what each keeps for itself."""
    import waitress
    from django.db import connections

    if demo:
        settings.SAMRAAD_DEMO = True
    if host not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, host]
    app = application()
    # waitress keeps a body on disk until the app has it; past twice the app's own limit
    # (which answers in Danish) it closes the connection itself.
    options = {
        "threads": THREADS,
        "ident": "samraad",
        "max_request_body_size": 2 * settings.SAMRAAD_UPLOAD_MAX_MB * 1024 * 1024,
    }
    if processes == 1:
        threading.Thread(target=_warm, name="warm", daemon=True).start()
        waitress.serve(app, host=host, port=port, **options)
        return
    listening = socket.create_server((host, port), family=_family(host))
    # SIGTERM stops every process as Ctrl+C does, so the parent's `finally` runs.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    # Forked before any thread starts and with no connection open: a child inherits
    # neither a half-used database connection nor a lock held by another thread.
    connections.close_all()
    # The parent warms first; its end of the pipe closes when it has, and the children,
    # reading the pipe, then warm from what it wrote to the shared files.
    first_warmed, warmed = os.pipe()
    children: list[int] = []
    for _ in range(processes - 1):
        pid = os.fork()
        if pid == 0:  # a child serves, and forks nothing more
            children = []
            os.close(warmed)
            threading.Thread(
                target=_warm_after, args=(first_warmed,), name="warm", daemon=True
            ).start()
            break
        children.append(pid)
    else:
        os.close(first_warmed)
        threading.Thread(target=_warm, args=(warmed,), name="warm", daemon=True).start()
    try:
        waitress.serve(app, sockets=[listening], **options)
    finally:
        for pid in children:
            with suppress(ProcessLookupError, ChildProcessError):  # gone already
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _warm_after(first_warmed: int) -> None:
    os.read(first_warmed, 1)  # the end of the file: the first process has warmed
    os.close(first_warmed)
    _warm()


def _warm(done: int | None = None) -> None:
    """Let every app that wants to (AppConfig.warm) load the data and compute what its
    pages need while the first user signs in; then close `done`."""
    from django.apps import apps
    from django.db import connection

    from samraad.clock import today

    started = time.monotonic()
    try:
        for config in apps.get_app_configs():
            if hasattr(config, "warm"):
                config.warm(today())
        logger.info("%s in %.0f s (process %d)", WARMED, time.monotonic() - started, os.getpid())
    except Exception:  # the pages compute on demand all the same
        logger.exception("warming the cache failed")
    finally:
        connection.close()
        if done is not None:
            os.close(done)
