"""The releases under /api/v1/: the list, one release, its files; the GeoPackage download;
and control/ and timeline/ with `?as_of_release=N`."""

from __future__ import annotations

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from releases.frozen import release_control_on, release_timeline
from releases.geopackage import MEDIA_TYPE
from releases.models import Release
from releases.services import geopackage_current, release_folder
from tracker.api import serializers_measure as m
from tracker.api.base import ApiMixin, query_parse
from tracker.api.parameters import example, rule
from tracker.api.serializers.timeline import ControlQuery, LensQuery
from tracker.api.timeline import ControlView, TimelineView

LISTING = "/api/v1/releases/"
NUMBER_MAX = 2**31 - 1  # the largest number a release can have in either database


class ReleaseFileSerializer(serializers.Serializer):
    name = serializers.CharField()
    bytes = serializers.IntegerField()
    sha256 = serializers.CharField(help_text="SHA-256 of the file, 64 hex digits.")
    url = serializers.SerializerMethodField(help_text="Where to download the file.")

    def get_url(self, entry: dict) -> str:
        kwargs = {"number": self.context["number"], "name": entry["name"]}
        return reverse("api-v1:release-file", kwargs=kwargs, request=self.context["request"])


class ReleaseSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    created = serializers.DateTimeField()
    dataset_version = serializers.CharField(help_text="The dataset version the release froze.")
    url = serializers.SerializerMethodField(help_text="This release's details.")
    files = serializers.SerializerMethodField()

    def get_url(self, release: Release) -> str:
        kwargs = {"number": release.number}
        return reverse("api-v1:release-detail", kwargs=kwargs, request=self.context["request"])

    @extend_schema_field(ReleaseFileSerializer(many=True))
    def get_files(self, release: Release) -> list:
        context = {**self.context, "number": release.number}
        return list(ReleaseFileSerializer(release.files, many=True, context=context).data)


class ReleaseDetailSerializer(ReleaseSerializer):
    engine_settings = serializers.JSONField(help_text="The engine settings it was made with.")
    changelog = serializers.JSONField(
        help_text="Against the release before: claim ids added, changed, retracted, rejected "
        "and removed; periods removed and added per lens and district."
    )


NUMBER = OpenApiParameter(
    "number",
    {"type": "integer", "minimum": 1, "maximum": NUMBER_MAX},
    OpenApiParameter.PATH,
    description="The release number.",
    examples=[example(1)],
)


def release_get(number: int) -> Release:
    """The release numbered `number`, or a JSON 404 that says where they are listed."""
    release = Release.objects.filter(number=number).first() if number <= NUMBER_MAX else None
    if release is None:
        raise NotFound(f"No release has the number {number}; list them at {LISTING}.")
    return release


class ReleaseListView(ApiMixin, APIView):
    @extend_schema(
        summary="Every citable release, oldest first",
        description="Each release froze the record (`manage.py release_make`): the tables as "
        "CSV with datapackage.json, the GeoPackage, CITATION.cff, the changelog against the "
        "release before and SHA256SUMS. Every API response names the newest release in "
        "`X-Dataset-Release`.",
        responses=ReleaseSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        releases = Release.objects.order_by("number")
        return Response(ReleaseSerializer(releases, many=True, context={"request": request}).data)


class ReleaseDetailView(ApiMixin, APIView):
    @extend_schema(
        summary="One release: its files with their SHA-256, settings and changelog",
        parameters=[NUMBER],
        responses=ReleaseDetailSerializer,
    )
    def get(self, request: Request, number: int) -> Response:
        release = release_get(number)
        return Response(ReleaseDetailSerializer(release, context={"request": request}).data)


def file_response(path, name: str, media_type: str) -> FileResponse:
    """Send the file at `path` as a download named `name`."""
    return FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type=media_type)


MEDIA_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".gpkg": MEDIA_TYPE,
    ".md": "text/markdown; charset=utf-8",
    ".cff": "application/x-yaml; charset=utf-8",
}


