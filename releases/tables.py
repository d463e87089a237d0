"""The record as tables: districts, sources, claims, control periods (every lens) and
quantitative claims, each a list of typed columns and a function that yields its rows.

One description serves every writer: the CSVs and `datapackage.json` of a release (Table
Schema types), and the GeoPackage (OGR field types). Rows are what anyone may read: rejected
claims and the private analyst notes are left out. Values are plain: dates as `date`,
timestamps as aware `datetime`, lists as lists; each writer renders them.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from districts.models import District
from quantitative.models import QuantitativeClaim
from sources.models import Source
from tracker.models import Claim, ControlPeriod

CHUNK = 2000  # rows read from the database at a time


@dataclass(frozen=True)
class Column:
    """One column: its name, its Table Schema type (string, integer, number, date, datetime,
    array) and what it holds."""

    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Table:
    """One table of the record. `geometry` says which column names the district whose polygon
    a GIS layer of it carries (None: the table is no layer of the GeoPackage)."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[], Iterator[dict]]
    primary_key: tuple[str, ...]
    geometry: str | None = None


def _c(name: str, type_: str, description: str) -> Column:
    return Column(name, type_, description)


def district_rows() -> Iterator[dict]:
    """Yield every district, slug order, with its polygon as WKT (EPSG:4326, lon/lat)."""
    for d in District.objects.order_by("slug").iterator(chunk_size=CHUNK):
        yield {
            "slug": d.slug,
            "name_en": d.name_en,
            "name_ar": d.name_ar,
            "kind": d.kind,
            "area_m2": d.area_m2,
            "geometry": d.geom.wkt,
        }


CLAIM_FIELDS = {
    "id": "id",
    "district": "district__slug",
    "place_name": "place_name",
    "status": "status",
    "actor": "actor__slug",
    "kind": "kind",
    "effective_from": "effective_from",
    "effective_to": "effective_to",
    "date_precision": "date_precision",
    "basis": "basis",
    "source": "source__slug",
    "document": "document_id",
    "document_url": "document__url",
    "attribution": "attribution",
    "quote": "quote",
    "note": "note",
    "review_status": "review_status",
    "retracted_on": "retracted_on",
    "recorded_at": "created_at",
    "updated_at": "updated_at",
    "statement": "statement_id",
}


def _renamed(values: Iterator[Any], fields: dict[str, str]) -> Iterator[dict]:
    for row in values:
        yield {name: row[lookup] for name, lookup in fields.items()}


SOURCE_FIELDS = {
    "slug": "slug",
    "name": "name",
    "kind": "kind",
    "stance": "stance",
    "actor": "actor__slug",
    "reliability": "reliability",
    "description": "description",
}


def source_rows() -> Iterator[dict]:
    """Yield every source, slug order."""
    sources = Source.objects.order_by("slug").values(*SOURCE_FIELDS.values())
    yield from _renamed(sources.iterator(CHUNK), SOURCE_FIELDS)


def claim_rows() -> Iterator[dict]:
    """Yield every claim that is not rejected, id order, without its private analyst note."""
    claims = Claim.objects.exclude(review_status=Claim.Review.REJECTED).order_by("id")
    yield from _renamed(claims.values(*CLAIM_FIELDS.values()).iterator(CHUNK), CLAIM_FIELDS)


QUANTITATIVE_FIELDS = {
    "id": "id",
    "source": "source__slug",
    "document": "document_id",
    "actor": "actor__slug",
    "region": "region__slug",
    "measure": "measure",
    "value": "value",
    "bound": "bound",
    "date_from": "date_from",
    "date_to": "date_to",
    "attribution": "attribution",
    "quote": "quote",
    "note": "note",
    "review_status": "review_status",
    "retracted_on": "retracted_on",
    "recorded_at": "created_at",
}


def quantitative_rows() -> Iterator[dict]:
    """Yield every quantitative claim that is not rejected, id order, without private notes."""
    claims = QuantitativeClaim.objects.exclude(review_status=Claim.Review.REJECTED).order_by("id")
    yield from _renamed(
        claims.values(*QUANTITATIVE_FIELDS.values()).iterator(CHUNK), QUANTITATIVE_FIELDS
    )


PERIOD_FIELDS = {
    "lens": "lens",
    "district": "district__slug",
    "status": "status",
    "actor": "actor__slug",
    "actors": "actors",
    "valid_from": "start",
    "valid_to": "end",
    "start_earliest": "start_earliest",
    "last_reported": "last_reported",
    "report_days": "report_days",
    "claims": "support_ids",
    "contra_claims": "contra_ids",
}


def period_rows() -> Iterator[dict]:
    """Yield every stored control period of every lens, by lens, district slug and start."""
    periods = ControlPeriod.objects.order_by("lens", "district__slug", "start")
    yield from _renamed(periods.values(*PERIOD_FIELDS.values()).iterator(CHUNK), PERIOD_FIELDS)


SOURCE_HELP = "Slug of the source (sources table)."
SLUG_HELP = "Slug of the district (districts table); empty when the place maps to none."
ACTOR_HELP = "Slug of the actor."
REVIEW_HELP = "pending, accepted or disputed (rejected claims are left out)."

