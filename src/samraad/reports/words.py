"""The report's fixed words in Danish and English (pure: the PDF, the Excel file and the
mail are made without Django's translations, like `documents/labels.py`)."""

from __future__ import annotations

import datetime as dt

from samraad.documents.formatting import MONTHS
from samraad.documents.model import Language
from samraad.reports.periods import Month, Period

WORDS: dict[Language, dict[str, str]] = {
    "da": {
        "kind": "Ledelsesinformation",
        "title": "Sygefravær: {name}",
        "subtitle": "Månedsrapport for {month} · {audience}",
        "management": "til ledelsen",
        "committee": "til MED-udvalget (kun samlede tal)",
        "unit": "Enhed",
        "structure": "Struktur",
        "historic": "historisk",
        "current": "nuværende",
        "headline": "Nøgletal",
        "headline_intro": (
            "Egen sygdom. Hver periode står over den samme periode et år tidligere. "
            "Fraværsdage pr. årsværk og fraværsprocent som i samraad stats."
        ),
        "month": "Måneden",
        "year_to_date": "År til dato",
        "last_12_months": "Seneste 12 måneder",
        "a_year_earlier": "året før",
        "period": "Periode",
        "from": "Fra",
        "to": "Til",
        "working_days": "Arbejdsdage",
        "fte": "Årsværk",
        "headcount": "Ansatte",
        "planned_hours": "Planlagte timer",
        "absence_hours": "Fraværstimer",
        "absence_rate": "Fraværsprocent",
        "absence_days_per_fte": "Fraværsdage pr. årsværk",
        "spells": "Afsluttede forløb",
        "days_short": "Dage pr. årsværk",
        "rate_short": "Fravær i %",
        "spells_short": "Forløb",
        "outlook": "Måltal og prognose",
        "target": "Måltal {year} (dage pr. årsværk)",
        "target_set_for": "Måltal sat for",
        "no_target": "intet måltal",
        "observed": "Til og med {month} (dage pr. årsværk)",
        "forecast": "Prognose for {year} (dage pr. årsværk)",
        "interval": "{level}-interval",
        "on_track": "Når måltallet",
        "yes": "ja",
        "no": "nej",
        "not_shown": "vises ikke (under 5 personer)",
        "trend": "Udvikling måned for måned",
        "trend_caption": "Fraværsprocent pr. måned, {year} og {last}",
        "month_name": "Måned",
        "sub_units": "Hvor er sygefraværet højest",
        "sub_units_caption": "Fraværsdage pr. årsværk, seneste 12 måneder, pr. underenhed",
        "sub_units_table": (
            "Underenheder, rangeret efter fraværsdage pr. årsværk, seneste 12 måneder, "
            "og fraværsprocenten i {month}"
        ),
        "no_sub_units": "Enheden har ingen underenheder.",
        "last_12": "12 mdr.",
        "this_month": "måneden",
        "lengths": "Fraværets længde",
        "lengths_caption": "Afsluttede forløb efter længde, seneste 12 måneder",
        "length_group": "Længde (kalenderdage)",
        "share": "Andel af fraværstimer",
        "job_groups": "Faggrupper",
        "job_groups_caption": "Faggrupper, seneste 12 måneder",
        "job_group": "Faggruppe",
        "no_job_group": "(ingen faggruppe)",
        "follow_up": "Er samtalerne blevet afholdt",
        "follow_up_intro": (
            "Advis om opfølgning rejst i perioden og deres status i dag: afsluttet "
            "rettidigt, for sent, åbne (fristen er ikke passeret) og overskredne."
        ),
        "follow_up_caption": "Opfølgning på advis",
        "raised": "Rejst",
        "closed_on_time": "Rettidigt",
        "closed_late": "For sent",
        "open": "Åbne",
        "overdue": "Overskredne",
        "compliance": "Rettidighed",
        "longest": "De længste igangværende fravær",
        "longest_intro": (
            "Personhenførbare oplysninger: kun til ledere og HR med adgang til personerne."
        ),
        "longest_caption": "Igangværende sygefravær på mindst 29 dage, {day}: de {top} længste",
        "no_longest": "Ingen igangværende sygefravær på mindst 29 dage.",
        "employee": "Medarbejder",
        "since": "Siden",
        "days": "Dage",
        "degree": "Grad",
        "last_conversation": "Seneste samtale",
        "next_step": "Næste skridt",
        "due_by": "Frist",
        "suppressed_note": (
            "“–” er et tal, der ikke vises, fordi det dækker færre end 5 personer "
            "eller kan regnes ud af andre tal."
        ),
        "about": "Om rapporten",
        "made_on": "Dannet",
        "audience": "Modtager",
        "field": "Felt",
        "value": "Værdi",
    },
    "en": {
        "kind": "Management information",
        "title": "Sickness absence: {name}",
        "subtitle": "Monthly report for {month} · {audience}",
        "management": "for management",
        "committee": "for the MED committee (aggregates only)",
        "unit": "Unit",
        "structure": "Structure",
        "historic": "historic",
        "current": "current",
        "headline": "Key figures",
        "headline_intro": (
            "Own sickness. Each period above the same period a year earlier. Absence "
            "days per FTE and absence rate as in samraad stats."
        ),
        "month": "The month",
        "year_to_date": "Year to date",
        "last_12_months": "Last 12 months",
        "a_year_earlier": "a year earlier",
        "period": "Period",
        "from": "From",
        "to": "To",
        "working_days": "Working days",
        "fte": "FTE",
        "headcount": "Headcount",
        "planned_hours": "Planned hours",
        "absence_hours": "Absence hours",
        "absence_rate": "Absence rate",
        "absence_days_per_fte": "Absence days per FTE",
        "spells": "Spells ended",
        "days_short": "Days per FTE",
        "rate_short": "Absence %",
        "spells_short": "Spells",
        "outlook": "Target and forecast",
        "target": "Target {year} (days per FTE)",
        "target_set_for": "Target set for",
        "no_target": "no target",
        "observed": "Up to the end of {month} (days per FTE)",
        "forecast": "Forecast for {year} (days per FTE)",
        "interval": "{level} interval",
        "on_track": "Meets the target",
        "yes": "yes",
        "no": "no",
        "not_shown": "not shown (fewer than 5 persons)",
        "trend": "Month by month",
        "trend_caption": "Absence rate by month, {year} and {last}",
        "month_name": "Month",
        "sub_units": "Where absence is highest",
        "sub_units_caption": "Absence days per FTE, last 12 months, by sub-unit",
        "sub_units_table": (
            "Sub-units, ranked by absence days per FTE, last 12 months, and the absence "
            "rate in {month}"
        ),
        "no_sub_units": "The unit has no sub-units.",
        "last_12": "12 mo.",
        "this_month": "month",
        "lengths": "Length of absence",
        "lengths_caption": "Spells ended by length, last 12 months",
        "length_group": "Length (calendar days)",
        "share": "Share of absence hours",
        "job_groups": "Job groups",
        "job_groups_caption": "Job groups, last 12 months",
        "job_group": "Job group",
        "no_job_group": "(no job group)",
        "follow_up": "Have the conversations been held",
        "follow_up_intro": (
            "Follow-up alerts raised in the period and their status today: closed on "
            "time, closed late, open (not yet due) and overdue."
        ),
        "follow_up_caption": "Follow-up on alerts",
        "raised": "Raised",
        "closed_on_time": "On time",
        "closed_late": "Late",
        "open": "Open",
        "overdue": "Overdue",
        "compliance": "Compliance",
        "longest": "The longest ongoing absences",
        "longest_intro": "Person-level data: for managers and HR with access to the persons.",
        "longest_caption": "Ongoing sickness absence of at least 29 days, {day}: the {top} longest",
        "no_longest": "No ongoing sickness absence of at least 29 days.",
        "employee": "Employee",
        "since": "Since",
        "days": "Days",
        "degree": "Degree",
        "last_conversation": "Last conversation",
        "next_step": "Next step",
        "due_by": "Due by",
        "suppressed_note": (
            "“–” is a figure not shown because it covers fewer than 5 persons or could "
            "be worked out from other figures."
        ),
        "about": "About the report",
        "made_on": "Made on",
        "audience": "Audience",
        "field": "Field",
        "value": "Value",
    },
}


def month_name(month: Month, language: Language) -> str:
    return f"{MONTHS[language][month.number - 1]} {month.year}"


def period_name(period: Period, language: Language) -> str:
    """ "oktober 2026", "januar–oktober 2026", "november 2025–oktober 2026"."""
    (first, last), names = period, MONTHS[language]
    if (first.year, first.month) == (last.year, last.month):
        return f"{names[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{names[first.month - 1]}–{names[last.month - 1]} {last.year}"
    return f"{names[first.month - 1]} {first.year}–{names[last.month - 1]} {last.year}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def short_date(day: dt.date, language: Language) -> str:
    """16.03.2026 (da), 2026-03-16 (en): for narrow table columns."""
    return day.strftime("%d.%m.%Y") if language == "da" else day.isoformat()
