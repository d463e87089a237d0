"""System checks the tracker adds to `manage.py check` (with `--deploy` for production)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks

# Caches whose counts one server process cannot share with another.
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.security, deploy=True)
def rate_limit_is_shared(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Warn when the anonymous rate limit counts in a per-process cache: with several server
    processes (gunicorn workers) each one grants the whole rate, so the limit is multiplied."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if getattr(settings, "TRACKER_API_ANON_RATE", None) and backend in PER_PROCESS_CACHES:
        return [
            checks.Warning(
                "The anonymous API rate limit is counted per server process: each gunicorn "
                "worker grants the whole TRACKER_API_ANON_RATE.",
                hint="Set REDIS_URL (e.g. redis://redis:6379/0) so every process shares one count.",
                id="tracker.W001",
            )
        ]
    return []
