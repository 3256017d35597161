"""The yearly sickness-absence item's attachment: the committee's part of the
organisation in figures, as the CSO's minutes of 6 June 2024 describe the item
("gennemgang af sygefraværet i de enkelte forvaltninger og en sammenligning af de
enkelte faggrupper").

Pure: the figures come in as plain values already decided by the disclosure policy (None:
not shown, a group under 5); this module only lays them out as a `Document`:
1. days per FTE this year up to the last complete month, the same months last year and
   the whole of last year, and the long-term share (hours in spells of 31+ days) of this
   year and last year, for the committee's unit and each unit under it (CSO: the
   municipality and its administrations; a HovedMED: its administration and centres);
2. days per FTE by job group in the same periods, for each of those units (the policy
   decides job groups per unit; a split of a job group by spell length it does not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from samraad.documents import (
    Block,
    Column,
    Document,
    Heading,
    Table,
    paragraph,
)
from samraad.documents.formatting import MONTHS, format_date
from samraad.documents.model import Language

Period = tuple[dt.date, dt.date]
TITLE = {
    "da": "Sygefravær i {scope}: statistik til {committee}",
    "en": "Sickness absence in {scope}: figures for {committee}",
}
KIND = {"da": "Bilag", "en": "Attachment"}
UNKNOWN_JOB_GROUP = {"da": "Ukendt faggruppe", "en": "Unknown job group"}


@dataclass(frozen=True)
class Figures:
    """One unit's (or job group's) figures in the three periods, None where not shown."""

    days_per_fte: tuple[float | None, float | None, float | None]  # ytd, ytd last year, last year
    long_term_share: tuple[float | None, float | None]  # percent: ytd, last year


@dataclass(frozen=True)
class UnitRow:
    unit_id: str
    name: str
    figures: Figures
    job_groups: tuple[tuple[str, Figures], ...]  # job group, its figures (shown ones)


@dataclass(frozen=True)
class SicknessReport:
    committee: str  # "CSO", "HovedMED BUF"
    scope: str  # the committee's unit's name
    made_on: dt.date
    year_to_date: Period
    year_to_date_last_year: Period
    last_year: Period
    rows: tuple[UnitRow, ...]  # the committee's unit first, then the units under it


def _month(day: dt.date, language: Language) -> str:
    return MONTHS[language][day.month - 1]


def period_labels(report: SicknessReport, language: Language) -> tuple[str, str, str]:
    """Short column titles: "2026 januar–maj", "2025 januar–maj", "2025 hele året"."""
    (ytd_start, ytd_end), (_, ly_end), (year_start, _) = (
        report.year_to_date,
        report.year_to_date_last_year,
        report.last_year,
    )
    first = _month(ytd_start, language)
    whole = "hele året" if language == "da" else "whole year"
    months = first if ytd_end.month == 1 else f"{first}–{_month(ytd_end, language)}"
    return (f"{ytd_end.year} {months}", f"{ly_end.year} {months}", f"{year_start.year} {whole}")


def _columns(
    first: str, report: SicknessReport, language: Language, long_term: bool = True
) -> tuple[Column, ...]:
    ytd, same, whole = period_labels(report, language)
    days = "Dage pr. FTE" if language == "da" else "Days per FTE"
    long = "Langtid" if language == "da" else "Long-term"
    columns = (
        Column(first),
        Column(f"{days} {ytd}", "decimal", 1),
        Column(f"{days} {same}", "decimal", 1),
        Column(f"{days} {whole}", "decimal", 1),
    )
    if not long_term:
        return columns
    return (
        *columns,
        Column(f"{long} {ytd}", "percent", 1),
        Column(f"{long} {whole}", "percent", 1),
    )


def _cells(figures: Figures, long_term: bool = True) -> tuple[float | None, ...]:
    return (*figures.days_per_fte, *(figures.long_term_share if long_term else ()))


def _explanation(report: SicknessReport, language: Language) -> list[Block]:
    ytd, same, whole = report.year_to_date, report.year_to_date_last_year, report.last_year
    if language == "en":
        return [
            paragraph(
                f"Own sickness, days per full-time equivalent (FTE), from "
                f"{format_date(ytd[0], language)} to {format_date(ytd[1], language)} (the last "
                f"complete month), the same months of {same[1].year} and the whole of "
                f"{whole[0].year}; long-term: the share of the absence hours in spells of 31 "
                f"days or more. Today's organisation; figures made on "
                f"{format_date(report.made_on, language)}."
            ),
            paragraph("– : not shown, fewer than 5 employees (or it would reveal such a group)."),
        ]
    return [
        paragraph(
            f"Sygefravær (egen sygdom) i dage pr. fuldtidsansat (FTE) fra "
            f"{format_date(ytd[0], language)} til {format_date(ytd[1], language)} (sidste hele "
            f"måned), de samme måneder i {same[1].year} og hele {whole[0].year}. Langtid: "
            f"andelen af fraværstimerne i forløb på 31 dage eller mere. Organisationen som i "
            f"dag; tallene er dannet {format_date(report.made_on, language)}."
        ),
        paragraph(
            "– : vises ikke, færre end 5 medarbejdere (eller tallet ville afsløre en sådan gruppe)."
        ),
    ]


def report_document(report: SicknessReport, language: Language = "da") -> Document:
    unit_title = "Enhed" if language == "da" else "Unit"
    group_title = "Faggruppe" if language == "da" else "Job group"
    by_unit = "Sygefraværet i enhederne" if language == "da" else "Sickness absence by unit"
    by_group = "Faggrupper" if language == "da" else "Job groups"
    blocks: list[Block] = [*_explanation(report, language), Heading(by_unit, 1)]
    blocks.append(
        Table(
            _columns(unit_title, report, language),
            tuple((row.name, *_cells(row.figures)) for row in report.rows),
            caption=by_unit,
        )
    )
    blocks.append(Heading(by_group, 1))
    for row in report.rows:
        blocks.append(Heading(row.name, 2))
        rows = job_group_rows(row.job_groups, language)
        if rows:
            columns = _columns(group_title, report, language, long_term=False)
            blocks.append(Table(columns, rows, caption=row.name))
        else:
            none = (
                "Ingen faggrupper kan vises." if language == "da" else "No job group can be shown."
            )
            blocks.append(paragraph(none))
    return Document(
        kind=KIND[language],
        title=TITLE[language].format(scope=report.scope, committee=report.committee),
        language=language,
        date=report.made_on,
        blocks=tuple(blocks),
    )


def job_group_rows(
    groups: Sequence[tuple[str, Figures]], language: Language
) -> tuple[tuple[str | float | None, ...], ...]:
    """Job groups in alphabetical order; a group with no figure shown at all is left out
    (its name alone would tell that it is small)."""
    shown = [(g, f) for g, f in groups if any(v is not None for v in _cells(f, False))]
    return tuple(
        (group or UNKNOWN_JOB_GROUP[language], *_cells(figures, long_term=False))
        for group, figures in sorted(shown, key=lambda item: item[0].lower())
    )
