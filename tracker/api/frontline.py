"""frontline/: where districts held by different sides meet on one day, as GeoJSON lines."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api.base import ApiMixin, query_parse
from tracker.api.parameters import LENS, day_parameter
from tracker.api.serializers.timeline import ControlQuery
from tracker.frontline_sql import REACH_M, FrontSegment, front_line


def front_feature(segment: FrontSegment) -> dict:
    """One pair's front as a GeoJSON Feature whose id names both districts."""
    return {
        "type": "Feature",
        "id": "|".join(segment.districts),
        "geometry": segment.geometry,
        "properties": {"districts": list(segment.districts), "sides": list(segment.sides)},
    }


class FrontLineView(ApiMixin, APIView):
    compress = True

    @extend_schema(
        summary="The front line on one day, as GeoJSON lines",
        description="A GeoJSON FeatureCollection ([lon, lat], EPSG:4326) with one "
        "(Multi)LineString Feature for each pair of districts held on `on` by different sides "
        "that touch or lie within "
        f"{REACH_M:g} m of each other (the polygons leave street gaps): the part of the first "
        "district's boundary within that distance of the second. A coalition's members count "
        "as the coalition; contested, disputed and unknown districts are no side's. "
        "Properties: `districts` (the two slugs) and `sides` (their sides' actor slugs, in the "
        "same order). Derived from the lens's stored control periods.",
        parameters=[
            day_parameter("on", "The day, YYYY-MM-DD.", "2016-12-07", required=True),
            LENS,
        ],
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="A GeoJSON FeatureCollection of LineString or MultiLineString "
                "features with properties {districts: [slug, slug], sides: [actor, actor]}, "
                "plus `on` and `lens`.",
            )
        },
    )
    def get(self, request: Request) -> Response:
        query = query_parse(ControlQuery, request)
        segments = front_line(on=query["on"], lens=query["lens"])
        return Response(
            {
                "type": "FeatureCollection",
                "on": query["on"].isoformat(),
                "lens": query["lens"],
                "features": [front_feature(s) for s in segments],
            }
        )
