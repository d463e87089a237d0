"""control/ and timeline/: the resolved timeline, on one day or every period at once."""

from __future__ import annotations

import datetime

from django.http import HttpResponse, StreamingHttpResponse
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from districts.models import District
from tracker import selectors
from tracker.api import selectors as api_selectors
from tracker.api import serializers_measure as m
from tracker.api.base import ApiMixin, query_parse
from tracker.api.parameters import LENS, csv_or_json, day_parameter, format_parameter
from tracker.api.renderers import CSVRenderer, GeoJSONRenderer, csv_response
from tracker.api.serializers.districts import DistrictFeatureSerializer
from tracker.api.serializers.timeline import (
    FIELDS_HELP,
    TIMELINE_ENCODING,
    ControlQuery,
    LensQuery,
)
from tracker.api.tables import PERIOD_CSV_COLUMNS, PERIOD_CSV_HELP, timeline_rows

CONTROL_GEOJSON = (
    "With `format=geojson` (or `Accept: application/geo+json`): the same day as a GeoJSON "
    "FeatureCollection (RFC 7946, [lon, lat], EPSG:4326) of the district polygons, with `on` "
    "and `lens` beside `features`; each feature's `id` is the district's slug and its "
    "properties are the district's row of the JSON (district, status, actor, actors, since, "
    "claims, last_reported, stale) with its name_en and name_ar. Districts in slug order."
)
GEOJSON_FEATURES = {
    "type": "object",
    "required": ["type", "on", "lens", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "on": {"type": "string", "format": "date"},
        "lens": {"type": "string"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "id", "geometry", "properties"],
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": {"type": "string"},
                    "geometry": {"type": "object", "additionalProperties": True},
                    "properties": {"type": "object", "additionalProperties": True},
                },
            },
        },
    },
}
# `fields=` names the fields of a district's row: a list of known names, comma-separated.
FIELD_NAMES = "(" + "|".join(selectors.CONTROL_FIELDS) + ")"
FIELDS = OpenApiParameter(
    "fields",
    {"type": "string", "pattern": f"^{FIELD_NAMES}(,{FIELD_NAMES})*$", "maxLength": 200},
    description=FIELDS_HELP,
    examples=[OpenApiExample("what the map draws", value="status,actor,actors,since,stale")],
)
# The JSON answer: the whole document (the contract), or with `fields=` its rows cut down;
# a whole document matches both (`tracker.api.schema.responses_complete` makes it anyOf).
CONTROL_ANSWER = PolymorphicProxySerializer(
    component_name="ControlAnswer",
    serializers=[m.ControlMeasuredSerializer, m.ControlFieldsSerializer],
    resource_type_field_name=None,
)
TIMELINE_CSV = "With `format=csv` (or `Accept: text/csv`): " + PERIOD_CSV_HELP.format(
    columns=", ".join(PERIOD_CSV_COLUMNS)
)


class ControlView(ApiMixin, APIView):
    compress = True  # every district's row: tens of kilobytes at a city, megabytes at a country
    renderer_classes = [JSONRenderer, GeoJSONRenderer]

    @extend_schema(
        summary="Every district's state on one day",
        description="`status` is held, contested, disputed or unknown (before a district's "
        "first claim in the lens); `actor` is the holder's slug when held; `actors` every side "
        "named (two or more when disputed); `since` the day the state began; `claims` the ids "
        "of the claims that establish it; `last_reported` the newest day, on or before `on`, on "
        "which a statement supporting the state took effect; `stale` whether that day is more "
        "than TRACKER_STALE_AFTER_DAYS (180) days before `on` (a flag beside the status). "
        + CONTROL_GEOJSON,
        parameters=[
            day_parameter("on", "The day, YYYY-MM-DD.", "2016-12-07", required=True),
            LENS,
            FIELDS,
            format_parameter(["json", "geojson"], "json (default), or geojson. " + CONTROL_GEOJSON),
        ],
        responses={
            (200, "application/json"): CONTROL_ANSWER,
            (200, "application/geo+json"): OpenApiResponse(
                response=GEOJSON_FEATURES, description=CONTROL_GEOJSON
            ),
        },
    )
    def get(self, request: Request) -> Response | HttpResponse:
        query = query_parse(ControlQuery, request)
        on, lens, fields = query["on"], query["lens"], query.get("fields")
        if request.accepted_renderer.format == "geojson":
            return Response(_control_features(on=on, lens=lens, fields=fields))
        document = selectors.control_on_json(on=on, lens=lens, fields=fields)
        if document is not None:  # PostgreSQL wrote the JSON: pass it through untouched
            return HttpResponse(document, content_type="application/json")
        states = selectors.control_on(on=on, lens=lens)
        return Response(m.control_document({"on": on, "lens": lens, "districts": states}, fields))


