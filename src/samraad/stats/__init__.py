"""The statistics core: pure Python over Polars, no Django (spec/statistics.md)."""

from samraad.stats.dataset import Dataset
from samraad.stats.figures import UnitFigures, rounded, unit_figures
from samraad.stats.hours import with_hours
from samraad.stats.membership import parents_on, unit_members
from samraad.stats.people import employee_absence
from samraad.stats.spell_records import spell_records
from samraad.stats.spells import DEFAULT_LENGTH_GROUPS, LengthGroup
from samraad.stats.structure import Structure
from samraad.stats.table import TableRequest, figures_table
from samraad.stats.workdays import WorkCalendar, work_calendar

__all__ = [
    "DEFAULT_LENGTH_GROUPS",
    "Dataset",
    "LengthGroup",
    "Structure",
    "TableRequest",
    "UnitFigures",
    "WorkCalendar",
    "employee_absence",
    "figures_table",
    "parents_on",
    "rounded",
    "spell_records",
    "unit_figures",
    "unit_members",
    "with_hours",
    "work_calendar",
]
