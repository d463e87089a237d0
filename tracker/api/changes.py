"""changes/: the change feed."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api import selectors as api_selectors
from tracker.api.base import ApiMixin, query_parse
from tracker.api.parameters import LENS, day_parameter
from tracker.api.serializers.changes import MAX_CHANGES_DAYS, ChangesQuery, ChangesSerializer


class ChangesView(ApiMixin, APIView):
    @extend_schema(
        summary="The change feed",
        description="Every control period that began between since and until (inclusive), "
        "and every claim rejected by a reviewer or retracted by its source in that range, "
        "from the claims' history, ordered by day. The range is at most "
        f"{MAX_CHANGES_DAYS} days: a longer one is a 400 naming `until`.",
        parameters=[
            day_parameter("since", "First day, YYYY-MM-DD.", "2016-12-01", required=True),
            day_parameter(
                "until",
                f"Last day, YYYY-MM-DD, at most {MAX_CHANGES_DAYS} days after since; default "
                f"today, or since + {MAX_CHANGES_DAYS} days if that is earlier, or since if "
                "today is before it (the answer says which day it used).",
                "2016-12-22",
                not_before="since",
                within_days=["since", MAX_CHANGES_DAYS],
            ),
            LENS,
        ],
        responses=ChangesSerializer,
    )
    def get(self, request: Request) -> Response:
        query = query_parse(ChangesQuery, request)
        changes = api_selectors.changes_feed(
            since=query["since"], until=query["until"], lens=query["lens"]
        )
        payload = {**query, "changes": changes}
        return Response(ChangesSerializer(payload).data)
