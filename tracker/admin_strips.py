"""A district's resolved control as strips, one per lens, for its admin page.

Plain data for a template: every number is a percentage of the record's time span, every
colour an `#rrggbb` checked here again, every text escaped by the template that shows it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Max, Min

from districts.models import District
from sources.models import Source
from tracker.models import Actor, Claim, ControlPeriod
from tracker.timeline import CONSENSUS, STANCES

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
NEUTRAL = "#9aa5b1"
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
        if self.status == "disputed" and len(self.colours) >= 2:
            a, b = self.colours[:2]
            return f"repeating-linear-gradient(135deg, {a} 0 6px, {b} 6px 12px)"
        return ""

    @property
    def title(self) -> str:
        until = f"until {self.end - datetime.timedelta(days=1)}" if self.end else "since"
        window = (
            f" (changed between {self.start_earliest} and {self.start})"
            if self.start_earliest and self.start_earliest < self.start
            else ""
        )
        if self.end:
            return f"{self.label}: {self.start} {until}{window}"
        return f"{self.label} {until} {self.start}{window}"


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
    strips: list[LensStrip]


def _colour(value: str | None) -> str:
    return value if value and COLOUR.fullmatch(value) else NEUTRAL


def _percent(day: datetime.date, start: datetime.date, days: int) -> float:
    return round(100 * max(0, min((day - start).days, days)) / days, 3)


def _ticks(start: datetime.date, end: datetime.date) -> list[tuple[float, str]]:
    """Return a tick at each month's first day (each year's, over long spans), in percent."""
    days = max((end - start).days, 1)
    yearly = days > 3 * 366
    ticks, day = [], datetime.date(start.year, 1 if yearly else start.month, 1)
    while day < end:
        if day >= start:
            ticks.append((_percent(day, start, days), day.strftime("%Y" if yearly else "%b %Y")))
        day = (
            datetime.date(day.year + 1, 1, 1)
            if yearly or day.month == 12
            else datetime.date(day.year, day.month + 1, 1)
        )
    return ticks


def _lens_label(lens: str, sources: dict[str, Source]) -> str:
    if lens == CONSENSUS:
        return "Consensus"
    kind, _, value = lens.partition(":")
    if kind == "stance":
        return f"{STANCE_LABELS.get(value, value)} sources"
    source = sources.get(value)
    if source is None:
        return f"Source {value}"
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
    days = max((end - start).days, 1)
    actors = {a.slug: a for a in Actor.objects.all()}
    actors_by_id = {a.pk: a for a in actors.values()}
    by_lens: dict[str, list[ControlPeriod]] = {}
    for period in periods:
        by_lens.setdefault(period.lens, []).append(period)
    source_lenses = sorted(lens for lens in by_lens if lens.startswith("source:"))
    sources = {
        s.slug: s
        for s in Source.objects.filter(slug__in=[lens.partition(":")[2] for lens in source_lenses])
    }
    lenses = [CONSENSUS, *(f"stance:{s}" for s in STANCES)]
    lenses += sorted(source_lenses, key=lambda lens: _lens_label(lens, sources).casefold())
    strips = []
    for lens in lenses:
        segments, cursor = [], start
        for period in by_lens.get(lens, []):
            if period.start > cursor:
                segments.append(_unknown(cursor, period.start, start, days))
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
                    left=_percent(period.start, start, days),
                    width=round(
                        _percent(period_end, start, days) - _percent(period.start, start, days), 3
                    ),
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
            segments.append(_unknown(cursor, end, start, days, open_ended=True))
        strips.append(LensStrip(lens=lens, label=_lens_label(lens, sources), segments=segments))
    return ControlStrips(start=start, end=end, ticks=_ticks(start, end), strips=strips)


def _unknown(
    since: datetime.date,
    until: datetime.date,
    start: datetime.date,
    days: int,
    open_ended: bool = False,
) -> StripSegment:
    return StripSegment(
        left=_percent(since, start, days),
        width=round(_percent(until, start, days) - _percent(since, start, days), 3),
        status="unknown",
        label="No claim yet" if not open_ended else "Unknown",
        start=since,
        end=until,
    )
