from django.apps import AppConfig

from samraad.frames.sources import Day, FrameSource, Watch
from samraad.stats import UNIT_COLUMNS


class OrgConfig(AppConfig):
    name = "samraad.org"
    label = "org"
    verbose_name = "Organisation"

    def frame_sources(self) -> dict[str, FrameSource]:
        columns = ("unit_id", "parent_id", Day("valid_from"), Day("valid_to"))
        return {"units": FrameSource("org_unitperiod", columns, UNIT_COLUMNS)}

    def watched_tables(self) -> list[Watch]:
        return [
            Watch("data", "org_unitperiod", ("COUNT(*)", "COUNT(valid_to)")),
            Watch("data", "org_manager", ("COUNT(*)",)),
            # Targets have their own version: setting one recomputes no figure.
            Watch(
                "targets",
                "org_target",
                ("COUNT(*)", "SUM(absence_days_per_fte)", "SUM(absence_days_per_fte * id)"),
            ),
        ]
