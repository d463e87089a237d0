"""sources/ and documents/: who speaks and what they published; analysts add and change them."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status as http
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from sources.models import Document, Source
from tracker import source_changes
from tracker.api import services as api_services
from tracker.api.base import ID_PATTERN, SLUG_PATTERN, ApiMixin
from tracker.api.pagination import Pages
from tracker.api.parameters import SLUG_SCHEMA, example
from tracker.api.serializers.sources import DocumentSerializer, SourceSerializer

SOURCE_SLUG = OpenApiParameter(
    "slug",
    SLUG_SCHEMA,
    OpenApiParameter.PATH,
    description="The source's slug.",
    examples=[example("syrian-army")],
)
DOCUMENT_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The document's id.", examples=[example(1)]
)


@extend_schema_view(
    list=extend_schema(summary="Who speaks: the sources of claims"),
    retrieve=extend_schema(summary="One source", parameters=[SOURCE_SLUG]),
    create=extend_schema(summary="Add a source (analysts)"),
    partial_update=extend_schema(
        summary="Change a source (analysts)",
        description="Changing stance or side recomputes the timeline of the districts the "
        "source spoke about. The slug cannot change.",
        parameters=[SOURCE_SLUG],
    ),
)
class SourceViewSet(ApiMixin, viewsets.GenericViewSet):
    queryset = Source.objects.select_related("actor").order_by("slug")
    serializer_class = SourceSerializer
    pagination_class = Pages
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    http_method_names = ["get", "head", "options", "post", "patch"]
    noun, listing = "source", "/api/v1/sources/"

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(SourceSerializer(page, many=True).data)

    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(SourceSerializer(self.get_object()).data)

    def create(self, request: Request) -> Response:
        serializer = SourceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        source = api_services.source_create(**serializer.validated_data)
        return Response(SourceSerializer(source).data, status=http.HTTP_201_CREATED)

    def partial_update(self, request: Request, slug: str) -> Response:
        source = self.get_object()
        serializer = SourceSerializer(source, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        source = source_changes.source_update(
            source=source, changed_by=request.user, **serializer.validated_data
        )
        return Response(SourceSerializer(source).data)


@extend_schema_view(
    list=extend_schema(summary="Published items that carry claims, newest first"),
    retrieve=extend_schema(summary="One document", parameters=[DOCUMENT_ID]),
    create=extend_schema(summary="Add a document (analysts)"),
    partial_update=extend_schema(summary="Change a document (analysts)", parameters=[DOCUMENT_ID]),
)
class DocumentViewSet(ApiMixin, viewsets.GenericViewSet):
    queryset = Document.objects.select_related("source").order_by("-published_on", "id")
    serializer_class = DocumentSerializer
    pagination_class = Pages
    lookup_value_regex = ID_PATTERN
    lookup_url_kwarg = "id"
    http_method_names = ["get", "head", "options", "post", "patch"]
    noun, listing = "document", "/api/v1/documents/"

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(DocumentSerializer(page, many=True).data)

    def retrieve(self, request: Request, id: str) -> Response:
        return Response(DocumentSerializer(self.get_object()).data)

    def create(self, request: Request) -> Response:
        serializer = DocumentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = api_services.document_create(**serializer.validated_data)
        return Response(DocumentSerializer(document).data, status=http.HTTP_201_CREATED)

    def partial_update(self, request: Request, id: str) -> Response:
        document = self.get_object()
        serializer = DocumentSerializer(document, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        document = api_services.document_update(document=document, **serializer.validated_data)
        return Response(DocumentSerializer(document).data)
