"""The audit of quantitative claims against the map, and each source's track record.

A quantitative claim states a number about a region ("five districts taken today", "98% of
the east", "rebels hold less than 3 km²"). The audit computes the same measure from the
**consensus** lens, for the same region and window, and says whether the claim holds. The rules:

1. **Measures.** The actor counts as its coalition (the Syrian Arab Army's gains are the
   government's). A district is *held by the actor* on a day when the consensus says it is held
   by that coalition; contested, disputed and unknown districts are not.

   - ``districts_held``: the region's districts held by the actor on ``date_to``;
   - ``districts_taken``: the region's districts held by the actor on ``date_to`` and not held by
     it the day before the window (``date_from`` - 1 day);
   - ``share_held``: the area of the region's districts held by the actor on ``date_to``, in
     percent of the region's area (areas are `District.area_m2`, measured on an equal-area
     projection);
   - ``area_held_km2``: that area in km².

   The **mapped value** is the measure as the map shows it: unknown and disputed districts are
   not counted as the actor's.
2. **Gap.** ``ratio`` is claimed / mapped (None when the mapped value is 0); ``difference`` is
   claimed - mapped, in the measure's unit.
3. **What a bound accepts.** ``exact``: equal at the precision the number was stated, that is
   within half a unit of its last digit (75 accepts 74.5 to 75.5; a count of 5 accepts 5 only);
   ``upper`` ("at most", "less than"): mapped <= value; ``lower`` ("at least", "more than"):
   mapped >= value; ``approx`` ("about", "nearly"): within 10% of the value, and never tighter
   than ±1 district for counts or half a unit of the last digit otherwise.
4. **Coverage: when the map cannot judge.** A district that is unknown on a day the measure
   reads (no claim yet), or disputed between the actor and another side, could go either way.
   The audit computes the least and the most the measure could be if each went either way
   (`mapped_low`, `mapped_high`). The claim is *consistent* when every value in that range is
   accepted, *inconsistent* when none is, and otherwise the verdict is ``cannot_judge`` with
   the reason "cannot judge: coverage", naming how many districts were unknown or disputed.

A source's **track record** weighs its district claims against what others said:

5. **Confirmed.** A claim (not rejected, not retracted, about a mapped district) is confirmed
   when, on some day from its ``effective_to`` to ``TRACK_RECORD_DAYS`` (14) days later, the
   consensus of the *other* sources puts its district in the claimed state (held by the same
   coalition, or contested; a disputed state confirms nothing). The source's own claims are
   left out of that consensus, or a lone source would always confirm itself. A claim whose
   district the other sources say nothing about in that fortnight cannot be judged and is left
   out of the share; a claim they contradict throughout is not confirmed.
6. **Lag.** For a confirmed claim: its ``effective_to`` minus the start of the others'
   consensus period that confirmed it. Negative: the source was ahead of the others; positive:
   it repeated what others had said earlier. The record gives the median.
7. **Exaggeration.** The median claimed / mapped ratio of the source's quantitative claims
   (not rejected, not retracted) whose bound is ``exact`` or ``approx`` and whose mapped value is
   not 0. Bounds are left out: "at least 5" when the map shows 10 is not an understatement.
"""

from __future__ import annotations

import datetime
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet

from districts.models import Region
from sources.models import Source
from tracker.models import Claim, ControlPeriod, QuantitativeClaim
from tracker.selectors import actor_coalitions, claim_facts
from tracker.timeline import (
    CONSENSUS,
    CONTESTED,
    DISPUTED,
    HELD,
    UNKNOWN,
    ClaimFact,
    Lens,
    Period,
    lens_periods,
)

Measure, Bound = QuantitativeClaim.Measure, QuantitativeClaim.Bound
COUNT_MEASURES = frozenset({Measure.DISTRICTS_TAKEN, Measure.DISTRICTS_HELD})
APPROX_RELATIVE = 0.10  # "about" accepts 10% either way ...
APPROX_MIN_DISTRICTS = 1.0  # ... and never less than ±1 district for counts
TRACK_RECORD_DAYS = 14
NEAR_DAYS = 3  # quantitative-claims/?on=: claims whose window ends this close to the day
EPSILON = 1e-9  # shares and areas are sums of floats
CONSISTENT, INCONSISTENT, CANNOT_JUDGE = "consistent", "inconsistent", "cannot_judge"
ONE_DAY = datetime.timedelta(days=1)


