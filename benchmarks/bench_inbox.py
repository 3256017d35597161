"""Central HR's alerts inbox and its exports, in-process: wall and CPU medians.

    SAMRAAD_DB=benchmarks/out/web-45000.sqlite3 python benchmarks/bench_inbox.py [--rounds 9]

Uses the database `bench_web.py` builds (45,000 employees; run that first) and its demo
user `central`. Each address is asked for `rounds` times through Django's test client
after one request that warms the caches; CPU time is the process's own (SQLite runs in
it), so it shows the request's cost whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import statistics
import time

ADDRESSES = [
    "/alerts/",
    "/alerts/?status=all&page=20",
    "/alerts/?status=overdue&rule=conversation",
    "/alerts/?status=all&sort=-due&page=5",
    "/alerts.csv",
    "/alerts.xlsx",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--user", default="central")
    args = parser.parse_args()

    from samraad.cli import setup_django

    setup_django()
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=args.user))
    first = client.get("/alerts/")
    assert first.status_code == 200, first.status_code
    for address in ADDRESSES:
        wall, cpu = [], []
        for _ in range(args.rounds):
            started, used = time.perf_counter(), time.process_time()
            response = client.get(address)
            if response.streaming:
                b"".join(response.streaming_content)  # type: ignore[attr-defined]
            assert response.status_code == 200, (address, response.status_code)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - used) * 1000)
        print(
            f"{address}: wall p50 {statistics.median(wall):.0f} ms, "
            f"CPU p50 {statistics.median(cpu):.0f} ms (n={args.rounds})"
        )


if __name__ == "__main__":
    main()
