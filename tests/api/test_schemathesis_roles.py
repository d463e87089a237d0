"""Property-based run of the API as its writers meet it: analyst and reviewer tokens, every
check schemathesis has, and its stateful phase (sequences of calls chained through the links it
infers from the schema and from responses).

What fails the test: a server error (5xx) on any call, and a break of the conformance checks the
whole API already keeps (status code, content type and body as the schema declares them).
Schemathesis's other checks (negative and positive data acceptance, ignored auth, use after
free, ...) run on every response too; what they find is about the schema's exactness, tracked
apart: they are counted and printed at the end of the module, not failed on.

Bounded for CI: SCHEMATHESIS_EXAMPLES examples per operation (default 5) and as many stateful
scenarios; every run prints its seed (SCHEMATHESIS_SEED replays one; default a fixed seed):

    SCHEMATHESIS_EXAMPLES=100 make test PYTEST_ARGS=tests/api/test_schemathesis_roles.py
"""

import collections
import itertools
import os
import sys

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import seed as hypothesis_seed
from schemathesis.checks import CHECKS, load_all_checks, not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import client_as
from tests.api.test_schemathesis import _connections_stay_open, _point_at_real_rows  # noqa: F401

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "5"))
SEED = int(os.environ.get("SCHEMATHESIS_SEED", "20161222"))
ROLES = ("analyst", "reviewer")
HELD = [not_a_server_error, status_code_conformance, content_type_conformance]
HELD_BODY = [response_schema_conformance]
load_all_checks()
OTHERS = [check for check in CHECKS.get_all() if check not in HELD + HELD_BODY]

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
_turn = itertools.count()
_found: collections.Counter = collections.Counter()


@pytest.fixture(scope="module", autouse=True)
def _summary():
    """Print the seed first and, at the end, what the checks that do not fail the test found."""
    sys.stdout.write(f"\nschemathesis seed {SEED}, {EXAMPLES} examples per operation\n")
    yield
    lines = [f"  {n} x {name}" for (name, n) in sorted(_found.items(), key=lambda kv: -kv[1])]
    sys.stdout.write("\nschema exactness findings (not failed on):\n" + "\n".join(lines) + "\n")


@pytest.fixture
def tokens(users) -> dict[str, str]:
    return {role: client_as(users[role])._credentials["HTTP_AUTHORIZATION"] for role in ROLES}


def _validate(case, response, headers) -> None:
    """Fail on a server error or a broken declared contract; count the other findings."""
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} answered {response.status_code}"
    )
    case.validate_response(response, checks=HELD, headers=headers)
    if response.status_code < 400:
        case.validate_response(response, checks=HELD_BODY, headers=headers)
    for check in OTHERS:
        try:
            case.validate_response(response, checks=[check], headers=headers)
        except FailureGroup:
            _found[check.__name__] += 1
        except AssertionError:
            _found[check.__name__] += 1


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_seed(SEED)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_writers_never_meet_a_server_error(case, tokens, world):
    turn = next(_turn)
    if turn % 2:
        _point_at_real_rows(case, world)
    headers = {"Accept-Encoding": "identity", "Authorization": tokens[ROLES[turn % 2]]}
    response = case.call(headers=headers)
    _validate(case, response, headers)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_stateful_sequences_never_meet_a_server_error(role, tokens, world):
    """Chains of calls (create, then read, change, review what was created) as one role."""
    token = tokens[role]

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
