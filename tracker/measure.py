"""Measuring the map: how much of the city's area it colours, day by day (`coverage_report`,
`stats/area/`).

**Coverage.** The city's area is the sum of the district polygons' stored areas (`area_m2`),
not the outline. On each sampled day every district is in exactly one of these parts:

- held by an actor, `contested` or `disputed`, with a state that is not stale;
- `stale`: it has a state, but the newest statement supporting it is more than
  `TRACKER_STALE_AFTER_DAYS` days old on the day (`tracker.freshness`);
- `unknown`: no period of the lens covers the day.

`unknown (incl. stale)` is unknown plus stale: the ground on which the map says nothing recent.
The figures are computed by sweeping the periods once (each period, cut at its stale spans,
adds its district's area to a run of sampled days), never by querying day by day; the
database does the sweep (`coverage_between`, one query on PostgreSQL and SQLite), and
`coverage_swept` is the same sweep in Python, the reference the SQL is tested against.

Agreement with a reference assessment lives in `tracker.agreement`; its entry points are
re-exported here (`reference_read`, `reference_compare`, `ReferenceFileError`).
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Max, Min, Q

from districts.models import District
from tracker.agreement import ReferenceFileError, reference_compare, reference_read
from tracker.coverage_sql import NOISE_M2, coverage_rows
from tracker.freshness import report_days_parse, stale_after_days, stale_spans
from tracker.models import ControlPeriod
from tracker.timeline import HELD

STALE = "stale"

__all__ = [
    "STALE",
    "CoverageStep",
    "CoverageSummary",
    "PeriodSpan",
    "ReferenceFileError",
    "coverage_between",
    "coverage_summary",
    "coverage_swept",
    "coverage_sweep",
    "record_span",
    "reference_compare",
    "reference_read",
]


@dataclass(frozen=True)
class PeriodSpan:
    """What the coverage sweep needs of one stored period."""

    district: int
    key: str  # the holder's slug when held, else the status (contested, disputed)
    start: datetime.date
    end: datetime.date | None  # exclusive; None while it lasts
    report_days: tuple[datetime.date, ...] = ()


@dataclass(frozen=True)
class CoverageStep:
    """The city's area by state on one day, in m².

    `stated_m2` counts every state (stale or not) by key (actor slug, contested, disputed);
    `stale_m2` is the stale part of each key. `unknown_m2` is the ground with no state.
    """

    day: datetime.date
    total_m2: float
    stated_m2: dict[str, float]
    stale_m2: dict[str, float]

    @property
    def unknown_m2(self) -> float:
        return max(self.total_m2 - sum(self.stated_m2.values()), 0.0)

    @property
    def stale_total_m2(self) -> float:
        return sum(self.stale_m2.values())

    @property
    def unknown_incl_stale_m2(self) -> float:
        return self.unknown_m2 + self.stale_total_m2

    @property
    def fresh_m2(self) -> dict[str, float]:
        """Return the area of each state that is not stale, by key (zeros left out)."""
        fresh = {k: v - self.stale_m2.get(k, 0.0) for k, v in self.stated_m2.items()}
        return {k: v for k, v in fresh.items() if v > NOISE_M2}

    def share(self, area_m2: float) -> float:
        """Return `area_m2` as a fraction of the city's area (0 for a city with no area)."""
        return area_m2 / self.total_m2 if self.total_m2 else 0.0


def _step_index(day: datetime.date, start: datetime.date, step_days: int) -> int:
    """Return the index of the first sampled day on or after `day`."""
    return math.ceil((day - start).days / step_days)


def coverage_sweep(
    periods: Iterable[PeriodSpan],
    areas: dict[int, float],
    *,
    start: datetime.date,
    end: datetime.date,
    step_days: int,
    stale_after: int,
) -> list[CoverageStep]:
    """Return the coverage on every `step_days`-th day from `start` to `end` (inclusive).

    Each period is cut into its fresh and stale stretches (`tracker.freshness.stale_spans`);
    each stretch adds its district's area to the sampled days it covers, through running
    sums, so the cost grows with the number of periods plus the number of steps.
    """
    if step_days < 1:
        raise ValueError("step_days must be at least 1.")
    if end < start:
        return []
    count = (end - start).days // step_days + 1
    stated: dict[str, list[float]] = defaultdict(lambda: [0.0] * (count + 1))
    stale: dict[str, list[float]] = defaultdict(lambda: [0.0] * (count + 1))

    def add(runs: dict[str, list[float]], key: str, area: float, a, b) -> None:
        first = max(_step_index(a, start, step_days), 0)
        last = count if b is None else min(_step_index(b, start, step_days), count)
        if first < last:
            runs[key][first] += area
            runs[key][last] -= area

    for period in periods:
        area = areas.get(period.district, 0.0)
        add(stated, period.key, area, period.start, period.end)
        for a, b in stale_spans(period.report_days, period.start, period.end, stale_after):
            add(stale, period.key, area, a, b)

    total = math.fsum(areas.values())

    def running(runs: dict[str, list[float]]) -> list[dict[str, float]]:
        out: list[dict[str, float]] = [{} for _ in range(count)]
        for key, deltas in runs.items():
            value = 0.0
            for k in range(count):
                value += deltas[k]
                if value > NOISE_M2:
                    out[k][key] = value
        return out

    stated_by_step, stale_by_step = running(stated), running(stale)
    return [
        CoverageStep(
            day=start + datetime.timedelta(days=k * step_days),
            total_m2=total,
            stated_m2=stated_by_step[k],
            stale_m2=stale_by_step[k],
        )
        for k in range(count)
    ]


