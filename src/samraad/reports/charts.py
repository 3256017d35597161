"""The report's charts as SVG text (vectors in the PDF, text kept as text). Pure: the
geometry is computed here from plain numbers; the numbers are printed as the document's
language writes them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from samraad.documents.formatting import MONTHS, format_number
from samraad.documents.model import Language

WIDTH, HEIGHT = 420, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 24, 30
FONT = 'font-family="Lato" font-size="11"'
THIS_YEAR, LAST_YEAR = "#2f5d8a", "#9aa9b8"


def nice_ceiling(value: float) -> float:
    """The next of 1, 2, 2.5, 5 × 10^k at or above value (at least 1)."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _svg(width: int, height: int, body: str, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><title>{escape(title)}</title>{body}</svg>'
    )


def _number(value: float, language: Language) -> str:
    return format_number(value, 1 if value % 1 else 0, language)


def trend_chart(
    this_year: Sequence[float | None],
    last_year: Sequence[float | None],
    labels: tuple[str, str],
    language: Language,
    title: str,
) -> str:
    """Two lines of monthly absence rates (percent), January to December; a missing
    month (suppressed, or after the report's) breaks its line."""
    values = [v for v in (*this_year, *last_year) if v is not None]
    top = nice_ceiling(max(values, default=1.0))
    plot_h, plot_w = HEIGHT - TOP - BOTTOM, WIDTH - LEFT - RIGHT

    def x(i: int) -> float:
        return LEFT + plot_w * (i + 0.5) / 12

    def y(v: float) -> float:
        return HEIGHT - BOTTOM - plot_h * v / top

    parts = []
    for i in range(5):
        level = top * i / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            f'stroke="#d0d0d0" stroke-width="0.6"/>'
            f'<text x="{LEFT - 4}" y="{y(level) + 4:.1f}" text-anchor="end" {FONT}>'
            f"{escape(_number(level, language))} %</text>"
        )
    for i in range(12):
        name = MONTHS[language][i][:3].capitalize()
        parts.append(
            f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" {FONT}>'
            f"{name}</text>"
        )
    for series, colour, width in ((last_year, LAST_YEAR, 1.6), (this_year, THIS_YEAR, 2.4)):
        segment: list[str] = []
        runs: list[list[str]] = []
        for i, v in enumerate(series):
            if v is None:
                if segment:
                    runs.append(segment)
                segment = []
                continue
            segment.append(f"{x(i):.1f},{y(v):.1f}")
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="2.4" fill="{colour}"/>')
        if segment:
            runs.append(segment)
        parts += [
            f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" '
            f'stroke-width="{width}"/>'
            for run in runs
        ]
    for n, (label, colour) in enumerate(zip(labels, (THIS_YEAR, LAST_YEAR), strict=True)):
        left = LEFT + 70 * n
        parts.append(
            f'<rect x="{left}" y="6" width="14" height="4" fill="{colour}"/>'
            f'<text x="{left + 18}" y="12" {FONT}>{escape(label)}</text>'
        )
    return _svg(WIDTH, HEIGHT, "".join(parts), title)


def bar_chart(
    rows: Sequence[tuple[str, float | None]], language: Language, title: str, limit: int = 12
) -> str:
    """Horizontal bars, the first `limit` rows in their order; a missing value has no bar
    and prints "–"."""
    shown = list(rows[:limit])
    label_w, bar_w, row_h = 150, 230, 18
    width, height = label_w + bar_w + 40, max(row_h * len(shown) + 8, 30)
    top = nice_ceiling(max((v for _, v in shown if v is not None), default=1.0))
    parts = []
    for i, (name, value) in enumerate(shown):
        y = 4 + row_h * i
        short = name if len(name) <= 26 else name[:25] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end" {FONT}>{escape(short)}</text>'
        )
        if value is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 12}" {FONT}>–</text>')
            continue
        length = bar_w * value / top
        parts.append(
            f'<rect x="{label_w}" y="{y + 2}" width="{length:.1f}" height="{row_h - 5}" '
            f'fill="{THIS_YEAR}"/>'
            f'<text x="{label_w + length + 4:.1f}" y="{y + 12}" {FONT}>'
            f"{escape(format_number(value, 1, language))}</text>"
        )
    return _svg(width, height, "".join(parts), title)