# ---- pure functions: states, measures, verdicts ------------------------------------------


@dataclass(frozen=True, slots=True)
class DistrictDay:
    """One district's state on one day in a lens: held (by `actor`), contested, disputed or
    unknown; `actors` names every side when disputed."""

    status: str
    actor: str | None = None
    actors: tuple[str, ...] = ()

    def held_by(self, coalition: str) -> bool:
        return self.status == HELD and self.actor == coalition

    def maybe_held_by(self, coalition: str) -> bool:
        """Held by the coalition, or unknown, or disputed between it and another side."""
        return (
            self.held_by(coalition)
            or self.status == UNKNOWN
            or (self.status == DISPUTED and coalition in self.actors)
        )

    @property
    def undecided(self) -> bool:
        return self.status in (UNKNOWN, DISPUTED)


UNKNOWN_DAY = DistrictDay(UNKNOWN)


@dataclass(frozen=True, slots=True)
class Measured:
    """A measure computed from the map: as shown (`mapped`) and the range the undecided
    districts leave open (`low` to `high`)."""

    mapped: float
    low: float
    high: float
    districts_total: int
    districts_unknown: int
    districts_disputed: int


def measure_compute(
    *,
    measure: str,
    coalition: str,
    areas: Mapping[int, float],
    end: Mapping[int, DistrictDay],
    before: Mapping[int, DistrictDay] | None = None,
) -> Measured:
    """Compute `measure` for `coalition` over the districts of `areas` ({id: m²}) by rule 1.

    `end` holds the states on the window's last day, `before` those of the day before the
    window (needed for districts_taken); a district missing from either is unknown.
    """
    before = before or {}
    total_area = sum(areas.values())
    mapped = low = high = 0.0
    unknown = disputed = 0
    for district, area in areas.items():
        last = end.get(district, UNKNOWN_DAY)
        first = before.get(district, UNKNOWN_DAY)
        read = (last, first) if measure == Measure.DISTRICTS_TAKEN else (last,)
        unknown += any(s.status == UNKNOWN for s in read)
        disputed += any(s.status == DISPUTED for s in read)
        if measure == Measure.DISTRICTS_TAKEN:
            shown = last.held_by(coalition) and not first.held_by(coalition)
            surely = shown and not first.maybe_held_by(coalition)
            maybe = last.maybe_held_by(coalition) and not first.held_by(coalition)
            weight = 1.0
        else:
            shown = surely = last.held_by(coalition)
            maybe = last.maybe_held_by(coalition)
            weight = 1.0 if measure == Measure.DISTRICTS_HELD else area
        mapped += weight * shown
        low += weight * surely
        high += weight * maybe
    if measure == Measure.SHARE_HELD:
        scale = 100.0 / total_area if total_area else 0.0
    elif measure == Measure.AREA_HELD_KM2:
        scale = 1e-6
    else:
        scale = 1.0
    return Measured(
        mapped=mapped * scale,
        low=low * scale,
        high=high * scale,
        districts_total=len(areas),
        districts_unknown=unknown,
        districts_disputed=disputed,
    )


def half_unit(value: float) -> float:
    """Return half a unit of the last digit `value` was written with (75: 0.5; 7.5: 0.05)."""
    digits = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return 0.5 * 10.0 ** min(int(digits), 0)


def accepted_range(*, value: float, bound: str, measure: str) -> tuple[float, float]:
    """Return the mapped values that a claim of `value` with `bound` accepts (rule 3)."""
    half = half_unit(value)
    if bound == Bound.UPPER:
        return -math.inf, value
    if bound == Bound.LOWER:
        return value, math.inf
    if bound == Bound.APPROX:
        floor = APPROX_MIN_DISTRICTS if measure in COUNT_MEASURES else half
        slack = max(APPROX_RELATIVE * value, floor)
        return value - slack, value + slack
    return value - half, value + half


