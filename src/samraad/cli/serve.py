"""`samraad serve`: the web app over an existing database (docs/web.md)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def port_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"expected a port number 1–65535, not {text!r}")
    return value


def process_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"expected 1–64 processes, not {text!r}")
    return value


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("serve", help="serve the web app over the existing database")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=port_number, default=8000)
    parser.add_argument(
        "--processes",
        type=process_count,
        default=1,
        help="server processes on the one port (default 1; about one per core)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad.web.server import port_problem, secret_key_problem, serve

    # Outside demo mode a known key would let anyone forge a session.
    if problem := secret_key_problem() or port_problem(args.host, args.port):
        print(f"samraad: error: {problem}", file=sys.stderr)
        return 2
    print(f"Samråd on http://{args.host}:{args.port}/ (Ctrl+C stops it)", flush=True)
    serve(args.host, args.port, processes=args.processes)
    return 0
