"""A district's resolved control as strips, one per lens, for its admin page.

Plain data for a template: every number is a percentage of the strip's width, every colour an
`#rrggbb` checked here again, every text escaped by the template that shows it.

The strips span the whole record (first to last day of any mapped claim), on a time axis with
breaks: a stretch of more than `QUIET_DAYS_SHOWN` days in which no lens changes this district
is drawn as if it lasted that long, and marked as a break, so that a few weeks of fighting are
not squeezed to a hairline beside years of quiet. Each period's exact dates are listed under
its strip.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from itertools import pairwise

from django.db.models import Max, Min

from districts.models import District
from sources.models import Source
from tracker.models import Actor, Claim, ControlPeriod
from tracker.timeline import CONSENSUS, Lens

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
NEUTRAL = "#9aa5b1"
PALE = "#f5f7fa"
QUIET_DAYS_SHOWN = 14
TICK_MIN_GAP = 9.0  # percent of the width between two date labels
STANCE_LABELS = dict(Source.Stance.choices)


@dataclass(frozen=True)
class StripSegment:
    """One stretch of a strip: a period (or the unknown before the first), placed in percent."""

    left: float
    width: float
    status: str  # held, contested, disputed or unknown
    label: str
    start: datetime.date
    end: datetime.date | None  # exclusive; None while it lasts
    start_earliest: datetime.date | None = None
    colours: tuple[str, ...] = ()

    @property
    def background(self) -> str:
        """Return the CSS background: the holder's colour, or the stripes of both sides."""
        if self.status == "held" and self.colours:
            return self.colours[0]
        if self.status == "disputed" and self.colours:
            a, b = (*self.colours[:2], PALE)[:2]
            return f"repeating-linear-gradient(135deg, {a} 0 6px, {b} 6px 12px)"
        return ""

    @property
    def title(self) -> str:
        if self.end:
            when = f"{self.start} to {self.end - datetime.timedelta(days=1)}"
        else:
            when = f"since {self.start}"
        if self.start_earliest and self.start_earliest < self.start:
            when += f" (changed between {self.start_earliest} and {self.start})"
        return f"{self.label}: {when}"


@dataclass(frozen=True)
class LensStrip:
    lens: str
    label: str
    segments: list[StripSegment] = field(default_factory=list)

    @property
    def periods(self) -> list[StripSegment]:
        return [s for s in self.segments if s.status != "unknown"]


@dataclass(frozen=True)
class ControlStrips:
    start: datetime.date
    end: datetime.date  # exclusive
    ticks: list[tuple[float, str]]
    breaks: list[tuple[float, float]]  # (left, width) of each shortened quiet stretch
    strips: list[LensStrip]

    @property
    def last_day(self) -> datetime.date:
        return self.end - datetime.timedelta(days=1)


def _colour(value: str | None) -> str:
    return value if value and COLOUR.fullmatch(value) else NEUTRAL


class _Axis:
    """Place days on the strip: linear between changes, quiet stretches shortened."""

    def __init__(self, start: datetime.date, end: datetime.date, changes: set[datetime.date]):
        self.days = sorted({start, end, *(d for d in changes if start < d < end)})
        self.weights = [min((b - a).days, QUIET_DAYS_SHOWN) for a, b in pairwise(self.days)]
        self.total = sum(self.weights) or 1

    def percent(self, day: datetime.date) -> float:
        day = min(max(day, self.days[0]), self.days[-1])
        done = 0.0
        for (a, b), weight in zip(pairwise(self.days), self.weights, strict=True):
            if day >= b:
                done += weight
                continue
            done += weight * (day - a).days / max((b - a).days, 1)
            break
        return round(100 * done / self.total, 3)

    def breaks(self) -> list[tuple[float, float]]:
        return [
            (self.percent(a), round(self.percent(b) - self.percent(a), 3))
            for a, b in pairwise(self.days)
            if (b - a).days > QUIET_DAYS_SHOWN
        ]

    def ticks(self) -> list[tuple[float, str]]:
        """Label the days where something changes, leaving room between labels."""
        ticks: list[tuple[float, str]] = []
        last_year = None
        for day in self.days[:-1]:
            left = self.percent(day)
            if ticks and left - ticks[-1][0] < TICK_MIN_GAP or left > 100 - TICK_MIN_GAP / 2:
                continue  # too close to the last label, or to the right edge
            label = f"{day.day} {day:%b}" + (f" {day.year}" if day.year != last_year else "")
            ticks.append((left, label))
            last_year = day.year
        return ticks


