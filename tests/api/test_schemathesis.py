"""Property-based run of the whole API against its own OpenAPI schema (schemathesis).

Every operation gets generated requests, valid and invalid, anonymous and authenticated as an
administrator (who may write and review), against the WSGI app and a seeded record. No
response may be a server error or break the schema (status code, content type, body).
Bounded for CI: SCHEMATHESIS_EXAMPLES examples per operation (default 25), derandomized so a
run is reproducible; SCHEMATHESIS_RANDOM=1 explores new inputs on each run.
"""

import itertools
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tracker.tokens import api_token_issue

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def _connections_stay_open(world):
    """Keep the test's connection through each WSGI request.

    The WSGI handler closes "old" connections around each request; inside the test's
    transaction that would close the test's own connection (Django's test client also
    disconnects this signal).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(users) -> str:
    return api_token_issue(user=users["admin"])[1]


# Loaded at collection: building the schema reads no database. (schemathesis's lazy
# `from_fixture` loader does not run under pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
_turn = itertools.count()


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=os.environ.get("SCHEMATHESIS_RANDOM") != "1",
)
def test_api_conforms_to_its_schema_and_never_fails(case, admin_token, world):
    turn = next(_turn)
    if turn % 2:
        _point_at_real_rows(case, world)
    # The WSGI transport does not decompress; gzip has its own test (test_conditional).
    headers = {"Accept-Encoding": "identity"}
    if case.method != "GET" or turn % 3:
        headers["Authorization"] = f"Token {admin_token}"
    case.call_and_validate(headers=headers, checks=CHECKS)


def _point_at_real_rows(case, world) -> None:
    """Swap generated ids and slugs for rows that exist, so that half the cases reach the
    code behind the lookups (writes that succeed, histories with claims)."""
    resource = case.path.split("/")[3]
    real_ids = {
        "claims": world.claims["shaar_army"].pk,
        "documents": world.documents["monitor"].pk,
    }
    real_slugs = {"districts": "hanano", "sources": "sohr", "actors": "rebels"}
    params = case.path_parameters or {}
    if "id" in params and resource in real_ids:
        params["id"] = real_ids[resource]
    if "slug" in params and resource in real_slugs:
        params["slug"] = real_slugs[resource]
    if isinstance(case.body, dict):
        swaps = {
            "document": world.documents["monitor"].pk,
            "district": "ash-shaar",
            "source": "sohr",
            "actor": "government",
        }
        for key, value in swaps.items():
            if key in case.body and case.body[key] is not None:
                case.body[key] = value
