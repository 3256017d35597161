"""Reading what payroll and the organisation system already export (docs/sources/).

`convert(format, arguments, settings)` turns SD Løn's warehouse extracts, KMD Opus' XML
dumps or OS2mo's GraphQL API into the interchange frames that reading.py makes from a
folder, so validation and the atomic store are the interchange's own. CPR numbers are
read in memory only: the employee key is a keyed hash of them (cpr.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from samraad.interchange.sources.converted import Converted

FORMATS = ("interchange", "sd", "opus", "os2mo")


class Unusable(Exception):
    """The source cannot be read as asked (arguments, settings): one line, exit 2."""


class Unavailable(Exception):
    """The source could not be reached or answered wrongly: one line, exit 1."""


@dataclass(frozen=True)
class OS2moSettings:
    url: str = ""
    token_url: str = ""
    client_id: str = ""
    client_secret: str = ""
    # The employee key: OS2mo's person uuid, or the keyed hash of the person's CPR number
    # (the same key an SD extract gives, so that SD's absences meet OS2mo's engagements).
    employee_key: str = "uuid"


@dataclass(frozen=True)
class SourceSettings:
    cpr_key: str = ""
    loenart_table: Path | None = None
    os2mo: OS2moSettings = field(default_factory=OS2moSettings)


def convert(format: str, arguments: list[str], settings: SourceSettings) -> Converted:
    """Read the source; raises Unusable, Unavailable or reading.NotAFolder."""
    from samraad.interchange.sources import cpr, loenart

    if format in ("sd", "opus") and not settings.cpr_key:
        raise Unusable(str(cpr.MissingSecret.MESSAGE))
    try:
        if format == "sd":
            from samraad.interchange.sources.sd import read_sd

            folder = _one(arguments, "DIR")
            return read_sd(Path(folder), settings.cpr_key, loenart.load(settings.loenart_table))
        if format == "opus":
            from samraad.interchange.sources.opus import read_opus

            if not arguments:
                raise Unusable("--format opus needs the dump files (ZLPE….xml)")
            return read_opus([Path(a) for a in arguments], settings.cpr_key)
        if format == "os2mo":
            from samraad.interchange.sources.os2mo import read_os2mo

            url = _one(arguments, "URL") if arguments else settings.os2mo.url
            if not url:
                raise Unusable("--format os2mo needs the GraphQL URL (or SAMRAAD_OS2MO_URL)")
            return read_os2mo(url, settings.os2mo, settings.cpr_key)
    except cpr.MissingSecret as exc:
        raise Unusable(str(exc)) from None
    except loenart.BadTable as exc:
        raise Unusable(str(exc)) from None
    raise Unusable(f"unknown format {format!r}; known: {', '.join(FORMATS)}")


def _one(arguments: list[str], what: str) -> str:
    if len(arguments) != 1:
        raise Unusable(f"expected one {what}, got {len(arguments)}")
    return arguments[0]
