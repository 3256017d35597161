"""The web app under load at Copenhagen scale: p50/p95 of the unit page, the API and
central HR's pages of the whole municipality.

    python benchmarks/bench_web.py [--employees 45000] [--users 20] [--seconds 60]
                                   [--processes CORES] [--db DEMO_DATABASE]

Builds (once) the synthetic municipality through the real import into
benchmarks/out/web-<N>.sqlite3, creates the demo users, starts `samraad serve` on
loopback and lets 20 users (threads, each with its own session) ask for unit pages
and API figures of units in their scope for a bounded time; the central HR users ask
half the time for their own pages (CENTRAL_PAGES: the municipality's and the
administrations' unit pages, employee lists and their CSV, the alerts inbox, the
analyses, the targets' breakdown, the longest absences). Prints each kind's latencies
and errors, the server's CPU per request and its processes' memory; exits 1 on any
error or when a p95 exceeds its target (unit pages and API 200 ms, central HR's pages
1 s).
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
TARGET_P95_MS = 200.0  # unit pages and the API
CENTRAL_TARGET_P95_MS = 1000.0  # central HR's pages of the municipality
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


def inbox_path(rng: random.Random, units: list[str]) -> str:
    """An inbox page as central HR asks for it: a status, sometimes a unit, a rule, a
    due date, the other order, a later page."""
    query: dict[str, str] = {"status": rng.choice(["pending", "overdue", "all", "closed"])}
    if rng.random() < 0.4:
        query["unit"] = rng.choice(units)
    if rng.random() < 0.3:
        query["rule"] = rng.choice(RULES)
    if rng.random() < 0.2:
        query["due_before"] = (dt.date.today() - dt.timedelta(days=rng.randint(0, 90))).isoformat()
    if rng.random() < 0.2:
        query["sort"] = "-due"
    if rng.random() < 0.5:
        query["page"] = str(rng.randint(2, 20))
    return "/alerts/?" + urlencode(query)


RULES = ["conversation", "statutory-7a", "employer-period-end", "refund-claim", "retention-plan"]


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"page": [], "api": []})
    errors: list[str] = field(default_factory=list)
    server_cpu: float = 0.0  # seconds, while the users ran
    wall: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


ANALYSES = ("short-term", "seniors", "notice", "job-groups")
# The pages central HR asks of the whole municipality or an administration (`top`: the
# municipality and the administrations below it), each timed as a kind of its own.
CENTRAL_PAGES: dict[str, Any] = {
    "central:unit": lambda rng, top: f"/units/{rng.choice(top)}/",
    "central:employees": lambda rng, top: f"/units/{rng.choice(top)}/employees/",
    "central:employees.csv": lambda rng, top: f"/units/{rng.choice(top)}/employees.csv",
    "central:alerts": lambda rng, top: inbox_path(rng, top),
    "central:analyses": lambda rng, top: f"/analyses/{rng.choice(top)}/{rng.choice(ANALYSES)}/",
    "central:targets": lambda rng, top: f"/units/{rng.choice(top)}/target/breakdown/",
    "central:longest": lambda rng, top: f"/units/{rng.choice(top)}/longest/",
}
CENTRAL_SHARE = 0.5  # of central HR's requests; the rest are unit pages and API calls


def top_units(session: Session) -> list[str]:
    """The municipality and the administrations directly below it."""
    _, page = session.request("GET", "/org/")
    roots = [u.decode() for u in re.findall(rb'data-unit="([^"]+)"', page)]
    found = list(roots)
    for root in roots:
        _, partial = session.request("GET", f"/org/{root}/children/")
        found += [u.decode() for u in re.findall(rb'data-unit="([^"]+)"', partial)]
    return found


def user_loop(
    port: int, username: str, seed: int, seconds: float, results: Results, ready: Any
) -> None:
    rng = random.Random(seed)
    session = Session(port, username)
    units = units_for(session)
    top = top_units(session) if username == "central" else []
    periods = years(whole_months=username == "med")
    requests = 0
    # Every user starts when all have signed in: a sign-in hashes the password (PBKDF2,
    # ¾ s of CPU by design), and 20 of them would otherwise land on the first users'
    # timed requests.
    ready.wait()
    until = time.monotonic() + seconds
    while time.monotonic() < until and requests < 2_000:
        unit = rng.choice(units)
        structure = rng.choice(["historic", "current"])
        if top and rng.random() < CENTRAL_SHARE:
            kind = rng.choice(list(CENTRAL_PAGES))
            path = CENTRAL_PAGES[kind](rng, top)
        elif rng.random() < 0.5:
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
            results.latencies.setdefault(kind, []).append(elapsed)
            if status != 200:
                results.errors.append(f"{kind} {username} {path}: {status} {body[:120]!r}")


def years(whole_months: bool = False) -> list[tuple[str, str]]:
    """The last five years (from, to); this year up to today, or for a committee member
    (whole months only, docs/privacy.md) up to the last complete month."""
    today = dt.date.today()
    this_year_end = today.replace(day=1) - dt.timedelta(days=1) if whole_months else today
    found = [(f"{y}-01-01", f"{y}-12-31") for y in range(today.year - 4, today.year)]
    if this_year_end.year == today.year:
        found.append((f"{today.year}-01-01", this_year_end.isoformat()))
    return found


def warm_up(session: Session, committee: Session) -> None:
    """What a server does once per day and structure (and once per period asked of the
    API): load the data and compute every unit's figures, and for a committee member
    the disclosure policy's decisions for each period. Timed apart from the run."""
    started = time.perf_counter()
    status, page = session.request("GET", "/")
    root = re.search(rb'href="/units/([^/"]+)/"', page)
    assert status == 200 and root, "no overview"
    unit = root.group(1).decode()
    for structure in ("historic", "current"):
        session.request("GET", f"/units/{unit}/?structure={structure}")
    pages = time.perf_counter() - started
    for start, end in sorted(set(years()) | set(years(whole_months=True))):
        for structure in ("historic", "current"):
            query = urlencode({"from": start, "to": end, "structure": structure})
            session.request("GET", f"/api/v1/units/{unit}/statistics?{query}")
    for start, end in years(whole_months=True):
        for structure in ("historic", "current"):
            query = urlencode({"from": start, "to": end, "structure": structure})
            committee.request("GET", f"/api/v1/units/{unit}/statistics?{query}")
    print(
        f"warm-up: data loaded and every unit's page figures computed in {pages:.1f} s; "
        f"every unit's figures for 5 years × 2 structures in "
        f"{time.perf_counter() - started - pages:.1f} s more"
    )
    # Central HR's pages of the municipality, each once (what is computed once a day).
    first: dict[str, float] = {}
    for path in [
        f"/units/{unit}/employees/",
        f"/units/{unit}/employees.csv",
        "/alerts/",
        *(f"/analyses/{unit}/{slug}/" for slug in ANALYSES),
        f"/units/{unit}/target/breakdown/",
        f"/units/{unit}/longest/",
    ]:
        asked = time.perf_counter()
        status, _ = session.request("GET", path)
        first[path] = round(time.perf_counter() - asked, 2)
        assert status == 200, f"{path}: {status}"
    print(f"warm-up: central HR's pages of {unit} the first time (s): {json.dumps(first)}")


