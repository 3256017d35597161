from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "samraad.committees"
    label = "committees"
    verbose_name = "Committees"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The permission layer knows committees only through the seats they give.
        from samraad.accounts.permissions import register_seat_source
        from samraad.committees.seats import seats_of

        register_seat_source(seats_of)
