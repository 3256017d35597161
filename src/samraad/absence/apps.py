from django.apps import AppConfig


class AbsenceConfig(AppConfig):
    name = "samraad.absence"
    label = "absence"
    verbose_name = "Absence"
