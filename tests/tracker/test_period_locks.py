"""The locks on the stored periods (`tracker.periods._districts_lock`), on PostgreSQL: a small
write shares the record's lock and locks each of its districts (rule 1); a larger one locks the
whole record alone, so a rebuild of a 30,000-district country fits PostgreSQL's lock table
(rule 2)."""

import pytest
from django.db import connection, connections, transaction

from tracker import periods

pytestmark = [pytest.mark.django_db, pytest.mark.postgis_only]
OWN_ADVISORY_LOCKS = """
    SELECT classid::int, objid::int, mode FROM pg_locks
    WHERE locktype = 'advisory' AND pid = pg_backend_pid() ORDER BY classid, objid
"""


def own_advisory_locks() -> list[tuple[int, int, str]]:
    with connection.cursor() as cursor:
        cursor.execute(OWN_ADVISORY_LOCKS)
        return [tuple(row) for row in cursor.fetchall()]


def record_lock_free_for_another_connection(*, exclusive: bool) -> bool:
    """Whether another session could take the record's lock now (it releases it at once)."""
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            shared = "" if exclusive else "_shared"
            cursor.execute(
                f"SELECT pg_try_advisory_lock{shared}(%s, %s)", list(periods.RECORD_LOCK)
            )
            (taken,) = cursor.fetchone()
            if taken:
                cursor.execute(
                    f"SELECT pg_advisory_unlock{shared}(%s, %s)", list(periods.RECORD_LOCK)
                )
            return taken
    finally:
        other.close()


def test_a_small_write_shares_the_record_lock_and_locks_each_district_in_order():
    with transaction.atomic():
        periods._districts_lock([12, 3, 12])
        assert own_advisory_locks() == [
            (periods.PERIODS_LOCK, 3, "ExclusiveLock"),
            (periods.PERIODS_LOCK, 12, "ExclusiveLock"),
            (*periods.RECORD_LOCK, "ShareLock"),
        ]
        assert record_lock_free_for_another_connection(exclusive=False)  # writers side by side
        assert not record_lock_free_for_another_connection(exclusive=True)  # a rebuild waits


def test_a_write_of_more_districts_than_the_limit_holds_one_lock_on_the_whole_record():
    many = range(1, periods.DISTRICT_LOCKS_MAX + 2)
    with transaction.atomic():
        periods._districts_lock(many)
        assert own_advisory_locks() == [(*periods.RECORD_LOCK, "ExclusiveLock")]
        assert not record_lock_free_for_another_connection(exclusive=False)  # writers wait
