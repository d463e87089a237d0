"""Public reads from PostgreSQL read replicas; writes, and every read by a signed-in user, on
the primary.

**Who reads where.** `DATABASE_REPLICA_URLS` names the replicas (settings: `replica1`,
`replica2`, ... beside `default`). A request is *public* when it is a GET, HEAD or OPTIONS
that carries no credentials: no `Authorization` header and no session cookie. Only a public
request's reads go to a replica (one picked at random per request, so one answer is built
from one consistent snapshot). Everything else reads the primary: a write request, any
request by a signed-in user or a token holder (so a writer always reads what they just wrote,
whatever the replicas' lag), and any code outside a request (management commands, imports,
the shell, tests). All writes go to the primary; migrations run only there.

**Lag.** A replica answers with the record as it stood a moment ago; the dataset version is
read from the same replica as the answer (`connection_for_read`), so an ETag or a kept answer
(config/response_cache.py) always matches the body it names.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest, HttpResponse

READS = ("GET", "HEAD", "OPTIONS")

# The replica this request's reads go to; None (outside a public request) means the primary.
_replica: ContextVar[str | None] = ContextVar("replica", default=None)


def replica_aliases() -> list[str]:
    """Return the database aliases of the configured replicas (none without any)."""
    return [alias for alias in connections if alias.startswith("replica")]


def request_public(request: HttpRequest) -> bool:
    """Say whether `request` is a read that carries no credentials."""
    return (
        request.method in READS
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def connection_for_read(model) -> BaseDatabaseWrapper:
    """Return the connection that reads of `model` use now (a replica in a public request).

    Raw SQL that reads (the API's JSON documents, the dataset version) goes through this, so
    it reads the same database as the ORM's queries in the same request.
    """
    return connections[router.db_for_read(model)]


class ReplicaRouter:
    """Django's database router for the rules above."""

    def db_for_read(self, model, **hints) -> str:
        return _replica.get() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # every database holds the same rows

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    """Send a public request's reads to one replica, picked for the whole request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        replicas = replica_aliases()
        if not replicas or not request_public(request):
            return self.get_response(request)
        token = _replica.set(random.choice(replicas))  # noqa: S311 - spreading load, not secrecy
        try:
            return self.get_response(request)
        finally:
            _replica.reset(token)
