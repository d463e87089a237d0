"""API views: parse the input with a serializer, call a selector or a service, return."""

from __future__ import annotations

from django.contrib.gis.geos import Polygon
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.views.decorators.gzip import gzip_page
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status as http
from rest_framework import viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import APIView, exception_handler

from districts.models import District
from sources.models import Document, Source
from tracker import selectors, services, source_changes
from tracker.api import selectors as api_selectors
from tracker.api import serializers as s
from tracker.api import serializers_measure as m
from tracker.api import services as api_services
from tracker.api.conditional import ConditionalReads
from tracker.api.filters import ClaimFilter
from tracker.api.pagination import Pages
from tracker.api.permissions import AnalystWritesOrReadOnly, ClaimWrites
from tracker.api.renderers import CSVRenderer, csv_lines
from tracker.api.throttling import AnonymousRateThrottle
from tracker.freshness import stale_after_days
from tracker.measure import CoverageStep, coverage_between
from tracker.models import Actor
from tracker.roles import user_sees_rejected
from tracker.timeline import CONTESTED, DISPUTED, UNKNOWN
from tracker.tokens import ApiTokenAuthentication

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
CSV_CHUNK_ROWS = 500  # claims read from the database, and written out, at a time
ID_PATTERN = r"[0-9]+"


# ---- plumbing shared by every view --------------------------------------------------------


def api_exception_handler(exc, context):
    """DRF's handler, plus model validation and database rule errors answered as 400."""
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(as_serializer_error(exc))
    elif isinstance(exc, IntegrityError):
        exc = ValidationError(
            {
                "non_field_errors": [
                    "The change breaks a rule of the stored record (a unique value or a "
                    "consistency check); change the values and retry."
                ]
            }
        )
    return exception_handler(exc, context)


class StrictNegotiation(DefaultContentNegotiation):
    """Answer an unknown `?format=` with a 400 that names it, not DRF's bare 404."""

    def select_renderer(self, request, renderers, format_suffix=None):
        wanted = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if wanted and not any(r.format == wanted for r in renderers):
            offered = " or ".join(r.format for r in renderers)
            raise ValidationError({"format": [f"This endpoint serves format={offered} only."]})
        return super().select_renderer(request, renderers, format_suffix)


def query_parse(serializer_class, request: Request) -> dict:
    """Validate the query string with `serializer_class`; a bad value raises a 400."""
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ApiMixin(ConditionalReads):
    """Token or session authentication, anonymous throttling, JSON, conditional reads."""

    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [AnalystWritesOrReadOnly]
    throttle_classes = [AnonymousRateThrottle]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = StrictNegotiation
    pagination_class = None
    filter_backends: list = []
    http_method_names = ["get", "head", "options"]
    noun, listing = "object", "/api/v1/"
    compress = False  # gzip the response when the client accepts it (large payloads)

    @classmethod
    def as_view(cls, *args, **kwargs):
        view = super().as_view(*args, **kwargs)
        return gzip_page(view) if cls.compress else view

    def get_exception_handler(self):
        return api_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        renderer = getattr(request, "accepted_renderer", None)
        if getattr(response, "exception", False) and renderer and renderer.format != "json":
            request.accepted_renderer = JSONRenderer()  # errors are always JSON
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
            raise NotFound(
                f"No {self.noun} has the {self.lookup_field} {value!r}; list them at "
                f"{self.listing}."
            ) from None


@extend_schema(exclude=True)
class ApiNotFound(ApiMixin, APIView):
    """Answer any path under /api/ that names no endpoint with a JSON 404."""

    http_method_names = ["get", "head", "options", "post", "put", "patch", "delete"]
    permission_classes: list = []

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound(
            f"No endpoint at {request.path!r}: slugs are letters, digits, '-' and '_', ids are "
            "whole numbers; the endpoints are listed at /api/docs/."
        )


# ---- schema documentation -----------------------------------------------------------------


def _example(value, name: str | None = None) -> OpenApiExample:
    return OpenApiExample(name or str(value), value=value)


LENS = OpenApiParameter(
    "lens",
    str,
    description="Which claims count: 'consensus' (every claim not rejected or retracted), "
    "'source:<source slug>' (one source's story), or 'stance:<government|opposition|"
    "independent|kurdish>'. Default consensus.",
    examples=[
        _example("consensus"),
        _example("stance:opposition"),
        _example("source:syrian-army"),
    ],
)
SLUG_SCHEMA = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}
SLUG = OpenApiParameter(
    "slug",
    SLUG_SCHEMA,
    OpenApiParameter.PATH,
    description="The district's slug, as listed by districts/.",
    examples=[_example("hanano")],
)


