"""`samraad serve --processes N`: N servers on one port, stopped together."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state  # a zombie has ended


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads /proc")
def test_two_processes_answer_on_one_port_and_stop_together(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "SAMRAAD_DB": str(tmp_path / "serve.sqlite3"),
        "SAMRAAD_DEMO": "True",  # no secret key needed
        "SAMRAAD_SHARED_DIR": "",
    }
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "samraad.cli", "serve", "--port", str(port), "--processes", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                url = f"http://127.0.0.1:{port}/static/samraad/samraad.css"
                with urllib.request.urlopen(url, timeout=5) as answer:
                    assert answer.status == 200
                break
            except OSError:
                assert time.monotonic() < deadline, "samraad serve did not answer"
                time.sleep(0.2)
        children = children_of(server.pid)
        assert len(children) == 1
        for _ in range(20):  # either process may take a connection: all are answered
            with urllib.request.urlopen(url, timeout=5) as answer:
                assert answer.status == 200
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(alive(child) for child in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(child) for child in children)
    finally:
        if server.poll() is None:
            server.kill()
