"""Writers at the same moment: nobody is turned away, and the stored periods stay those of a
full rebuild.

Real parallel writers: threads released together by a barrier, each with its own database
connection. On SpatiaLite they share a database file (a copy of the migrated test database:
the in-memory one cannot be shared between connections the way a file is), where a write
waits for the one before it instead of failing with "database is locked". On PostGIS two
refreshes of one district's periods run one after the other (an advisory lock per district).
"""

import datetime
import sqlite3
import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from config.settings.base import SQLITE_LOCK_TIMEOUT, database_from_env
from tests.factories import (
    DistrictFactory,
    DocumentFactory,
    SourceFactory,
    UserFactory,
    actor,
    user_in_groups,
)
from tests.tracker.test_source_changes import assert_equals_full_rebuild
from tracker import services
from tracker.models import Claim
from tracker.tokens import api_token_issue

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

D = datetime.date
WRITERS = 6
ROUNDS = 3
SIDES = ["government", "rebels", "kurdish_ypg"]
STANCES = ["government", "opposition", "independent"]


@pytest.fixture
def shared_database(tmp_path):
    """Return a function that points the calling thread at the database every writer shares.

    On PostGIS that is the test database, which each thread reaches with its own connection
    anyway. On SpatiaLite the test's in-memory database is copied to a file and this thread
    and every writer open their own connection to it, with the project's options.
    """
    if connection.vendor != "sqlite":
        yield lambda: None
        return
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()
    settings_dict = {**connection.settings_dict, "NAME": str(path)}
    backend = type(connections["default"])
    in_memory = connections["default"]

    def use_shared() -> None:
        connections["default"] = backend(settings_dict, "default")

    use_shared()
    yield use_shared
    connections["default"].close()
    connections["default"] = in_memory


def in_parallel(use_shared: Callable[[], None], jobs: list[Callable[[], object]]) -> list:
    """Run the jobs in threads that start together; return each job's result or exception."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index: int) -> None:
        use_shared()
        try:
            barrier.wait(timeout=30)
            results[index] = jobs[index]()
        except Exception as exc:  # reported by the test, with the others' results
            results[index] = exc
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def hanano(shared_database):
    """One district, a source of each stance with a document, and a claim from each."""
    district = DistrictFactory(slug="hanano", name_en="Hanano")
    documents = []
    for i in range(WRITERS):
        source = SourceFactory(slug=f"outlet-{i}", stance=STANCES[i % len(STANCES)])
        documents.append(DocumentFactory(source=source))
        record(district, documents[i], day=D(2016, 11, 1 + i), side=SIDES[i % len(SIDES)])
    return district, documents


def record(district, document, *, day, side):
    return services.claim_record(
        document=document,
        district=district,
        place_name="",
        status="held",
        actor=actor(side),
        kind="captured",
        effective_from=day,
    )


def test_writes_about_one_district_at_the_same_moment_all_land_and_match_a_rebuild(
    shared_database, hanano
):
    """Each round, half the writers record a new claim about Hanano and the other half edit
    one of its claims (review, redate), all at once; after each round the stored periods
    equal a full rebuild and every write is there."""
    district, documents = hanano
    existing = list(Claim.objects.order_by("pk"))
    reviewer = user_in_groups("rev", "reviewer")
    for round_ in range(ROUNDS):

        def job(i: int, round_: int = round_):
            if i % 2 == 0:
                day = D(2016, 11, 10 + round_ * WRITERS + i)
                return record(district, documents[i], day=day, side=SIDES[(i + round_) % 3])
            claim = Claim.objects.get(pk=existing[i].pk)
            if round_ % 2:
                return services.claim_review(
                    claim=claim, review_status="accepted", reviewed_by=reviewer
                )
            return services.claim_update(
                claim=claim, effective_from=D(2016, 10, 20 + i), effective_to=D(2016, 10, 20 + i)
            )

        results = in_parallel(shared_database, [lambda i=i: job(i) for i in range(WRITERS)])
        failures = [r for r in results if not isinstance(r, Claim)]
        assert failures == [], f"round {round_}: {failures}"
        assert Claim.objects.count() == WRITERS + (round_ + 1) * (WRITERS // 2)
        assert_equals_full_rebuild()


def test_api_writes_at_the_same_moment_all_answer_201(shared_database, hanano):
    """The HTTP path: concurrent POSTs are each recorded (201), none turned away (503)."""
    from django.contrib.auth.models import Group

    district, documents = hanano
    analyst = UserFactory(username="ana")
    analyst.groups.add(Group.objects.get(name="analyst"))
    keys = [api_token_issue(user=analyst)[1] for _ in range(WRITERS)]

    def post(i: int):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {keys[i]}")
        body = {
            "document": documents[i].pk,
            "district": "hanano",
            "status": "held",
            "actor": SIDES[i % 3],
            "kind": "captured",
            "effective_from": f"2016-12-{i + 1:02d}",
        }
        response = client.post("/api/v1/claims/", body, format="json")
        return response.status_code, response.content[:300]

    results = in_parallel(shared_database, [lambda i=i: post(i) for i in range(WRITERS)])
    assert [r if isinstance(r, Exception) else r[0] for r in results] == [201] * WRITERS, results
    assert Claim.objects.filter(district=district).count() == 2 * WRITERS
    assert_equals_full_rebuild()


@pytest.mark.django_db(transaction=False)
def test_spatialite_transactions_take_the_write_lock_at_once_and_wait_for_it(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "spatialite:////var/tracker.sqlite3")
    options = database_from_env("")["OPTIONS"]
    assert options == {"transaction_mode": "IMMEDIATE", "timeout": SQLITE_LOCK_TIMEOUT}
    monkeypatch.setenv("DATABASE_URL", "postgis://u:p@db:5432/t")
    assert "transaction_mode" not in database_from_env("").get("OPTIONS", {})
