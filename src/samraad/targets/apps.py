import datetime as dt

from django.apps import AppConfig


class TargetsConfig(AppConfig):
    """Targets' pages (the model is org.Target): set on the unit page, broken down."""

    name = "samraad.targets"
    label = "targets"
    verbose_name = "Targets"

    def warm(self, today: dt.date) -> None:
        """The breakdown page as HR first opens it (this year, proportional, one year's
        baseline) for the municipality and the administrations (a second each)."""
        from samraad.targets.views import warm

        warm(today)
