"""Public reads built once per dataset version and served from the shared cache.

**What is kept.** A GET or HEAD of a path under `TRACKER_RESPONSE_CACHE_PATHS` (the map's
polygons, control, timeline, the districts and their histories, stats, the front line, the
claims) by a reader who sends no credentials: no `Authorization` header and no session
cookie. Such a reader is the public audience, and only the public audience is kept: anyone
signed in (an analyst or reviewer sees rejected claims; a writer must read what they just
wrote) bypasses the cache and gets a response built for them. So one audience's body is never
served to the other.

**Keyed by.** The path and query, the `Accept` header, whether gzip is accepted and the
active language: everything the kept views' answers depend on besides the record. The entry
holds the dataset version it was built at (`tracker.version.dataset_version`), its status,
headers and bytes. A read whose current version differs rebuilds it; nothing expires by time.

**The current version.** On PostgreSQL, the primary's version as this process last heard of
it by LISTEN/NOTIFY (`tracker.version_notified.notified_version`, no round trip): an entry
built at it is served. Otherwise (SQLite, inside a transaction, the listener down, or an entry
that does not match it) the version is read by query from the database the answer is read
from (a replica in a public request), and an entry built at that one is served; a miss is
built and kept under that one, read before anything the answer is built from. So an entry is
never kept under a version its data does not have, even when a replica lags the primary's
notification (it is rebuilt until the replica catches up). A write in any process, through
any service, is seen by the very next read that reads the version by query, and by the next
in-memory read once its notification has arrived, a moment after its commit.

**What it costs.** A hit is one cache get (on SQLite, and when the version is read by query,
that query too: on PostgreSQL a primary-key lookup of the stamp that triggers bump at commit);
a conditional request whose validators match is answered 304 from the entry's ETag and
Last-Modified, without building. The version query is also the persistent connection's health
check: Django's (`CONN_HEALTH_CHECKS`) would first send `SELECT 1`, one more round trip on
every hit, so it is skipped here, and a connection found broken by the version query (the
database restarted) is closed and the version read once more on a fresh one: a kept read
still fails no request. Middleware outside this one (security headers, CSP, sessions, locale,
common) runs again on every answer, so a hit's headers equal the miss's.

**What is not kept.** Anything but a 200 (errors, 304s, throttled answers), a response that
sets a cookie or says `no-store` or `private`. An anonymous client over the rate limit still
gets its 429: a hit counts against the same budget as a built answer. A cache or database that
does not answer makes the request go through to the view, as if nothing were kept.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from common.kept import code_release, kept_get, kept_set
from common.replicas import connection_for_read, request_public
from tracker.api.throttling import AnonymousRateThrottle
from tracker.models import Claim
from tracker.version import DatasetVersion, dataset_version
from tracker.version_notified import notified_version

READS = ("GET", "HEAD")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # what django.middleware.gzip and gzip_page look for


@dataclass(frozen=True)
class Entry:
    """A kept response: the dataset version it was built at, its headers and its bytes."""

    version: str
    extras: tuple[tuple[str, object], ...]  # what the apps read beside it (the newest release)
    headers: tuple[tuple[str, str], ...]
    body: bytes


def request_keepable(request: HttpRequest) -> bool:
    """Say whether `request` is a public read of a kept path: GET or HEAD, no credentials."""
    return (
        request.method in READS
        and request.path.startswith(tuple(settings.TRACKER_RESPONSE_CACHE_PATHS))
        and request_public(request)
    )


def entry_key(request: HttpRequest, release: str) -> str:
    """Name the entry for everything besides the record that a kept answer depends on."""
    meta = request.META
    parts = [
        release,
        request.get_full_path(),
        meta.get("HTTP_ACCEPT", "").strip(),
        "gzip" if ACCEPTS_GZIP.search(meta.get("HTTP_ACCEPT_ENCODING", "")) else "",
        translation.get_language() or "",
        "public",
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    return f"response:{digest}"


def response_keepable(response: HttpResponse) -> bool:
    """Say whether a built answer may be kept for every public reader."""
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in control
        and "private" not in control
    )


def entry_answer(request: HttpRequest, entry: Entry) -> HttpResponse:
    """Answer from `entry`: its bytes and headers, or a 304 when the validators match."""
    response = HttpResponse(entry.body)
    for name, value in entry.headers:
        response[name] = value
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return (
        get_conditional_response(
            request, etag=response.get("ETag"), last_modified=modified, response=response
        )
        or response
    )


class ResponseCacheMiddleware:
    """Serve public reads of the kept paths from the shared cache (see the module's rules).

    It sits after LocaleMiddleware (the language is part of the key) and before the
    authentication and view layers, whose work a hit skips.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.release = code_release()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_keepable(request):
            return self.get_response(request)
        key = entry_key(request, self.release)
        entry = kept_get(key)
        known = notified_version()  # the primary's, in memory; None: read it by query
        if known is not None and entry_current(entry, known):
            return self.hit(request, entry)
        try:
            read = version_checked()  # the version of the database the answer is read from
        except DatabaseError:
            return self.get_response(request)  # the view answers 503
        request.tracker_dataset_version = read  # type: ignore[attr-defined]  # for the headers
        if entry_current(entry, read):
            return self.hit(request, entry)
        # A view's 304 is not kept: a matching validator means this version was built before.
        response = self.get_response(request)
        if not response_keepable(response):
            return response
        entry = Entry(
            version=read.tag,
            extras=read.extras,
            headers=tuple(response.items()),
            body=response.content,
        )
        kept_set(key, entry)
        return entry_answer(request, entry)

    def hit(self, request: HttpRequest, entry: Entry) -> HttpResponse:
        if request.path.startswith("/api/") and not AnonymousRateThrottle().allow_anonymous(
            request
        ):
            return self.get_response(request)  # the view's throttle answers 429
        return entry_answer(request, entry)


def entry_current(entry, version: DatasetVersion) -> bool:
    """Say whether `entry` is a kept answer built at `version` (the extras included)."""
    return isinstance(entry, Entry) and (entry.version, entry.extras) == (
        version.tag,
        version.extras,
    )


def version_checked() -> DatasetVersion:
    """Read the dataset version, the query standing in for the connection's health check.

    A connection that the query finds broken is closed and the version read once more on a
    new one (outside a transaction only: inside one, the error is the caller's).
    """
    db = connection_for_read(Claim)
    db.health_check_done = True  # type: ignore[attr-defined]  # the version query is the check
    try:
        return dataset_version()
    except (InterfaceError, OperationalError):
        if db.in_atomic_block or db.is_usable():
            raise
        db.close()
        return dataset_version()
