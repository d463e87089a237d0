"""Reads the API needs beyond `tracker.selectors`: the dataset version, visibility, compact
timelines and the change feed."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from districts.models import District
from tracker.freshness import report_days_parse, stale_after_days, stale_spans
from tracker.measure import record_span
from tracker.models import Actor, Claim, ControlPeriod
from tracker.selectors import changes_between
from tracker.timeline import Lens
from tracker.version import as_datetime


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
