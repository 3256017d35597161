"""An SVG chart as PNG, drawn by Typst: the fallback picture a Word file needs.

Word 2016 and later show an embedded SVG as vectors, but the format requires a raster
picture beside it for older readers. Typst renders SVG itself, so no system library
(cairo, librsvg) is needed.
"""

from __future__ import annotations

import threading
from functools import cache

import typst

from samraad.documents.pdf import FONTS

# 160 mm is the text width of an A4 page with 25 mm margins; 200 pixels per inch is
# sharp on screen and in print without making the file large.
WIDTH_MM = 160
PPI = 200

_SOURCE = f"""
#set page(width: auto, height: auto, margin: 0pt, fill: white)
#set text(font: "Lato")
#image(bytes(sys.inputs.svg), format: "svg", width: {WIDTH_MM}mm)
""".encode()

_lock = threading.Lock()


@cache
def _compiler() -> typst.Compiler:
    return typst.Compiler(font_paths=[str(FONTS)], ignore_system_fonts=True)


def svg_to_png(svg: str) -> bytes:
    with _lock:
        png = _compiler().compile(input=_SOURCE, format="png", ppi=PPI, sys_inputs={"svg": svg})
    if isinstance(png, list):  # one picture per page; the page fits the chart, so one
        png = png[0]
    assert isinstance(png, bytes)
    return png
