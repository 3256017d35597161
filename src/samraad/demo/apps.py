from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "samraad.demo"
    label = "demo"
    verbose_name = "Demo"
