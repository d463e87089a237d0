"""The stored control periods: recomputing them for the (lens, district) pairs a change can
affect (`timeline_refresh`), or all of them (`timeline_rebuild`), in the caller's transaction.

The engine (`tracker.timeline`) resolves a district's claims into periods; this module reads
the claims (`tracker.selectors`), runs the engine and replaces the stored rows, under a lock per
district on PostgreSQL so two refreshes of one district run one after the other. The writes of
`tracker.services` call it.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from common.bulk import rows_insert
from districts.models import District
from tracker.models import Actor, ControlPeriod
from tracker.selectors import claim_facts, claim_facts_batches, lenses_available
from tracker.timeline import CONSENSUS, ClaimFact, Lens, Period, periods_resolve

_PERIOD_COLUMNS = (
    "lens",
    "district_id",
    "status",
    "actor_id",
    "actors",
    "start",
    "end",
    "start_earliest",
    "support_ids",
    "contra_ids",
    "report_days",
    "last_reported",
    "recorded_at",
)


def _json_ids(ids: list[int]) -> str:
    return "[" + ", ".join(map(str, ids)) + "]"


def _json_days(days: list[datetime.date]) -> str:
    return "[" + ", ".join(f'"{day.isoformat()}"' for day in days) + "]"


def horizon_days() -> int:
    """The engine's horizon (rule 3 of `tracker.timeline`), from the settings."""
    return settings.TRACKER_HORIZON_DAYS


# What a stored period says, to tell whether a recomputation changed a district's periods.
_Signature = tuple


def _signature(status, actor_id, actors, start, end, earliest, support, contra, days, last):
    """Return a period's facts (the stored columns but lens and district) as one comparable
    tuple, the same whether read from the database or from the engine."""
    day_texts = tuple(d if isinstance(d, str) else d.isoformat() for d in days)
    return (
        status,
        actor_id,
        tuple(actors),
        start,
        end,
        earliest,
        tuple(support),
        tuple(contra),
        day_texts,
        last,
    )


def _stamps_read(
    lenses: Iterable[str], district_ids: Iterable[int]
) -> dict[tuple[str, int], tuple[list[_Signature], datetime.datetime]]:
    """Return, per (lens, district), the signatures of its stored periods in order and the time
    they were recorded."""
    stored: dict[tuple[str, int], tuple[list[_Signature], datetime.datetime]] = {}
    rows = (
        ControlPeriod.objects.filter(lens__in=lenses, district_id__in=district_ids)
        .order_by("lens", "district_id", "start")
        .values_list("lens", "district_id", *_PERIOD_COLUMNS[2:-1], "recorded_at")
    )
    for lens, district, *fields, recorded_at in rows:
        signatures, _ = stored.setdefault((lens, district), ([], recorded_at))
        signatures.append(_signature(*fields))
    return stored


