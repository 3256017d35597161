"""The monthly trend as SVG geometry, computed here so the template only draws it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.dates import MONTHS
from django.utils.formats import number_format

from samraad.absence.dashboard import Cell

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 32


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    title: str
    incomplete: bool = False  # the month so far: drawn hollow, joined by a dotted line


@dataclass(frozen=True)
class Series:
    name: str
    css: str
    segments: list[str]  # SVG polyline points; a suppressed month breaks the line
    dots: list[Dot]
    partial: str = ""  # the dotted line to the month so far (points), if any


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    series: list[Series]
    incomplete: Tick | None = None  # the month so far: where, and "until <day>"


def nice_ceiling(value: float) -> float:
    """The next of 1, 2, 2.5, 5 × 10^k at or above value (at least 1)."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _label(value: float) -> str:
    return str(number_format(value, 1 if value % 1 else 0))


def _two_places(value: float) -> str:
    """Two decimals, half up as every figure is rounded (Django's number_format alone
    cuts off: 2,0661 would be 2,06)."""
    exact = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return str(number_format(exact, 2))


def _x(index: int) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * (index + 0.5) / 12


def _series(
    name: str, css: str, cells: Sequence[Cell], top: float, incomplete: str | None = None
) -> Series:
    """The line of one unit and year; `incomplete`: the last cell is the month so far
    (its note, e.g. "current month, up to 1 June 2026"): never drawn as a whole month,
    but as a hollow point at the end of a dotted line."""
    segments: list[str] = []
    dots: list[Dot] = []
    current: list[str] = []
    partial = ""
    for index, cell in enumerate(cells):
        if cell.absence_rate is None:
            if current:
                segments.append(" ".join(current))
            current = []
            continue
        x = _x(index)
        y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * cell.absence_rate / top
        point = f"{x:.1f},{y:.1f}"
        title = f"{name} {MONTHS[index + 1]}: {_two_places(cell.absence_rate)} %"
        last = index == len(cells) - 1
        if last and incomplete is not None:
            partial = f"{current[-1]} {point}" if current else ""
            dots.append(Dot(round(x, 1), round(y, 1), f"{title} ({incomplete})", True))
            continue
        current.append(point)
        dots.append(Dot(round(x, 1), round(y, 1), title))
    if current:
        segments.append(" ".join(current))
    return Series(name, css, segments, dots, partial)


def trend_chart(
    this_year: Sequence[Cell],
    last_year: Sequence[Cell],
    year: int,
    compared: tuple[str, Sequence[Cell]] | None = None,
    incomplete: str | None = None,
) -> TrendChart:
    """This year's months against last year's, and against another unit's this year
    (`compared`: its name and months); `incomplete`: this year's last month is the month
    so far, with this note."""
    other = list(compared[1]) if compared else []
    rates = [c.absence_rate for c in [*this_year, *last_year, *other] if c.absence_rate is not None]
    top = nice_ceiling(max(rates, default=1.0))
    y_ticks = [
        Tick(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * i / 4, f"{_label(top * i / 4)} %")
        for i in range(5)
    ]
    # three letters of the month's own name: "Sep", "Okt" (not Django's "Sept.")
    x_ticks = [Tick(_x(i), str(MONTHS[i + 1])[:3].capitalize()) for i in range(12)]
    series = [
        _series(str(year - 1), "last-year", last_year, top),
        _series(str(year), "this-year", this_year, top, incomplete),
    ]
    if compared:
        series.append(_series(compared[0], "compare", compared[1], top, incomplete))
    mark = Tick(_x(len(this_year) - 1), incomplete) if incomplete and this_year else None
    return TrendChart(
        WIDTH,
        HEIGHT,
        LEFT,
        WIDTH - RIGHT,
        TOP,
        HEIGHT - BOTTOM,
        x_ticks,
        y_ticks,
        series,
        mark,
    )
