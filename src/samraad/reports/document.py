"""The monthly report as a document (samraad.documents): PDF by Typst, read on paper.
Each chart is SVG with its table beside it; every other table stands alone. Pure."""

from __future__ import annotations

from samraad.documents import (
    Block,
    Column,
    Document,
    FieldList,
    Figure,
    Heading,
    Table,
    paragraph,
    to_pdf,
)
from samraad.documents.formatting import MONTHS, format_date, format_number
from samraad.documents.model import Cell, Language
from samraad.reports import charts
from samraad.reports.content import Audience, Figures, MonthlyReport
from samraad.reports.words import WORDS, capitalised, month_name, period_name, short_date


def figure_cells(figures: Figures) -> tuple[Cell, ...]:
    return (
        figures.fte,
        figures.headcount,
        figures.absence_days_per_fte,
        figures.absence_rate,
        figures.spells,
    )


def figure_columns(w: dict[str, str]) -> tuple[Column, ...]:
    return (
        Column(w["fte"], "decimal", 2),
        Column(w["headcount"], "integer"),
        Column(w["days_short"], "decimal", 2),
        Column(w["rate_short"], "percent", 2),
        Column(w["spells_short"], "integer"),
    )


def headline_table(report: MonthlyReport, language: Language) -> Table:
    w = WORDS[language]
    rows: list[tuple[Cell, ...]] = []
    for row in report.headline:
        for figures in (row.this_year, row.year_before):
            name = capitalised(period_name((figures.start, figures.end), language))
            rows.append((name, *figure_cells(figures)))
    return Table((Column(w["period"]), *figure_columns(w)), tuple(rows), caption=w["headline"])


def outlook_fields(report: MonthlyReport, language: Language) -> FieldList:
    w, o = WORDS[language], report.outlook

    def days(value: float | None) -> str:
        return "–" if value is None else format_number(value, 2, language)

    target = w["no_target"] if o.target is None else format_number(o.target, 2, language)
    fields = [(w["target"].format(year=o.year), target)]
    if o.target_set_for not in (None, report.unit):
        fields.append((w["target_set_for"], o.target_set_for_name))
    if o.suppressed:
        fields.append((w["forecast"].format(year=o.year), w["not_shown"]))
        return FieldList(tuple(fields))
    month = month_name(report.month, language)
    level = f"{round(100 * o.level)} %" if language == "da" else f"{round(100 * o.level)}%"
    interval = "–" if o.low is None else f"{days(o.low)}–{days(o.high)}"
    on_track = o.on_track
    fields += [
        (w["observed"].format(month=month), days(o.observed)),
        (w["forecast"].format(year=o.year), days(o.forecast)),
        (w["interval"].format(level=level), interval),
        (w["on_track"], "–" if on_track is None else w["yes" if on_track else "no"]),
    ]
    return FieldList(tuple(fields))


def trend_figure(report: MonthlyReport, language: Language) -> Figure:
    w, year = WORDS[language], report.month.year
    caption = w["trend_caption"].format(year=year, last=year - 1)
    svg = charts.trend_chart(
        [r.this_year for r in report.trend],
        [r.last_year for r in report.trend],
        (str(year), str(year - 1)),
        language,
        caption,
    )
    table = Table(
        (
            Column(w["month_name"]),
            Column(str(year - 1), "percent", 2),
            Column(str(year), "percent", 2),
        ),
        tuple(
            (capitalised(MONTHS[language][r.month - 1]), r.last_year, r.this_year)
            for r in report.trend
        ),
    )
    return Figure(svg, caption, table, "beside")


def sub_unit_blocks(report: MonthlyReport, language: Language) -> list[Block]:
    w = WORDS[language]
    if not report.sub_units:
        return [paragraph(w["no_sub_units"])]
    bars = [(r.name, r.last_12_months.absence_days_per_fte) for r in report.sub_units]
    chart = charts.bar_chart(bars, language, w["sub_units_caption"])
    beside = Table(
        (Column(w["unit"]), Column(w["days_short"], "decimal", 2)),
        tuple(bars[:12]),
    )
    month = MONTHS[language][report.month.number - 1]
    table = Table(
        (
            Column(w["unit"]),
            Column(w["fte"], "decimal", 2),
            Column(w["days_short"], "decimal", 2),
            Column(w["rate_short"], "percent", 2),
            Column(f"{w['rate_short']}, {month[:3]}.", "percent", 2),
        ),
        tuple(
            (
                r.name,
                r.last_12_months.fte,
                r.last_12_months.absence_days_per_fte,
                r.last_12_months.absence_rate,
                r.month.absence_rate,
            )
            for r in report.sub_units
        ),
        caption=w["sub_units_table"].format(month=month_name(report.month, language)),
    )
    return [Figure(chart, w["sub_units_caption"], beside, "beside"), table]


