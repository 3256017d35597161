"""`samraad demo`: the synthetic municipality, imported, summarised (spec/cli.md)."""

from __future__ import annotations

import argparse
from typing import Any


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return value


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("demo", help="generate, import and show the synthetic municipality")
    parser.add_argument("--employees", type=positive, default=45_000)
    parser.add_argument("--years", type=positive, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--host", default="127.0.0.1", help="address the web app listens on")
    parser.add_argument("--port", type=positive, default=8000)
    parser.add_argument(
        "--no-serve", action="store_true", help="load and summarise only; do not serve the app"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad.demo.run import run_demo

    return run_demo(
        args.employees, args.years, args.seed, None if args.no_serve else (args.host, args.port)
    )
