"""Reads of the resolved timeline and of the claims behind it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from common.replicas import connection_for_read
from districts.models import Alias, District, Region
from districts.names import name_key
from sources.models import Source
from tracker.freshness import last_reported_on, report_days_parse, stale_after_days, stale_on
from tracker.models import Actor, Claim, ControlPeriod
from tracker.timeline import STANCE_SIDE, UNKNOWN, ClaimFact, Lens


def actor_coalitions() -> dict[int, str]:
    """Return {actor id: slug of its top-level coalition} (an actor with no parent is its own)."""
    actors = {a.pk: a for a in Actor.objects.all()}
    top: dict[int, str] = {}
    for pk, actor in actors.items():
        seen, current = set(), actor
        while current.parent_id and current.parent_id not in seen and current.parent_id in actors:
            seen.add(current.pk)
            current = actors[current.parent_id]
        top[pk] = current.slug
    return top


_FACT_COLUMNS = (
    "id",
    "district_id",
    "status",
    "actor_id",
    "effective_from",
    "effective_to",
    "review_status",
    "retracted_on",
    "source__slug",
    "source__stance",
    "source__actor_id",
    "place_name",
)


def region_name_keys() -> frozenset[str]:
    """Return the folded names (see `districts.names.name_key`) that denote a region."""
    keys = {name_key(n) for n in Region.objects.values_list("name_en", flat=True)}
    keys |= {name_key(n) for n in Region.objects.values_list("name_ar", flat=True) if n}
    keys |= set(Alias.objects.filter(region__isnull=False).values_list("key", flat=True))
    return frozenset(k for k in keys if k)


class _Regional:
    """Say whether a claim's place name denotes a region, folding each distinct name once."""

    def __init__(self) -> None:
        self.keys = region_name_keys()
        self.seen: dict[str, bool] = {}

    def __call__(self, place_name: str) -> bool:
        found = self.seen.get(place_name)
        if found is None:
            found = self.seen[place_name] = name_key(place_name) in self.keys
        return found


def _facts_from_rows(
    rows: Iterable[tuple], coalition: dict[int, str], regional: _Regional
) -> Iterator[ClaimFact]:
    for (
        pk,
        district,
        status,
        actor,
        start,
        end,
        review,
        retracted,
        source,
        stance,
        source_actor,
        place_name,
    ) in rows:
        yield ClaimFact(
            id=pk,
            district=district,
            status=status,
            actor=coalition[actor] if actor else None,
            earliest=start,
            day=end,
            review=review,
            retracted=retracted is not None,
            source=source,
            stance=stance,
            side=coalition[source_actor] if source_actor else STANCE_SIDE.get(stance),
            regional=regional(place_name),
        )


def claim_facts(*, district_ids: Iterable[int] | None = None) -> list[ClaimFact]:
    """Return the mapped claims (of these districts, or all) as the engine's plain facts."""
    claims = Claim.objects.filter(district__isnull=False).values_list(*_FACT_COLUMNS)
    if district_ids is not None:
        # A few districts: one plain fetch (a server-side cursor costs extra round trips).
        rows: Iterable[tuple] = list(claims.filter(district_id__in=list(district_ids)))
    else:
        rows = claims.iterator(chunk_size=5000)
    return list(_facts_from_rows(rows, actor_coalitions(), _Regional()))


def claim_facts_batches(
    *, districts_per_batch: int = 500
) -> Iterator[list[tuple[int, list[ClaimFact]]]]:
    """Yield the mapped claims as facts, a batch of districts at a time, in district order.

    Each batch is a list of (district id, its facts). Memory holds one batch, not the whole
    record, and the connection is free between batches (a COPY can run on it).
    """
    districts = list(
        Claim.objects.filter(district__isnull=False)
        .order_by("district_id")
        .values_list("district_id", flat=True)
        .distinct()
    )
    coalition, regional = actor_coalitions(), _Regional()
    for first in range(0, len(districts), districts_per_batch):
        ids = districts[first : first + districts_per_batch]
        rows = (
            Claim.objects.filter(district_id__gte=ids[0], district_id__lte=ids[-1])
            .order_by("district_id", "id")
            .values_list(*_FACT_COLUMNS)
        )
        batch: list[tuple[int, list[ClaimFact]]] = []
        for fact in _facts_from_rows(list(rows), coalition, regional):
            if not batch or batch[-1][0] != fact.district:
                batch.append((fact.district, []))
            batch[-1][1].append(fact)
        yield batch


