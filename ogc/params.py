"""The query parameters of OGC API - Features, read as plain values: pure functions, no Django.

Each reader raises `ParameterError` naming the parameter and saying what is accepted; the views
answer it with a 400 in the OGC exception form (`{"code", "description", "parameter"}`).

Rules (OGC API - Features - Part 1: Core, 7.15):

- `limit`: a whole number from 1 to `LIMIT_MAX`, default `LIMIT_DEFAULT`.
- `offset`: a whole number from 0 (the paging links carry it; it is not in the standard, which
  leaves paging to the server's links).
- `bbox`: `minLon,minLat,maxLon,maxLat` in CRS84 (longitude first, the GeoJSON order), or six
  numbers with heights, which are ignored. `minLon > maxLon` is a box crossing the antimeridian.
- `datetime`: an instant (`2016-12-07` or an RFC 3339 date-time such as `2016-12-07T10:00:00Z`),
  or an interval `start/end` whose ends are instants, `..` or empty for an open end:
  `2016-12-01/2016-12-31` (closed), `../2016-12-31` and `2016-12-01/..` (half-open),
  `../..` (open). A date-time counts by its day in UTC: the record is kept in whole days.
  Both ends of an interval are included; the start may not be after the end.
- `lens` and `datetime` are taken (and checked) by every resource, since clients repeat a
  connection URL's query on every request; `f` may only be `json` (or `geojson`).
- `crs` and `bbox-crs` (Part 2, which GDAL sends once a collection lists its CRSs) may only
  name CRS84, the one CRS served.
- Any other parameter is refused (Part 1, /req/core/query-param-unknown).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

LIMIT_DEFAULT, LIMIT_MAX = 100, 1000
# Every resource takes `lens` and `datetime` (checked; both filter items, and `lens` also sets a
# collection's temporal extent): GDAL and QGIS repeat a query written into the connection URL
# (`OAPIF:https://host/ogc/?datetime=2016-12-07`) on every request they make.
COMMON = ("f", "lens", "datetime")
ITEMS = (*COMMON, "limit", "offset", "bbox", "crs", "bbox-crs")
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
FORMATS = ("json", "geojson")

_DATE = r"\d{4}-\d{2}-\d{2}"
_INSTANT = re.compile(
    rf"^(?P<day>{_DATE})(?:[Tt](?P<time>\d{{2}}:\d{{2}}:\d{{2}}(?:\.\d+)?)"
    r"(?P<zone>[Zz]|[+-]\d{2}:\d{2}))?$"
)
OPEN = ("", "..")


class ParameterError(ValueError):
    """A query parameter the API cannot use: `parameter` names it, the message says why."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class DayRange:
    """The days a `datetime` asks for, both ends included; None is an open end."""

    first: datetime.date | None
    last: datetime.date | None


def _single(query: Mapping[str, list[str]], name: str) -> str | None:
    values = query.get(name) or []
    if len(values) > 1:
        raise ParameterError(name, f"give {name} once, not {len(values)} times.")
    return values[0] if values else None


def unknown_check(query: Mapping[str, list[str]], allowed: Iterable[str]) -> None:
    """Refuse a parameter this resource does not define, naming it and the ones it does."""
    known = set(allowed)
    for name in query:
        if name not in known:
            accepted = ", ".join(sorted(known)) or "none"
            raise ParameterError(
                name, f"this resource takes no parameter {name!r}; it accepts: {accepted}."
            )
    fmt = _single(query, "f")
    if fmt is not None and fmt not in FORMATS:
        raise ParameterError("f", f"only f=json (or geojson) is served, not {fmt!r}.")


def crs_check(query: Mapping[str, list[str]]) -> None:
    """Refuse a `crs` or `bbox-crs` other than CRS84, the one the features are served in."""
    for name in ("crs", "bbox-crs"):
        value = _single(query, name)
        if value is not None and value != CRS84:
            raise ParameterError(name, f"only {CRS84} (longitude, latitude) is served.")


def _whole(query: Mapping[str, list[str]], name: str, low: int, high: int, default: int) -> int:
    raw = _single(query, name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise ParameterError(name, f"give {name} as a whole number from {low} to {high}.")
    return int(raw)


def limit_parse(query: Mapping[str, list[str]]) -> int:
    """Return `limit`: how many features one page holds."""
    return _whole(query, "limit", 1, LIMIT_MAX, LIMIT_DEFAULT)


def offset_parse(query: Mapping[str, list[str]]) -> int:
    """Return `offset`: how many matching features come before this page."""
    return _whole(query, "offset", 0, 10**9, 0)


def bbox_parse(query: Mapping[str, list[str]]) -> tuple[float, float, float, float] | None:
    """Return `bbox` as (min lon, min lat, max lon, max lat), or None when not given."""
    raw = _single(query, "bbox")
    if raw is None:
        return None
    hint = (
        "write bbox as minLon,minLat,maxLon,maxLat in degrees (CRS84), e.g. 37.1,36.15,37.2,36.25."
    )
    try:
        numbers = [float(part) for part in raw.split(",")]
    except ValueError:
        raise ParameterError("bbox", f"{raw!r} is not four numbers: {hint}") from None
    if len(numbers) == 6:  # with heights: minLon,minLat,minH,maxLon,maxLat,maxH
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise ParameterError("bbox", f"{raw!r} is not four numbers: {hint}")
    west, south, east, north = numbers
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ParameterError(
            "bbox",
            f"{raw!r} is outside the globe or has its south above its north: longitudes lie "
            f"from -180 to 180, latitudes from -90 to 90, minLat <= maxLat; {hint}",
        )
    return west, south, east, north


def instant_day(text: str) -> datetime.date:
    """Return the UTC day of an instant (`YYYY-MM-DD` or an RFC 3339 date-time)."""
    match = _INSTANT.match(text)
    if not match:
        raise ValueError(text)
    day = datetime.date.fromisoformat(match["day"])  # raises on 2016-02-30
    if match["time"] is None:
        return day
    zone = "+00:00" if match["zone"] in ("Z", "z") else match["zone"]
    stamp = datetime.datetime.fromisoformat(f"{match['day']}T{match['time']}{zone}")
    return stamp.astimezone(datetime.UTC).date()


def datetime_parse(query: Mapping[str, list[str]]) -> DayRange | None:
    """Return the days `datetime` asks for, or None when it is not given."""
    raw = _single(query, "datetime")
    if raw is None:
        return None
    hint = (
        "give an instant (2016-12-07 or 2016-12-07T10:00:00Z) or an interval start/end "
        "with '..' for an open end (2016-12-01/2016-12-31, ../2016-12-31, 2016-12-01/..)."
    )
    parts = raw.split("/")
    if len(parts) > 2 or raw in OPEN:
        raise ParameterError("datetime", f"{raw!r} is not an instant or an interval: {hint}")
    try:
        ends = [None if part in OPEN and len(parts) == 2 else instant_day(part) for part in parts]
    except (ValueError, OverflowError):  # overflow: a zone pushing 9999-12-31 past the end
        raise ParameterError(
            "datetime", f"{raw!r} is not an instant or an interval: {hint}"
        ) from None
    if len(ends) == 1:
        return DayRange(ends[0], ends[0])
    first, last = ends
    if first is not None and last is not None and first > last:
        raise ParameterError(
            "datetime", f"the interval {raw!r} starts after it ends; put the earlier end first."
        )
    return DayRange(first, last)


def text_parse(query: Mapping[str, list[str]], name: str, default: str) -> str:
    """Return a parameter given at most once, or `default`."""
    value = _single(query, name)
    return default if value is None else value