def _lens_label(name: str, sources: dict[str, Source]) -> str:
    lens = Lens.parse(name)
    if lens.kind == CONSENSUS:
        return "Consensus"
    if lens.kind == "stance":
        return f"{STANCE_LABELS.get(lens.value, lens.value)} sources"
    source = sources.get(lens.value)
    if source is None:
        return f"Source {lens.value}"
    return f"{source.name} ({source.get_stance_display().lower()})"


def district_control_strips(district: District) -> ControlStrips | None:
    """Return the district's control periods per lens over the span of the whole record.

    The lenses are consensus, each stance, and each source with periods for this district.
    Return None while no claim is mapped to any district (there is no span to draw).
    """
    span = Claim.objects.filter(district__isnull=False).aggregate(
        start=Min("effective_from"), end=Max("effective_to")
    )
    if span["start"] is None:
        return None
    start, end = span["start"], span["end"] + datetime.timedelta(days=1)
    periods = list(ControlPeriod.objects.filter(district=district).order_by("lens", "start"))
    start = min([start, *(p.start for p in periods)])
    axis = _Axis(start, end, {d for p in periods for d in (p.start, p.end) if d})
    actors = {a.slug: a for a in Actor.objects.all()}
    actors_by_id: dict[int | None, Actor] = {a.pk: a for a in actors.values()}
    by_lens: dict[str, list[ControlPeriod]] = {}
    for period in periods:
        by_lens.setdefault(period.lens, []).append(period)
    slugs = sorted(lens.value for lens in map(Lens.parse, by_lens) if lens.kind == "source")
    source_lenses = [Lens.source(slug).name for slug in slugs]
    sources = {s.slug: s for s in Source.objects.filter(slug__in=slugs)}
    lenses = Lens.names()
    lenses += sorted(source_lenses, key=lambda lens: _lens_label(lens, sources).casefold())
    strips = []
    for lens in lenses:
        segments, cursor = [], start
        colours: tuple[str, ...]
        for period in by_lens.get(lens, []):
            if period.start > cursor:
                segments.append(_unknown(cursor, period.start, axis))
            holder = actors_by_id.get(period.actor_id)
            named = [actors[slug] for slug in period.actors if slug in actors]
            if period.status == "held" and holder is not None:
                label, colours = holder.name_en, (_colour(holder.colour),)
            elif period.status == "disputed":
                label = "Disputed: " + ", ".join(a.name_en for a in named)
                colours = tuple(_colour(a.colour) for a in named)
            else:
                label, colours = period.get_status_display(), ()
            period_end = period.end or end
            segments.append(
                StripSegment(
                    left=axis.percent(period.start),
                    width=round(axis.percent(period_end) - axis.percent(period.start), 3),
                    status=period.status,
                    label=label,
                    start=period.start,
                    end=period.end,
                    start_earliest=period.start_earliest,
                    colours=colours,
                )
            )
            cursor = period_end
        if cursor < end:
            segments.append(_unknown(cursor, end, axis))
        strips.append(LensStrip(lens=lens, label=_lens_label(lens, sources), segments=segments))
    return ControlStrips(
        start=start, end=end, ticks=axis.ticks(), breaks=axis.breaks(), strips=strips
    )


def _unknown(since: datetime.date, until: datetime.date, axis: _Axis) -> StripSegment:
    return StripSegment(
        left=axis.percent(since),
        width=round(axis.percent(until) - axis.percent(since), 3),
        status="unknown",
        label="No claim yet",
        start=since,
        end=until,
    )
