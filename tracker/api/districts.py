"""districts/: the polygons, one district, and a district's history in one lens."""

from __future__ import annotations

from django.contrib.gis.geos import Polygon
from django.http import StreamingHttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from districts.models import District
from tracker import selectors
from tracker.api import selectors as api_selectors
from tracker.api import serializers_measure as m
from tracker.api.base import ApiMixin, BySlug, query_parse
from tracker.api.parameters import LENS, SLUG, csv_or_json, example, format_parameter, rule
from tracker.api.renderers import CSVRenderer, csv_response
from tracker.api.serializers.districts import (
    BBOX_PATTERN,
    MAX_SIMPLIFY_DEGREES,
    DistrictFeatureSerializer,
    DistrictsQuery,
)
from tracker.api.serializers.timeline import LensQuery
from tracker.api.tables import HISTORY_CSV_COLUMNS, PERIOD_CSV_HELP, period_row
from tracker.freshness import stale_after_days
from tracker.roles import user_sees_rejected

SIMPLIFY = OpenApiParameter(
    "simplify",
    {"type": "number", "minimum": 0, "maximum": MAX_SIMPLIFY_DEGREES},
    description="Simplify each polygon with this tolerance in degrees (0 to 0.01; topology is "
    "kept). Omit for full detail. Coordinates always have 6 decimals.",
    examples=[example(0.0001), example(0.001)],
)
HISTORY_CSV = (
    "With `format=csv` (or `Accept: text/csv`): "
    + PERIOD_CSV_HELP.format(columns=", ".join(HISTORY_CSV_COLUMNS))
    + " `report_days` is every report day (as in the JSON), and `supporting_claims` and "
    "`contradicting_claims` the ids of the claims behind each period, joined with ';'."
)
BBOX = OpenApiParameter(
    "bbox",
    {"type": "string", "pattern": BBOX_PATTERN, "maxLength": 200},
    description="Only districts intersecting min_lon,min_lat,max_lon,max_lat (degrees, "
    "GeoJSON order, EPSG:4326).",
    examples=[example("37.10,36.15,37.25,36.25")],
    extensions=rule(box_ordered=True),
)


@extend_schema_view(
    list=extend_schema(
        summary="Every district as a GeoJSON FeatureCollection",
        description="Features are [lon, lat] in EPSG:4326 (RFC 7946); each feature's id is the "
        "district's slug. Properties: slug, name_en, name_ar, kind, area_m2 and label_point. "
        "Not paginated: the map needs every polygon at once.",
        parameters=[SIMPLIFY, BBOX],
    ),
    retrieve=extend_schema(
        summary="One district as a GeoJSON Feature", parameters=[SLUG, SIMPLIFY]
    ),
)
class DistrictViewSet(BySlug, ApiMixin, viewsets.ReadOnlyModelViewSet):
    compress = True
    queryset = District.objects.order_by("slug")
    serializer_class = DistrictFeatureSerializer
    noun, listing = "district", "/api/v1/districts/"

    def list(self, request: Request) -> Response:
        query = query_parse(DistrictsQuery, request)
        districts = self.get_queryset()
        if "bbox" in query:
            box = Polygon.from_bbox(query["bbox"])
            box.srid = 4326
            districts = districts.filter(geom__intersects=box)
        context = {**self.get_serializer_context(), "simplify": query.get("simplify")}
        return Response(DistrictFeatureSerializer(districts, many=True, context=context).data)

    def retrieve(self, request: Request, slug: str) -> Response:
        query = query_parse(DistrictsQuery, request)
        context = {**self.get_serializer_context(), "simplify": query.get("simplify")}
        return Response(DistrictFeatureSerializer(self.get_object(), context=context).data)

    @extend_schema(
        summary="A district's control periods in one lens, with the claims behind each",
        description="Periods run oldest first, each from `start` up to (not including) `end`. "
        "Each lists the claims that establish it and those it outweighed, with source, date "
        "window, quote and citation. `last_reported` is the newest day on which a supporting "
        "statement took effect and `report_days` every such day: on a day more than "
        "TRACKER_STALE_AFTER_DAYS (180) after the latest of them on or before it, the state is "
        "stale. " + HISTORY_CSV,
        parameters=[
            SLUG,
            LENS,
            format_parameter(["json", "csv"], "json (default), or csv. " + HISTORY_CSV),
        ],
        responses=csv_or_json(m.DistrictHistoryMeasuredSerializer, HISTORY_CSV),
    )
    @action(detail=True, url_path="history", renderer_classes=[JSONRenderer, CSVRenderer])
    def history(self, request: Request, slug: str) -> Response | StreamingHttpResponse:
        query = query_parse(LensQuery, request)
        district = self.get_object()
        periods = list(selectors.district_history(district=district, lens=query["lens"]))
        ids = {i for p in periods for i in (*p.support_ids, *p.contra_ids)}
        claims = api_selectors.claims_by_id(ids, include_rejected=user_sees_rejected(request.user))
        if request.accepted_renderer.format == "csv":
            after_days, visible = stale_after_days(), set(claims)
            rows = (
                period_row(p, district=district.slug, after_days=after_days, visible=visible)
                for p in periods
            )
            name = f"history-{district.slug}-{query['lens'].replace(':', '-')}.csv"
            return csv_response(rows, HISTORY_CSV_COLUMNS, filename=name)
        payload = {"district": district.slug, "lens": query["lens"], "periods": periods}
        return Response(
            m.DistrictHistoryMeasuredSerializer(payload, context={"claims": claims}).data
        )
