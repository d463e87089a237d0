"""The JSON documents of the service: landing page, conformance, collections, a collection's
metadata and schema, a page of items, and the OpenAPI 3.0 definition. Pure functions of their
inputs: `base` is the absolute URL of the landing page, ending in '/'."""

from __future__ import annotations

from urllib.parse import urlencode

from ogc.collections import COLLECTIONS, Collection
from ogc.params import COMMON, CRS84, ITEMS, LIMIT_DEFAULT, LIMIT_MAX

JSON, GEOJSON = "application/json", "application/geo+json"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
SCHEMA = "application/schema+json"
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
]
TITLE = "Aleppo territorial control: OGC API - Features"


def link(href: str, rel: str, kind: str, title: str) -> dict:
    return {"href": href, "rel": rel, "type": kind, "title": title}


def landing(base: str, rest_docs: str) -> dict:
    """The landing page: what the service is and where its parts are."""
    return {
        "title": TITLE,
        "description": (
            "Districts, control periods (one lens a request) and sourced claims of the "
            "territorial-control tracker, for GIS clients (QGIS, GDAL/OGR, geopandas). "
            "Every feature is in CRS84 (longitude, latitude); dated features carry "
            "valid_from/valid_to days, valid_to exclusive."
        ),
        "links": [
            link(base, "self", JSON, "This document"),
            link(base + "api", "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)"),
            link(base + "conformance", "conformance", JSON, "Conformance classes implemented"),
            link(base + "collections", "data", JSON, "The feature collections"),
            link(rest_docs, "service-doc", "text/html", "The tracker's REST API, documented"),
        ],
    }


def conformance() -> dict:
    return {"conformsTo": CONFORMANCE}


def collection_doc(base: str, collection: Collection, bbox, interval) -> dict:
    """A collection's metadata: links, extent (space, and time when dated), CRS."""
    here = f"{base}collections/{collection.id}"
    extent: dict = {"spatial": {"bbox": [bbox or [-180, -90, 180, 90]], "crs": CRS84}}
    if interval:
        extent["temporal"] = {"interval": [interval], "trs": GREGORIAN}
    return {
        "id": collection.id,
        "title": collection.title,
        "description": collection.description,
        "itemType": "feature",
        "crs": [CRS84],
        "storageCrs": CRS84,
        "extent": extent,
        "links": [
            link(here, "self", JSON, "This collection"),
            link(here + "/items", "items", GEOJSON, f"{collection.title} as GeoJSON"),
            link(here + "/schema", "describedby", SCHEMA, "The properties of its features"),
        ],
    }


