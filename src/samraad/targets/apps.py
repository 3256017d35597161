from django.apps import AppConfig


class TargetsConfig(AppConfig):
    """Targets' pages (the model is org.Target): set on the unit page, broken down."""

    name = "samraad.targets"
    label = "targets"
    verbose_name = "Targets"
