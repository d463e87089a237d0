"""stats/area/: the area and share held by each side over time."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api import selectors as api_selectors
from tracker.api import serializers_measure as m
from tracker.api.base import ApiMixin, query_parse
from tracker.api.parameters import (
    LENS,
    csv_or_json,
    day_parameter,
    format_parameter,
    int_parameter,
)
from tracker.api.renderers import CSVRenderer
from tracker.api.serializers.stats import MAX_AREA_STEPS, MAX_STEP_DAYS, AreaQuery
from tracker.api.tables import AREA_CSV_HELP, area_columns, area_rows
from tracker.freshness import stale_after_days
from tracker.measure import CoverageStep, coverage_between
from tracker.timeline import CONTESTED, DISPUTED, UNKNOWN

AREA_CSV = "With `format=csv` (or `Accept: text/csv`): " + AREA_CSV_HELP


class AreaStatsView(ApiMixin, APIView):
    renderer_classes = [JSONRenderer, CSVRenderer]

    @extend_schema(
        summary="Area and share held by each side over time",
        description="Every `step` days from `from` to `to`, the area (m²) and share of all "
        "districts held by each actor, and contested, disputed and unknown ground. Each point "
        "also gives, as {area_m2, share}: `unknown` (no state), `stale` (a state whose newest "
        "supporting statement is more than TRACKER_STALE_AFTER_DAYS days old, 180 by default; "
        "still counted under its holder in area_m2 and share), `unknown_incl_stale`, "
        "`contested` and `disputed` (0 when none). The city's area is the sum of the districts' "
        "areas. At most "
        f"{MAX_AREA_STEPS} points: a larger request is a 400 that says which step would do. "
        + AREA_CSV,
        parameters=[
            LENS,
            day_parameter(
                "from",
                "First day; default the lens's first change, or `to` if earlier, or the "
                f"earliest day that keeps within {MAX_AREA_STEPS} points of `to`.",
                "2016-11-15",
            ),
            day_parameter(
                "to",
                "Last day; default the lens's last change, or `from` if later, or the latest "
                f"day within {MAX_AREA_STEPS} points of `from`. Given with `from`: on or after "
                f"it, and at most {MAX_AREA_STEPS} points, (to - from) / step + 1.",
                "2016-12-22",
                not_before="from",
                max_points=["from", "step", MAX_AREA_STEPS],
            ),
            int_parameter(
                "step",
                1,
                MAX_STEP_DAYS,
                f"Days between points, 1 to {MAX_STEP_DAYS} (default 1); with from and to it "
                f"makes at most {MAX_AREA_STEPS} points.",
                [1, 7],
            ),
            format_parameter(["json", "csv"], "json (default), or csv. " + AREA_CSV),
        ],
        responses=csv_or_json(m.AreaMeasuredSerializer, AREA_CSV),
    )
    def get(self, request: Request) -> Response:
        query = query_parse(AreaQuery, request)
        steps = coverage_between(
            lens=query["lens"], start=query["from"], end=query["to"], step_days=query["step"]
        )
        payload = {
            **query,
            "total_area_m2": api_selectors.districts_total_area(),
            "stale_after_days": stale_after_days(),
            "series": [_area_point(step) for step in steps],
        }
        document = m.AreaMeasuredSerializer(payload).data
        if request.accepted_renderer.format == "csv":
            self.csv_columns = area_columns(document["series"])
            return Response(area_rows(document["series"]))
        return Response(document)


def _part(step: CoverageStep, area_m2: float) -> dict:
    return {"area_m2": area_m2, "share": step.share(area_m2)}


def _area_point(step: CoverageStep) -> dict:
    """One point of stats/area/: the area by state (stale states under their holder), and the
    unknown, stale, contested and disputed parts."""
    areas = {**step.stated_m2, UNKNOWN: step.unknown_m2}
    return {
        "day": step.day,
        "area_m2": areas,
        "share": {key: step.share(value) for key, value in areas.items()},
        UNKNOWN: _part(step, step.unknown_m2),
        "stale": _part(step, step.stale_total_m2),
        "unknown_incl_stale": _part(step, step.unknown_incl_stale_m2),
        CONTESTED: _part(step, step.stated_m2.get(CONTESTED, 0.0)),
        DISPUTED: _part(step, step.stated_m2.get(DISPUTED, 0.0)),
    }
