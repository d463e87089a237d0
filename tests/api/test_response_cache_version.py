"""The dataset version on PostgreSQL is a stamp bumped at commit by triggers on the record's
tables (tracker/migrations/0019_dataset_stamp_triggers.py): a write through any path, in any
connection, is seen by the very next version read, never before its commit; by the next kept
read once its commit has been notified (tracker/version_notified.py)."""

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient

from tests.conftest import notified_wait
from tests.factories import DistrictFactory, SourceFactory
from tracker.version import _VERSION_MODELS, dataset_version

pytestmark = pytest.mark.postgis_only
COMMITTED = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@contextmanager
def other_connection() -> Iterator[psycopg.Connection]:
    """A second, real connection to the test database: another process's writes."""
    db = connection.settings_dict
    with psycopg.connect(
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"] or "localhost",
        port=db["PORT"] or 5432,
    ) as other:
        yield other


@pytest.mark.django_db
def test_every_table_of_the_record_bumps_the_stamp_on_any_write_and_truncate():
    tables = {m._meta.db_table for m in _VERSION_MODELS}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname LIKE 'tracker_dataset_touch%%'"
        )
        found = set(cursor.fetchall())
    wanted = {
        (t, n) for t in tables for n in ("tracker_dataset_touch", "tracker_dataset_touch_truncate")
    }
    assert wanted <= found


@COMMITTED
def test_a_raw_update_by_another_connection_is_seen_at_its_commit_and_not_before():
    district = DistrictFactory()
    before = dataset_version()
    with other_connection() as other:
        other.execute(
            "UPDATE districts_district SET name_en = 'Renamed' WHERE id = %s", [district.pk]
        )
        assert dataset_version() == before  # still open: neither the row nor a version
        other.commit()
    after = dataset_version()
    assert after.tag != before.tag
    assert before.modified is None or after.modified > before.modified


@COMMITTED
def test_a_delete_and_a_copy_below_the_largest_id_are_each_seen():
    first, _newest = SourceFactory(), SourceFactory()  # the largest id stays the same below
    versions = [dataset_version().tag]
    with other_connection() as other, other.cursor() as cursor:
        select = f"COPY (SELECT * FROM sources_source WHERE id = {first.pk}) TO STDOUT"  # noqa: S608
        with cursor.copy(select) as copy:
            row = b"".join(bytes(block) for block in copy)
        cursor.execute("DELETE FROM sources_source WHERE id = %s", [first.pk])
        other.commit()
        versions.append(dataset_version().tag)
        with cursor.copy("COPY sources_source FROM STDIN") as copy:
            copy.write(row)
        other.commit()
        versions.append(dataset_version().tag)
    assert len(set(versions)) == 3


@COMMITTED
def test_a_rolled_back_write_leaves_the_version_as_it_was():
    district = DistrictFactory()
    before = dataset_version()
    with other_connection() as other:
        other.execute("DELETE FROM districts_district WHERE id = %s", [district.pk])
        other.rollback()
    assert dataset_version() == before


@pytest.mark.django_db
def test_the_writer_sees_a_version_of_its_own_after_each_of_its_statements():
    district = DistrictFactory()  # the test's transaction stays open: nothing is committed
    tags = [dataset_version().tag]
    for name in ("One", "Two"):
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE districts_district SET name_en = %s WHERE id = %s", [name, district.pk]
            )
        tags.append(dataset_version().tag)
    assert len(set(tags)) == 3
    with other_connection() as other:  # and nobody else sees any of it
        assert other.execute("SELECT count(*) FROM tracker_dataset_touch").fetchone() == (0,)
        name = other.execute("SELECT name_en FROM districts_district WHERE id = %s", [district.pk])
        assert name.fetchone() is None


@COMMITTED
def test_a_raw_sql_write_elsewhere_is_seen_by_the_next_public_read(world):
    cache.clear()
    url = "/api/v1/districts/"
    assert APIClient().get(url).content == APIClient().get(url).content  # kept
    with other_connection() as other:
        other.execute(
            "UPDATE districts_district SET name_en = 'Renamed by SQL' WHERE slug = 'hanano'"
        )
    notified_wait()  # a moment after the commit (tracker/version_notified.py)
    names = {f["properties"]["name_en"] for f in APIClient().get(url).json()["features"]}
    assert "Renamed by SQL" in names
    cache.clear()


@COMMITTED
def test_a_kept_read_on_a_connection_the_database_dropped_is_answered_on_a_new_one(world, settings):
    settings.TRACKER_VERSION_NOTIFY = False  # the version by query, as when no listener is up
    cache.clear()
    url = "/api/v1/timeline/"
    kept = APIClient().get(url)
    with other_connection() as other:  # as a database restart does to a persistent connection
        pid = connection.connection.info.backend_pid
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    again = APIClient().get(url)
    assert again.status_code == 200
    assert again.content == kept.content
    assert connection.connection.info.backend_pid != pid
    cache.clear()
