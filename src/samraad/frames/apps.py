from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save

from samraad.frames.sources import Watch


class FramesConfig(AppConfig):
    name = "samraad.frames"
    label = "frames"
    verbose_name = "Frames"

    def watched_tables(self) -> list[Watch]:
        # Every version's fingerprint includes its counter (models.Version).
        return [
            Watch(name, "frames_version", (f"MAX(CASE WHEN name = '{name}' THEN number END)",))
            for name in ("data", "follow_up", "access", "sessions", "users")
        ]

    def ready(self) -> None:
        """An ORM save or delete of a watched table moves its version's counter."""
        from samraad.frames import cache
        from samraad.frames.sources import watched
        from samraad.frames.versions import changed

        tables: dict[str, set[str]] = {}
        for watch in watched():
            if watch.table != "frames_version":
                tables.setdefault(watch.table, set()).add(watch.version)
        for model in apps.get_models():
            for version in tables.get(model._meta.db_table, ()):

                def moved(sender: object, version: str = version, **kwargs: object) -> None:
                    changed(version)
                    cache.invalidate(version)  # this process sees it at once

                post_save.connect(moved, sender=model, weak=False)
                post_delete.connect(moved, sender=model, weak=False)
