"""The dataset version: a fingerprint of the whole record that changes with every write, and
when it last changed. The public answers' ETags and the shared cache of public reads
(`config.response_cache`) are keyed by it; releases and the map page read it too. It lives in
the claims core so that every layer above may read it."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

from common.replicas import connection_for_read
from districts.models import District, Region
from sources.models import Document, Source
from tracker.models import Actor, Claim, ControlPeriod

# Tables whose largest id grows with every write: the simple_history tables get a row for every
# save and delete made through the ORM, and control periods are deleted and re-created (with
# new ids) whenever the timeline is recomputed. Bulk inserts of claims bump `Claim`'s max id.
_VERSION_MODELS = (
    Claim.history.model,
    Document.history.model,
    Source.history.model,
    District.history.model,
    Region.history.model,
    Actor.history.model,
    Claim,
    Document,
    Source,
    District,
    Actor,
    ControlPeriod,
)
_DATED_MODELS = (
    Claim.history.model,
    Document.history.model,
    Source.history.model,
    District.history.model,
    Region.history.model,
    Actor.history.model,
)


@dataclass(frozen=True)
class DatasetVersion:
    """A fingerprint of the whole record, and when it last changed (None if never).

    `extras` holds what the apps above registered with `version_extra_add`, read in the same
    query (the newest release's number, say): facts beside the record, not part of its tag.
    """

    tag: str
    modified: datetime.datetime | None
    extras: tuple[tuple[str, object], ...] = ()

    def extra_value(self, name: str):
        return dict(self.extras).get(name)


# name -> (SQL aggregate over the model's table, model): registered by apps above the core.
VERSION_EXTRAS: dict[str, tuple[str, type]] = {}


def version_extra_add(name: str, aggregate: str, model: type) -> None:
    """Read `aggregate` (e.g. "MAX(number)") of `model`'s table beside every dataset version."""
    VERSION_EXTRAS[name] = (aggregate, model)


def dataset_version(db: BaseDatabaseWrapper | None = None) -> DatasetVersion:
    """Return the dataset version: one query, read before anything an answer is built from.

    On PostgreSQL it is the one-row stamp that triggers bump at commit of every write to the
    record's tables, through any path (services, COPY, raw SQL, the admin, another process):
    the new stamp is visible exactly when the written rows are, in the same commit, and a
    writer's own uncommitted statements show as a version of its own (its transaction id and
    statement count). The stamp's commit time is part of the tag, so a counter that restarts
    (a restored backup) never repeats an old version. Rules in
    tracker/migrations/0019_dataset_stamp_triggers.py. A primary-key lookup: no planning of
    sub-selects, no index extremes.

    On SQLite (one writer at a time, and fast there) it reads index extremes: every write
    through the services bumps at least one maximum, a history row or a control period;
    deletions also add a history row; the count of actors and the smallest period id catch the
    rest. Each part reads one end of a primary-key index (or a table of a few rows).

    Because it is read first, an answer built after it is never older than the version it is
    kept under (config/response_cache.py). It reads `db` when given (the version listener's own
    connection, tracker/version_notified.py), else the database this request's answers are read
    from. The tag is made of the parts' values, times in UTC, so every connection reading the
    same state tags it alike, whatever its session's time zone.
    """
    db = db or connection_for_read(Claim)
    quote = db.ops.quote_name
    # Every name below is a model's own table or column, quoted: no outside input.
    registered: list[tuple[str, Any]] = list(VERSION_EXTRAS.values())  # by code, not input
    extras = [f"(SELECT {expr} FROM {quote(m._meta.db_table)})" for expr, m in registered]  # noqa: S608
    dated: tuple[int, ...]
    if db.vendor == "postgresql":
        selects = ["s.counter", "s.modified", "t.xid", "t.statements", "t.at", *extras]
        sql = (
            f"SELECT {', '.join(selects)} FROM (SELECT 1) AS one"  # noqa: S608
            " LEFT JOIN tracker_dataset_stamp s ON s.id = 1"
            " LEFT JOIN tracker_dataset_touch t ON t.xid = txid_current_if_assigned()"
        )
        counted, dated = 4, (1, 4)  # tagged: counter, its commit time, own xid and statements
    else:
        parts = [(f"MAX({quote(m._meta.pk.column)})", m) for m in _VERSION_MODELS]
        parts += [
            ("COUNT(*)", Actor),
            (f"MIN({quote(ControlPeriod._meta.pk.column)})", ControlPeriod),
        ]
        parts += [(f"MAX({quote('history_date')})", m) for m in _DATED_MODELS]
        selects = [f"(SELECT {expr} FROM {quote(m._meta.db_table)})" for expr, m in parts]  # noqa: S608
        sql = "SELECT " + ", ".join([*selects, *extras])
        counted = len(_VERSION_MODELS) + 2
        dated = tuple(range(counted, counted + len(_DATED_MODELS)))
    with db.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    width = len(row) - len(extras)
    stamps = [as_datetime(row[i]) for i in dated if row[i] is not None]
    tagged = tuple(_utc(v) if isinstance(v, datetime.datetime) else v for v in row[:counted])
    tag = hashlib.sha256(repr(tagged).encode()).hexdigest()[:20]
    extra = tuple(zip(VERSION_EXTRAS, row[width:], strict=True))
    return DatasetVersion(tag=tag, modified=max(stamps) if stamps else None, extras=extra)


def _utc(value: datetime.datetime) -> str:
    return as_datetime(value).astimezone(datetime.UTC).isoformat()


def as_datetime(value) -> datetime.datetime:
    """Read a timestamp that SQLite returns as text and PostgreSQL as an aware datetime."""
    if isinstance(value, datetime.datetime):
        stamp = value
    else:
        stamp = datetime.datetime.fromisoformat(str(value))
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=datetime.UTC)
    return stamp
