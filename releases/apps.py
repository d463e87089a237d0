from django.apps import AppConfig


class ReleasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "releases"
    verbose_name = "Citable releases"

    def ready(self) -> None:
        from releases.models import Release
        from tracker.version import version_extra_add

        # The newest release, read with every dataset version (one query): the response
        # headers name it, and a kept response built before a release is rebuilt after it.
        version_extra_add("release", "MAX(number)", Release)