class _PeriodWriter:
    """Write control periods as they are resolved, each stamped with `recorded_at`.

    A (lens, district) whose periods come out exactly as `kept` holds them keeps their old
    stamp; any other gets the time of this write, on every one of its periods, so a reader of
    what was recorded since a time gets a changed district's periods whole.

    On PostgreSQL, rows go through a COPY held open by `stream()`: the database takes them in
    (and checks and indexes them) while Python resolves the next district. Elsewhere they are
    collected and written with one `executemany` when the stream closes (`common.bulk`).
    """

    def __init__(
        self, kept: dict[tuple[str, int], tuple[list[_Signature], datetime.datetime]] | None = None
    ) -> None:
        self.actor_ids = dict(Actor.objects.values_list("slug", "pk"))
        self._actors_json: dict[tuple[str, ...], str] = {}
        self._copy = None
        self._rows: list[tuple] = []
        self.kept = kept or {}
        self.now = timezone.now()

    def _stamp(self, lens: str, district: int, periods: list[Period]) -> datetime.datetime:
        """The time to record the periods with: the stored one if none of them changed."""
        kept = self.kept.get((lens, district))
        if kept is None or len(kept[0]) != len(periods):
            return self.now
        actor_ids = self.actor_ids
        new = [
            _signature(
                p.status,
                actor_ids[p.actor] if p.actor else None,
                p.actors,
                p.start,
                p.end,
                p.start_earliest,
                p.support,
                p.contra,
                p.report_days,
                p.last_reported,
            )
            for p in periods
        ]
        return kept[1] if new == kept[0] else self.now

    @contextmanager
    def stream(self) -> Iterator[_PeriodWriter]:
        if connection.vendor != "postgresql":
            yield self
            rows_insert(ControlPeriod._meta.db_table, _PERIOD_COLUMNS, self._rows)
            self._rows = []
            return
        quote = connection.ops.quote_name
        columns = ", ".join(quote(c) for c in _PERIOD_COLUMNS)
        sql = f"COPY {quote(ControlPeriod._meta.db_table)} ({columns}) FROM STDIN"
        with (
            connection.wrap_database_errors,
            connection.cursor() as cursor,
            cursor.cursor.copy(sql) as copy,
        ):
            self._copy = copy
            try:
                yield self
            finally:
                self._copy = None

    def add(self, lens: str, district: int, periods: list[Period]) -> int:
        actor_ids, actors_json = self.actor_ids, self._actors_json
        write = self._rows.append if self._copy is None else self._copy.write_row
        day = _day if self._copy is None else _same
        recorded = self._stamp(lens, district, periods)
        stamp: datetime.datetime | str | None = recorded
        if self._copy is None:  # SQLite stores a DateTimeField as text
            stamp = connection.ops.adapt_datetimefield_value(recorded)
        for p in periods:
            actors = actors_json.get(p.actors)
            if actors is None:
                actors = actors_json[p.actors] = json.dumps(list(p.actors))
            write(
                (
                    lens,
                    district,
                    p.status,
                    actor_ids[p.actor] if p.actor else None,
                    actors,
                    day(p.start),
                    day(p.end),
                    day(p.start_earliest),
                    _json_ids(p.support),
                    _json_ids(p.contra),
                    _json_days(p.report_days),
                    day(p.last_reported),
                    stamp,
                )
            )
        return len(periods)


def _day(day: datetime.date | None) -> str | None:
    """A day as SQLite stores a DateField: ISO text."""
    return None if day is None else day.isoformat()


def _same(day: datetime.date | None) -> datetime.date | None:
    return day


def _lens_candidates(
    facts: list[ClaimFact], lenses: dict[str, Lens]
) -> Iterator[tuple[str, list[ClaimFact]]]:
    """Yield (lens name, the facts it may admit) for each lens in `lenses` with any candidate.

    A stance lens can only admit claims of that stance and a source lens only that source's,
    so the facts are grouped once by stance and by source instead of every lens scanning all
    of them; `Lens.admits` still decides.
    """
    if CONSENSUS in lenses:
        yield CONSENSUS, facts
    by_stance: dict[str, list[ClaimFact]] = defaultdict(list)
    by_source: dict[str, list[ClaimFact]] = defaultdict(list)
    for fact in facts:
        by_stance[fact.stance].append(fact)
        by_source[fact.source].append(fact)
    for prefix, groups in (("stance", by_stance), ("source", by_source)):
        for value, group in groups.items():
            name = f"{prefix}:{value}"
            if name in lenses:
                yield name, group


def _district_periods_write(
    district: int, facts: list[ClaimFact], lenses: dict[str, Lens], writer: _PeriodWriter
) -> dict[str, int]:
    """Resolve one district's facts in each lens and hand the periods to `writer`."""
    counts: dict[str, int] = {}
    horizon = horizon_days()
    for name, candidates in _lens_candidates(facts, lenses):
        lens = lenses[name]
        admitted = [f for f in candidates if lens.admits(f)]
        if admitted:
            counts[name] = writer.add(
                name, district, periods_resolve(admitted, horizon_days=horizon)
            )
    return counts


