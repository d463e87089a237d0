"""The three feature collections: districts, control periods (one lens a request) and claims.

Each collection states its properties once (`Field`s: the JSON Schema the OpenAPI document and
the `describedby` schema are built from), reads its rows through the project's models and
selectors, and turns a page of rows into GeoJSON features. Geometry is always a district's
polygon in CRS84 (longitude, latitude): a period and a claim are drawn on their district; an
unmapped claim (a place with no polygon yet) is a feature with a null geometry, so evidence is
never dropped, and a `bbox` leaves it out.

Time. Every dated feature carries `valid_from` and `valid_to` as days, `valid_to` exclusive:
the feature holds from the start of `valid_from` up to, not including, `valid_to`; an empty
`valid_to` means it still lasts. A `datetime` filter keeps the features whose days meet the
asked days (`ogc.params.DayRange`, both ends included): `valid_from <= last` and
(`valid_to` empty or `valid_to > first`).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.contrib.gis.db.models import Extent
from django.contrib.gis.geos import Polygon
from django.db.models import Max, Min, Q, QuerySet

from districts.models import District
from ogc.params import DayRange
from tracker.api.selectors import claims_visible
from tracker.lens import CONSENSUS, Lens
from tracker.models import ControlPeriod

DAY = datetime.timedelta(days=1)
ID_DIGITS_MAX = 18  # a feature id that fits a 64-bit integer column
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


def id_whole(feature_id: str) -> int | None:
    """Return a feature id written as a whole number the database can hold, else None."""
    ok = feature_id.isascii() and feature_id.isdigit() and len(feature_id) <= ID_DIGITS_MAX
    return int(feature_id) if ok else None


@dataclass(frozen=True)
class Field:
    """One property of a collection's features, as JSON Schema states it."""

    name: str
    type: str  # "string", "integer" or "number"
    description: str
    format: str | None = None  # "date" for days
    nullable: bool = False

    def schema(self) -> dict:
        kind: str | list[str] = [self.type, "null"] if self.nullable else self.type
        schema = {"type": kind, "description": self.description}
        if self.format:
            schema["format"] = self.format
        return schema


@dataclass(frozen=True)
class ItemsQuery:
    """What an items request asks for, read and checked."""

    bbox: tuple[float, float, float, float] | None = None
    days: DayRange | None = None
    lens: str | None = None  # None: not given (control periods then read consensus)
    include_rejected: bool = False


def bbox_q(lookup: str, bbox: tuple[float, float, float, float]) -> Q:
    """Return the filter of geometries meeting `bbox`; split in two across the antimeridian."""
    west, south, east, north = bbox
    boxes = (
        [(west, south, east, north)]
        if west <= east
        else [
            (west, south, 180.0, north),
            (-180.0, south, east, north),
        ]
    )
    condition = Q()
    for box in boxes:
        shape = Polygon.from_bbox(box)
        shape.srid = 4326  # CRS84 and EPSG:4326 share the datum; x is the longitude in both
        condition |= Q(**{f"{lookup}__intersects": shape})
    return condition


def geometries(district_ids: Iterable[int | None]) -> dict[int, dict]:
    """Return {district id: its polygon as a GeoJSON geometry in CRS84}."""
    wanted = {pk for pk in district_ids if pk is not None}
    rows = District.objects.filter(pk__in=wanted).values_list("pk", "geom")
    return {pk: json.loads(geom.json) for pk, geom in rows}


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _interval(first: datetime.date | None, end: datetime.date | None) -> list[str | None]:
    """The OGC temporal interval of days [first, end): RFC 3339 instants, None for open."""
    stamp = "{}T00:00:00Z"
    return [stamp.format(first) if first else None, stamp.format(end) if end else None]


class Collection:
    """A feature collection: its metadata, its rows for a query, its features for a page."""

    id = ""
    title = ""
    description = ""
    fields: tuple[Field, ...] = ()
    id_type = "integer"

    def rows(self, query: ItemsQuery) -> QuerySet:
        raise NotImplementedError

    def row(self, feature_id: str, query: ItemsQuery):
        """Return the row whose feature id is `feature_id`, or None."""
        pk = id_whole(feature_id)
        return None if pk is None else self.rows(query).filter(pk=pk).first()

    def properties(self, row) -> dict:
        raise NotImplementedError

    def feature_id(self, row) -> int | str:
        return row.pk

    def district_id(self, row) -> int | None:
        return row.district_id

    def features(self, rows: list) -> list[dict]:
        """Return the page's rows as GeoJSON features, each on its district's polygon."""
        shapes = geometries(self.district_id(row) for row in rows)
        return [
            {
                "type": "Feature",
                "id": self.feature_id(row),
                "geometry": shapes.get(self.district_id(row)),  # type: ignore[arg-type]
                "properties": self.properties(row),
            }
            for row in rows
        ]

    def time_span(self, query: ItemsQuery) -> list[str | None] | None:
        """Return the collection's temporal interval for the query, or None if undated."""
        return None


