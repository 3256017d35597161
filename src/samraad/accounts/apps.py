from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samraad.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"
