"""The OGC API - Features endpoints, thin: read the parameters (`ogc.params`), read the rows
(`ogc.collections`), write the document (`ogc.documents`).

They share the REST API's plumbing (`tracker.api.base.ApiMixin`): token or session
authentication (analysts and reviewers also see rejected claims), the anonymous rate limit, and
conditional reads (ETag and Last-Modified from the dataset version, 304 when unchanged). What
differs: the answer's type is fixed per resource (GeoJSON for features, JSON for metadata,
OpenAPI for the definition) whatever the Accept header says, since GIS clients ask with
several; and errors are OGC exceptions, `{"code", "description"}`, with `parameter` naming the
query parameter of a 400.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ogc import documents
from ogc.collections import COLLECTIONS, Collection, ItemsQuery, city_bbox
from ogc.params import (
    COMMON,
    CRS84,
    ITEMS,
    ParameterError,
    bbox_parse,
    crs_check,
    datetime_parse,
    limit_parse,
    offset_parse,
    text_parse,
    unknown_check,
)
from tracker.api.base import ApiMixin, StrictNegotiation, api_exception_handler
from tracker.api.serializers.fields import LensField
from tracker.roles import user_sees_rejected

CODES = {400: "InvalidParameterValue", 404: "NotFound", 429: "TooManyRequests"}


class MetadataJSON(JSONRenderer):
    media_type = documents.JSON


class GeoJSON(JSONRenderer):
    media_type = documents.GEOJSON


class OpenApiJSON(JSONRenderer):
    media_type = documents.OPENAPI


class SchemaJSON(JSONRenderer):
    media_type = documents.SCHEMA


class FixedType(StrictNegotiation):
    """Answer in the view's one type, whatever Accept lists (GDAL and QGIS ask with several)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _described(data) -> str:
    if isinstance(data, dict):
        return " ".join(f"{key}: {_described(value)}" for key, value in data.items())
    if isinstance(data, list):
        return " ".join(_described(value) for value in data)
    return str(data)


def ogc_exception_handler(exc, context):
    """Answer errors as OGC exceptions; a bad parameter is a 400 that names it."""
    if isinstance(exc, ParameterError):
        body = {"code": CODES[400], "description": str(exc), "parameter": exc.parameter}
        return Response(body, status=400)
    if isinstance(exc, ValidationError) and isinstance(exc.detail, dict) and exc.detail:
        # The REST API's own refusals (a parameter given twice or empty) name the parameter.
        name = next(iter(exc.detail))
        body = {"code": CODES[400], "description": _described(exc.detail), "parameter": name}
        return Response(body, status=400)
    response = api_exception_handler(exc, context)
    if response is not None:
        detail = (
            response.data.get("detail", response.data)
            if isinstance(response.data, dict)
            else response.data
        )
        code = CODES.get(response.status_code, "Error")
        response.data = {"code": code, "description": _described(detail)}
    return response


def lens_parse(query) -> str:
    """Return the `lens` given, checked as the REST API checks it (a known source, a stance)."""
    raw = text_parse(query, "lens", "")
    try:
        return LensField().run_validation(raw)
    except ValidationError as error:
        raise ParameterError("lens", _described(error.detail)) from None


@extend_schema(exclude=True)  # described by its own OpenAPI document at /ogc/api
class OgcView(ApiMixin, APIView):
    content_negotiation_class = FixedType
    renderer_classes = [MetadataJSON]
    noun, listing = "collection", "/ogc/collections"

    def get_exception_handler(self):
        return ogc_exception_handler

    def base(self, request: Request) -> str:
        return request.build_absolute_uri(reverse("ogc:landing"))

    def query(self, request: Request) -> dict[str, list[str]]:
        return {key: request.query_params.getlist(key) for key in request.query_params}

    def collection(self, collection_id: str) -> Collection:
        found = COLLECTIONS.get(collection_id)
        if found is None:
            names = ", ".join(COLLECTIONS)
            raise NotFound(f"No collection {collection_id!r}: the collections are {names}.")
        return found

    def checked(self, request: Request, allowed=COMMON) -> ItemsQuery:
        """Refuse unknown parameters and read the known ones (`lens`, `datetime`, `bbox`)."""
        query = self.query(request)
        unknown_check(query, allowed)
        crs_check(query)
        return ItemsQuery(
            bbox=bbox_parse(query),
            days=datetime_parse(query),
            lens=lens_parse(query) if "lens" in query else None,
            include_rejected=user_sees_rejected(request.user),
        )


class Landing(OgcView):
    def get(self, request: Request) -> Response:
        self.checked(request)
        docs = request.build_absolute_uri(reverse("api-docs"))
        return Response(documents.landing(self.base(request), docs))


class Conformance(OgcView):
    def get(self, request: Request) -> Response:
        self.checked(request)
        return Response(documents.conformance())


class Definition(OgcView):
    renderer_classes = [OpenApiJSON]

    def get(self, request: Request) -> Response:
        self.checked(request)
        return Response(documents.openapi(self.base(request)))


class Collections(OgcView):
    def get(self, request: Request) -> Response:
        self.checked(request)
        base, bbox, query = (
            self.base(request),
            city_bbox(),
            ItemsQuery(include_rejected=user_sees_rejected(request.user)),
        )
        return Response(
            {
                "links": [
                    documents.link(base + "collections", "self", documents.JSON, "This document")
                ],
                "collections": [
                    documents.collection_doc(base, c, bbox, c.time_span(query))
                    for c in COLLECTIONS.values()
                ],
            }
        )


class CollectionDetail(OgcView):
    def get(self, request: Request, collection_id: str) -> Response:
        collection = self.collection(collection_id)
        query = self.checked(request)
        return Response(
            documents.collection_doc(
                self.base(request), collection, city_bbox(), collection.time_span(query)
            )
        )


class CollectionSchema(OgcView):
    renderer_classes = [SchemaJSON]

    def get(self, request: Request, collection_id: str) -> Response:
        collection = self.collection(collection_id)
        self.checked(request)
        return Response(documents.collection_schema(self.base(request), collection))


class FeatureView(OgcView):
    """Features: GeoJSON, in CRS84 as the Content-Crs header says."""

    renderer_classes = [GeoJSON]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response["Content-Crs"] = f"<{CRS84}>"
        return response


class Items(FeatureView):
    def get(self, request: Request, collection_id: str) -> Response:
        collection = self.collection(collection_id)
        query = self.checked(request, ITEMS)
        raw = self.query(request)
        limit, offset = limit_parse(raw), offset_parse(raw)
        rows = collection.rows(query)
        page = list(rows[offset : offset + limit])
        stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat()
        return Response(
            documents.items_doc(
                url=request.build_absolute_uri(request.path),
                query=raw,
                features=collection.features(page),
                matched=rows.count(),
                offset=offset,
                limit=limit,
                stamp=stamp.replace("+00:00", "Z"),
            )
        )


class Item(FeatureView):
    def get(self, request: Request, collection_id: str, feature_id: str) -> Response:
        collection = self.collection(collection_id)
        query = self.checked(request)  # checked, but a feature is found by its id alone
        row = collection.row(feature_id, ItemsQuery(include_rejected=query.include_rejected))
        if row is None:
            raise NotFound(
                f"No feature {feature_id!r} in {collection_id}; list them at "
                f"{self.base(request)}collections/{collection_id}/items."
            )
        feature = collection.features([row])[0]
        return Response(documents.feature_doc(self.base(request), collection, feature))


class Missing(OgcView):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound(
            f"No resource at {request.path!r}: start from the landing page, {self.base(request)}."
        )
