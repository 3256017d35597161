import polars as pl
from django.apps import AppConfig

from samraad.frames.sources import Day, FrameSource, Watch
from samraad.stats import EMPLOYMENT_COLUMNS


class PeopleConfig(AppConfig):
    name = "samraad.people"
    label = "people"
    verbose_name = "Employees"

    def frame_sources(self) -> dict[str, FrameSource]:
        columns = (
            "employment_id",
            "employee_id",
            "unit_id",
            "CAST(weekly_hours AS DOUBLE PRECISION)",
            Day("start_date"),
            Day("end_date"),
        )
        return {
            "employments": FrameSource(
                "people_employment", columns, EMPLOYMENT_COLUMNS, of_units="unit_id IN ({units})"
            ),
            "names": FrameSource(
                "people_employee",
                ("employee_id", "name"),
                {"employee_id": pl.String, "name": pl.String},
            ),
            "job_groups": FrameSource(
                "people_employment",
                ("employment_id", "job_group"),
                {"employment_id": pl.String, "job_group": pl.String},
            ),
            # for the analyses (docs/management-information.md): ages and notice periods
            "birth_dates": FrameSource(
                "people_employee",
                ("employee_id", Day("birth_date")),
                {"employee_id": pl.String, "birth_date": pl.Date},
            ),
            "endings": FrameSource(
                "people_employment",
                ("employment_id", "end_reason", Day("notice_date")),
                {"employment_id": pl.String, "end_reason": pl.String, "notice_date": pl.Date},
            ),
        }

    def watched_tables(self) -> list[Watch]:
        return [
            Watch(
                "data",
                "people_employment",
                ("COUNT(*)", "COUNT(end_date)", "MAX(start_date)"),
            )
        ]
