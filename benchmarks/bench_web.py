"""The web app under load at Copenhagen scale: p50/p95 of the unit page and the API.

    python benchmarks/bench_web.py [--employees 45000] [--users 20] [--seconds 60]

Builds (once) the synthetic municipality through the real import into
benchmarks/out/web-<N>.sqlite3, creates the demo users, starts `samraad serve` on
loopback and lets 20 users (threads, each with its own session) ask for unit pages
and API figures of units in their scope for a bounded time. Prints the latencies and
the error count; exits 1 on any error or when p95 exceeds the 300 ms target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
TARGET_P95_MS = 300.0
LOGINS = ("central", "hr", "leder", "med")


def build_database(path: Path, employees: int, seed: int) -> None:
    """Generate and import the municipality, replay the rules and add the demo users."""
    script = (
        "import datetime as dt\n"
        "from samraad.cli import setup_django\n"
        "setup_django()\n"
        "from samraad.demo.world import DemoSettings, load_demo\n"
        "from samraad.demo.users import create_demo_users\n"
        # load_demo imports the files, replays the rules and records the conversations.
        f"load_demo(DemoSettings({employees}, 5, {seed}, dt.date.today()))\n"
        "create_demo_users(dt.date.today())\n"
    )
    env = {**os.environ, "SAMRAAD_DB": str(path)}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=ROOT)


def ensure_users(path: Path) -> None:
    script = (
        "import datetime as dt\n"
        "from samraad.cli import setup_django\n"
        "setup_django()\n"
        "from samraad.demo.users import create_demo_users\n"
        "create_demo_users(dt.date.today())\n"
    )
    env = {**os.environ, "SAMRAAD_DB": str(path)}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=ROOT)


class Session:
    """One signed-in user: a keep-alive connection and the session cookie."""

    def __init__(self, port: int, username: str, timeout: float = 60) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        self.cookies: dict[str, str] = {}
        self.sign_in(username)

    def request(self, method: str, path: str, body: str = "") -> tuple[int, bytes]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}/"
        self.connection.request(method, path, body=body or None, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, data

    def sign_in(self, username: str) -> None:
        status, page = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert status == 200 and token, "no sign-in form"
        form = {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "username": username,
            "password": "demo",
            "next": "/",
        }
        status, _ = self.request("POST", "/accounts/login/", urlencode(form))
        assert status == 302, f"sign-in as {username} failed ({status})"


def units_for(session: Session) -> list[str]:
    """The user's units and the ones below them, found by walking the tree partials."""
    status, page = session.request("GET", "/org/")
    found = re.findall(rb'data-unit="([^"]+)"', page)
    units: list[str] = []
    queue = [u.decode() for u in found]
    while queue and len(units) < 60:
        unit = queue.pop(0)
        units.append(unit)
        status, partial = session.request("GET", f"/org/{unit}/children/")
        if status == 200:
            queue += [u.decode() for u in re.findall(rb'data-unit="([^"]+)"', partial)]
    return units


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"page": [], "api": []})
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def user_loop(port: int, username: str, seed: int, until: float, results: Results) -> None:
    rng = random.Random(seed)
    session = Session(port, username)
    units = units_for(session)
    periods = years(whole_months=username == "med")
    requests = 0
    while time.monotonic() < until and requests < 2_000:
        unit = rng.choice(units)
        structure = rng.choice(["historic", "current"])
        if rng.random() < 0.5:
            kind, path = "page", f"/units/{unit}/?structure={structure}"
        else:
            start, end = rng.choice(periods)
            query = urlencode({"from": start, "to": end, "structure": structure})
            kind, path = "api", f"/api/v1/units/{unit}/statistics?{query}"
        started = time.perf_counter()
        try:
            status, body = session.request("GET", path)
        except (OSError, http.client.HTTPException) as exc:
            status, body = 0, str(exc).encode()
        elapsed = (time.perf_counter() - started) * 1000
        requests += 1
        with results.lock:
            results.latencies[kind].append(elapsed)
            if status != 200:
                results.errors.append(f"{username} {path}: {status} {body[:120]!r}")


