from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "samraad.web"
    label = "web"