def _day(name: str, description: str, example: str, required: bool = False) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.DATE,
        required=required,
        description=description,
        examples=[_example(example)],
    )


# ---- districts ----------------------------------------------------------------------------

SIMPLIFY = OpenApiParameter(
    "simplify",
    float,
    description="Simplify each polygon with this tolerance in degrees (0 to 0.01; topology is "
    "kept). Omit for full detail. Coordinates always have 6 decimals.",
    examples=[_example(0.0001), _example(0.001)],
)
BBOX = OpenApiParameter(
    "bbox",
    str,
    description="Only districts intersecting min_lon,min_lat,max_lon,max_lat (degrees, "
    "GeoJSON order, EPSG:4326).",
    examples=[_example("37.10,36.15,37.25,36.25")],
)


@extend_schema_view(
    list=extend_schema(
        summary="Every district as a GeoJSON FeatureCollection",
        description="Features are [lon, lat] in EPSG:4326 (RFC 7946); each feature's id is the "
        "district's slug. Properties: slug, name_en, name_ar, kind, area_m2 and label_point. "
        "Not paginated: the map needs every polygon at once.",
        parameters=[SIMPLIFY, BBOX],
    ),
    retrieve=extend_schema(
        summary="One district as a GeoJSON Feature", parameters=[SLUG, SIMPLIFY]
    ),
)
class DistrictViewSet(ApiMixin, viewsets.ReadOnlyModelViewSet):
    compress = True
    queryset = District.objects.order_by("slug")
    serializer_class = s.DistrictFeatureSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    noun, listing = "district", "/api/v1/districts/"

    def list(self, request: Request) -> Response:
        query = query_parse(s.DistrictsQuery, request)
        districts = self.get_queryset()
        if "bbox" in query:
            box = Polygon.from_bbox(query["bbox"])
            box.srid = 4326
            districts = districts.filter(geom__intersects=box)
        context = {**self.get_serializer_context(), "simplify": query.get("simplify")}
        return Response(s.DistrictFeatureSerializer(districts, many=True, context=context).data)

    def retrieve(self, request: Request, slug: str) -> Response:
        query = query_parse(s.DistrictsQuery, request)
        context = {**self.get_serializer_context(), "simplify": query.get("simplify")}
        return Response(s.DistrictFeatureSerializer(self.get_object(), context=context).data)

    @extend_schema(
        summary="A district's control periods in one lens, with the claims behind each",
        description="Periods run oldest first, each from `start` up to (not including) `end`. "
        "Each lists the claims that establish it and those it outweighed, with source, date "
        "window, quote and citation. `last_reported` is the newest day on which a supporting "
        "statement took effect and `report_days` every such day: on a day more than "
        "TRACKER_STALE_AFTER_DAYS (180) after the latest of them on or before it, the state is "
        "stale.",
        parameters=[SLUG, LENS],
        responses=m.DistrictHistoryMeasuredSerializer,
    )
    @action(detail=True, url_path="history")
    def history(self, request: Request, slug: str) -> Response:
        query = query_parse(s.LensQuery, request)
        district = self.get_object()
        periods = list(selectors.district_history(district=district, lens=query["lens"]))
        ids = {i for p in periods for i in (*p.support_ids, *p.contra_ids)}
        claims = api_selectors.claims_by_id(ids, include_rejected=user_sees_rejected(request.user))
        payload = {"district": district.slug, "lens": query["lens"], "periods": periods}
        return Response(
            m.DistrictHistoryMeasuredSerializer(payload, context={"claims": claims}).data
        )


