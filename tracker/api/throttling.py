"""Anonymous rate limit, read from the setting `TRACKER_API_ANON_RATE` at each request."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

DEFAULT_ANON_RATE = "120/minute"


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's AnonRateThrottle whose rate is `settings.TRACKER_API_ANON_RATE`.

    The rate is "<number>/<second|minute|hour|day>", or None for no limit. It is read per
    request (DRF's own setting is read once at import), so tests can override it. Counts are
    kept in the default cache: per process unless a shared cache is configured.
    """

    def get_rate(self) -> str | None:
        return getattr(settings, "TRACKER_API_ANON_RATE", DEFAULT_ANON_RATE)
