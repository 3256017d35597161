"""The editable table from payroll's lønart (pay code) to Samråd's absence cause.

`loenart.toml` beside this module is the default (Region Hovedstaden's grouping);
SAMRAAD_LOENART_TABLE points at an edited copy. Codes are compared as text without
leading zeros, so `0790`, `790` and an Excel cell 790 are one code.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import polars as pl

from samraad.interchange.schema import CAUSES

DEFAULT = Path(__file__).with_name("loenart.toml")
IGNORE = "ignore"


class BadTable(Exception):
    """The lønart table cannot be used; the message says where and why."""


def load(path: Path | None = None) -> dict[str, str]:
    """Code → cause (or IGNORE) from the TOML file at `path` (default: the shipped table)."""
    path = path or DEFAULT
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadTable(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise BadTable(f"{path}: not TOML: {exc}") from None
    causes = document.get("causes")
    if not isinstance(causes, dict) or not causes:
        raise BadTable(f"{path}: needs a [causes] table of lønart = cause")
    allowed = (*CAUSES.values, IGNORE)
    table: dict[str, str] = {}
    for code, cause in causes.items():
        if cause not in allowed:
            raise BadTable(
                f'{path}: lønart {code}: unknown cause "{cause}"; expected one of '
                + ", ".join(allowed)
            )
        table[normal_code(str(code))] = str(cause)
    return table


def normal_code(code: str) -> str:
    return code.strip().lstrip("0") or "0"


def normal_codes(column: pl.Expr) -> pl.Expr:
    return column.str.strip_chars().str.strip_chars_start("0").replace("", "0")
