"""A new web process's first unit page, once another process has shared the day's data
and figures (frames/store.py), for a manager, a committee member and central HR.

    python benchmarks/bench_first_page.py [--employees 45000] [--runs 3] [--not-shared]

Uses the Copenhagen-scale demo database of bench_web.py (built if missing). First one
server answers each reader's first page and stops: what it computed is in the shared
folder. Then, `--runs` times per reader, a fresh `samraad serve` starts, the reader
signs in and asks for their unit page as the first request of that process. Prints the
medians: the time to the first answer of the server (a process start), and the first
unit page. `--not-shared` turns sharing off: every process computes for itself (the
figures before sharing). The target: ≤ 2 s for the first page with sharing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import ROOT, Session, build_database, ensure_users, wait_for

TARGET_S = 2.0
# who: (login, what the reader is)
READERS = [("leder", "manager"), ("med", "committee member"), ("central", "central HR")]


def first_unit(session: Session) -> str:
    """The first unit the reader's overview links to: their own unit, committee or the
    municipality."""
    status, page = session.request("GET", "/")
    found = re.search(rb'href="/units/([^/"]+)/"', page)
    assert status == 200 and found, "no unit on the overview"
    return found.group(1).decode()


def start_server(port: int, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], float]:
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "samraad.cli", "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    wait_for(port, server, seconds=120)
    return server, time.perf_counter() - started


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=30)


def timed_get(session: Session, path: str) -> float:
    started = time.perf_counter()
    status, body = session.request("GET", path)
    elapsed = time.perf_counter() - started
    assert status == 200, f"{path}: {status} {body[:200]!r}"
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8798)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--db", type=Path, help="an existing demo database to use")
    parser.add_argument("--not-shared", action="store_true", help="every process computes")
    args = parser.parse_args()

    path = args.db or ROOT / "benchmarks" / "out" / f"web-{args.employees}.sqlite3"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_database(path, args.employees, args.seed)
    else:
        ensure_users(path)
    shared = path.with_suffix(".first-page-shared")
    shutil.rmtree(shared, ignore_errors=True)
    env = {
        **os.environ,
        "SAMRAAD_DB": str(path),
        "SAMRAAD_DEMO": "True",
        "SAMRAAD_SHARED_DIR": "" if args.not_shared else str(shared),
    }
    load_before = os.getloadavg()[0]

    # One server computes and shares what each reader's first page needs.
    server, _ = start_server(args.port, env)
    units: dict[str, str] = {}
    computed: dict[str, float] = {}
    try:
        for login, _ in READERS:
            session = Session(args.port, login, timeout=600)
            units[login] = first_unit(session)
            computed[login] = timed_get(session, f"/units/{units[login]}/")
    finally:
        stop(server)

    starts: list[float] = []
    firsts: dict[str, list[float]] = {login: [] for login, _ in READERS}
    for _ in range(args.runs):
        for login, _ in READERS:
            server, ready = start_server(args.port, env)
            try:
                starts.append(ready)
                session = Session(args.port, login, timeout=600)
                firsts[login].append(timed_get(session, f"/units/{units[login]}/"))
            finally:
                stop(server)

    report: dict[str, object] = {
        "employees": args.employees,
        "shared": not args.not_shared,
        "runs": args.runs,
        "process_answers_s": round(statistics.median(starts), 2),
        "load_average_before_after": [round(load_before, 1), round(os.getloadavg()[0], 1)],
    }
    worst = 0.0
    for login, who in READERS:
        median = statistics.median(firsts[login])
        worst = max(worst, median)
        report[who] = {
            "unit": units[login],
            "first_page_s": round(median, 2),
            "runs_s": [round(s, 2) for s in firsts[login]],
            "in_the_sharing_process_s": round(computed[login], 2),
        }
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0 if args.not_shared or worst <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
