"""Reads the API needs beyond `tracker.selectors`: the dataset version, visibility, compact
timelines and the change feed."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from common.replicas import connection_for_read
from districts.models import District, Region
from sources.models import Document, Source
from tracker.freshness import report_days_parse, stale_after_days, stale_spans
from tracker.measure import record_span
from tracker.models import Actor, Claim, ControlPeriod
from tracker.selectors import changes_between
from tracker.timeline import Lens

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


def dataset_version() -> DatasetVersion:
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
    kept under (config/response_cache.py).
    """
    db = connection_for_read(Claim)  # the database this request's answer is read from
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
    tag = hashlib.sha256(repr(tuple(row[:counted])).encode()).hexdigest()[:20]
    extra = tuple(zip(VERSION_EXTRAS, row[width:], strict=True))
    return DatasetVersion(tag=tag, modified=max(stamps) if stamps else None, extras=extra)


def as_datetime(value) -> datetime.datetime:
    """Read a timestamp that SQLite returns as text and PostgreSQL as an aware datetime."""
    if isinstance(value, datetime.datetime):
        stamp = value
    else:
        stamp = datetime.datetime.fromisoformat(str(value))
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=datetime.UTC)
    return stamp


def claims_visible(*, include_rejected: bool) -> QuerySet[Claim]:
    """Return the claims a reader may see: rejected ones only for analysts and reviewers."""
    claims = Claim.objects.select_related("source", "document", "district", "actor")
    if not include_rejected:
        claims = claims.exclude(review_status=Claim.Review.REJECTED)
    return claims


def claims_by_id(ids: Iterable[int], *, include_rejected: bool) -> dict[int, Claim]:
    """Return {id: claim} for these ids, leaving out what the reader may not see."""
    return {c.pk: c for c in claims_visible(include_rejected=include_rejected).filter(pk__in=ids)}


def lens_span(*, lens: str) -> tuple[datetime.date, datetime.date] | None:
    """Return the first and last period start in `lens`, or None if it has no periods."""
    return record_span(lens=lens)


@dataclass(frozen=True)
class CompactTimeline:
    """Every period of a lens, with districts and actors referred to by index.

    `last_reported` and `stale` run parallel to `periods`: each period's newest report day
    (ISO, or None), and its stale spans `[[from, until or None], ...]` (None when it never turns
    stale after `stale_after_days` days), as `tracker.freshness` defines them.
    """

    lens: str
    actors: list[str]
    districts: list[str]
    periods: list[list]
    last_reported: list[str | None] = field(default_factory=list)
    stale: list[list[list[str | None]] | None] = field(default_factory=list)
    stale_after_days: int = 0


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def timeline_compact(*, lens: str) -> CompactTimeline:
    """Return every period of every district in `lens` as rows of
    [district index, start, end or None, status, actor index or None, earliest, [actor indexes]],
    with each period's last_reported day and stale spans in parallel lists.
    """
    district_slugs = list(District.objects.order_by("slug").values_list("pk", "slug"))
    district_index = {pk: i for i, (pk, _) in enumerate(district_slugs)}
    actor_slugs = list(Actor.objects.order_by("slug").values_list("slug", flat=True))
    actor_index = {slug: i for i, slug in enumerate(actor_slugs)}
    after_days = stale_after_days()
    rows = (
        ControlPeriod.objects.filter(lens=lens)
        .order_by("district__slug", "start")
        .values_list(
            "district_id",
            "start",
            "end",
            "status",
            "actor__slug",
            "start_earliest",
            "actors",
            "last_reported",
            "report_days",
        )
    )
    periods, last_reported, stale = [], [], []
    for district, start, end, status, actor, earliest, actors, reported, days in rows:
        periods.append(
            [
                district_index[district],
                start.isoformat(),
                _iso(end),
                status,
                actor_index.get(actor) if actor else None,
                earliest.isoformat(),
                [actor_index[a] for a in actors if a in actor_index],
            ]
        )
        last_reported.append(_iso(reported))
        spans = stale_spans(report_days_parse(days), start, end, after_days)
        stale.append([[_iso(a), _iso(b)] for a, b in spans] or None)
    return CompactTimeline(
        lens=lens,
        actors=actor_slugs,
        districts=[s for _, s in district_slugs],
        periods=periods,
        last_reported=last_reported,
        stale=stale,
        stale_after_days=after_days,
    )


@dataclass(frozen=True)
class Change:
    """One entry of the change feed: a new control period, or a claim rejected, disputed or
    retracted."""

    type: str  # "control", "rejected", "disputed" or "retracted"
    day: datetime.date
    district: str | None
    status: str | None = None
    actor: str | None = None
    actors: list[str] = field(default_factory=list)
    earliest: datetime.date | None = None
    claims: list[int] = field(default_factory=list)
    source: str | None = None
    recorded_at: datetime.datetime | None = None
    reason: str | None = None  # the reviewer's reason, for "rejected" and "disputed"