def lenses_available() -> list[str]:
    """Return every lens: consensus, each stance, and each source that has mapped claims."""
    sources = (
        Source.objects.filter(claims__district__isnull=False)
        .distinct()
        .order_by("slug")
        .values_list("slug", flat=True)
    )
    return Lens.names(slugs=sources)


@dataclass(frozen=True)
class DistrictState:
    district: str
    status: str
    actor: str | None
    actors: list[str] = field(default_factory=list)
    since: datetime.date | None = None
    start_earliest: datetime.date | None = None
    claims: list[int] = field(default_factory=list)
    last_reported: datetime.date | None = None  # see tracker.freshness
    stale: bool = False


def period_last_reported_on(period: ControlPeriod, on: datetime.date) -> datetime.date | None:
    """Return the period's last_reported day as of `on` (`tracker.freshness`).

    The stored `last_reported` is the newest report day: when it is on or before `on` it is the
    answer without reading the list (the PostgreSQL documents take the same shortcut).
    """
    if period.last_reported is not None and period.last_reported <= on:
        return period.last_reported
    return last_reported_on(report_days_parse(period.report_days), on)


def periods_on(*, on: datetime.date, lens: str) -> QuerySet[ControlPeriod]:
    """Return the periods of `lens` in force on day `on` (at most one per district)."""
    return ControlPeriod.objects.filter(lens=lens, start__lte=on).filter(
        Q(end__isnull=True) | Q(end__gt=on)
    )


def control_on(*, on: datetime.date, lens: str) -> list[DistrictState]:
    """Return every district's state on day `on` in `lens`; `unknown` before its first claim.
    Each known state carries `last_reported` and `stale` as of `on` (`tracker.freshness`)."""
    current = {p.district_id: p for p in periods_on(on=on, lens=lens).select_related("actor")}
    after_days = stale_after_days()
    states = []
    for pk, slug in District.objects.order_by("slug").values_list("pk", "slug"):
        period = current.get(pk)
        if period is None:
            states.append(DistrictState(district=slug, status=UNKNOWN, actor=None))
            continue
        reported = period_last_reported_on(period, on)
        states.append(
            DistrictState(
                district=slug,
                status=period.status,
                actor=period.actor.slug if period.actor else None,
                actors=list(period.actors),
                since=period.start,
                start_earliest=period.start_earliest,
                claims=list(period.support_ids),
                last_reported=reported,
                stale=stale_on(reported, on, after_days),
            )
        )
    return states


# The control/ document, built by PostgreSQL in one statement: one row per district in slug
# order, unknown where no period of the lens covers the day. Table and column names are the
# models' own; the day and the lens are bound parameters; the staleness threshold, a whole
# number of days, is written in (so `bench/` can run the statement as text). last_reported on
# the day follows `tracker.freshness`: the stored newest report day when it is not after the
# day, else the newest one on or before it. A row holds the fields asked (`control_fields`).
_CONTROL_ROW = {
    "district": "d.slug",
    "status": "COALESCE(p.status, 'unknown')",
    "actor": "a.slug",
    "actors": "COALESCE(p.actors, '[]'::jsonb)",
    "since": "p.start",
    "claims": "COALESCE(p.support_ids, '[]'::jsonb)",
    "last_reported": "r.day",
    "stale": "COALESCE(%(on)s::date - r.day > STALE_AFTER_DAYS, false)",
}
CONTROL_FIELDS = tuple(_CONTROL_ROW)  # a control/ row's fields, in the document's order
_CONTROL_JSON_TEMPLATE = """
SELECT json_build_object(
    'on', %(on)s::date,
    'lens', %(lens)s::text,
    'districts', COALESCE(json_agg(json_build_object(ROW_FIELDS) ORDER BY d.slug), '[]'::json)
)::text
FROM districts_district d
LEFT JOIN tracker_controlperiod p
    ON p.district_id = d.id AND p.lens = %(lens)s
    AND p.start <= %(on)s AND (p."end" IS NULL OR p."end" > %(on)s)
LEFT JOIN tracker_actor a ON a.id = p.actor_id
LEFT JOIN LATERAL (
    SELECT CASE WHEN p.last_reported <= %(on)s::date THEN p.last_reported
           ELSE (SELECT max(x)::date FROM jsonb_array_elements_text(p.report_days) AS x
                 WHERE x <= %(on)s::date::text) END AS day
) r ON true
"""