PROCESSES = 4  # the users run in processes, so the client's own GIL is no bottleneck


def _process(port: int, users: list[tuple[str, int]], seconds: float, out: Any, ready: Any) -> None:
    results = Results()
    threads = [
        threading.Thread(target=user_loop, args=(port, name, seed, seconds, results, ready))
        for name, seed in users
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put((results.latencies, results.errors))


def run_users(port: int, users: int, seed: int, seconds: float, server: int) -> Results:
    """`users` signed-in users in PROCESSES processes, for `seconds`; the server's (pid)
    CPU counted from when they start together."""
    plan = [(LOGINS[i % len(LOGINS)], seed + i) for i in range(users)]
    out: Any = multiprocessing.Queue()
    ready = multiprocessing.Barrier(users + 1)
    workers = [
        multiprocessing.Process(
            target=_process, args=(port, plan[i::PROCESSES], seconds, out, ready)
        )
        for i in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    results = Results()
    ready.wait()
    cpu, started = cpu_seconds(server), time.perf_counter()
    for _ in workers:
        latencies, errors = out.get()
        for kind, values in latencies.items():
            results.latencies.setdefault(kind, []).extend(values)
        results.errors += errors
    results.server_cpu = cpu_seconds(server) - cpu
    results.wall = time.perf_counter() - started
    for worker in workers:
        worker.join()
    return results


def inbox_alone(port: int, seed: int, rounds: int = 20) -> dict[str, Any]:
    """One central HR user alone: inbox pages (the first, filtered, later pages), the
    inbox's exports (every pending alert) and central HR's other pages of the
    municipality and the administrations, timed one at a time."""
    rng = random.Random(seed)
    session = Session(port, "central")
    units = units_for(session)
    status, page = session.request("GET", "/alerts/")
    total = re.search(rb"\(([\d.]+) advis\)", page)
    found: dict[str, Any] = {
        "central_hr_pending_alerts": int(total.group(1).replace(b".", b"")) if total else None
    }
    timings: dict[str, list[float]] = {"inbox_alone": [], "export_csv": [], "export_xlsx": []}
    paths = [("inbox_alone", "/alerts/")] + [
        ("inbox_alone", inbox_path(rng, units)) for _ in range(rounds - 1)
    ]
    paths += [("export_csv", "/alerts.csv"), ("export_xlsx", "/alerts.xlsx")] * 5
    # Every other page of central HR's, of the municipality and each administration.
    top = top_units(session)
    for kind, make in CENTRAL_PAGES.items():
        if kind != "central:alerts":
            alone = kind.replace("central:", "alone:")
            timings[alone] = []
            paths += [(alone, make(rng, top)) for _ in range(10)]
    for kind, path in paths:
        started = time.perf_counter()
        status, _body = session.request("GET", path)
        timings[kind].append((time.perf_counter() - started) * 1000)
        if status != 200:
            found.setdefault("errors", []).append(f"{path}: {status}")
    for kind, values in timings.items():
        found[kind] = {
            "n": len(values),
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(percentile(values, 0.95), 1),
            "max_ms": round(max(values), 1),
        }
    return found


def cpu_seconds(pid: int) -> float:
    """CPU (user + system) of a process and its children so far, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for each in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone, or not Linux
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def rss_mb(pid: int) -> list[int]:
    """Each server process's resident memory (MB), the parent first (Linux)."""
    found = []
    for each in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        rss = [line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")]
        kb = rss[0] if rss else "0"
        found.append(round(int(kb) / 1024))
    return found


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in found]


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


def wait_for_warm(log: Path, processes: int, seconds: float = 900) -> None:
    """Until every server process has computed the day's figures (all of them after a
    new release: the shared files are named by the code's digest). Timed users before
    that would measure the warming, not the serving."""
    from samraad.web.server import WARMED

    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if log.read_text(errors="replace").count(WARMED) >= processes:
            print(f"server warm after {time.monotonic() - started:.0f} s")
            return
        time.sleep(1)
    raise SystemExit("the server did not finish warming")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--db", type=Path, help="an existing demo database to use")
    parser.add_argument(
        "--processes",
        type=int,
        default=os.cpu_count() or 1,
        help="samraad serve --processes (default: one per core)",
    )
    parser.add_argument(
        "--without", action="append", default=[], help="leave a kind of CENTRAL_PAGES out"
    )
    args = parser.parse_args()
    for kind in args.without:
        CENTRAL_PAGES.pop(kind)  # the user processes are forked after this

    path = args.db or ROOT / "benchmarks" / "out" / f"web-{args.employees}.sqlite3"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build_database(path, args.employees, args.seed)
        print(f"built {path.name} in {time.perf_counter() - started:.0f} s")
    else:
        ensure_users(path)
    env = {**os.environ, "SAMRAAD_DB": str(path), "SAMRAAD_DEMO": "True"}
    log = path.with_suffix(".serve.log")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "samraad.cli",
            "serve",
            "--port",
            str(args.port),
            "--processes",
            str(args.processes),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),  # waitress's "Task queue depth" lines under load
    )
    try:
        wait_for(args.port, server)
        wait_for_warm(log, args.processes)
        warm_up(Session(args.port, "central", timeout=600), Session(args.port, "med", timeout=600))
        load_before = os.getloadavg()[0]
        results = run_users(args.port, args.users, args.seed, args.seconds, server.pid)
        memory = rss_mb(server.pid)
        load_after = os.getloadavg()[0]
        alone = inbox_alone(args.port, args.seed)
    finally:
        server.terminate()
        server.wait(timeout=30)

    every = [ms for values in results.latencies.values() for ms in values]
    report: dict[str, object] = {
        "employees": args.employees,
        "users": args.users,
        "server_processes": args.processes,
        "seconds": args.seconds,
        "requests": len(every),
        "errors": len(results.errors),
        # Other work on the machine shows here; the figures mean most when it is low.
        "load_average_before_after": [round(load_before, 1), round(load_after, 1)],
        # What a request costs the server: with 20 users and no pause between requests
        # the server is the bottleneck, so latency ≈ users × CPU per request / cores.
        "server_cpu_share_of_cores": round(
            results.server_cpu / max(results.wall, 1e-9) / (os.cpu_count() or 1), 2
        ),
        "server_cpu_ms_per_request": round(results.server_cpu * 1000 / max(1, len(every)), 1),
        "server_rss_mb": memory,
    }
    too_slow = []
    for kind, values in sorted(results.latencies.items()):
        if values:
            p95 = round(percentile(values, 0.95), 1)
            target = CENTRAL_TARGET_P95_MS if kind.startswith("central:") else TARGET_P95_MS
            if p95 > target:
                too_slow.append(kind)
            report[kind] = {
                "n": len(values),
                "p50_ms": round(statistics.median(values), 1),
                "p95_ms": p95,
                "max_ms": round(max(values), 1),
                "errors": sum(1 for e in results.errors if e.startswith(f"{kind} ")),
            }
    # Central HR alone afterwards: the inbox and its exports without 19 others queued.
    report |= alone
    too_slow += [
        kind
        for kind, found in alone.items()
        if isinstance(found, dict) and found["p95_ms"] > CENTRAL_TARGET_P95_MS
    ]
    report["over_target"] = too_slow
    print(json.dumps(report, indent=1))
    for error in results.errors[:10] + alone.get("errors", []):
        print("error:", error)
    return 1 if results.errors or alone.get("errors") or too_slow else 0


if __name__ == "__main__":
    sys.exit(main())
