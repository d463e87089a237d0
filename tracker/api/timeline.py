"""control/ and timeline/: the resolved timeline, on one day or every period at once."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker import selectors
from tracker.api import selectors as api_selectors
from tracker.api import serializers_measure as m
from tracker.api.base import ApiMixin, query_parse
from tracker.api.parameters import LENS, day_parameter
from tracker.api.serializers.timeline import TIMELINE_ENCODING, ControlQuery, LensQuery


class ControlView(ApiMixin, APIView):
    @extend_schema(
        summary="Every district's state on one day",
        description="`status` is held, contested, disputed or unknown (before a district's "
        "first claim in the lens); `actor` is the holder's slug when held; `actors` every side "
        "named (two or more when disputed); `since` the day the state began; `claims` the ids "
        "of the claims that establish it; `last_reported` the newest day, on or before `on`, on "
        "which a statement supporting the state took effect; `stale` whether that day is more "
        "than TRACKER_STALE_AFTER_DAYS (180) days before `on` (a flag beside the status).",
        parameters=[
            day_parameter("on", "The day, YYYY-MM-DD.", "2016-12-07", required=True),
            LENS,
        ],
        responses=m.ControlMeasuredSerializer,
    )
    def get(self, request: Request) -> Response | HttpResponse:
        query = query_parse(ControlQuery, request)
        document = selectors.control_on_json(on=query["on"], lens=query["lens"])
        if document is not None:  # PostgreSQL wrote the JSON: pass it through untouched
            return HttpResponse(document, content_type="application/json")
        states = selectors.control_on(on=query["on"], lens=query["lens"])
        payload = {"on": query["on"], "lens": query["lens"], "districts": states}
        return Response(m.ControlMeasuredSerializer(payload).data)


class TimelineView(ApiMixin, APIView):
    compress = True

    @extend_schema(
        summary="Every period of every district in one compact payload",
        description="For a map that scrubs through time with no request per step. "
        + TIMELINE_ENCODING
        + m.TIMELINE_FRESHNESS,
        parameters=[LENS],
        responses=m.TimelineMeasuredSerializer,
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
    def get(self, request: Request) -> Response | HttpResponse:
        query = query_parse(LensQuery, request)
        document = selectors.timeline_json(lens=query["lens"])
        if document is not None:  # PostgreSQL wrote the JSON: pass it through untouched
            return HttpResponse(document, content_type="application/json")
        return Response(
            m.TimelineMeasuredSerializer(api_selectors.timeline_compact(lens=query["lens"])).data
        )