class ReleaseFileView(ApiMixin, APIView):
    @extend_schema(
        summary="Download one file of a release",
        parameters=[
            NUMBER,
            OpenApiParameter(
                "name",
                {"type": "string", "pattern": "^[A-Za-z0-9_.-]+$"},
                OpenApiParameter.PATH,
                description="The file's name, as the release lists it.",
                examples=[example("datapackage.json")],
            ),
        ],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request, number: int, name: str) -> FileResponse:
        release = release_get(number)
        if name not in {entry["name"] for entry in release.files}:
            raise NotFound(
                f"Release {number} has no file {name!r}; its files are listed at "
                f"{LISTING}{number}/."
            )
        path = release_folder(number) / name
        if not path.exists():
            raise NotFound(f"The file {name!r} of release {number} is missing on this server.")
        suffix = path.suffix if path.suffix else ""
        return file_response(path, name, MEDIA_TYPES.get(suffix, "text/plain; charset=utf-8"))


class GeoPackageView(ApiMixin, APIView):
    @extend_schema(
        summary="The record as a GeoPackage",
        description="Layers `districts`, `periods` (every lens, a `lens` column; `valid_from` "
        "and `valid_to` are Date fields, valid_to exclusive and null while the state lasts) "
        "and `claims` (on their district's polygon; rejected claims left out), EPSG:4326. "
        "Built once per dataset version; the ETag follows the dataset version.",
        responses={
            (200, MEDIA_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="The file.")
        },
    )
    def get(self, request: Request) -> FileResponse:
        version = request._request.tracker_dataset_version  # type: ignore[attr-defined]
        path = geopackage_current(version.tag)
        return file_response(path, "territorial-control.gpkg", MEDIA_TYPE)


class AsOfReleaseQuery(serializers.Serializer):
    as_of_release = serializers.IntegerField(
        min_value=1,
        max_value=NUMBER_MAX,
        required=False,
        help_text="Answer as release N froze the record (its stored periods and settings).",
    )

    def validate_as_of_release(self, value: int) -> Release:
        release = Release.objects.filter(number=value).first()
        if release is None:
            raise serializers.ValidationError(
                f"No release {value}; the releases are listed at {LISTING}."
            )
        return release


AS_OF_RELEASE = OpenApiParameter(
    "as_of_release",
    {"type": "integer", "minimum": 1, "maximum": NUMBER_MAX},
    description="Reproduce release N exactly: the answer comes from the periods, districts, "
    "actors and settings the release stored, whatever changed since. 400 if there is no "
    "release N.",
    examples=[example(1)],
    extensions=rule(exists="/api/v1/releases/"),
)


def with_parameter(parent_get, parameter: OpenApiParameter):
    """Document `parameter` on a subclass's `get`, keeping the parent's documentation."""

    def decorate(function):
        function.kwargs = {"schema": parent_get.kwargs["schema"]}
        return extend_schema(parameters=[parameter])(function)

    return decorate


def _released(request: Request) -> Release | None:
    """The release `?as_of_release=` names, or None; a release is served as JSON only."""
    release = query_parse(AsOfReleaseQuery, request).get("as_of_release")
    if release is not None and request.accepted_renderer.format != "json":
        raise ValidationError(
            {"as_of_release": ["A release is served as JSON: leave out format= (or ask json)."]}
        )
    return release


class ReleasedControlView(ControlView):
    @with_parameter(ControlView.get, AS_OF_RELEASE)
    def get(self, request: Request) -> Response | HttpResponse:
        release = _released(request)
        if release is None:
            return super().get(request)
        query = query_parse(ControlQuery, request)
        states = release_control_on(release, on=query["on"], lens=query["lens"])
        payload = {"on": query["on"], "lens": query["lens"], "districts": states}
        return Response(m.control_document(payload, query.get("fields")))


class ReleasedTimelineView(TimelineView):
    @with_parameter(TimelineView.get, AS_OF_RELEASE)
    def get(self, request: Request) -> Response | HttpResponse | StreamingHttpResponse:
        release = _released(request)
        if release is None:
            return super().get(request)
        query = query_parse(LensQuery, request)
        timeline = release_timeline(release, lens=query["lens"])
        return Response(m.TimelineMeasuredSerializer(timeline).data)
