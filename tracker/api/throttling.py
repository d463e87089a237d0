"""Anonymous rate limit: `TRACKER_API_ANON_RATE` requests per client address, counted in the
default cache (Redis when `REDIS_URL` is set, so every server process shares one budget).

**Who the client is.** `TRACKER_TRUSTED_PROXIES` says how many proxies in front of the app
append to `X-Forwarded-For`. With 0 (the default) the client is the socket's address
(`REMOTE_ADDR`) and the header is ignored: anyone can write it. With N > 0 the client is the
N-th address from the right of the header (the one the outermost trusted proxy saw); when the
header is missing or has fewer than N addresses, the request did not come through the whole
chain and the client is `REMOTE_ADDR`.

**How requests are counted.** A window of the rate's length opens at a client's first request;
each request adds one to the window's counter with the cache's atomic increment (Redis
`INCR`), so concurrent requests in several processes can neither read the same count nor
lose one. Past the rate the answer is 429 with `Retry-After` the seconds left in the window.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError
from rest_framework.throttling import AnonRateThrottle

DEFAULT_ANON_RATE = "120/minute"

logger = logging.getLogger(__name__)


def trusted_proxies() -> int:
    """Return `settings.TRACKER_TRUSTED_PROXIES`: how many proxies append X-Forwarded-For."""
    return int(getattr(settings, "TRACKER_TRUSTED_PROXIES", 0) or 0)


def client_address(remote_addr: str, forwarded_for: str | None, proxies: int) -> str:
    """Return the client's address: `remote_addr` unless `proxies` > 0 and `forwarded_for`
    holds at least that many addresses, then the `proxies`-th address from its right."""
    if proxies <= 0 or not forwarded_for:
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",")]
    if len(hops) < proxies or not hops[-proxies]:
        return remote_addr
    return hops[-proxies]


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's AnonRateThrottle with the client address, the rate and the counting above.

    The rate is "<number>/<second|minute|hour|day>", or None for no limit. It and the number
    of trusted proxies are read per request (DRF's own settings are read once at import), so
    tests can override them.
    """

    # Set by SimpleRateThrottle.__init__ from the rate (DRF's stubs leave them out); read only
    # when a rate is set.
    duration: int
    num_requests: int

    def get_rate(self) -> str | None:
        return getattr(settings, "TRACKER_API_ANON_RATE", DEFAULT_ANON_RATE)

    def get_ident(self, request) -> str:
        meta = request.META
        return client_address(
            meta.get("REMOTE_ADDR", ""), meta.get("HTTP_X_FORWARDED_FOR"), trusted_proxies()
        )

    def allow_request(self, request, view) -> bool:
        if self.rate is None or request.user.is_authenticated:
            return True
        return self.allow_anonymous(request)

    def allow_anonymous(self, request) -> bool:
        """Count one request of an anonymous client; return whether it is within the rate.

        `request` may be Django's own (the response cache asks before any view runs).
        """
        if self.rate is None:
            return True
        key = self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
        try:
            count, opened = self._count(key)
        except RedisError:
            # The shared cache is down: serve rather than fail every anonymous read.
            logger.exception("Rate-limit cache unavailable; request let through unthrottled.")
            return True
        self.wait_seconds = max(self.duration - (time.time() - opened), 1.0)
        return count <= self.num_requests

    def _count(self, key: str) -> tuple[int, float]:
        """Add one to the counter of `key`'s window, opening the window if none is open.

        Return the count including this request and when the window opened (epoch seconds).
        """
        now = time.time()
        for _ in range(3):  # the window may expire between add and incr: open it again
            cache.add(f"{key}:opened", now, self.duration)
            cache.add(key, 0, self.duration)
            try:
                count = cache.incr(key)
            except ValueError:
                continue
            return count, cache.get(f"{key}:opened", now)
        return 1, now

    def wait(self) -> float | None:
        return getattr(self, "wait_seconds", None)