class Districts(Collection):
    id = "districts"
    title = "Districts"
    description = (
        "The districts of Aleppo as polygons (CRS84), with English and Arabic names, kind and "
        "area. Undated: `datetime` and `lens` are checked but keep every district."
    )
    id_type = "string"
    fields = (
        Field("slug", "string", "The district's slug, its id in every other resource."),
        Field("name_en", "string", "English name."),
        Field("name_ar", "string", "Arabic name (may be empty)."),
        Field("kind", "string", "neighbourhood, industrial, landmark, ..."),
        Field("area_m2", "number", "Area in square metres, computed on the geography."),
    )

    def rows(self, query: ItemsQuery) -> QuerySet:
        districts = District.objects.order_by("slug").only("pk", *self._names())
        if query.bbox:
            districts = districts.filter(bbox_q("geom", query.bbox))
        return districts

    def _names(self) -> list[str]:
        return [f.name for f in self.fields]

    def row(self, feature_id: str, query: ItemsQuery):
        if not SLUG.fullmatch(feature_id):
            return None
        return self.rows(query).filter(slug=feature_id).first()

    def feature_id(self, row) -> str:
        return row.slug

    def district_id(self, row) -> int:
        return row.pk

    def properties(self, row) -> dict:
        return {name: getattr(row, name) for name in self._names()}


PERIOD_MEANING = (
    "Each feature is one control period of one district in one lens, drawn on the district's "
    "polygon: who held it (`status` held, contested or disputed; `actor` the holder when held; "
    "`actors` every side named, comma-separated). `valid_from` is the first day of the period "
    "and `valid_to` the day it ended, EXCLUSIVE: the period covers valid_from up to but not "
    "including valid_to; an empty valid_to means it still lasts. `start_earliest` is the "
    "earliest day the change may have happened (a claim's window), `last_reported` the newest "
    "day a supporting statement took effect, `claims` the ids of the claims that establish it. "
    "One lens a request: `lens=consensus` (the default), `lens=stance:<stance>` or "
    "`lens=source:<source slug>`; each feature carries its `lens`. A `datetime` instant keeps "
    "the period in force that day (valid_from <= day < valid_to); an interval keeps every "
    "period that overlaps it."
)


class Periods(Collection):
    id = "control-periods"
    title = "Control periods"
    description = PERIOD_MEANING
    fields = (
        Field("lens", "string", "The lens that resolved the period."),
        Field("district", "string", "The district's slug."),
        Field("district_name", "string", "The district's English name."),
        Field("status", "string", "held, contested or disputed."),
        Field("actor", "string", "The holder's slug when held.", nullable=True),
        Field("actors", "string", "Every side named, comma-separated."),
        Field("valid_from", "string", "First day of the period.", "date"),
        Field("valid_to", "string", "Day the period ended, exclusive; empty: lasts.", "date", True),
        Field("start_earliest", "string", "Earliest day the change may have happened.", "date"),
        Field(
            "last_reported",
            "string",
            "Newest day a supporting statement took effect.",
            "date",
            True,
        ),
        Field("claims", "string", "Ids of the claims that establish it, comma-separated."),
    )

    def rows(self, query: ItemsQuery) -> QuerySet:
        periods = (
            ControlPeriod.objects.filter(lens=query.lens or CONSENSUS)
            .select_related("district", "actor")
            .order_by("district__slug", "start", "pk")
        )
        if query.bbox:
            periods = periods.filter(bbox_q("district__geom", query.bbox))
        if query.days and query.days.last:
            periods = periods.filter(start__lte=query.days.last)
        if query.days and query.days.first:
            periods = periods.filter(Q(end__isnull=True) | Q(end__gt=query.days.first))
        return periods

    def row(self, feature_id: str, query: ItemsQuery):
        """Return the period by its id, in whatever lens: its `self` link names no lens."""
        pk = id_whole(feature_id)
        if pk is None:
            return None
        return (
            ControlPeriod.objects.select_related("district", "actor")
            .filter(pk=int(feature_id))
            .first()
        )

    def properties(self, row: ControlPeriod) -> dict:
        return {
            "lens": row.lens,
            "district": row.district.slug,
            "district_name": row.district.name_en,
            "status": row.status,
            "actor": row.actor.slug if row.actor else None,
            "actors": ",".join(row.actors),
            "valid_from": _iso(row.start),
            "valid_to": _iso(row.end),
            "start_earliest": _iso(row.start_earliest),
            "last_reported": _iso(row.last_reported),
            "claims": ",".join(str(pk) for pk in row.support_ids),
        }

    def time_span(self, query: ItemsQuery) -> list[str | None] | None:
        lens = query.lens or CONSENSUS
        span = ControlPeriod.objects.filter(lens=lens).aggregate(
            first=Min("start"), last=Max("end")
        )
        if span["first"] is None:
            return None
        still_open = ControlPeriod.objects.filter(lens=lens, end__isnull=True).exists()
        return _interval(span["first"], None if still_open else span["last"])


