from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Claims and control"

    def ready(self) -> None:
        from tracker import (
            checks,  # noqa: F401 - registers the system checks
            version_notified,  # noqa: F401 - watches each connection's writes
        )
