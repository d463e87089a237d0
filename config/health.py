"""`/healthz`: is this process up and can it reach its database?

Include it from the project urlconf with `path("", include("config.health"))`.

Run as a script (`python -m config.health [URL]`) it is the container's health probe: it asks
the running server for `/healthz` with the first of DJANGO_ALLOWED_HOSTS as Host header (so
host validation passes) and exits 0 on HTTP 200, 1 otherwise. The probe itself speaks
through the standard library and never sets up Django (no settings, no database).
"""

import logging
import os
import sys
import urllib.error
import urllib.request

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

PROBE_URL = "http://127.0.0.1:8000/healthz"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer 200 `{"status": "ok"}` if a trivial query succeeds, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


urlpatterns = [path("healthz", healthz, name="healthz")]


def probe_host(allowed_hosts: str) -> str:
    """Return a Host header that DJANGO_ALLOWED_HOSTS accepts (`.example.org` → `example.org`)."""
    for host in allowed_hosts.split(","):
        host = host.strip().lstrip("*").lstrip(".")
        if host:
            return host
    return "localhost"


def probe(url: str = PROBE_URL, timeout: float = 5.0) -> bool:
    """Return True if GET `url` answers 200."""
    host = probe_host(os.environ.get("DJANGO_ALLOWED_HOSTS", ""))
    request = urllib.request.Request(url, headers={"Host": host})  # noqa: S310 - URL is ours
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError) as exc:
        print(f"health probe {url}: {exc}", file=sys.stderr)
        return False


if __name__ == "__main__":
    sys.exit(0 if probe(sys.argv[1] if len(sys.argv) > 1 else PROBE_URL) else 1)
