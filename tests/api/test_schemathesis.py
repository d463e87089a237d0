"""Property-based run of the whole API against its own OpenAPI schema (schemathesis).

Every operation gets generated requests, valid and invalid, anonymous and authenticated as an
administrator (who may write and review), against the WSGI app and a seeded record. Every
check schemathesis has runs on every response and fails the test: no server error, status
code, content type and body as declared, schema-valid requests accepted and schema-violating
ones refused (positive and negative data acceptance), authentication declared where enforced
(ignored_auth: reads anonymous users may make are declared so), and the rest.
Bounded for CI: SCHEMATHESIS_EXAMPLES examples per operation (default 10; the schema's
exactness is shown with 100); the seed is printed and SCHEMATHESIS_SEED replays one.

    SCHEMATHESIS_EXAMPLES=100 make test PYTEST_ARGS="tests/api/test_schemathesis.py"
"""

import itertools

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import seed as hypothesis_seed

from tests.api.conftest import client_as
from tests.api.schemathesis_support import (
    ALL_CHECKS,
    EXAMPLES,
    SEED,
    reader,
    rules_apply,
    seed_print,
)
from tracker.tokens import api_token_issue


@pytest.fixture(scope="module", autouse=True)
def _seed_printed():
    seed_print("test_schemathesis")


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
@hypothesis_seed(SEED)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_and_never_fails(case, admin_token, users, world):
    turn = next(_turn)
    if turn % 2:
        _point_at_real_rows(case, world)
    rules_apply(case, world, reader(client_as(users["admin"])))
    # The WSGI transport does not decompress; gzip has its own test (test_conditional).
    headers = {"Accept-Encoding": "identity"}
    if case.method != "GET" or turn % 3:
        headers["Authorization"] = f"Token {admin_token}"
    case.call_and_validate(headers=headers, checks=ALL_CHECKS)


def _point_at_real_rows(case, world) -> None:
    """Swap generated ids and slugs for rows that exist, so that half the cases reach the
    code behind the lookups (writes that succeed, histories with claims). Only in positive
    cases: a negative case's invalid value stays what it is."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return
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
