"""Flat tables for the CSV of timeline/, districts/{slug}/history/ and stats/area/: one row
per control period, or one row per day of the area series.

A period row carries the interval a GIS reads as the period's validity: `valid_from` is its first
day and `valid_to` the first day after it (the end is exclusive, as in the JSON's `end`), empty
while the period lasts. Lists of slugs, ids and days are joined with `;`; a stale span is an ISO
8601 interval `from/until`, `from/..` when it runs to the period's open end.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from tracker.freshness import report_days_parse, stale_after_days, stale_spans
from tracker.models import ControlPeriod
from tracker.timeline import CONTESTED, DISPUTED, UNKNOWN

LIST_SEPARATOR = ";"
PERIOD_CSV_COLUMNS = [
    "district",
    "lens",
    "status",
    "actor",
    "actors",
    "valid_from",
    "valid_to",
    "start_earliest",
    "last_reported",
    "stale_spans",
]
HISTORY_CSV_COLUMNS = [
    *PERIOD_CSV_COLUMNS,
    "report_days",
    "supporting_claims",
    "contradicting_claims",
]
PERIOD_CSV_HELP = (
    "One row per control period, with these columns in this order: {columns}. `valid_from` is "
    "the period's first day and `valid_to` the first day after it (end exclusive: the period "
    "covers valid_from <= day < valid_to), empty while the period lasts; both YYYY-MM-DD, as "
    "are `start_earliest` (the first day the change may have happened) and `last_reported` "
    "(the newest day on which a supporting statement took effect, empty if none). `actor` is "
    "the holder's slug when held, `actors` every side named, joined with ';'. `stale_spans` "
    "lists the stretches on which the state is older than TRACKER_STALE_AFTER_DAYS (180) days "
    "as ISO 8601 intervals from/until (until exclusive; '..' when it runs to the open end), "
    "joined with ';'; empty when the period is never stale."
)


def _day(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _joined(values: Iterable) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def _spans(spans: list[tuple[datetime.date, datetime.date | None]]) -> str:
    return _joined(f"{a.isoformat()}/{b.isoformat() if b else '..'}" for a, b in spans)


def period_row(
    period: ControlPeriod, *, district: str, after_days: int, visible: set[int] | None = None
) -> dict:
    """Return one period as a CSV row of `HISTORY_CSV_COLUMNS` (the timeline's CSV keeps the
    first `PERIOD_CSV_COLUMNS`); claim ids outside `visible` (when given) are left out."""
    days = report_days_parse(period.report_days)
    keep = (lambda ids: ids) if visible is None else (lambda ids: [i for i in ids if i in visible])
    return {
        "district": district,
        "lens": period.lens,
        "status": period.status,
        "actor": period.actor.slug if period.actor else None,
        "actors": _joined(period.actors),
        "valid_from": period.start.isoformat(),
        "valid_to": _day(period.end),
        "start_earliest": period.start_earliest.isoformat(),
        "last_reported": _day(period.last_reported),
        "stale_spans": _spans(stale_spans(days, period.start, period.end, after_days)),
        "report_days": _joined(d.isoformat() for d in days),
        "supporting_claims": _joined(keep(period.support_ids)),
        "contradicting_claims": _joined(keep(period.contra_ids)),
    }


def timeline_rows(*, lens: str) -> Iterator[dict]:
    """Yield every period of `lens` as a row, ordered by district slug then start (the order
    of timeline/'s `periods`)."""
    after_days = stale_after_days()
    periods = (
        ControlPeriod.objects.filter(lens=lens)
        .select_related("actor", "district")
        .order_by("district__slug", "start")
    )
    for period in periods.iterator(chunk_size=2000):
        yield period_row(period, district=period.district.slug, after_days=after_days)


AREA_PARTS = (UNKNOWN, "stale", "unknown_incl_stale", CONTESTED, DISPUTED)
AREA_CSV_HELP = (
    "One row per point of `series`, its columns named as pandas.json_normalize names the JSON "
    "point's keys: `day` (YYYY-MM-DD); `area_m2.<key>` and `share.<key>` for every key of the "
    "series (actor slugs in slug order, then contested, disputed, unknown; 0 on a day the key "
    "holds nothing), which sum to the city's area and to 1; then `<part>.area_m2` and "
    "`<part>.share` for the parts unknown, stale, unknown_incl_stale, contested and disputed."
)


def _keys_ordered(keys: set[str]) -> list[str]:
    states = [CONTESTED, DISPUTED, UNKNOWN]
    return sorted(keys - set(states)) + [k for k in states if k in keys]


def area_columns(series: list[dict]) -> list[str]:
    """Return the CSV columns of an area series (`AREA_CSV_HELP`)."""
    keys = _keys_ordered({k for point in series for k in point["area_m2"]})
    columns = ["day", *(f"area_m2.{k}" for k in keys), *(f"share.{k}" for k in keys)]
    return columns + [f"{part}.{v}" for part in AREA_PARTS for v in ("area_m2", "share")]


def area_rows(series: list[dict]) -> list[dict]:
    """Flatten the serialized points of stats/area/ into rows of `area_columns(series)`."""
    keys = _keys_ordered({k for point in series for k in point["area_m2"]})
    rows = []
    for point in series:
        row = {"day": point["day"]}
        for key in keys:
            row[f"area_m2.{key}"] = point["area_m2"].get(key, 0.0)
            row[f"share.{key}"] = point["share"].get(key, 0.0)
        for part in AREA_PARTS:
            row[f"{part}.area_m2"] = point[part]["area_m2"]
            row[f"{part}.share"] = point[part]["share"]
        rows.append(row)
    return rows
