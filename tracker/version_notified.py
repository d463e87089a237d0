"""The dataset version as PostgreSQL notifies it: known in memory, read without a round trip.

**How.** Each process keeps one listening connection to the primary (`LISTEN
tracker_dataset`), and the version it last read there. The stamp's trigger notifies at the
commit of every write to the record (tracker/migrations/0020_dataset_stamp_notify.py), and
the registered extras' tables (the releases) notify too. `notified_version()` first takes in
whatever notifications have arrived, with a non-blocking read of the connection's socket (no
round trip); if any did, it reads the version once more by query on that connection, so the
version it answers is always one read from the database, never guessed from a payload.

**When it answers None** (the caller then reads the version by query, as before):
- on SQLite, or when `TRACKER_VERSION_NOTIFY` is off (behind a transaction-pooling PgBouncer,
  whose server connections do not keep a LISTEN: docs/operations.md);
- inside a transaction (`atomic`), on the primary or the read connection: a writer's own
  uncommitted statements make a version of their own that no notification carries;
- when the listener is not connected or not healthy: the first request of a process, and a
  connection found dropped (it is closed, and a new one is tried at most every
  `TRACKER_VERSION_NOTIFY_RETRY_SECONDS`). On every (re)connect it listens first and then reads
  the version by query, so a write whose notification was missed while down is seen;
- when an extra's table has no notifying trigger: the memory could not know it.

**This process's own writes** are not awaited: every connection of the process notes a
statement other than a SELECT (`own_write_note`), and the next call reads the version by
query, after the writer's commit when the writer finished first (one thread, as a sync
gunicorn worker, a test or a management command runs).

Besides, every `TRACKER_VERSION_RECHECK_SECONDS` it reads the version by query even with no
notification: a connection that died without the socket saying so (a network cut) is then
noticed within that time.

**Delivery is asynchronous.** A notification reaches the listeners a moment after the commit:
a request that arrives within that moment (microseconds, on one host) may still be answered
from the previous version, as from a replica that lags. The version is the primary's; an
answer is kept only under the version read from the database it was built from
(config/response_cache.py), so a replica behind the primary costs rebuilds, never an answer
kept under a version its data does not have.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from psycopg.pq import ConnStatus

from common.replicas import connection_for_read
from tracker.models import Claim
from tracker.version import VERSION_EXTRAS, DatasetVersion, dataset_version

logger = logging.getLogger(__name__)

CHANNEL = "tracker_dataset"
EXTRA_TRIGGER = "tracker_dataset_notify"


class Listener:
    """One process's listening connection and the version last read on it."""

    def __init__(self) -> None:
        self.pid = os.getpid()  # a forked worker makes its own: the socket is not shared
        self.db: BaseDatabaseWrapper | None = None
        self.version: DatasetVersion | None = None
        self.read_at = 0.0  # when the version was last read by query (time.monotonic)
        self.dropped_at = -float("inf")  # when the connection was last lost (time.monotonic)
        self.lock = threading.Lock()  # one listener for the process's threads
        self.pending = False  # a notification psycopg took in while a query ran

    def current(self) -> DatasetVersion | None:
        """Return the version as notified, or None when it cannot be known (module rules)."""
        with self.lock:
            try:
                return self._current()
            except Exception:  # noqa: BLE001 - any failure: drop the connection, read by query
                logger.warning("The dataset version listener failed; reading by query.")
                self.drop()
                self.dropped_at = time.monotonic()
                return None

    def _current(self) -> DatasetVersion | None:
        now = time.monotonic()
        if self.db is None:
            if now < self.dropped_at + settings.TRACKER_VERSION_NOTIFY_RETRY_SECONDS:
                return None
            return self.connect(now)
        pgconn = self.db.connection.pgconn
        pgconn.consume_input()  # reads what the socket holds; never waits
        notified = self.pending
        while pgconn.notifies() is not None:
            notified = True
        if pgconn.status != ConnStatus.OK:  # the server hung up (or was restarted)
            raise DatabaseError("the listening connection was closed")
        if (
            notified
            or OwnWrites.seen
            or now - self.read_at > settings.TRACKER_VERSION_RECHECK_SECONDS
        ):
            self.read(now)
        return self.version

    def connect(self, now: float) -> DatasetVersion | None:
        """Listen, then read the version: a write before the LISTEN is in what is read, and one
        after it is notified."""
        db = connections.create_connection(DEFAULT_DB_ALIAS)  # the primary; not the request's
        db.inc_thread_sharing()
        self.db = db
        with db.cursor() as cursor:
            db.connection.add_notify_handler(self.taken)
            cursor.execute(f"LISTEN {CHANNEL}")
            registered: list[tuple[str, Any]] = list(VERSION_EXTRAS.values())
            tables = [m._meta.db_table for _expr, m in registered]
            cursor.execute(
                "SELECT count(DISTINCT c.relname) FROM pg_trigger t"
                " JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE t.tgname = %s AND c.relname = ANY(%s)",
                [EXTRA_TRIGGER, tables],
            )
            if cursor.fetchone()[0] != len(set(tables)):
                logger.warning("An extra of the dataset version has no notifying trigger.")
                self.drop()
                self.dropped_at = float("inf")  # the memory cannot know it: always by query
                return None
        self.read(now)
        return self.version

    def read(self, now: float) -> None:
        self.pending = False  # one arriving during the query may announce a later commit
        OwnWrites.seen = False  # and a statement sent from now on, a later write
        self.version = dataset_version(self.db)
        self.read_at = now

    def taken(self, _notify) -> None:
        """psycopg's handler for notifications read while a query runs: read again next time."""
        self.pending = True

    def drop(self) -> None:
        db, self.db, self.version = self.db, None, None
        if db is not None:
            with contextlib.suppress(DatabaseError):  # already gone
                db.close()


class OwnWrites:
    """Whether a connection of this process sent anything but a SELECT since the version was
    last read by query."""

    seen = False


def own_write_note(execute, sql, params, many, context):
    """Django's execute wrapper on each connection: note every statement but a SELECT."""
    if not (isinstance(sql, str) and sql.lstrip()[:6].upper() == "SELECT"):
        OwnWrites.seen = True
    return execute(sql, params, many, context)


@receiver(connection_created)
def own_writes_watch(sender, connection, **kwargs) -> None:
    """Put `own_write_note` on every new PostgreSQL connection but the listener's."""
    if (
        connection.vendor == "postgresql"
        and not (_listener is not None and connection is _listener.db)
        and own_write_note not in connection.execute_wrappers
    ):
        connection.execute_wrappers.append(own_write_note)


_listener: Listener | None = None
_inherited: list[Listener] = []  # a parent's, kept unclosed: closing would end its session


def listener() -> Listener:
    """This process's listener (made on first use, after gunicorn forked the worker)."""
    global _listener
    if _listener is None or _listener.pid != os.getpid():
        if _listener is not None:
            _inherited.append(_listener)
        _listener = Listener()
    return _listener


def notified_version() -> DatasetVersion | None:
    """The primary's dataset version as last notified, or None: read it by query then."""
    primary = connections[DEFAULT_DB_ALIAS]
    if (
        not settings.TRACKER_VERSION_NOTIFY
        or primary.vendor != "postgresql"
        or primary.in_atomic_block
        or connection_for_read(Claim).in_atomic_block
    ):
        return None
    return listener().current()
