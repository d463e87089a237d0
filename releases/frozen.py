"""Answers of control/ and timeline/ as a release froze them: read from the release's stored
periods, district and actor lists and staleness threshold, never from the live record or the
settings, so a release answers the same bytes whatever changed since.

The rules are those of the live readers (`tracker.selectors.control_on`,
`tracker.api.selectors.timeline_compact`, `tracker.freshness`), applied to the frozen rows.
"""

from __future__ import annotations

import datetime

from django.db.models import Q

from releases.models import Release, ReleasePeriod
from tracker.api.selectors import CompactTimeline
from tracker.freshness import last_reported_on, report_days_parse, stale_on, stale_spans
from tracker.selectors import DistrictState
from tracker.timeline import UNKNOWN


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def release_after_days(release: Release) -> int:
    """The staleness threshold release `release` was made with."""
    return int(release.engine_settings["TRACKER_STALE_AFTER_DAYS"])


def release_control_on(release: Release, *, on: datetime.date, lens: str) -> list[DistrictState]:
    """Return every district's state on `on` in `lens` as release `release` stored it."""
    rows = ReleasePeriod.objects.filter(release=release, lens=lens, start__lte=on).filter(
        Q(end__isnull=True) | Q(end__gt=on)
    )
    current = {p.district: p for p in rows}
    after_days = release_after_days(release)
    states = []
    for slug in release.districts:
        period = current.get(slug)
        if period is None:
            states.append(DistrictState(district=slug, status=UNKNOWN, actor=None))
            continue
        reported = period.last_reported
        if reported is None or reported > on:  # as `tracker.selectors.period_last_reported_on`
            reported = last_reported_on(report_days_parse(period.report_days), on)
        states.append(
            DistrictState(
                district=slug,
                status=period.status,
                actor=period.actor or None,
                actors=list(period.actors),
                since=period.start,
                start_earliest=period.start_earliest,
                claims=list(period.support_ids),
                last_reported=reported,
                stale=stale_on(reported, on, after_days),
            )
        )
    return states


def release_timeline(release: Release, *, lens: str) -> CompactTimeline:
    """Return the compact timeline of `lens` as release `release` stored it."""
    district_index = {slug: i for i, slug in enumerate(release.districts)}
    actor_index = {slug: i for i, slug in enumerate(release.actors)}
    after_days = release_after_days(release)
    rows = ReleasePeriod.objects.filter(release=release, lens=lens).order_by("district", "start")
    periods, last_reported, stale = [], [], []
    for p in rows:
        periods.append(
            [
                district_index[p.district],
                p.start.isoformat(),
                _iso(p.end),
                p.status,
                actor_index.get(p.actor) if p.actor else None,
                p.start_earliest.isoformat(),
                [actor_index[a] for a in p.actors if a in actor_index],
            ]
        )
        last_reported.append(_iso(p.last_reported))
        spans = stale_spans(report_days_parse(p.report_days), p.start, p.end, after_days)
        stale.append([[_iso(a), _iso(b)] for a, b in spans] or None)
    return CompactTimeline(
        lens=lens,
        actors=list(release.actors),
        districts=list(release.districts),
        periods=periods,
        last_reported=last_reported,
        stale=stale,
        stale_after_days=after_days,
    )
