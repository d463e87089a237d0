"""actors/: the sides."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from tracker.api.base import SLUG_PATTERN, ApiMixin
from tracker.api.pagination import Pages
from tracker.api.parameters import SLUG_SCHEMA, example
from tracker.api.serializers.sources import ActorSerializer
from tracker.models import Actor


@extend_schema_view(
    list=extend_schema(
        summary="The sides",
        description="Seeded slugs: government, rebels, nusra, kurdish_ypg, isis.",
    ),
    retrieve=extend_schema(
        summary="One side",
        parameters=[
            OpenApiParameter(
                "slug",
                SLUG_SCHEMA,
                OpenApiParameter.PATH,
                description="The actor's slug.",
                examples=[example("government")],
            )
        ],
    ),
)
class ActorViewSet(ApiMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Actor.objects.select_related("parent").order_by("slug")
    serializer_class = ActorSerializer
    pagination_class = Pages
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    noun, listing = "actor", "/api/v1/actors/"