# ---- actors, sources, documents -----------------------------------------------------------


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
                examples=[_example("government")],
            )
        ],
    ),
)
class ActorViewSet(ApiMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Actor.objects.select_related("parent").order_by("slug")
    serializer_class = s.ActorSerializer
    pagination_class = Pages
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    noun, listing = "actor", "/api/v1/actors/"


SOURCE_SLUG = OpenApiParameter(
    "slug",
    SLUG_SCHEMA,
    OpenApiParameter.PATH,
    description="The source's slug.",
    examples=[_example("syrian-army")],
)
DOCUMENT_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The document's id.", examples=[_example(1)]
)
FORMAT_ONE = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv"],
    description="json (default), or csv: the claim as one CSV row under the header row.",
    examples=[_example("json")],
)
CLAIM_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The claim's id.", examples=[_example(1)]
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
    serializer_class = s.SourceSerializer
    pagination_class = Pages
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    http_method_names = ["get", "head", "options", "post", "patch"]
    noun, listing = "source", "/api/v1/sources/"

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.SourceSerializer(page, many=True).data)

    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(s.SourceSerializer(self.get_object()).data)

    def create(self, request: Request) -> Response:
        serializer = s.SourceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        source = api_services.source_create(**serializer.validated_data)
        return Response(s.SourceSerializer(source).data, status=http.HTTP_201_CREATED)

    def partial_update(self, request: Request, slug: str) -> Response:
        source = self.get_object()
        serializer = s.SourceSerializer(source, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        source = source_changes.source_update(
            source=source, changed_by=request.user, **serializer.validated_data
        )
        return Response(s.SourceSerializer(source).data)


@extend_schema_view(
    list=extend_schema(summary="Published items that carry claims, newest first"),
    retrieve=extend_schema(summary="One document", parameters=[DOCUMENT_ID]),
    create=extend_schema(summary="Add a document (analysts)"),
    partial_update=extend_schema(summary="Change a document (analysts)", parameters=[DOCUMENT_ID]),
)
class DocumentViewSet(ApiMixin, viewsets.GenericViewSet):
    queryset = Document.objects.select_related("source").order_by("-published_on", "id")
    serializer_class = s.DocumentSerializer
    pagination_class = Pages
    lookup_value_regex = ID_PATTERN
    lookup_url_kwarg = "id"
    http_method_names = ["get", "head", "options", "post", "patch"]
    noun, listing = "document", "/api/v1/documents/"

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.DocumentSerializer(page, many=True).data)

    def retrieve(self, request: Request, id: str) -> Response:
        return Response(s.DocumentSerializer(self.get_object()).data)

    def create(self, request: Request) -> Response:
        serializer = s.DocumentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = api_services.document_create(**serializer.validated_data)
        return Response(s.DocumentSerializer(document).data, status=http.HTTP_201_CREATED)

    def partial_update(self, request: Request, id: str) -> Response:
        document = self.get_object()
        serializer = s.DocumentSerializer(document, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        document = api_services.document_update(document=document, **serializer.validated_data)
        return Response(s.DocumentSerializer(document).data)


# ---- claims -------------------------------------------------------------------------------

CSV_DESCRIPTION = (
    "Add `format=csv` (or send `Accept: text/csv`) for every matching claim as CSV, not "
    "paginated, with these columns in this order: "
    + ", ".join(s.CLAIM_CSV_COLUMNS)
    + ". Dates are YYYY-MM-DD, empty cells are nulls, `mapped` is true or false. Text cells "
    "that start with =, +, -, @ (or their full-width forms), possibly after spaces or line "
    "breaks, or with a tab or carriage return, get a leading apostrophe so that spreadsheets "
    "do not run them as formulas. The CSV never carries the private analyst_note, whoever asks."
)
CLAIM_FILTERS = [
    OpenApiParameter("district", str, description="District slug.", examples=[_example("hanano")]),
    OpenApiParameter(
        "source",
        str,
        description="Slug of the source that made the claim.",
        examples=[_example("syrian-army")],
    ),
    OpenApiParameter(
        "actor",
        str,
        description="Actor slug; a coalition (government, rebels) also matches "
        "its members' claims.",
        examples=[_example("government")],
    ),
    OpenApiParameter(
        "stance",
        str,
        enum=[c for c, _ in Source.Stance.choices],
        description="Stance of the claim's source.",
        examples=[_example("independent")],
    ),
    OpenApiParameter(
        "status",
        str,
        enum=["held", "contested"],
        description="What the claim says.",
        examples=[_example("held")],
    ),
    OpenApiParameter(
        "kind",
        str,
        enum=["captured", "lost", "held", "contested"],
        description="The kind of claim.",
        examples=[_example("captured")],
    ),
    OpenApiParameter(
        "review_status",
        str,
        enum=["pending", "accepted", "disputed", "rejected"],
        description="Review status. The public never sees rejected claims; analysts and "
        "reviewers (signed in) see them too.",
        examples=[_example("accepted")],
    ),
    OpenApiParameter(
        "mapped",
        str,
        enum=["true", "false"],
        description="true: about a mapped district; false: a place name waiting to be mapped.",
        examples=[_example("false")],
    ),
    _day("from", "Claims whose effective window ends on or after this day.", "2016-11-15"),
    _day("to", "Claims whose effective window starts on or before this day.", "2016-12-22"),
    OpenApiParameter(
        "ordering",
        str,
        description="Sort by effective_to, effective_from, id, created_at, updated_at, district "
        "or source; prefix '-' for descending; comma-separate several. Default effective_to, id.",
        examples=[_example("-effective_to"), _example("district,effective_to")],
    ),
    OpenApiParameter(
        "format",
        str,
        enum=["json", "csv"],
        description=CSV_DESCRIPTION,
        examples=[_example("csv")],
    ),
]


@extend_schema_view(
    list=extend_schema(
        summary="Claims, filtered, ordered, paginated; or every match as CSV",
        description=CSV_DESCRIPTION,
        parameters=CLAIM_FILTERS,
        responses={
            (200, "application/json"): s.ClaimSerializer(many=True),
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR, description="The CSV described above."
            ),
        },
    ),
    retrieve=extend_schema(
        summary="One claim", parameters=[CLAIM_ID, FORMAT_ONE], responses={200: s.ClaimSerializer}
    ),
    create=extend_schema(
        summary="Record a claim (analysts)",
        description="Recording a claim recomputes its district's timeline in every lens it "
        "counts in, in the same transaction.",
        parameters=[FORMAT_ONE],
        request=s.ClaimCreateSerializer,
        responses={201: s.ClaimSerializer},
    ),
    partial_update=extend_schema(
        summary="Edit (analysts) or review (reviewers) a claim",
        description="Analysts change any field but review_status and reason, and retract a "
        "claim by setting retracted_on; reviewers change review_status (pending, accepted, "
        "disputed, rejected) and reason, and nothing else (403 naming the fields). Rejecting or "
        "disputing takes a reason (400 naming `reason` without one). A change to an accepted "
        "claim's district, place_name, status, kind, actor, effective dates, source, document "
        "or retracted_on returns it to pending unless a reviewer makes it. Claims are never "
        "deleted. The timeline is recomputed in the same transaction.",
        parameters=[CLAIM_ID, FORMAT_ONE],
        request=s.ClaimPatchSerializer,
        responses={200: s.ClaimSerializer},
    ),
)
class ClaimViewSet(ApiMixin, viewsets.GenericViewSet):
    compress = True
    serializer_class = s.ClaimSerializer
    permission_classes = [ClaimWrites]
    renderer_classes = [JSONRenderer, CSVRenderer]
    pagination_class = Pages
    filter_backends = [DjangoFilterBackend]
    filterset_class = ClaimFilter
    lookup_value_regex = ID_PATTERN
    lookup_url_kwarg = "id"
    http_method_names = ["get", "head", "options", "post", "patch"]
    csv_columns = s.CLAIM_CSV_COLUMNS
    noun, listing = "claim", "/api/v1/claims/"

    def get_queryset(self):
        return api_selectors.claims_visible(include_rejected=user_sees_rejected(self.request.user))

    def _out(self, claims, *, many: bool = False) -> s.ClaimSerializer:
        """Serialize claims; the private analyst note only for an analyst or reviewer, in JSON."""
        private = user_sees_rejected(self.request.user) and (
            self.request.accepted_renderer.format == "json"
        )
        return s.ClaimSerializer(claims, many=many, context={"private_notes": private})

    def list(self, request: Request) -> Response | StreamingHttpResponse:
        claims = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format == "csv":
            return self._csv_stream(claims)
        page = self.paginate_queryset(claims)
        return self.get_paginated_response(self._out(page, many=True).data)

    def _csv_stream(self, claims) -> StreamingHttpResponse:
        """Every matching claim as CSV, read from the database `CSV_CHUNK_ROWS` at a time and
        sent as it is written: memory stays bounded whatever the number of claims."""
        row = s.ClaimSerializer().to_representation
        rows = (row(claim) for claim in claims.iterator(chunk_size=CSV_CHUNK_ROWS))
        response = StreamingHttpResponse(
            csv_lines(rows, self.csv_columns, rows_per_chunk=CSV_CHUNK_ROWS),
            content_type=f"{CSVRenderer.media_type}; charset={CSVRenderer.charset}",
        )
        response["Content-Disposition"] = 'attachment; filename="claims.csv"'
        return response

    def retrieve(self, request: Request, id: str) -> Response:
        return Response(self._out(self.get_object()).data)

    def create(self, request: Request) -> Response:
        serializer = s.ClaimCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = {**serializer.validated_data}
        claim = services.claim_record(
            place_name=fields.pop("place_name", ""), recorded_by=request.user, **fields
        )
        return Response(self._out(claim).data, status=http.HTTP_201_CREATED)

    def partial_update(self, request: Request, id: str) -> Response:
        claim = self.get_object()
        serializer = s.ClaimPatchSerializer(claim, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = {**serializer.validated_data}
        review_status = changes.pop("review_status", None)
        reason = changes.pop("reason", None)
        claim = api_services.claim_change(
            claim=claim,
            changes=changes,
            review_status=review_status,
            reason=reason,
            user=request.user,
        )
        return Response(self._out(claim).data)


# ---- the resolved timeline ----------------------------------------------------------------


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
            _day("on", "The day, YYYY-MM-DD.", "2016-12-07", required=True),
            LENS,
        ],
        responses=m.ControlMeasuredSerializer,
    )
    def get(self, request: Request) -> Response | HttpResponse:
        query = query_parse(s.ControlQuery, request)
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
        + s.TIMELINE_ENCODING
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
        query = query_parse(s.LensQuery, request)
        document = selectors.timeline_json(lens=query["lens"])
        if document is not None:  # PostgreSQL wrote the JSON: pass it through untouched
            return HttpResponse(document, content_type="application/json")
        return Response(
            m.TimelineMeasuredSerializer(api_selectors.timeline_compact(lens=query["lens"])).data
        )


