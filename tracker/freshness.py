"""How old the evidence behind a state is on a given day: `last_reported` and `stale`.

The one definition every reader uses (the API, `coverage_report`, `compare_reference`, the
PostgreSQL-built documents in `tracker.selectors` follow it in SQL):

- A stored period carries `report_days`, the days (ascending) on which a statement supporting
  its state took effect.
- **last_reported on day D** is the newest of those days that is on or before D; None when there
  is none (no report days, or all of them after D).
- **stale on day D**: last_reported on D is not None and D is more than
  `settings.TRACKER_STALE_AFTER_DAYS` days (180 by default) after it. Staleness is a flag beside
  the status, not a status: a stale district is still held, contested or disputed.

Within one period the state can be stale, then fresh again when a newer supporting statement
takes effect, then stale again: `stale_spans` lists those stretches.

Pure functions over plain data; the threshold is passed in (`stale_after_days()` reads the
setting).
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable, Sequence

from django.conf import settings


def stale_after_days() -> int:
    """Return the staleness threshold in days (`settings.TRACKER_STALE_AFTER_DAYS`)."""
    return int(getattr(settings, "TRACKER_STALE_AFTER_DAYS", 180))


def report_days_parse(
    values: Iterable[str | datetime.date] | None,
    last_reported: datetime.date | None = None,
) -> list[datetime.date]:
    """Return a period's report days as sorted dates (they are stored as ISO strings).

    A period that has a `last_reported` day but no report days (stored before report days
    existed) counts that day as its only report.
    """
    days = sorted(
        v if isinstance(v, datetime.date) else datetime.date.fromisoformat(v) for v in values or ()
    )
    if not days and last_reported is not None:
        days = [last_reported]
    return days


def last_reported_on(
    report_days: Sequence[datetime.date], on: datetime.date
) -> datetime.date | None:
    """Return the newest of the (sorted) `report_days` on or before `on`, or None."""
    at = bisect.bisect_right(report_days, on)
    return report_days[at - 1] if at else None


def stale_on(last_reported: datetime.date | None, on: datetime.date, after_days: int) -> bool:
    """Say whether a state last reported on `last_reported` is stale on day `on`."""
    return last_reported is not None and (on - last_reported).days > after_days


def stale_spans(
    report_days: Sequence[datetime.date],
    start: datetime.date,
    end: datetime.date | None,
    after_days: int,
) -> list[tuple[datetime.date, datetime.date | None]]:
    """Return the stretches [from, until) of the period [start, end) on which it is stale.

    After each report day r the state turns stale on r + after_days + 1 and stays stale until
    the next report day or the period's end; `until` is None when that is open. The spans are
    in order and never touch (a report day between two of them is a fresh day).
    """
    spans: list[tuple[datetime.date, datetime.date | None]] = []
    turn = datetime.timedelta(days=after_days + 1)
    for i, day in enumerate(report_days):
        following = report_days[i + 1] if i + 1 < len(report_days) else None
        stale_from = max(start, day + turn)
        until = end if following is None else (following if end is None else min(following, end))
        if until is None or stale_from < until:
            spans.append((stale_from, until))
    return spans