# The first key of the PostgreSQL advisory locks that guard a district's stored periods, and
# the key of the lock on the whole record's periods (its second key is 0: no district has id 0).
PERIODS_LOCK = 7301
RECORD_LOCK = (7302, 0)
# A write of more districts than this locks the whole record's periods instead of each of its
# districts: PostgreSQL's lock table holds about 64 locks per connection (its default
# max_locks_per_transaction), and a rebuild of 30,000 districts ran out of it (bench/RESULTS.md).
DISTRICT_LOCKS_MAX = 1000


def _districts_lock(district_ids: Iterable[int]) -> None:
    """Hold, until the transaction ends, the lock on the periods of these districts.

    Two writes about one district at the same moment would otherwise each delete and rewrite
    its periods from the claims they saw, missing the other's claim and doubling periods. The
    lock makes the second wait and then read the first's claims. The rules:

    1. A write of at most `DISTRICT_LOCKS_MAX` districts takes the record's lock shared, then
       one lock per district, in the order of their ids: writes about other districts run
       side by side, and two writers cannot deadlock.
    2. A larger write (a rebuild, a bulk import across the country) takes the record's lock
       alone, exclusively: it waits for the writes under way and the next ones wait for it,
       with one lock instead of thousands.

    PostgreSQL only: a write on SpatiaLite already holds the database's single write lock from
    its first statement (transactions there start IMMEDIATE, see `database_from_env` in the
    settings). One lock per district covers every lens: each claim's refresh includes the
    consensus lens anyway.
    """
    if connection.vendor != "postgresql":
        return
    ids = sorted(set(district_ids))
    with connection.cursor() as cursor:
        if len(ids) > DISTRICT_LOCKS_MAX:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", list(RECORD_LOCK))
            return
        cursor.execute("SELECT pg_advisory_xact_lock_shared(%s, %s)", list(RECORD_LOCK))
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, d) FROM unnest(%s::int[]) AS d ORDER BY d",
            [PERIODS_LOCK, ids],
        )


@transaction.atomic
def timeline_refresh(*, district_ids: Iterable[int], lenses: Iterable[str]) -> int:
    """Recompute the stored periods of these districts in these lenses; return how many.

    Concurrent refreshes of one district run one after the other (`_districts_lock`).
    """
    district_ids, lenses = set(district_ids), set(lenses)
    if not district_ids or not lenses:
        return 0
    _districts_lock(district_ids)
    kept = _stamps_read(lenses, district_ids)
    ControlPeriod.objects.filter(lens__in=lenses, district_id__in=district_ids).delete()
    parsed = {name: Lens.parse(name) for name in lenses}
    by_district: dict[int, list[ClaimFact]] = defaultdict(list)
    for fact in claim_facts(district_ids=district_ids):
        by_district[fact.district].append(fact)
    writer = _PeriodWriter(kept)
    with writer.stream():
        return sum(
            sum(_district_periods_write(district, facts, parsed, writer).values())
            for district, facts in by_district.items()
        )


@transaction.atomic
def timeline_rebuild() -> dict[str, int]:
    """Recompute every period of every lens from all claims; return period counts per lens.

    The claims are read a batch of districts at a time; each district is resolved in every
    lens at once, and its periods stream into the database while the next is resolved.
    Refreshes running meanwhile wait for it (it holds the whole record's lock). Every period is
    recorded anew (`recorded_at` is now): a rebuild follows a change of the engine's settings.
    """
    _districts_lock(District.objects.values_list("pk", flat=True))
    ControlPeriod.objects.all().delete()
    parsed = {name: Lens.parse(name) for name in lenses_available()}
    counts = dict.fromkeys(parsed, 0)
    writer = _PeriodWriter()
    for batch in claim_facts_batches():
        with writer.stream():
            for district, facts in batch:
                for name, stored in _district_periods_write(
                    district, facts, parsed, writer
                ).items():
                    counts[name] += stored
    return counts
