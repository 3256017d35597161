from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "samraad.org"
    label = "org"
    verbose_name = "Organisation"