def verdict_judge(*, low: float, high: float, accepted: tuple[float, float]) -> str:
    """Say whether every value from `low` to `high` is accepted, none is, or it depends."""
    lo, hi = accepted
    if lo - EPSILON <= low and high <= hi + EPSILON:
        return CONSISTENT
    if high < lo - EPSILON or low > hi + EPSILON:
        return INCONSISTENT
    return CANNOT_JUDGE


def ratio_of(claimed: float, mapped: float) -> float | None:
    """Return claimed / mapped, or None when the map shows nothing to divide by."""
    return None if abs(mapped) < EPSILON else claimed / mapped


@dataclass(frozen=True)
class Audit:
    """One quantitative claim against the map: what the map shows and whether the claim holds."""

    claim: int
    lens: str
    measure: str
    value: float
    bound: str
    day: datetime.date  # the day the state is read (date_to)
    baseline: datetime.date | None  # the day before the window, for districts_taken
    mapped: float | None
    mapped_low: float | None
    mapped_high: float | None
    ratio: float | None
    difference: float | None
    consistent: bool | None
    verdict: str
    reason: str
    districts_total: int
    districts_unknown: int
    districts_disputed: int

    @property
    def coverage(self) -> float | None:
        """The fraction of the region's districts whose state the map knows on the days read."""
        if not self.districts_total:
            return None
        return (self.districts_total - self.districts_unknown) / self.districts_total


UNITS = {
    Measure.DISTRICTS_TAKEN: " district(s) taken",
    Measure.DISTRICTS_HELD: " district(s) held",
    Measure.SHARE_HELD: "% of the region's area held",
    Measure.AREA_HELD_KM2: " km² held",
}
BOUND_WORDS = {
    Bound.EXACT: "",
    Bound.UPPER: "at most ",
    Bound.LOWER: "at least ",
    Bound.APPROX: "about ",
}


