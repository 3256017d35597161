"""`samraad forecast`: a unit's year forecast, or the method's backtest
(spec/management-information.md, "Forecast (prognose)"; docs/forecast.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from samraad.cli.options import iso_date
from samraad.forecast import Forecast, UnknownUnit, forecast
from samraad.forecast.backtest import backtest_rows, render, summary
from samraad.stats import Dataset, Structure, parents_on


def load_everything() -> Dataset:
    """All stored data: a forecast reads its unit's reference (often a centre) and the
    staff's spells of the last three years, so a one-unit load would not do. The one
    place this command touches the loading code."""
    from samraad.frames.loading import load_dataset

    return load_dataset()


def year_list(text: str) -> list[int]:
    try:
        years = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected years separated by commas, e.g. 2023,2024, not {text!r}"
        ) from None
    if not years:
        raise argparse.ArgumentTypeError("no year given")
    return years


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "forecast", help="a unit's year forecast (prognose), or the method's backtest"
    )
    parser.add_argument("--unit", help="unit_id")
    parser.add_argument("--year", type=int)
    parser.add_argument("--as-of", type=iso_date, help="forecast from what was known on this day")
    parser.add_argument(
        "--structure", choices=[s.value for s in Structure], default=Structure.HISTORIC.value
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument(
        "--backtest",
        action="store_true",
        help="forecast every unit of 20+ FTE at every month-end of --years and compare",
    )
    parser.add_argument("--years", type=year_list, help="backtest years, e.g. 2023,2024,2025")
    parser.add_argument(
        "--min-fte", type=float, default=20.0, help="backtest: units with this many FTE"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad.cli import UsageError

    if args.backtest:
        if args.years is None:
            raise UsageError("--backtest needs --years, e.g. --years 2023,2024,2025")
        return run_backtest(args)
    missing = [name for name in ("unit", "year", "as_of") if getattr(args, name) is None]
    if missing:
        raise UsageError(
            "the forecast needs " + ", ".join("--" + m.replace("_", "-") for m in missing)
        )
    if args.as_of < dt.date(args.year, 1, 1):
        raise UsageError(f"--as-of {args.as_of} lies before the year {args.year}")
    from samraad.org.models import Unit

    if not Unit.objects.filter(unit_id=args.unit).exists():
        raise UsageError(f"unknown unit: {args.unit}")
    data = load_everything()
    try:
        result = forecast(
            data,
            args.unit,
            args.year,
            args.as_of,
            structure=Structure(args.structure),
            target=stored_target(args.unit, args.year, parents_on(data, args.as_of)),
        )
    except UnknownUnit:
        raise UsageError(f"the unit {args.unit} did not exist yet on {args.as_of}") from None
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        print(render_forecast(result))
    return 0


def stored_target(unit: str, year: int, parents: dict[str, str | None]) -> float | None:
    """The unit's target for the year, else its nearest ancestor's (management-information.md,
    "Targets")."""
    from samraad.targets.inheritance import target_of
    from samraad.targets.store import read_targets

    found = target_of(unit, read_targets(year), parents)
    return None if found is None else float(found.value)


def run_backtest(args: argparse.Namespace) -> int:
    rows = backtest_rows(
        load_everything(),
        args.years,
        structure=Structure(args.structure),
        min_fte=args.min_fte,
        progress=lambda line: print(line, file=sys.stderr, flush=True),
    )
    table = summary(rows)
    if args.json:
        print(json.dumps(table.to_dicts(), indent=1))
    else:
        years = ", ".join(str(y) for y in args.years)
        print(f"Backtest {years}: month-ends January–November, units of {args.min_fte:g}+ FTE")
        print(render(table))
    return 0


def _number(value: float | None, unit: str = "") -> str:
    return "–" if value is None else f"{value:.2f}{unit}"


def render_forecast(result: Forecast) -> str:
    data = result.to_json()
    observed, ahead = data["observed"], data["forecast"]
    lines = [
        f"{result.unit}  {result.year}, forecast made on {data['as_of']}",
        "",
        f"  {'observed':<12}{observed['from']} – {observed['to']}: "
        f"{observed['absence_days_per_fte']:.2f} days per FTE, "
        f"absence rate {_number(observed['absence_rate'], ' %')}",
        f"  {'forecast':<12}{ahead['absence_days_per_fte']:.2f} days per FTE "
        f"(80 % interval {ahead['low']:.2f} – {ahead['high']:.2f}), "
        f"absence rate {_number(ahead['absence_rate'], ' %')}",
        f"  {'target':<12}{_number(data['target'])}",
        f"  {'method':<12}{data['method']}",
    ]
    return "\n".join(lines)
