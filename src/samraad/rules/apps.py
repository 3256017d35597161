from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "samraad.rules"
    label = "rules"
    verbose_name = "Follow-up rules"