def _number(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if not float(x).is_integer() else f"{x:.0f}"


def audit_compute(
    *,
    claim: int,
    measure: str,
    value: float,
    bound: str,
    coalition: str,
    date_from: datetime.date,
    date_to: datetime.date,
    areas: Mapping[int, float],
    states: Mapping[datetime.date, Mapping[int, DistrictDay]],
    lens: str = CONSENSUS,
) -> Audit:
    """Audit one quantitative claim by rules 1 to 4, from the states of the days it reads."""
    baseline = date_from - ONE_DAY if measure == Measure.DISTRICTS_TAKEN else None
    common = {
        "claim": claim,
        "lens": lens,
        "measure": measure,
        "value": value,
        "bound": bound,
        "day": date_to,
        "baseline": baseline,
    }
    if not areas or not sum(areas.values()):
        return Audit(
            **common,
            mapped=None,
            mapped_low=None,
            mapped_high=None,
            ratio=None,
            difference=None,
            consistent=None,
            verdict=CANNOT_JUDGE,
            reason="cannot judge: the region has no districts; add them to the region.",
            districts_total=len(areas),
            districts_unknown=0,
            districts_disputed=0,
        )
    measured = measure_compute(
        measure=measure,
        coalition=coalition,
        areas=areas,
        end=states.get(date_to, {}),
        before=states.get(baseline, {}) if baseline else None,
    )
    verdict = verdict_judge(
        low=measured.low,
        high=measured.high,
        accepted=accepted_range(value=value, bound=bound, measure=measure),
    )
    stated = f"{BOUND_WORDS[bound]}{_number(value)}{UNITS[measure]}"
    shown = f"the map shows {_number(measured.mapped)}"
    undecided = measured.districts_unknown + measured.districts_disputed
    if verdict == CANNOT_JUDGE:
        reason = (
            f"cannot judge: coverage: {measured.districts_unknown} of "
            f"{measured.districts_total} districts are unknown and "
            f"{measured.districts_disputed} disputed on the days read, so the measure could be "
            f"anywhere from {_number(measured.low)} to {_number(measured.high)}; {shown}, "
            f"the claim says {stated}."
        )
    else:
        holds = "holds" if verdict == CONSISTENT else "does not hold"
        caveat = (
            f" (whichever way its {undecided} unknown or disputed districts went)"
            if undecided
            else ""
        )
        reason = f"The claim ({stated}) {holds}: {shown}{caveat}."
    return Audit(
        **common,
        mapped=measured.mapped,
        mapped_low=measured.low,
        mapped_high=measured.high,
        ratio=ratio_of(value, measured.mapped),
        difference=value - measured.mapped,
        consistent=None if verdict == CANNOT_JUDGE else verdict == CONSISTENT,
        verdict=verdict,
        reason=reason,
        districts_total=measured.districts_total,
        districts_unknown=measured.districts_unknown,
        districts_disputed=measured.districts_disputed,
    )


def states_on(periods: Iterable[Period], day: datetime.date) -> dict[int, DistrictDay]:
    """Return {district id: state on `day`} from the engine's periods (absent: unknown)."""
    return {
        p.district: DistrictDay(p.status, p.actor, tuple(p.actors))
        for p in periods
        if p.start <= day and (p.end is None or p.end > day)
    }


# ---- pure functions: the track record ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimOutcome:
    """Whether the other sources confirmed one claim (None: they said nothing to judge by),
    and the lag in days when they did."""

    claim: int
    confirmed: bool | None
    lag_days: int | None = None


def _matches(period: Period, fact: ClaimFact) -> bool:
    if fact.status == CONTESTED:
        return period.status == CONTESTED
    return period.status == HELD and period.actor == fact.actor


def claim_outcome(
    fact: ClaimFact, others: Sequence[Period], *, days: int = TRACK_RECORD_DAYS
) -> ClaimOutcome:
    """Judge one claim against the other sources' periods of its district (rules 5 and 6)."""
    first, last = fact.day, fact.day + datetime.timedelta(days=days)
    overlapping = sorted(
        (p for p in others if p.start <= last and (p.end is None or p.end > first)),
        key=lambda p: p.start,
    )
    if not overlapping:
        return ClaimOutcome(fact.id, None)
    for period in overlapping:
        if _matches(period, fact):
            return ClaimOutcome(fact.id, True, (fact.day - period.start).days)
    return ClaimOutcome(fact.id, False)


def outcomes_judge(
    source_facts: Iterable[ClaimFact],
    other_facts: Iterable[ClaimFact],
    *,
    days: int = TRACK_RECORD_DAYS,
) -> list[ClaimOutcome]:
    """Judge each of a source's claims against the consensus of the other sources' claims."""
    others = lens_periods(other_facts, Lens(CONSENSUS))
    return [
        claim_outcome(fact, others.get(fact.district, []), days=days)
        for fact in source_facts
        if Lens(CONSENSUS).admits(fact)
    ]


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


# ---- selectors ---------------------------------------------------------------------------


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


@dataclass(frozen=True)
class TrackRecord:
    """How a source's claims have held up: rules 5 to 7 of this module."""

    source: str
    window_days: int
    claims_total: int  # its mapped district claims, not rejected or retracted
    claims_judged: int  # those the other sources said something about in the window
    claims_confirmed: int
    lag_days: list[int] = field(default_factory=list)
    quantitative_total: int = 0
    ratios: list[float] = field(default_factory=list)
    verdicts: dict[str, int] = field(default_factory=dict)
    outcomes: dict[int, ClaimOutcome] = field(default_factory=dict)  # by district claim id
    audits: dict[int, Audit] = field(default_factory=dict)  # by quantitative claim id

    @property
    def claims_unjudged(self) -> int:
        return self.claims_total - self.claims_judged

    @property
    def confirmed_share(self) -> float | None:
        return self.claims_confirmed / self.claims_judged if self.claims_judged else None

    @property
    def median_lag_days(self) -> float | None:
        return _median(self.lag_days)

    @property
    def median_ratio(self) -> float | None:
        return _median(self.ratios)


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
