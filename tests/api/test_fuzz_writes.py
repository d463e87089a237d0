"""Hostile write bodies end in a 2xx or a 400 naming a field; never a server error.

Bodies mix plausible values with hostile ones (wrong types, huge strings, markup, formulas,
control characters, unknown fields) for every write endpoint, sent by an admin so that no
permission check hides a crash. The test client re-raises any exception a view lets escape.
"""

import json
import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import client_as

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "=cmd|' /C calc'!A0",
            "x" * 20000,
            "\x00",
            "2016-02-30",
            "2016-12-07",
            "9999-12-31",
            "0001-01-01",
            "javascript:alert(1)",
            "http://",
            "#12345",
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def body(fields: dict) -> st.SearchStrategy:
    """A body of these fields, each either its plausible value or something hostile."""
    return st.fixed_dictionaries(
        {},
        optional={name: st.one_of(st.just(good), HOSTILE) for name, good in fields.items()}
        | {"unexpected": HOSTILE},
    )


def claim_fields(world):
    return {
        "document": world.documents["monitor"].pk,
        "district": "ash-shaar",
        "place_name": "Tariq al-Bab",
        "status": "held",
        "actor": "government",
        "kind": "captured",
        "effective_from": "2016-12-15",
        "effective_to": "2016-12-16",
        "date_precision": "day",
        "quote": "they took it",
        "note": "",
        "review_status": "accepted",
        "retracted_on": "2016-12-20",
        "source": "sohr",
    }


SOURCE = {
    "slug": "new-source",
    "name": "New source",
    "stance": "independent",
    "kind": "news",
    "reliability": "B",
    "actor": "rebels",
}
DOCUMENT = {
    "source": "sohr",
    "citation": "SOHR, 13 Dec 2016",
    "url": "https://example.org/fuzz",
    "title": "t",
    "published_on": "2016-12-13",
    "language": "en",
}


def send(client, method: str, url: str, payload: dict):
    """Send the body as a hostile client would: NaN and Infinity included, as raw JSON text."""
    raw = json.dumps(payload, allow_nan=True, default=str)
    return client.generic(method, url, raw, content_type="application/json")


def check(response):
    assert response.status_code in (200, 201, 400), (response.status_code, response.content[:300])
    if response.status_code == 400:
        errors = response.json()
        assert isinstance(errors, dict) and errors, "a 400 must say which field is wrong"


@pytest.fixture
def admin_client(world, users):
    return client_as(users["admin"])


@FUZZ
@given(data=st.data())
def test_hostile_claim_writes_are_clean_400s(world, admin_client, data):
    claim = world.claims["shaar_army"]
    fields = claim_fields(world)
    with transaction.atomic():
        check(send(admin_client, "POST", "/api/v1/claims/", data.draw(body(fields))))
        check(send(admin_client, "PATCH", f"/api/v1/claims/{claim.pk}/", data.draw(body(fields))))
        transaction.set_rollback(True)


@FUZZ
@given(source=body(SOURCE), document=body(DOCUMENT))
def test_hostile_source_and_document_writes_are_clean_400s(world, admin_client, source, document):
    with transaction.atomic():
        check(send(admin_client, "POST", "/api/v1/sources/", source))
        check(send(admin_client, "PATCH", "/api/v1/sources/sohr/", source))
        check(send(admin_client, "POST", "/api/v1/documents/", document))
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    "payload",
    [b"{", b"[]", b'"text"', b"\xff\xfe\x00", b'{"status": "held"' + b" " * 10000],
)
def test_bodies_that_are_not_json_objects_are_400s(world, admin_client, payload):
    response = admin_client.generic(
        "POST", "/api/v1/claims/", payload, content_type="application/json"
    )
    check(response)
    assert response.status_code == 400