def coverage_between(
    *, lens: str, start: datetime.date, end: datetime.date, step_days: int = 1
) -> list[CoverageStep]:
    """Return the coverage of `lens` every `step_days` days from `start` to `end` (inclusive).

    The same figures as `coverage_swept`, summed in the database (`tracker.coverage_sql`): Python
    receives one row per sampled day and state, never a period.
    """
    if step_days < 1:
        raise ValueError("step_days must be at least 1.")
    if end < start:
        return []
    count = (end - start).days // step_days + 1
    total = math.fsum(District.objects.values_list("area_m2", flat=True))
    stated: list[dict[str, float]] = [{} for _ in range(count)]
    stale: list[dict[str, float]] = [{} for _ in range(count)]
    for k, part, key, value in coverage_rows(
        lens=lens, start=start, count=count, step_days=step_days, stale_after=stale_after_days()
    ):
        (stale if part == STALE else stated)[k][key] = value
    return [
        CoverageStep(
            day=start + datetime.timedelta(days=k * step_days),
            total_m2=total,
            stated_m2=stated[k],
            stale_m2=stale[k],
        )
        for k in range(count)
    ]


def coverage_swept(
    *, lens: str, start: datetime.date, end: datetime.date, step_days: int = 1
) -> list[CoverageStep]:
    """Return what `coverage_between` returns, swept in Python over the stored periods: the
    reference the SQL is tested against (tests/tracker/test_coverage_sql.py)."""
    areas = dict(District.objects.values_list("pk", "area_m2"))
    rows = (
        ControlPeriod.objects.filter(lens=lens, start__lte=end)
        .filter(Q(end__isnull=True) | Q(end__gt=start))
        .values_list("district_id", "status", "actor__slug", "start", "end", "report_days")
    )
    periods = (
        PeriodSpan(
            district=district,
            key=actor if status == HELD and actor else status,
            start=p_start,
            end=p_end,
            report_days=tuple(report_days_parse(days)),
        )
        for district, status, actor, p_start, p_end, days in rows.iterator(chunk_size=5000)
    )
    return coverage_sweep(
        periods,
        areas,
        start=start,
        end=end,
        step_days=step_days,
        stale_after=stale_after_days(),
    )


def record_span(*, lens: str) -> tuple[datetime.date, datetime.date] | None:
    """Return the first and the last period start of `lens` (its record), or None if empty."""
    span = ControlPeriod.objects.filter(lens=lens).aggregate(first=Min("start"), last=Max("start"))
    if span["first"] is None:
        return None
    return span["first"], span["last"]


@dataclass(frozen=True)
class CoverageSummary:
    worst: CoverageStep | None  # the step with the most unknown ground (incl. stale); first wins
    mean_unknown_share: float
    mean_stale_share: float
    mean_unknown_incl_stale_share: float


def coverage_summary(steps: Sequence[CoverageStep]) -> CoverageSummary:
    """Return the worst step (highest unknown incl. stale) and the means over the steps."""
    if not steps:
        return CoverageSummary(None, 0.0, 0.0, 0.0)
    worst = max(steps, key=lambda s: s.share(s.unknown_incl_stale_m2))
    n = len(steps)
    return CoverageSummary(
        worst=worst,
        mean_unknown_share=math.fsum(s.share(s.unknown_m2) for s in steps) / n,
        mean_stale_share=math.fsum(s.share(s.stale_total_m2) for s in steps) / n,
        mean_unknown_incl_stale_share=math.fsum(s.share(s.unknown_incl_stale_m2) for s in steps)
        / n,
    )
