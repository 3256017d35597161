"""The monthly report as an Excel workbook: one sheet per table, figures as numbers with
number formats (never text), dates as dates, at the precision of `samraad stats --json`
(4 decimals); the PDF shows the same figures rounded to 2. Pure."""

from __future__ import annotations

import io
from collections.abc import Sequence

from samraad.documents.formatting import MONTHS
from samraad.documents.model import Language
from samraad.reports.content import Figures, MonthlyReport
from samraad.reports.words import WORDS, capitalised, month_name
from samraad.spreadsheet import Sheet, Value, write_workbook
from samraad.vocabulary import CONVERSATION_KIND

INTEGER, DECIMAL, PERCENT = "#,##0", "#,##0.00", '0.00" %"'
DATE = None  # dates get the workbook's date format


def figure_header(w: dict[str, str]) -> list[str]:
    keys = ("working_days", "fte", "headcount", "planned_hours", "absence_hours")
    return [
        *(w[k] for k in keys),
        w["absence_rate"],
        w["absence_days_per_fte"],
        w["spells"],
    ]


FIGURE_FORMATS = [INTEGER, DECIMAL, INTEGER, DECIMAL, DECIMAL, PERCENT, DECIMAL, INTEGER]


def figure_values(f: Figures) -> list[Value]:
    return [
        f.working_days,
        f.fte,
        f.headcount,
        f.planned_hours,
        f.absence_hours,
        f.absence_rate,
        f.absence_days_per_fte,
        f.spells,
    ]


def sheets(report: MonthlyReport, language: Language) -> list[Sheet]:
    w = WORDS[language]
    found = [
        about_sheet(report, language),
        Sheet(
            w["headline"],
            [w["period"], w["from"], w["to"], *figure_header(w)],
            [
                [
                    w[row.key] if f is row.this_year else f"{w[row.key]}, {w['a_year_earlier']}",
                    f.start,
                    f.end,
                    *figure_values(f),
                ]
                for row in report.headline
                for f in (row.this_year, row.year_before)
            ],
            [None, DATE, DATE, *FIGURE_FORMATS],
            [28, 12, 12],
        ),
        Sheet(
            w["outlook"],
            [w["field"], w["value"]],
            outlook_rows(report, language),
            [None, DECIMAL],
            [44, 14],
        ),
        Sheet(
            w["trend"][:31],
            [w["month_name"], str(report.month.year - 1), str(report.month.year)],
            [
                [capitalised(MONTHS[language][r.month - 1]), r.last_year, r.this_year]
                for r in report.trend
            ],
            [None, PERCENT, PERCENT],
        ),
        Sheet(
            w["sub_units"][:31],
            [
                w["unit"],
                w["unit"],
                *(f"{h}, {w['last_12']}" for h in figure_header(w)),
                f"{w['absence_rate']}, {w['this_month']}",
            ],
            [
                [r.unit, r.name, *figure_values(r.last_12_months), r.month.absence_rate]
                for r in report.sub_units
            ],
            [None, None, *FIGURE_FORMATS, PERCENT],
            [14, 32],
        ),
        Sheet(
            w["lengths"],
            [w["length_group"], w["spells"], w["absence_hours"], w["share"]],
            [[r.label, r.spells, r.absence_hours, r.share] for r in report.lengths],
            [None, INTEGER, DECIMAL, PERCENT],
            [22],
        ),
        Sheet(
            w["job_groups"],
            [w["job_group"], *figure_header(w)],
            [
                [r.job_group or w["no_job_group"], *figure_values(r.figures)]
                for r in report.job_groups
            ],
            [None, *FIGURE_FORMATS],
            [24],
        ),
        Sheet(
            w["follow_up"][:31],
            [
                w["period"],
                w["from"],
                w["to"],
                *(w[k] for k in ("raised", "closed_on_time", "closed_late", "open", "overdue")),
                w["compliance"],
            ],
            [
                [
                    w[r.key],
                    r.start,
                    r.end,
                    r.raised,
                    r.closed_on_time,
                    r.closed_late,
                    r.open,
                    r.overdue,
                    r.compliance,
                ]
                for r in report.follow_up
            ],
            [None, DATE, DATE, *[INTEGER] * 5, PERCENT],
            [22, 12, 12],
        ),
    ]
    if report.longest is not None:
        found.append(longest_sheet(report, language))
    return found


def about_sheet(report: MonthlyReport, language: Language) -> Sheet:
    w = WORDS[language]
    rows: list[Sequence[Value]] = [
        [w["unit"], report.unit],
        [w["unit"], report.name],
        [w["period"], month_name(report.month, language)],
        [w["structure"], w[str(report.structure)]],
        [w["audience"], w[str(report.audience)]],
        [w["made_on"], report.made_on],
    ]
    return Sheet(w["about"], [w["field"], w["value"]], rows, [None, None], [24, 40])


def outlook_rows(report: MonthlyReport, language: Language) -> list[Sequence[Value]]:
    w, o = WORDS[language], report.outlook
    level = f"{round(100 * o.level)} %"
    on_track = o.on_track
    return [
        [w["target"].format(year=o.year), None if o.target is None else float(o.target)],
        [w["target_set_for"], o.target_set_for or ""],
        [w["observed"].format(month=month_name(report.month, language)), o.observed],
        [w["forecast"].format(year=o.year), o.forecast],
        [f"{w['interval'].format(level=level)}: {w['from']}", o.low],
        [f"{w['interval'].format(level=level)}: {w['to']}", o.high],
        [w["on_track"], "" if on_track is None else w["yes" if on_track else "no"]],
    ]


def longest_sheet(report: MonthlyReport, language: Language) -> Sheet:
    w = WORDS[language]
    return Sheet(
        w["longest"][:31],
        [
            w["employee"],
            w["employee"],
            w["unit"],
            w["unit"],
            w["since"],
            w["days"],
            w["degree"],
            w["last_conversation"],
            w["last_conversation"],
            w["next_step"],
            w["due_by"],
        ],
        [
            [
                r.employee_id,
                r.name,
                r.unit,
                r.unit_name,
                r.spell_start,
                r.days,
                r.degree,
                r.last_conversation,
                CONVERSATION_KIND.label(r.last_conversation_kind, language)
                if r.last_conversation_kind
                else "",
                r.next_step,
                r.next_due,
            ]
            for r in report.longest or []
        ],
        [None, None, None, None, DATE, INTEGER, DECIMAL, DATE, None, None, DATE],
        [14, 24, 14, 28, 12, 8, 8, 12, 24, 36, 12],
    )


def report_xlsx(report: MonthlyReport, language: Language = "da") -> bytes:
    out = io.BytesIO()
    write_workbook(out, sheets(report, language))
    return out.getvalue()