def _recorded_window(
    since: datetime.date | None,
    until: datetime.date | None,
    recorded_since: datetime.datetime | None,
) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """The range of record times [from, to) to read reviews in: the days since..until (UTC),
    narrowed to from `recorded_since` when given."""
    start = end = None
    if since is not None:
        start = datetime.datetime.combine(since, datetime.time.min, tzinfo=datetime.UTC)
    if until is not None:
        end = datetime.datetime.combine(
            until + datetime.timedelta(days=1), datetime.time.min, tzinfo=datetime.UTC
        )
    if recorded_since is not None:
        start = recorded_since if start is None else max(start, recorded_since)
    return start, end


def _in(value, low, high) -> bool:
    return (low is None or value >= low) and (high is None or value < high)


def claim_events(
    *,
    since: datetime.date | None,
    until: datetime.date | None,
    lens: str,
    recorded_since: datetime.datetime | None = None,
) -> list[Change]:
    """Return, from the claims' history, each time a claim became rejected or disputed (dated
    by when the review was recorded, with the reviewer's reason) or retracted (dated by the day
    its source withdrew it), in the range of days (either end None: open); with
    `recorded_since`, only those recorded at or after that time. Each carries `recorded_at`,
    the time of the history row that recorded it.
    """
    History = Claim.history.model
    start, end = _recorded_window(since, until, recorded_since)
    judged = (Claim.Review.REJECTED, Claim.Review.DISPUTED)
    reviews = History.objects.filter(review_status__in=judged)
    retractions = History.objects.filter(retracted_on__isnull=False)
    if start is not None:
        reviews = reviews.filter(history_date__gte=start)
    if end is not None:
        reviews = reviews.filter(history_date__lt=end)
    if since is not None:
        retractions = retractions.filter(retracted_on__gte=since)
    if until is not None:
        retractions = retractions.filter(retracted_on__lte=until)
    if recorded_since is not None:
        retractions = retractions.filter(history_date__gte=recorded_since)
    ids = set(reviews.values_list("id", flat=True)) | set(retractions.values_list("id", flat=True))
    if not ids:
        return []
    claims = {
        pk: (district, source, stance)
        for pk, district, source, stance in Claim.objects.filter(pk__in=ids).values_list(
            "pk", "district__slug", "source__slug", "source__stance"
        )
    }
    rows = (
        History.objects.filter(id__in=ids)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_date", "review_status", "retracted_on", "review_reason")
    )
    seen_by = Lens.parse(lens)
    events: list[Change] = []
    previous: tuple | None = None
    for pk, at, review, retracted_on, reason in rows:
        at = as_datetime(at)
        before = previous if previous is not None and previous[0] == pk else None
        previous = (pk, review, retracted_on)
        if pk not in claims:
            continue
        district, source, stance = claims[pk]
        if not seen_by.speaks_for(source, stance):
            continue
        became_judged = review in judged and (before is None or before[1] != review)
        if became_judged and _in(at, start, end):
            events.append(
                Change(
                    type=review,
                    day=at.date(),
                    district=district,
                    claims=[pk],
                    source=source,
                    recorded_at=at,
                    reason=reason,
                )
            )
        became_retracted = retracted_on is not None and (before is None or before[2] is None)
        if (
            became_retracted
            and _in(retracted_on, since, until and until + datetime.timedelta(days=1))
            and _in(at, recorded_since, None)
        ):
            events.append(
                Change(
                    type="retracted",
                    day=retracted_on,
                    district=district,
                    claims=[pk],
                    source=source,
                    recorded_at=at,
                )
            )
    return events


CHANGE_ORDER = {"control": 0, "rejected": 1, "disputed": 2, "retracted": 3}


def changes_feed(
    *,
    since: datetime.date | None,
    until: datetime.date | None,
    lens: str,
    recorded_since: datetime.datetime | None = None,
) -> list[Change]:
    """Return the period starts of `lens` in the range of days, and the claims rejected,
    disputed or retracted, each with the day of the change and when it was recorded.

    Without `recorded_since`, order them by day; with it, keep only what was recorded at or
    after that time and order by `recorded_at` first, so a client can sync incrementally. Ties
    go by day, type, district and claim ids.
    """
    periods = changes_between(since=since, until=until, lens=lens, recorded_since=recorded_since)
    changes = [
        Change(
            type="control",
            day=p.start,
            district=p.district.slug,
            status=p.status,
            actor=p.actor.slug if p.actor else None,
            actors=list(p.actors),
            earliest=p.start_earliest,
            claims=list(p.support_ids),
            recorded_at=as_datetime(p.recorded_at),
        )
        for p in periods
    ]
    changes.extend(claim_events(since=since, until=until, lens=lens, recorded_since=recorded_since))

    def by_day(c: Change) -> tuple:
        return (c.day, CHANGE_ORDER[c.type], c.district or "", c.claims)

    if recorded_since is None:
        changes.sort(key=by_day)
    else:
        changes.sort(key=lambda c: (c.recorded_at, *by_day(c)))
    return changes


def districts_total_area() -> float:
    """Return the summed area of every district, in m²."""
    from django.db.models import Sum

    return District.objects.aggregate(total=Sum("area_m2"))["total"] or 0.0
