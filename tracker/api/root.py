"""/api/v1/: the API root, every endpoint by name with its absolute URL."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api.base import ApiMixin

ROOT_SCHEMA = {
    "type": "object",
    "description": "Endpoint name -> its absolute URL.",
    "additionalProperties": {"type": "string", "format": "uri"},
}


class ApiRootView(ApiMixin, APIView):
    # `entries` lists (name, URL name) pairs, in the order shown; config/api_urls.py gives them.
    entries: list[tuple[str, str]] = []

    @extend_schema(
        summary="The API root: every endpoint by name",
        description="A JSON object mapping each endpoint's name to its absolute URL: the "
        "records and the resolved timeline under /api/v1/, the quantitative claims, the "
        "OpenAPI schema (`schema`) and the browsable docs (`docs`). Endpoints read by a slug "
        "or an id (districts/{slug}/history/, sources/{slug}/record/, ...) are described in "
        "the schema.",
        responses={200: OpenApiResponse(response=ROOT_SCHEMA, description="Name -> URL.")},
        examples=[
            OpenApiExample(
                "Root",
                value={
                    "districts": "http://127.0.0.1:8000/api/v1/districts/",
                    "schema": "http://127.0.0.1:8000/api/schema/",
                },
            )
        ],
    )
    def get(self, request: Request) -> Response:
        return Response(
            {name: request.build_absolute_uri(reverse(url)) for name, url in self.entries}
        )