DISTRICTS = Table(
    "districts",
    "Districts",
    "The districts: polygons in EPSG:4326 (longitude, latitude).",
    (
        _c("slug", "string", "Stable identifier."),
        _c("name_en", "string", "English name."),
        _c("name_ar", "string", "Arabic name."),
        _c("kind", "string", "neighbourhood, village, ..."),
        _c("area_m2", "number", "Area in square metres, on the ellipsoid."),
        _c("geometry", "string", "The polygon as WKT, EPSG:4326, longitude first."),
    ),
    district_rows,
    ("slug",),
    geometry="slug",
)
SOURCES = Table(
    "sources",
    "Sources",
    "Who speaks: each source's kind, stance, affiliated actor and reliability grade.",
    (
        _c("slug", "string", "Stable identifier."),
        _c("name", "string", "Name."),
        _c("kind", "string", "military, state_media, armed_group, monitor, news, ..."),
        _c("stance", "string", "government, opposition, independent or kurdish."),
        _c("actor", "string", "Slug of the side it speaks for; empty if none."),
        _c("reliability", "string", "Grade A (completely reliable) to F (cannot be judged)."),
        _c("description", "string", "Description."),
    ),
    source_rows,
    ("slug",),
)
CLAIMS = Table(
    "claims",
    "Claims",
    "Dated, sourced claims of who controls a district; rejected claims are left out.",
    (
        _c("id", "integer", "The claim's id, as in /api/v1/claims/{id}/."),
        _c("district", "string", SLUG_HELP),
        _c("place_name", "string", "The place as the source spells it."),
        _c("status", "string", "held or contested."),
        _c("actor", "string", "Slug of the actor said to hold it; empty when contested."),
        _c("kind", "string", "captured, held, lost, contested, ..."),
        _c("effective_from", "date", "First day the claim may refer to."),
        _c("effective_to", "date", "Last day the claim may refer to (inclusive)."),
        _c("date_precision", "string", "How precise the dates are."),
        _c("basis", "string", "statement, report, assessment or evidence; empty if unsaid."),
        _c("source", "string", SOURCE_HELP),
        _c("document", "integer", "The document's id, as in /api/v1/documents/{id}/."),
        _c("document_url", "string", "The document's address, if it has one."),
        _c("attribution", "string", "The attribution as the document gives it."),
        _c("quote", "string", "The words quoted from the document."),
        _c("note", "string", "Public note."),
        _c("review_status", "string", REVIEW_HELP),
        _c("retracted_on", "date", "The day the source withdrew the claim; empty if it did not."),
        _c("recorded_at", "datetime", "When the claim was entered in the record (UTC)."),
        _c("updated_at", "datetime", "When the claim last changed in the record (UTC)."),
        _c(
            "statement",
            "integer",
            "The region statement the claim was made from (one claim per district of the "
            "region share it: count them once); empty for a claim about one district.",
        ),
    ),
    claim_rows,
    ("id",),
    geometry="district",
)
PERIODS = Table(
    "periods",
    "Control periods",
    "The timeline engine's control periods in every lens: one state of one district over "
    "[valid_from, valid_to), valid_to exclusive, empty while the state lasts.",
    (
        _c("lens", "string", "consensus, stance:<stance> or source:<source slug>."),
        _c("district", "string", "Slug of the district (districts table)."),
        _c("status", "string", "held, contested or disputed."),
        _c("actor", "string", "Slug of the holder when held; empty otherwise."),
        _c("actors", "array", "Every side named (two or more when disputed), a JSON list."),
        _c("valid_from", "date", "First day of the state."),
        _c("valid_to", "date", "The day the state ended (exclusive); empty while it lasts."),
        _c("start_earliest", "date", "Earliest day the state may have begun."),
        _c("last_reported", "date", "Newest day a supporting statement took effect."),
        _c("report_days", "array", "Every day a supporting statement took effect (JSON list)."),
        _c("claims", "array", "Ids of the claims that establish the state (JSON list)."),
        _c("contra_claims", "array", "Ids of the claims outweighed by those (JSON list)."),
    ),
    period_rows,
    ("lens", "district", "valid_from"),
    geometry="district",
)
QUANTITATIVE = Table(
    "quantitative_claims",
    "Quantitative claims",
    "Dated, sourced numbers about a region (districts taken, share held, area held); "
    "rejected ones are left out.",
    (
        _c("id", "integer", "The claim's id, as in /api/v1/quantitative-claims/{id}/."),
        _c("source", "string", SOURCE_HELP),
        _c("document", "integer", "The document's id."),
        _c("actor", "string", ACTOR_HELP),
        _c("region", "string", "Slug of the region the number is about."),
        _c("measure", "string", "districts_taken, districts_held, share_held or area_held_km2."),
        _c("value", "number", "The number."),
        _c("bound", "string", "exact, upper, lower or approx."),
        _c("date_from", "date", "First day of the window the number covers."),
        _c("date_to", "date", "Last day of the window (inclusive)."),
        _c("attribution", "string", "The attribution as the document gives it."),
        _c("quote", "string", "The words quoted from the document."),
        _c("note", "string", "Public note."),
        _c("review_status", "string", REVIEW_HELP),
        _c("retracted_on", "date", "The day the source withdrew it; empty if it did not."),
        _c("recorded_at", "datetime", "When it was entered in the record (UTC)."),
    ),
    quantitative_rows,
    ("id",),
)

TABLES = (DISTRICTS, SOURCES, CLAIMS, PERIODS, QUANTITATIVE)
GIS_TABLES = tuple(t for t in TABLES if t.geometry)


def cell_text(value) -> str:
    """Render one value as its text in a CSV: ISO dates, UTC timestamps to the second with a
    `Z`, lists as JSON, None as the empty cell."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)
