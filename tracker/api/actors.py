"""actors/: the sides."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from tracker.api.base import ApiMixin, BySlug
from tracker.api.pagination import Pages
from tracker.api.parameters import slug_parameter
from tracker.api.serializers.sources import ActorSerializer
from tracker.models import Actor


@extend_schema_view(
    list=extend_schema(
        summary="The sides",
        description="Seeded slugs: government, rebels, nusra, kurdish_ypg, isis.",
    ),
    retrieve=extend_schema(
        summary="One side",
        parameters=[slug_parameter("The actor's slug.", "government")],
    ),
)
class ActorViewSet(BySlug, ApiMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Actor.objects.select_related("parent").order_by("slug")
    serializer_class = ActorSerializer
    pagination_class = Pages
    noun, listing = "actor", "/api/v1/actors/"