class ChangesView(ApiMixin, APIView):
    @extend_schema(
        summary="The change feed",
        description="Every control period that began between since and until (inclusive), "
        "and every claim rejected by a reviewer or retracted by its source in that range, "
        "from the claims' history, ordered by day. The range is at most "
        f"{s.MAX_CHANGES_DAYS} days: a longer one is a 400 naming `until`.",
        parameters=[
            _day("since", "First day, YYYY-MM-DD.", "2016-12-01", required=True),
            _day(
                "until",
                f"Last day, YYYY-MM-DD, at most {s.MAX_CHANGES_DAYS} days after since; default "
                f"today, or since + {s.MAX_CHANGES_DAYS} days if that is earlier (the answer "
                "says which day it used).",
                "2016-12-22",
            ),
            LENS,
        ],
        responses=s.ChangesSerializer,
    )
    def get(self, request: Request) -> Response:
        query = query_parse(s.ChangesQuery, request)
        changes = api_selectors.changes_feed(
            since=query["since"], until=query["until"], lens=query["lens"]
        )
        payload = {**query, "changes": changes}
        return Response(s.ChangesSerializer(payload).data)


class AreaStatsView(ApiMixin, APIView):
    @extend_schema(
        summary="Area and share held by each side over time",
        description="Every `step` days from `from` to `to`, the area (m²) and share of all "
        "districts held by each actor, and contested, disputed and unknown ground. Each point "
        "also gives, as {area_m2, share}: `unknown` (no state), `stale` (a state whose newest "
        "supporting statement is more than TRACKER_STALE_AFTER_DAYS days old, 180 by default; "
        "still counted under its holder in area_m2 and share), `unknown_incl_stale`, "
        "`contested` and `disputed` (0 when none). The city's area is the sum of the districts' "
        "areas. At most "
        f"{s.MAX_AREA_STEPS} points: a larger request is a 400 that says which step would do.",
        parameters=[
            LENS,
            _day(
                "from",
                f"First day; default the lens's first change. At most {s.MAX_AREA_STEPS} "
                "points from `from` to `to`.",
                "2016-11-15",
            ),
            _day(
                "to",
                f"Last day; default the lens's last change. At most {s.MAX_AREA_STEPS} points "
                "from `from` to `to`: (to - from) / step + 1.",
                "2016-12-22",
            ),
            OpenApiParameter(
                "step",
                {"type": "integer", "minimum": 1, "maximum": s.MAX_STEP_DAYS, "default": 1},
                description=f"Days between points, 1 to {s.MAX_STEP_DAYS} (default 1); with "
                f"from and to it makes at most {s.MAX_AREA_STEPS} points.",
                examples=[_example(1), _example(7)],
            ),
        ],
        responses=m.AreaMeasuredSerializer,
    )
    def get(self, request: Request) -> Response:
        query = query_parse(s.AreaQuery, request)
        steps = coverage_between(
            lens=query["lens"], start=query["from"], end=query["to"], step_days=query["step"]
        )
        payload = {
            **query,
            "total_area_m2": api_selectors.districts_total_area(),
            "stale_after_days": stale_after_days(),
            "series": [_area_point(step) for step in steps],
        }
        return Response(m.AreaMeasuredSerializer(payload).data)


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
