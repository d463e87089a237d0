"""Reads of quantitative claims: what a reader may see, their audits against the stored
periods, and each source's track record (the rules are in `quantitative.audit`
and `quantitative.record`)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import Q, QuerySet

from districts.models import Region
from quantitative.audit import (
    CANNOT_JUDGE,
    CONSISTENT,
    INCONSISTENT,
    NEAR_DAYS,
    ONE_DAY,
    Audit,
    Bound,
    DistrictDay,
    Measure,
    audit_compute,
)
from quantitative.models import QuantitativeClaim
from quantitative.record import TRACK_RECORD_DAYS, TrackRecord, outcomes_judge
from sources.models import Source
from tracker.models import Claim, ControlPeriod
from tracker.selectors import actor_coalitions, claim_facts
from tracker.timeline import CONSENSUS


def quantitative_claims_visible(*, include_rejected: bool) -> QuerySet[QuantitativeClaim]:
    """Return the quantitative claims a reader may see: rejected ones only for the team."""
    claims = QuantitativeClaim.objects.select_related(
        "source", "document", "actor", "region"
    ).order_by("date_to", "id")
    if not include_rejected:
        claims = claims.exclude(review_status=Claim.Review.REJECTED)
    return claims


def quantitative_claims_near(
    claims: QuerySet[QuantitativeClaim], *, on: datetime.date, within: int = NEAR_DAYS
) -> QuerySet[QuantitativeClaim]:
    """Keep the claims whose window ends within `within` days of `on`, either side."""
    span = datetime.timedelta(days=within)
    return claims.filter(date_to__gte=on - span, date_to__lte=on + span)


def region_areas(region_ids: Iterable[int]) -> dict[int, dict[int, float]]:
    """Return {region id: {district id: area in m²}} for these regions."""
    through = Region.districts.through
    rows = through.objects.filter(region_id__in=set(region_ids)).values_list(
        "region_id", "district_id", "district__area_m2"
    )
    areas: dict[int, dict[int, float]] = defaultdict(dict)
    for region, district, area in rows:
        areas[region][district] = area
    return areas


def quantitative_audits(
    claims: Sequence[QuantitativeClaim], *, lens: str = CONSENSUS
) -> dict[int, Audit]:
    """Return {claim id: audit} for these claims, read from the stored periods of `lens`.

    One query for the regions' districts and one for the periods, whatever the number of claims.
    """
    if not claims:
        return {}
    coalition = actor_coalitions()
    areas = region_areas(c.region_id for c in claims)
    days: set[datetime.date] = set()
    for c in claims:
        days.add(c.date_to)
        if c.measure == Measure.DISTRICTS_TAKEN:
            days.add(c.date_from - ONE_DAY)
    district_ids = {d for region in areas.values() for d in region}
    periods = (
        ControlPeriod.objects.filter(lens=lens, district_id__in=district_ids, start__lte=max(days))
        .filter(Q(end__isnull=True) | Q(end__gt=min(days)))
        .select_related("actor")
    )
    by_day: dict[datetime.date, dict[int, DistrictDay]] = {day: {} for day in days}
    for p in periods:
        state = DistrictDay(p.status, p.actor.slug if p.actor else None, tuple(p.actors))
        for day in days:
            if p.start <= day and (p.end is None or p.end > day):
                by_day[day][p.district_id] = state
    return {
        c.pk: audit_compute(
            claim=c.pk,
            measure=c.measure,
            value=c.value,
            bound=c.bound,
            coalition=coalition.get(c.actor_id, c.actor.slug),
            date_from=c.date_from,
            date_to=c.date_to,
            areas=areas.get(c.region_id, {}),
            states=by_day,
            lens=lens,
        )
        for c in claims
    }


def track_record(*, source: Source, days: int = TRACK_RECORD_DAYS) -> TrackRecord:
    """Return `source`'s track record: confirmed share, median lag and median ratio."""
    districts = set(
        Claim.objects.filter(source=source, district__isnull=False).values_list(
            "district_id", flat=True
        )
    )
    facts = claim_facts(district_ids=districts) if districts else []
    own = [f for f in facts if f.source == source.slug]
    outcomes = outcomes_judge(own, [f for f in facts if f.source != source.slug], days=days)
    judged = [o for o in outcomes if o.confirmed is not None]
    confirmed = [o for o in judged if o.confirmed]
    quantitative = list(
        quantitative_claims_visible(include_rejected=False).filter(
            source=source, retracted_on__isnull=True
        )
    )
    audits = quantitative_audits(quantitative)
    verdicts = {CONSISTENT: 0, INCONSISTENT: 0, CANNOT_JUDGE: 0}
    ratios = []
    for claim in quantitative:
        audit = audits[claim.pk]
        verdicts[audit.verdict] += 1
        if claim.bound in (Bound.EXACT, Bound.APPROX) and audit.ratio is not None:
            ratios.append(audit.ratio)
    return TrackRecord(
        source=source.slug,
        window_days=days,
        claims_total=len(outcomes),
        claims_judged=len(judged),
        claims_confirmed=len(confirmed),
        lag_days=sorted(o.lag_days for o in confirmed if o.lag_days is not None),
        quantitative_total=len(quantitative),
        ratios=sorted(ratios),
        verdicts=verdicts,
        outcomes={o.claim: o for o in outcomes},
        audits=audits,
    )