def lengths_table(report: MonthlyReport, language: Language) -> Table:
    w = WORDS[language]
    return Table(
        (
            Column(w["length_group"]),
            Column(w["spells_short"], "integer"),
            Column(w["absence_hours"], "decimal", 2),
            Column(w["share"], "percent", 1),
        ),
        tuple((r.label, r.spells, r.absence_hours, r.share) for r in report.lengths),
        caption=w["lengths_caption"],
    )


def job_groups_table(report: MonthlyReport, language: Language) -> Table:
    w = WORDS[language]
    return Table(
        (Column(w["job_group"]), *figure_columns(w)),
        tuple(
            (r.job_group or w["no_job_group"], *figure_cells(r.figures)) for r in report.job_groups
        ),
        caption=w["job_groups_caption"],
    )


def follow_up_table(report: MonthlyReport, language: Language) -> Table:
    w = WORDS[language]
    return Table(
        (
            Column(w["period"]),
            Column(w["raised"], "integer"),
            Column(w["closed_on_time"], "integer"),
            Column(w["closed_late"], "integer"),
            Column(w["open"], "integer"),
            Column(w["overdue"], "integer"),
            Column(w["compliance"], "percent", 1),
        ),
        tuple(
            (
                capitalised(period_name((r.start, r.end), language)),
                r.raised,
                r.closed_on_time,
                r.closed_late,
                r.open,
                r.overdue,
                r.compliance,
            )
            for r in report.follow_up
        ),
        caption=w["follow_up_caption"],
    )


# The PDF lists this many, the longest first (the Excel file lists them all).
LONGEST_ROWS = 20


def longest_blocks(report: MonthlyReport, language: Language) -> list[Block]:
    w, rows = WORDS[language], report.longest or []
    blocks: list[Block] = [Heading(w["longest"]), paragraph(w["longest_intro"])]
    if not rows:
        return [*blocks, paragraph(w["no_longest"])]
    shown = rows[:LONGEST_ROWS]
    table = Table(
        (
            Column(w["employee"]),
            Column(w["unit"]),
            Column(w["days"], "integer"),
            Column(w["last_conversation"], wide=False),
            Column(w["next_step"]),
            Column(w["due_by"], wide=False),
        ),
        tuple(
            (
                f"{r.name} ({r.employee_id})" if r.name else r.employee_id,
                r.unit_name,
                r.days,
                "–" if r.last_conversation is None else short_date(r.last_conversation, language),
                # the rule's title up to its colon: "Sygedagpengeloven § 7a"
                r.next_step.split(":")[0] or "–",
                "–" if r.next_due is None else short_date(r.next_due, language),
            )
            for r in shown
        ),
        caption=w["longest_caption"].format(
            day=format_date(report.month.last, language), top=len(shown)
        ),
    )
    return [*blocks, table]


def report_document(report: MonthlyReport, language: Language = "da") -> Document:
    w = WORDS[language]
    blocks: list[Block] = [
        Heading(w["headline"]),
        paragraph(w["headline_intro"]),
        headline_table(report, language),
        Heading(w["outlook"]),
        outlook_fields(report, language),
        Heading(w["trend"]),
        trend_figure(report, language),
        Heading(w["sub_units"]),
        *sub_unit_blocks(report, language),
        Heading(w["lengths"]),
        lengths_table(report, language),
        Heading(w["job_groups"]),
        job_groups_table(report, language),
        Heading(w["follow_up"]),
        paragraph(w["follow_up_intro"]),
        follow_up_table(report, language),
    ]
    if report.longest is not None:
        blocks += longest_blocks(report, language)
    if report.audience is Audience.COMMITTEE:
        blocks.append(paragraph(w["suppressed_note"]))
    sender = (report.administration,) if report.administration != report.name else ()
    return Document(
        kind=w["kind"],
        title=w["title"].format(name=report.name),
        language=language,
        subtitle=w["subtitle"].format(
            month=month_name(report.month, language), audience=w[str(report.audience)]
        ),
        date=report.made_on,
        references=(
            (w["unit"], report.unit),
            (w["structure"], w[str(report.structure)]),
        ),
        sender=(*sender, report.name),
        blocks=tuple(blocks),
    )


def report_pdf(report: MonthlyReport, language: Language = "da") -> bytes:
    return to_pdf(report_document(report, language))
