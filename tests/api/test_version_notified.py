"""On PostgreSQL each process keeps the dataset version in memory, told of every commit by
LISTEN/NOTIFY (tracker/version_notified.py): a kept read sends no query, a listener that is
down is replaced by the query until it is back, and it misses nothing while down."""

import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.api.test_response_cache_version import COMMITTED, other_connection
from tests.conftest import notified_wait
from tracker.version import VERSION_EXTRAS, dataset_version
from tracker.version_notified import CHANNEL, EXTRA_TRIGGER, listener, notified_version

pytestmark = pytest.mark.postgis_only
URL = "/api/v1/districts/"


@pytest.fixture
def shared_cache(settings, redis_url):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }


def names(response) -> set[str]:
    return {f["properties"]["name_en"] for f in response.json()["features"]}


def rename(name: str) -> None:
    """Rename Hanano through another connection, committed (as another process would)."""
    with other_connection() as other:
        other.execute("UPDATE districts_district SET name_en = %s WHERE slug = 'hanano'", [name])


def listener_terminated() -> None:
    """End the listener's session from the server's side; wait until the listener knows."""
    pid = listener().db.connection.info.backend_pid
    with other_connection() as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 10
    while notified_version() is not None:
        assert time.monotonic() < deadline, "the listener did not notice its connection was gone"
        time.sleep(0.005)


def read_queries() -> tuple[set[str], int]:
    """A public read of URL: the district names it answers, and the queries Django's
    connection sent for it."""
    with CaptureQueriesContext(connection) as queries:
        response = APIClient().get(URL)
    assert response.status_code == 200
    return names(response), len(queries)


@COMMITTED
def test_a_kept_read_sends_no_query_and_a_write_elsewhere_is_served_once_notified(
    world, shared_cache
):
    notified_wait()
    built, _ = read_queries()
    assert read_queries() == (built, 0)  # a hit: the version was known in memory
    rename("Renamed elsewhere")
    notified_wait()  # the notification reaches the listener a moment after the commit
    assert "Renamed elsewhere" in read_queries()[0]  # rebuilt
    assert read_queries() == (built - {"Hanano"} | {"Renamed elsewhere"}, 0)


@COMMITTED
def test_a_dropped_listener_falls_back_to_the_query_and_recovers(world, shared_cache, settings):
    settings.TRACKER_VERSION_NOTIFY_RETRY_SECONDS = 3600  # stays down until told otherwise
    notified_wait()
    before = listener().db.connection.info.backend_pid
    built, _ = read_queries()
    listener_terminated()
    assert read_queries() == (built, 1)  # the version read by query, the answer still kept
    settings.TRACKER_VERSION_NOTIFY_RETRY_SECONDS = 0
    assert notified_version() == dataset_version()  # connected again
    assert listener().db.connection.info.backend_pid != before
    assert read_queries() == (built, 0)


@COMMITTED
def test_a_write_missed_while_the_listener_was_down_is_seen_when_it_reconnects(
    world, shared_cache, settings
):
    settings.TRACKER_VERSION_RECHECK_SECONDS = 3600  # only a notification or a reconnect reads
    settings.TRACKER_VERSION_NOTIFY_RETRY_SECONDS = 3600
    old = notified_wait()
    listener_terminated()
    rename("Renamed while nobody listened")  # its notification goes to no listener
    settings.TRACKER_VERSION_NOTIFY_RETRY_SECONDS = 0
    again = notified_version()
    assert again is not None and again != old and again == dataset_version()
    assert "Renamed while nobody listened" in read_queries()[0]


@COMMITTED
def test_a_commit_notifies_its_stamp_and_a_rollback_notifies_nothing(world):
    with other_connection() as listening:
        listening.autocommit = True
        listening.execute(f"LISTEN {CHANNEL}")
        with other_connection() as other:
            other.execute("UPDATE districts_district SET name_en = 'Kept' WHERE slug = 'hanano'")
            other.commit()
            counter = other.execute("SELECT counter FROM tracker_dataset_stamp").fetchone()[0]
            other.commit()
            other.execute("UPDATE districts_district SET name_en = 'Gone' WHERE slug = 'hanano'")
            other.rollback()
            other.execute(f"SELECT pg_notify('{CHANNEL}', 'marker')")  # after both, in order
            other.commit()
        payloads = []
        for notify in listening.notifies(timeout=10):
            payloads.append(notify.payload)
            if notify.payload == "marker":
                break
    assert payloads == [str(counter), "marker"]


def test_every_registered_extra_notifies_the_listeners(db):
    tables = {m._meta.db_table for _expr, m in VERSION_EXTRAS.values()}
    assert tables  # the newest release, at least
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname = %s",
            [EXTRA_TRIGGER],
        )
        found = {row[0] for row in cursor.fetchall()}
    assert tables <= found


@COMMITTED
def test_inside_a_transaction_the_version_is_read_by_query(world):
    assert notified_wait() is not None
    with transaction.atomic():
        assert notified_version() is None  # a writer's own statements are no one's news


@COMMITTED
def test_this_processs_own_write_is_read_by_query_at_once_not_awaited(
    world, shared_cache, settings
):
    settings.TRACKER_VERSION_RECHECK_SECONDS = 3600  # only a notification or a write reads
    notified_wait()
    built, _ = read_queries()
    with CaptureQueriesContext(listener().db) as reads:
        with connection.cursor() as cursor:  # a statement that writes nothing: no notification
            cursor.execute("UPDATE auth_user SET last_login = last_login WHERE false")
        notified_version()
    assert len(reads) == 1  # the version read again because this process wrote
    with connection.cursor() as cursor:  # committed (autocommit), and read without waiting
        cursor.execute("UPDATE districts_district SET name_en = 'Mine' WHERE slug = 'hanano'")
    assert read_queries()[0] == built - {"Hanano"} | {"Mine"}
