"""The audit of quantitative claims against the map (each source's track record, built on it,
is in `quantitative.record`).

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

"""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from quantitative.models import QuantitativeClaim
from tracker.timeline import (
    CONSENSUS,
    DISPUTED,
    HELD,
    UNKNOWN,
    Period,
)

Measure, Bound = QuantitativeClaim.Measure, QuantitativeClaim.Bound
COUNT_MEASURES = frozenset({Measure.DISTRICTS_TAKEN, Measure.DISTRICTS_HELD})
APPROX_RELATIVE = 0.10  # "about" accepts 10% either way ...
APPROX_MIN_DISTRICTS = 1.0  # ... and never less than ±1 district for counts
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


UNITS: dict[str, str] = {
    Measure.DISTRICTS_TAKEN: " district(s) taken",
    Measure.DISTRICTS_HELD: " district(s) held",
    Measure.SHARE_HELD: "% of the region's area held",
    Measure.AREA_HELD_KM2: " km² held",
}
BOUND_WORDS: dict[str, str] = {
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
    audit = functools.partial(
        Audit,
        claim=claim,
        lens=lens,
        measure=measure,
        value=value,
        bound=bound,
        day=date_to,
        baseline=baseline,
    )
    if not areas or not sum(areas.values()):
        return audit(
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
    return audit(
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