def collection_schema(base: str, collection: Collection) -> dict:
    """A JSON Schema of the collection's features' properties (clients type columns by it)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base}collections/{collection.id}/schema",
        "title": collection.title,
        "type": "object",
        "properties": {f.name: f.schema() for f in collection.fields},
    }


def page_url(url: str, query: dict[str, list[str]], offset: int) -> str:
    """The items URL with the same query at another offset."""
    pairs = [(k, v) for k, values in query.items() if k != "offset" for v in values]
    if offset:
        pairs.append(("offset", str(offset)))
    return url + ("?" + urlencode(pairs) if pairs else "")


def items_doc(
    *,
    url: str,
    query: dict[str, list[str]],
    features: list[dict],
    matched: int,
    offset: int,
    limit: int,
    stamp: str,
) -> dict:
    """A page of features with numberMatched, numberReturned and self/prev/next links."""
    links = [link(page_url(url, query, offset), "self", GEOJSON, "This page")]
    if offset > 0:
        links.append(
            link(page_url(url, query, max(offset - limit, 0)), "prev", GEOJSON, "Previous page")
        )
    if offset + len(features) < matched:
        links.append(link(page_url(url, query, offset + limit), "next", GEOJSON, "Next page"))
    collection_url = url.rsplit("/items", 1)[0]
    links.append(link(collection_url, "collection", JSON, "The collection"))
    return {
        "type": "FeatureCollection",
        "timeStamp": stamp,
        "numberMatched": matched,
        "numberReturned": len(features),
        "features": features,
        "links": links,
    }


def feature_doc(base: str, collection: Collection, feature: dict) -> dict:
    here = f"{base}collections/{collection.id}"
    return {
        **feature,
        "links": [
            link(f"{here}/items/{feature['id']}", "self", GEOJSON, "This feature"),
            link(here, "collection", JSON, "The collection"),
        ],
    }


def _parameter(name: str, schema: dict, description: str, where: str = "query", **extra) -> dict:
    return {"name": name, "in": where, "schema": schema, "description": description, **extra}


PARAMETERS = {
    "limit": _parameter(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX, "default": LIMIT_DEFAULT},
        f"Features a page holds, 1 to {LIMIT_MAX} (default {LIMIT_DEFAULT}).",
        style="form",
        explode=False,
    ),
    "offset": _parameter(
        "offset",
        {"type": "integer", "minimum": 0, "default": 0},
        "Matching features skipped before this page (the next/prev links carry it).",
    ),
    "bbox": _parameter(
        "bbox",
        {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
        "minLon,minLat,maxLon,maxLat in CRS84 (six numbers with heights, ignored); keeps "
        "the features whose district meets the box.",
        style="form",
        explode=False,
    ),
    "datetime": _parameter(
        "datetime",
        {"type": "string"},
        "An instant (2016-12-07 or 2016-12-07T10:00:00Z, counted by its UTC day) or an "
        "interval start/end, '..' for an open end: 2016-12-01/2016-12-31, ../2016-12-31, "
        "2016-12-01/.. . Keeps the features whose days meet it (valid_to exclusive). "
        "Taken by every resource (a collection's temporal extent ignores it).",
        style="form",
        explode=False,
    ),
    "lens": _parameter(
        "lens",
        {
            "type": "string",
            "default": "consensus",
            "pattern": "^(consensus|stance:[a-z]+|source:[-a-zA-Z0-9_]+)$",
        },
        "Which claims count: consensus, stance:<stance> or source:<source slug>.",
    ),
    "crs": _parameter(
        "crs", {"type": "string", "enum": [CRS84]}, "The CRS of the answer: CRS84 only."
    ),
    "bbox-crs": _parameter(
        "bbox-crs", {"type": "string", "enum": [CRS84]}, "The CRS of `bbox`: CRS84 only."
    ),
    "f": _parameter(
        "f", {"type": "string", "enum": ["json", "geojson"]}, "The format: JSON, always."
    ),
}
EXCEPTION = {
    "type": "object",
    "required": ["code"],
    "properties": {
        "code": {"type": "string"},
        "description": {"type": "string"},
        "parameter": {"type": "string"},
    },
}


def _responses(kind: str, description: str, *, missing: bool = False) -> dict:
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/exception"}}}}
    answers = {
        "200": {"description": description, "content": {kind: {"schema": {"type": "object"}}}},
        "400": {"description": "A bad parameter, named in the answer.", **error},
        "429": {"description": "Too many requests from one address.", **error},
    }
    if missing:
        answers["404"] = {"description": "No such collection or feature.", **error}
    return answers


def _operation(op_id: str, summary: str, parameters: list, responses: dict) -> dict:
    return {
        "get": {
            "operationId": op_id,
            "summary": summary,
            "parameters": parameters,
            "responses": responses,
        }
    }


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


def openapi(base: str) -> dict:
    """The OpenAPI 3.0 definition of the service."""
    common = [_ref(p) for p in COMMON]
    paths = {
        "/": _operation(
            "landing",
            "Landing page",
            common,
            _responses(JSON, "The landing page"),
        ),
        "/conformance": _operation(
            "conformance",
            "Conformance classes",
            common,
            _responses(JSON, "The classes"),
        ),
        "/collections": _operation(
            "collections",
            "The feature collections",
            common,
            _responses(JSON, "The list"),
        ),
    }
    for c in COLLECTIONS.values():
        here = f"/collections/{c.id}"
        item_id = _parameter(
            "featureId", {"type": c.id_type}, "The feature's id.", "path", required=True
        )
        paths[here] = _operation(
            f"{c.id}-collection",
            f"{c.title}: metadata",
            common,
            _responses(JSON, "The collection's metadata", missing=True),
        )
        paths[here + "/schema"] = _operation(
            f"{c.id}-schema",
            f"{c.title}: the properties' schema",
            common,
            _responses(SCHEMA, "A JSON Schema"),
        )
        paths[here + "/items"] = _operation(
            f"{c.id}-items",
            f"{c.title}: features",
            [_ref(p) for p in ITEMS],
            _responses(GEOJSON, c.description),
        )
        paths[here + "/items/{featureId}"] = _operation(
            f"{c.id}-item",
            f"{c.title}: one feature",
            [item_id, *common],
            _responses(GEOJSON, "The feature", missing=True),
        )
    return {
        "openapi": "3.0.3",
        "info": {"title": TITLE, "version": "1.0.0"},
        "servers": [{"url": base.rstrip("/")}],
        "paths": paths,
        "components": {"parameters": PARAMETERS, "schemas": {"exception": EXCEPTION}},
    }
