from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "samraad.people"
    label = "people"
    verbose_name = "Employees"
