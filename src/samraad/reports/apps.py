from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """The monthly management report: downloads on the unit page, subscriptions, the mail."""

    name = "samraad.reports"
    label = "reports"
    verbose_name = "Reports"