def control_fields(fields: Iterable[str] | None = None) -> tuple[str, ...]:
    """Return the fields of a control/ row for the ones asked (None: all), in the document's
    order, `district` always first (the API refuses names not in CONTROL_FIELDS)."""
    asked = set(CONTROL_FIELDS if fields is None else fields)
    return tuple(f for f in CONTROL_FIELDS if f == "district" or f in asked)


def _with_threshold(template: str) -> str:
    return template.replace("STALE_AFTER_DAYS", str(int(stale_after_days())))


def control_json_sql(fields: Iterable[str] | None = None) -> str:
    """Return the control/ statement for the row `fields` (None: all; see `control_fields`)."""
    row = ", ".join(f"'{f}', {_CONTROL_ROW[f]}" for f in control_fields(fields))
    return _with_threshold(_CONTROL_JSON_TEMPLATE.replace("ROW_FIELDS", row))


def control_on_json(
    *, on: datetime.date, lens: str, fields: Iterable[str] | None = None
) -> str | None:
    """Return `control_on` as the API's JSON document, built by PostgreSQL in one query.

    The document is `{"on", "lens", "districts": [{"district", "status", "actor", "actors",
    "since", "claims", "last_reported", "stale"}]}`, districts in slug order, rows holding only
    `fields` if given. Return None on other databases: callers then serialise `control_on`.
    """
    db = connection_for_read(ControlPeriod)
    if db.vendor != "postgresql":
        return None
    with db.cursor() as cursor:
        cursor.execute(control_json_sql(fields), {"on": on, "lens": lens})
        return cursor.fetchone()[0]


# The timeline/ document (see tracker.api.selectors.timeline_compact), built by PostgreSQL:
# districts and actors as indexes into their slug-ordered lists, periods ordered by district
# slug then start, each period's named sides in their stored order. `last_reported` and
# `stale` run parallel to `periods` (same order): each period's newest report day, and its
# stale spans [[from, until or null]] (null when it never turns stale), as
# `tracker.freshness.stale_spans` computes them. Only a period whose first report day is more
# than the threshold before its end can have a stale span: the others skip the list.
_TIMELINE_JSON_TEMPLATE = """
WITH d AS (SELECT id, slug, row_number() OVER (ORDER BY slug) - 1 AS i FROM districts_district),
a AS (SELECT id, slug, row_number() OVER (ORDER BY slug) - 1 AS i FROM tracker_actor),
index_of AS (SELECT jsonb_object_agg(slug, i) AS m FROM a),
fresh AS (
    SELECT json_agg(p.last_reported ORDER BY d.slug, p.start) AS last_reported,
           json_agg(CASE WHEN jsonb_array_length(p.report_days) > 0
                          AND (p."end" IS NULL
                               OR p."end" - (p.report_days ->> 0)::date > STALE_AFTER_DAYS + 1)
                    THEN (SELECT json_agg(json_build_array(s.stale_from, s.until)
                                          ORDER BY s.stale_from)
                          FROM (SELECT greatest(p.start, r.day + STALE_AFTER_DAYS + 1) AS stale_from,
                                       least(r.next, p."end") AS until
                                FROM (SELECT x::date AS day,
                                             lead(x::date) OVER (ORDER BY x::date) AS next
                                      FROM jsonb_array_elements_text(p.report_days) AS x) r) s
                          WHERE s.until IS NULL OR s.stale_from < s.until)
                    END ORDER BY d.slug, p.start) AS stale
    FROM tracker_controlperiod p
    JOIN d ON d.id = p.district_id
    WHERE p.lens = %(lens)s
)
SELECT json_build_object(
    'lens', %(lens)s::text,
    'actors', (SELECT COALESCE(json_agg(slug ORDER BY slug), '[]'::json) FROM a),
    'districts', (SELECT COALESCE(json_agg(slug ORDER BY slug), '[]'::json) FROM d),
    'periods', COALESCE((
        SELECT json_agg(json_build_array(
            d.i, p.start, p."end", p.status, (index_of.m ->> holder.slug)::int, p.start_earliest,
            CASE WHEN jsonb_array_length(p.actors) = 1 AND index_of.m ? (p.actors ->> 0)
                 THEN json_build_array((index_of.m ->> (p.actors ->> 0))::int)
                 ELSE (SELECT COALESCE(json_agg((index_of.m ->> side.slug)::int ORDER BY side.n),
                                       '[]'::json)
                       FROM jsonb_array_elements_text(p.actors) WITH ORDINALITY AS side(slug, n)
                       WHERE index_of.m ? side.slug) END
        ) ORDER BY d.slug, p.start)
        FROM tracker_controlperiod p
        JOIN d ON d.id = p.district_id
        LEFT JOIN tracker_actor holder ON holder.id = p.actor_id
        CROSS JOIN index_of
        WHERE p.lens = %(lens)s
    ), '[]'::json),
    'last_reported', COALESCE((SELECT last_reported FROM fresh), '[]'::json),
    'stale', COALESCE((SELECT stale FROM fresh), '[]'::json),
    'stale_after_days', STALE_AFTER_DAYS
)::text
"""


