"""The statistics core: pure Python over Polars, no Django (spec/statistics.md)."""

from samraad.stats.dataset import Dataset
from samraad.stats.figures import UnitFigures, unit_figures
from samraad.stats.people import employee_absence
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
    "unit_figures",
    "work_calendar",
]