def _control_features(*, on: datetime.date, lens: str, fields=None) -> dict:
    """Return control/'s document for `on` as a FeatureCollection of the district polygons,
    each feature's properties its row of the JSON (only `fields`, if given) with the
    district's names."""
    states = selectors.control_on(on=on, lens=lens)
    rows = m.control_document({"on": on, "lens": lens, "districts": states}, fields)
    by_slug = {row["district"]: row for row in rows["districts"]}
    districts = District.objects.order_by("slug")
    features = []
    for feature in DistrictFeatureSerializer(districts, many=True).data["features"]:
        names = feature["properties"]
        row = by_slug[feature["id"]]
        properties = {"district": row["district"], "name_en": names["name_en"]}
        properties.update(name_ar=names["name_ar"], **row)
        features.append({**feature, "properties": properties})
    return {"type": "FeatureCollection", "on": rows["on"], "lens": lens, "features": features}


class TimelineView(ApiMixin, APIView):
    compress = True
    renderer_classes = [JSONRenderer, CSVRenderer]

    @extend_schema(
        summary="Every period of every district in one compact payload",
        description="For a map that scrubs through time with no request per step. "
        + TIMELINE_ENCODING
        + m.TIMELINE_FRESHNESS
        + " "
        + TIMELINE_CSV,
        parameters=[
            LENS,
            format_parameter(["json", "csv"], "json (default), or csv. " + TIMELINE_CSV),
        ],
        responses=csv_or_json(m.TimelineMeasuredSerializer, TIMELINE_CSV),
        examples=[
            OpenApiExample(
                "Two districts",
                value={
                    "lens": "consensus",
                    "actors": ["government", "rebels"],
                    "districts": ["ash-shaar", "hanano"],
                    "periods": [
                        [0, "2016-11-20", "2016-12-07", "held", 1, "2016-11-20", [1]],
                        [0, "2016-12-07", None, "held", 0, "2016-12-01", [0]],
                        [1, "2016-11-26", None, "disputed", None, "2016-11-26", [0, 1]],
                    ],
                    "last_reported": ["2016-11-20", "2016-12-07", "2016-11-27"],
                    "stale": [None, [["2017-06-06", None]], [["2017-05-27", None]]],
                    "stale_after_days": 180,
                },
            )
        ],
    )
    def get(self, request: Request) -> Response | HttpResponse | StreamingHttpResponse:
        query = query_parse(LensQuery, request)
        if request.accepted_renderer.format == "csv":
            lens = query["lens"]
            name = "timeline-" + lens.replace(":", "-") + ".csv"
            return csv_response(timeline_rows(lens=lens), PERIOD_CSV_COLUMNS, filename=name)
        document = selectors.timeline_json(lens=query["lens"])
        if document is not None:  # PostgreSQL wrote the JSON: pass it through untouched
            return HttpResponse(document, content_type="application/json")
        return Response(
            m.TimelineMeasuredSerializer(api_selectors.timeline_compact(lens=query["lens"])).data
        )
