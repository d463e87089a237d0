"""sources/ and documents/: who speaks and what they published; analysts add and change them."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status as http
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from common.users import signed_in
from sources.models import Document, Source
from tracker import source_changes
from tracker.api import services as api_services
from tracker.api.base import ApiMixin, ById, BySlug
from tracker.api.pagination import Pages
from tracker.api.parameters import id_parameter, slug_parameter
from tracker.api.serializers.sources import DocumentSerializer, SourceSerializer

SOURCE_SLUG = slug_parameter("The source's slug.", "syrian-army")
DOCUMENT_ID = id_parameter("document")


class EditableRecords(ApiMixin, viewsets.GenericViewSet):
    # Records listed (paginated) and read by anyone, added and changed by analysts: the
    # serializer checks the input, and the view's service writes (`record_create`,
    # `record_update`). No docstring: the schema would describe the views with it.
    pagination_class = Pages
    http_method_names = ["get", "head", "options", "post", "patch"]

    def record_create(self, fields: dict):
        raise NotImplementedError

    def record_update(self, record, fields: dict):
        raise NotImplementedError

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer_class()(page, many=True).data)

    def retrieve(self, request: Request, **lookup: str) -> Response:
        return Response(self.get_serializer_class()(self.get_object()).data)

    def create(self, request: Request) -> Response:
        serializer = self.get_serializer_class()(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = self.record_create(serializer.validated_data)
        return Response(self.get_serializer_class()(record).data, status=http.HTTP_201_CREATED)

    def partial_update(self, request: Request, **lookup: str) -> Response:
        record = self.get_object()
        serializer = self.get_serializer_class()(record, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        record = self.record_update(record, serializer.validated_data)
        return Response(self.get_serializer_class()(record).data)


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
class SourceViewSet(BySlug, EditableRecords):
    queryset = Source.objects.select_related("actor").order_by("slug")
    serializer_class = SourceSerializer
    noun, listing = "source", "/api/v1/sources/"

    def record_create(self, fields: dict) -> Source:
        return api_services.source_create(**fields)

    def record_update(self, record: Source, fields: dict) -> Source:
        return source_changes.source_update(
            source=record, changed_by=signed_in(self.request.user), **fields
        )


@extend_schema_view(
    list=extend_schema(summary="Published items that carry claims, newest first"),
    retrieve=extend_schema(summary="One document", parameters=[DOCUMENT_ID]),
    create=extend_schema(summary="Add a document (analysts)"),
    partial_update=extend_schema(summary="Change a document (analysts)", parameters=[DOCUMENT_ID]),
)
class DocumentViewSet(ById, EditableRecords):
    queryset = Document.objects.select_related("source").order_by("-published_on", "id")
    serializer_class = DocumentSerializer
    noun, listing = "document", "/api/v1/documents/"

    def record_create(self, fields: dict) -> Document:
        return api_services.document_create(**fields)

    def record_update(self, record: Document, fields: dict) -> Document:
        return api_services.document_update(document=record, **fields)
