"""What is kept in the shared cache across requests (public answers, the map page's parts):
the fingerprint of the code that built it, and reads and writes that a cache that does not
answer never fails (the caller builds, as if nothing were kept)."""

from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

SKIPPED = {"tests", "bench"}  # packages that build no answer


@functools.cache
def code_release() -> str:
    """Fingerprint the project's Python code, so what older code built is never served.

    Whatever is kept in the shared cache across requests (public answers, the map page's
    parts) is keyed by it: a deployment that changes how something is built starts with no
    entries, and workers running the same code share them. Read once per process.
    """
    root = Path(settings.BASE_DIR)
    packages = [p.parent for p in root.glob("*/__init__.py") if p.parent.name not in SKIPPED]
    digest = hashlib.sha256()
    for path in sorted(f for package in packages for f in package.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def kept_get(key: str):
    """Return the value kept under `key`, or None when there is none or the cache is down."""
    try:
        return cache.get(key)
    except RedisError:
        logger.exception("The shared cache did not answer; %s is built.", key)
        return None


def kept_set(key: str, value) -> None:
    """Keep `value` under `key` until replaced (entries carry their own version); a cache that
    does not answer keeps nothing."""
    try:
        cache.set(key, value, timeout=None)
    except RedisError:
        logger.exception("The shared cache did not answer; %s was not kept.", key)
