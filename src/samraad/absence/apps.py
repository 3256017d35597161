import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry
from samraad.frames.sources import Day, FrameSource, Watch
from samraad.stats import ABSENCE_COLUMNS


class AbsenceConfig(AppConfig):
    name = "samraad.absence"
    label = "absence"
    verbose_name = "Absence"

    def frame_sources(self) -> dict[str, FrameSource]:
        columns = (
            "employee_id",
            "cause",
            Day("start_date"),
            Day("end_date"),
            "CAST(degree AS DOUBLE PRECISION)",
        )
        employed_in = (
            "employee_id IN (SELECT employee_id FROM people_employment WHERE unit_id IN ({units}))"
        )
        return {"absences": FrameSource("absence_absence", columns, ABSENCE_COLUMNS, employed_in)}

    def watched_tables(self) -> list[Watch]:
        aggregates = ("COUNT(*)", "COUNT(end_date)", "MAX(start_date)", "MAX(end_date)")
        return [Watch("data", "absence_absence", aggregates)]

    def navigation(self) -> list[NavEntry]:
        return [
            NavEntry(_("Overview"), "absence:overview", "overview", lambda s: s.sees_statistics),
            NavEntry(_("Organisation"), "absence:tree", "tree", lambda s: s.sees_statistics),
        ]

    def warm(self, today: dt.date) -> None:
        """Compute what the pages need before the first user asks (serve starts this)."""
        from samraad.absence.outlook import warm as warm_outlook
        from samraad.absence.service import warm

        warm(today)
        warm_outlook(today)
