"""The statistics core: pure Python over Polars, no Django (spec/statistics.md).

Everything outside the core imports from here, never from its modules (an
architecture test holds it): what is not exported is the core's own business.
"""

from samraad.stats.breakdowns import (
    ByJobGroup,
    FiguresByKey,
    by_job_group,
    empty_figures,
    ended_spells,
    figures_by_key,
    job_group_table,
)
from samraad.stats.cohorts import (
    AGE_BOUNDS,
    BEFORE_NOTICE,
    NOTICE,
    SENIOR_AGE,
    UNKNOWN_AGE,
    age_labels,
    age_pieces,
    notice_pieces,
    senior_pieces,
    split_group,
)
from samraad.stats.comparison import Comparison, compare
from samraad.stats.dataset import (
    ABSENCE_COLUMNS,
    CAUSES,
    EMPLOYMENT_COLUMNS,
    SCALE,
    UNIT_COLUMNS,
    Dataset,
)
from samraad.stats.figures import LengthFigures, UnitFigures, rounded, unit_figures
from samraad.stats.flat import flat_figures, length_prefix
from samraad.stats.groups import (
    PIECE_COLUMNS,
    grouped_figures,
    grouped_figures_of,
    grouped_table,
    placed_pieces,
)
from samraad.stats.hours import with_hours
from samraad.stats.membership import parents_on, unit_members
from samraad.stats.people import employee_absence
from samraad.stats.spell_records import spell_records
from samraad.stats.spells import (
    DEFAULT_LENGTH_GROUPS,
    LengthGroup,
    form_spells,
    parse_length_groups,
)
from samraad.stats.structure import Structure, closure, parents_as_of, rows_as_of, units_below
from samraad.stats.table import OWN_SICKNESS, TableRequest, figures_table
from samraad.stats.workdays import (
    END,
    START,
    IntArray,
    WorkCalendar,
    day_number,
    from_day_number,
    work_calendar,
)

__all__ = [
    "ABSENCE_COLUMNS",
    "AGE_BOUNDS",
    "BEFORE_NOTICE",
    "CAUSES",
    "DEFAULT_LENGTH_GROUPS",
    "EMPLOYMENT_COLUMNS",
    "END",
    "NOTICE",
    "OWN_SICKNESS",
    "PIECE_COLUMNS",
    "SCALE",
    "SENIOR_AGE",
    "START",
    "UNIT_COLUMNS",
    "UNKNOWN_AGE",
    "ByJobGroup",
    "Comparison",
    "Dataset",
    "FiguresByKey",
    "IntArray",
    "LengthFigures",
    "LengthGroup",
    "Structure",
    "TableRequest",
    "UnitFigures",
    "WorkCalendar",
    "age_labels",
    "age_pieces",
    "by_job_group",
    "closure",
    "compare",
    "day_number",
    "employee_absence",
    "empty_figures",
    "ended_spells",
    "figures_by_key",
    "figures_table",
    "flat_figures",
    "form_spells",
    "from_day_number",
    "grouped_figures",
    "grouped_figures_of",
    "grouped_table",
    "job_group_table",
    "length_prefix",
    "notice_pieces",
    "parents_as_of",
    "parents_on",
    "parse_length_groups",
    "placed_pieces",
    "rounded",
    "rows_as_of",
    "senior_pieces",
    "spell_records",
    "split_group",
    "unit_figures",
    "unit_members",
    "units_below",
    "with_hours",
    "work_calendar",
]