class Claims(Collection):
    id = "claims"
    title = "Claims"
    description = (
        "Each feature is one claim (one source's statement about who controls one place), "
        "drawn on its district's polygon; a claim about a place with no district yet has no "
        "geometry. Rejected claims are left out for the public. `effective_from` and "
        "`effective_to` are the claim's window, both days included (equal for an exact day); "
        "`valid_from` and `valid_to` state the same window with valid_to EXCLUSIVE (the day "
        "after effective_to), as the control periods do. A `datetime` filter keeps the claims "
        "whose window meets it; a `lens` keeps the claims that count in it (the source's, or "
        "its stance's), every visible claim when none is given."
    )
    fields = (
        Field("district", "string", "The district's slug; empty while unmapped.", nullable=True),
        Field("place_name", "string", "The place as the source spells it."),
        Field("status", "string", "held or contested."),
        Field("actor", "string", "Who holds the place, when held.", nullable=True),
        Field("kind", "string", "captured, lost, held or contested."),
        Field("effective_from", "string", "First day of the claim's window.", "date"),
        Field("effective_to", "string", "Last day of the claim's window (included).", "date"),
        Field("valid_from", "string", "First day of the window.", "date"),
        Field("valid_to", "string", "Day after the window, exclusive.", "date"),
        Field("date_precision", "string", "day, week or month."),
        Field("source", "string", "The slug of the source that speaks."),
        Field("stance", "string", "The source's stance."),
        Field("document_title", "string", "Title of the document the claim is read in."),
        Field("document_url", "string", "Address of the document.", nullable=True),
        Field("quote", "string", "The words of the source."),
        Field("review_status", "string", "pending, accepted, disputed (or rejected)."),
        Field("retracted_on", "string", "Day the source withdrew it.", "date", True),
    )

    def rows(self, query: ItemsQuery) -> QuerySet:
        claims = claims_visible(include_rejected=query.include_rejected).order_by(
            "effective_to", "pk"
        )
        if query.bbox:
            claims = claims.filter(bbox_q("district__geom", query.bbox))
        lens = Lens.parse(query.lens) if query.lens else None
        if lens is not None and lens.kind == "source":
            claims = claims.filter(source__slug=lens.value)
        elif lens is not None and lens.kind == "stance":
            claims = claims.filter(source__stance=lens.value)
        if lens is not None:  # no lens counts a rejected or retracted claim (Lens.admits)
            claims = claims.filter(retracted_on__isnull=True).exclude(review_status="rejected")
        if query.days and query.days.last:
            claims = claims.filter(effective_from__lte=query.days.last)
        if query.days and query.days.first:
            claims = claims.filter(effective_to__gte=query.days.first)
        return claims

    def properties(self, row) -> dict:
        return {
            "district": row.district.slug if row.district else None,
            "place_name": row.place_name,
            "status": row.status,
            "actor": row.actor.slug if row.actor else None,
            "kind": row.kind,
            "effective_from": _iso(row.effective_from),
            "effective_to": _iso(row.effective_to),
            "valid_from": _iso(row.effective_from),
            "valid_to": _iso(row.effective_to + DAY),
            "date_precision": row.date_precision,
            "source": row.source.slug,
            "stance": row.source.stance,
            "document_title": row.document.title,
            "document_url": row.document.url,
            "quote": row.quote,
            "review_status": row.review_status,
            "retracted_on": _iso(row.retracted_on),
        }

    def time_span(self, query: ItemsQuery) -> list[str | None] | None:
        span = self.rows(replace(query, bbox=None, days=None)).aggregate(
            first=Min("effective_from"), last=Max("effective_to")
        )
        if span["first"] is None:
            return None
        return _interval(span["first"], span["last"] + DAY)


COLLECTIONS: dict[str, Collection] = {c.id: c for c in (Districts(), Periods(), Claims())}


def city_bbox() -> list[float] | None:
    """Return [min lon, min lat, max lon, max lat] around every district, or None."""
    extent = District.objects.aggregate(box=Extent("geom"))["box"]
    return list(extent) if extent else None
