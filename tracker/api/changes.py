"""changes/: the change feed."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api import selectors as api_selectors
from tracker.api.base import ApiMixin, query_parse
from tracker.api.parameters import LENS, day_parameter, example
from tracker.api.serializers.changes import (
    MAX_CHANGES_DAYS,
    MOMENT_HELP,
    MOMENT_PATTERN,
    ChangesQuery,
    ChangesSerializer,
)

SYNC = (
    "Every row carries `day`, the day of the change in the city's history (a period's first "
    "day, a source's withdrawal; for a review, the day it was made), and `recorded_at`, when "
    "the record changed. To sync incrementally, ask with `recorded_since`: only what was "
    "recorded at or after that time, ordered by recorded_at, then day, type, district and "
    "claim ids. Keep the largest recorded_at of the answer and send it as recorded_since next "
    "time; the bound is inclusive, so rows recorded at that very instant come again: skip the "
    "ones you hold (the key of a row is type, district, day and claims). A district's control "
    "rows come whole: when any of its periods in the lens changes, all of them are recorded "
    "anew, so replace the control rows you hold for that district and lens with the ones "
    "received (a full rebuild, after an engine setting changed, records every period anew)."
)


class ChangesView(ApiMixin, APIView):
    @extend_schema(
        summary="The change feed",
        description="Every control period that began between since and until (inclusive), "
        "and every claim rejected or disputed by a reviewer or retracted by its source in that "
        "range, from the claims' history, ordered by day. The range is at most "
        f"{MAX_CHANGES_DAYS} days: a longer one is a 400 naming `until`. Give `since`, "
        "`recorded_since`, or both (neither is a 400 naming `since`); with recorded_since "
        "alone the days are not limited. " + SYNC,
        parameters=[
            day_parameter(
                "since",
                "First day, YYYY-MM-DD. Needed unless recorded_since is given.",
                "2016-12-01",
                needed_unless="recorded_since",
            ),
            day_parameter(
                "until",
                f"Last day, YYYY-MM-DD, at most {MAX_CHANGES_DAYS} days after since; default "
                f"today, or since + {MAX_CHANGES_DAYS} days if that is earlier, or since if "
                "today is before it (the answer says which day it used); without since, "
                "default 2199-12-31.",
                "2016-12-22",
                not_before="since",
                within_days=["since", MAX_CHANGES_DAYS],
            ),
            LENS,
            OpenApiParameter(
                "recorded_since",
                {
                    "type": "string",
                    "maxLength": 40,
                    "pattern": MOMENT_PATTERN,
                },
                description="Only what was recorded at or after this time (ISO 8601; "
                "inclusive). " + MOMENT_HELP,
                examples=[example("2016-12-07T10:00:00Z")],
            ),
        ],
        responses=ChangesSerializer,
    )
    def get(self, request: Request) -> Response:
        query = query_parse(ChangesQuery, request)
        changes = api_selectors.changes_feed(
            since=query["since"],
            until=query["until"],
            lens=query["lens"],
            recorded_since=query["recorded_since"],
        )
        payload = {**query, "changes": changes}
        return Response(ChangesSerializer(payload).data)