def timeline_json(*, lens: str) -> str | None:
    """Return the timeline/ document of `lens` as JSON text built by PostgreSQL in one query:
    `{"lens", "actors", "districts", "periods": [[district index, start, end, status, actor
    index, earliest, [actor indexes]]], "last_reported": [day or null per period], "stale":
    [[[from, until or null], ...] or null per period], "stale_after_days"}`. Return None on other
    databases: callers then serialise `tracker.api.selectors.timeline_compact`.
    """
    db = connection_for_read(ControlPeriod)
    if db.vendor != "postgresql":
        return None
    with db.cursor() as cursor:
        cursor.execute(_with_threshold(_TIMELINE_JSON_TEMPLATE), {"lens": lens})
        return cursor.fetchone()[0]


def district_history(*, district: District, lens: str) -> QuerySet[ControlPeriod]:
    """Return the district's control periods in `lens`, oldest first."""
    return ControlPeriod.objects.filter(lens=lens, district=district).select_related("actor")


def changes_between(
    *,
    since: datetime.date | None,
    until: datetime.date | None,
    lens: str,
    recorded_since: datetime.datetime | None = None,
) -> QuerySet[ControlPeriod]:
    """Return the periods of `lens` that began between `since` and `until`, inclusive (either
    None: open), and, with `recorded_since`, were recorded at or after that time."""
    periods = ControlPeriod.objects.filter(lens=lens)
    if since is not None:
        periods = periods.filter(start__gte=since)
    if until is not None:
        periods = periods.filter(start__lte=until)
    if recorded_since is not None:
        periods = periods.filter(recorded_at__gte=recorded_since)
    return periods.select_related("district", "actor").order_by("start", "district__slug")


@dataclass(frozen=True)
class AreaShare:
    day: datetime.date
    area_m2: dict[str, float]  # by actor slug, and "contested", "disputed", "unknown"
    share: dict[str, float]  # the same keys, as fractions of all districts' area


def area_held(
    *, lens: str, start: datetime.date, end: datetime.date, step_days: int = 1
) -> list[AreaShare]:
    """Return, every `step_days` from `start` to `end`, the area and share each side held.

    Areas are the districts' stored areas (m², computed on an equal-area projection). Contested,
    disputed and unknown ground are reported under those names.
    """
    if step_days < 1:
        raise ValueError("step_days must be at least 1.")
    areas = dict(District.objects.values_list("pk", "area_m2"))
    total = sum(areas.values()) or 1.0
    periods = list(
        ControlPeriod.objects.filter(lens=lens, start__lte=end)
        .filter(Q(end__isnull=True) | Q(end__gt=start))
        .values_list("district_id", "status", "actor__slug", "start", "end")
    )
    result = []
    day = start
    while day <= end:
        held: dict[str, float] = {}
        known = 0.0
        for district, status, actor, p_start, p_end in periods:
            if p_start <= day and (p_end is None or p_end > day):
                key = actor if status == "held" else status
                held[key] = held.get(key, 0.0) + areas[district]
                known += areas[district]
        held[UNKNOWN] = max(sum(areas.values()) - known, 0.0)
        result.append(
            AreaShare(day=day, area_m2=held, share={k: v / total for k, v in held.items()})
        )
        day += datetime.timedelta(days=step_days)
    return result