def years(whole_months: bool = False) -> list[tuple[str, str]]:
    """The last five years (from, to); this year up to today, or for a committee member
    (whole months only, docs/privacy.md) up to the last complete month."""
    today = dt.date.today()
    this_year_end = today.replace(day=1) - dt.timedelta(days=1) if whole_months else today
    found = [(f"{y}-01-01", f"{y}-12-31") for y in range(today.year - 4, today.year)]
    if this_year_end.year == today.year:
        found.append((f"{today.year}-01-01", this_year_end.isoformat()))
    return found


def warm_up(session: Session) -> None:
    """What a server does once per day and structure (and once per period asked of the
    API): load the data and compute every unit's figures. Timed apart from the run."""
    started = time.perf_counter()
    status, page = session.request("GET", "/")
    root = re.search(rb'href="/units/([^/"]+)/"', page)
    assert status == 200 and root, "no overview"
    unit = root.group(1).decode()
    for structure in ("historic", "current"):
        session.request("GET", f"/units/{unit}/?structure={structure}")
    pages = time.perf_counter() - started
    for start, end in years():
        for structure in ("historic", "current"):
            query = urlencode({"from": start, "to": end, "structure": structure})
            session.request("GET", f"/api/v1/units/{unit}/statistics?{query}")
    print(
        f"warm-up: data loaded and every unit's page figures computed in {pages:.1f} s; "
        f"every unit's figures for 5 years × 2 structures in "
        f"{time.perf_counter() - started - pages:.1f} s more"
    )


PROCESSES = 4  # the users run in processes, so the client's own GIL is no bottleneck


def _process(port: int, users: list[tuple[str, int]], seconds: float, out: Any) -> None:
    results = Results()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=user_loop, args=(port, name, seed, until, results))
        for name, seed in users
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put((results.latencies, results.errors))


def run_users(port: int, users: int, seed: int, seconds: float) -> Results:
    """`users` signed-in users in PROCESSES processes, for `seconds`."""
    plan = [(LOGINS[i % len(LOGINS)], seed + i) for i in range(users)]
    out: Any = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_process, args=(port, plan[i::PROCESSES], seconds, out))
        for i in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    results = Results()
    for _ in workers:
        latencies, errors = out.get()
        for kind, values in latencies.items():
            results.latencies[kind] += values
        results.errors += errors
    for worker in workers:
        worker.join()
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("samraad serve stopped")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/accounts/login/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("samraad serve did not answer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--db", type=Path, help="an existing demo database to use")
    args = parser.parse_args()

    path = args.db or ROOT / "benchmarks" / "out" / f"web-{args.employees}.sqlite3"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build_database(path, args.employees, args.seed)
        print(f"built {path.name} in {time.perf_counter() - started:.0f} s")
    else:
        ensure_users(path)
    env = {**os.environ, "SAMRAAD_DB": str(path), "SAMRAAD_DEMO": "True"}
    server = subprocess.Popen(
        [sys.executable, "-m", "samraad.cli", "serve", "--port", str(args.port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(args.port, server)
        warm_up(Session(args.port, "central"))
        load_before = os.getloadavg()[0]
        results = run_users(args.port, args.users, args.seed, args.seconds)
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=30)

    every = [ms for values in results.latencies.values() for ms in values]
    report: dict[str, object] = {
        "employees": args.employees,
        "users": args.users,
        "seconds": args.seconds,
        "requests": len(every),
        "errors": len(results.errors),
        # Other work on the machine shows here; the figures mean most when it is low.
        "load_average_before_after": [round(load_before, 1), round(load_after, 1)],
    }
    worst = 0.0
    for kind, values in results.latencies.items():
        if values:
            p95 = round(percentile(values, 0.95), 1)
            worst = max(worst, p95)
            report[kind] = {
                "n": len(values),
                "p50_ms": round(statistics.median(values), 1),
                "p95_ms": p95,
                "max_ms": round(max(values), 1),
            }
    print(json.dumps(report, indent=1))
    for error in results.errors[:10]:
        print("error:", error)
    return 1 if results.errors or worst > TARGET_P95_MS else 0


if __name__ == "__main__":
    sys.exit(main())
