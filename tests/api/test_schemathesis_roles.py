"""Property-based run of the API as its writers meet it: analyst and reviewer tokens, every
check schemathesis has, and its stateful phase (sequences of calls chained through the links it
infers from the schema and from responses).

Every check schemathesis has runs on every response, in both phases, and fails the test (see
tests/api/schemathesis_support.py): a server error, a status, content type or body the schema
does not declare, a schema-valid request refused or a schema-violating one accepted, an
authentication requirement declared but not enforced, a resource used after it was deleted...

Bounded for CI: SCHEMATHESIS_EXAMPLES examples per operation (default 10) and as many stateful
scenarios; every run prints its seed (SCHEMATHESIS_SEED replays one; default a fixed seed):

    SCHEMATHESIS_EXAMPLES=100 make test PYTEST_ARGS=tests/api/test_schemathesis_roles.py
"""

import itertools

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.db import transaction
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
from tests.api.test_schemathesis import _connections_stay_open, _point_at_real_rows  # noqa: F401

ROLES = ("analyst", "reviewer")

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
_turn = itertools.count()


@pytest.fixture(scope="module", autouse=True)
def _seed_printed():
    seed_print("test_schemathesis_roles")


@pytest.fixture
def tokens(users) -> dict[str, str]:
    return {role: client_as(users[role])._credentials["HTTP_AUTHORIZATION"] for role in ROLES}


def _validate(case, response, headers) -> None:
    """Run every check; any failure fails the test (schemathesis raises them together)."""
    case.validate_response(response, checks=ALL_CHECKS, headers=headers)


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_seed(SEED)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_writers_never_meet_a_server_error(case, tokens, users, world):
    turn = next(_turn)
    if turn % 2:
        _point_at_real_rows(case, world)
    rules_apply(case, world, reader(client_as(users["admin"])))
    headers = {"Accept-Encoding": "identity", "Authorization": tokens[ROLES[turn % 2]]}
    response = case.call(headers=headers)
    _validate(case, response, headers)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_stateful_sequences_never_meet_a_server_error(role, tokens, users, world):
    """Chains of calls (create, then read, change, review what was created) as one role."""
    token = tokens[role]
    read = reader(client_as(users["admin"]))

    class Sequences(schema.as_state_machine()):
        def setup(self):
            """Each scenario starts from the same record: its writes are rolled back after it
            (hypothesis replays scenarios, and a record changed by the last one would make
            the same calls answer differently)."""
            self._scenario = transaction.atomic()
            self._scenario.__enter__()

        def teardown(self):
            transaction.set_rollback(True)
            self._scenario.__exit__(None, None, None)

        def get_call_kwargs(self, case):
            rules_apply(case, world, read)
            return {"headers": {"Accept-Encoding": "identity", "Authorization": token}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            _validate(case, response, kwargs.get("headers"))

    Sequences.run(
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            derandomize=True,
        )
    )
