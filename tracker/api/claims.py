"""claims/: filtered, paginated, as JSON or streamed CSV; recorded, edited and reviewed."""

from __future__ import annotations

from django.http import StreamingHttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status as http
from rest_framework import viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from common.users import signed_in
from sources.stances import STANCES
from tracker import services
from tracker.api import selectors as api_selectors
from tracker.api import services as api_services
from tracker.api.base import ApiMixin, ById
from tracker.api.filters import ORDERING_PATTERN, ClaimFilter
from tracker.api.pagination import Pages
from tracker.api.parameters import (
    choice_parameter,
    day_parameter,
    example,
    id_parameter,
    slug_query,
)
from tracker.api.permissions import ClaimWrites
from tracker.api.renderers import CSVRenderer, csv_response
from tracker.api.serializers.claims import (
    CLAIM_CSV_COLUMNS,
    ClaimCreateSerializer,
    ClaimPatchSerializer,
    ClaimSerializer,
)
from tracker.roles import user_sees_rejected

CSV_CHUNK_ROWS = 500  # claims read from the database, and written out, at a time


FORMAT_ONE = choice_parameter(
    "format",
    ["json", "csv"],
    "json (default), or csv: the claim as one CSV row under the header row.",
    "json",
)
CLAIM_ID = id_parameter("claim")


CSV_DESCRIPTION = (
    "Add `format=csv` (or send `Accept: text/csv`) for every matching claim as CSV, not "
    "paginated, with these columns in this order: "
    + ", ".join(CLAIM_CSV_COLUMNS)
    + ". Dates are YYYY-MM-DD, empty cells are nulls, `mapped` is true or false. Text cells "
    "that start with =, +, -, @ (or their full-width forms), possibly after spaces or line "
    "breaks, or with a tab or carriage return, get a leading apostrophe so that spreadsheets "
    "do not run them as formulas. The CSV never carries the private analyst_note, whoever asks."
)
CLAIM_FILTERS = [
    slug_query("district", "District slug.", "hanano"),
    slug_query("source", "Slug of the source that made the claim.", "syrian-army"),
    slug_query(
        "actor",
        "Actor slug; a coalition (government, rebels) also matches its members' claims.",
        "government",
    ),
    choice_parameter("stance", STANCES, "Stance of the claim's source.", "independent"),
    choice_parameter("status", ["held", "contested"], "What the claim says.", "held"),
    choice_parameter(
        "kind", ["captured", "lost", "held", "contested"], "The kind of claim.", "captured"
    ),
    choice_parameter(
        "review_status",
        ["pending", "accepted", "disputed", "rejected"],
        "Review status. The public never sees rejected claims; analysts and reviewers (signed "
        "in) see them too.",
        "accepted",
    ),
    choice_parameter(
        "mapped",
        ["true", "false"],
        "true: about a mapped district; false: a place name waiting to be mapped.",
        "false",
    ),
    day_parameter("from", "Claims whose effective window ends on or after this day.", "2016-11-15"),
    day_parameter(
        "to",
        "Claims whose effective window starts on or before this day.",
        "2016-12-22",
        not_before="from",
    ),
    OpenApiParameter(
        "ordering",
        {"type": "string", "pattern": ORDERING_PATTERN, "maxLength": 200},
        description="Sort by effective_to, effective_from, id, created_at, updated_at, district "
        "or source; prefix '-' for descending; comma-separate several. Default effective_to, id.",
        examples=[example("-effective_to"), example("district,effective_to")],
    ),
    choice_parameter("format", ["json", "csv"], CSV_DESCRIPTION, "csv"),
]


@extend_schema_view(
    list=extend_schema(
        summary="Claims, filtered, ordered, paginated; or every match as CSV",
        description=CSV_DESCRIPTION,
        parameters=CLAIM_FILTERS,
        responses={
            (200, "application/json"): ClaimSerializer(many=True),
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR, description="The CSV described above."
            ),
        },
    ),
    retrieve=extend_schema(
        summary="One claim", parameters=[CLAIM_ID, FORMAT_ONE], responses={200: ClaimSerializer}
    ),
    create=extend_schema(
        summary="Record a claim (analysts)",
        description="Recording a claim recomputes its district's timeline in every lens it "
        "counts in, in the same transaction.",
        parameters=[FORMAT_ONE],
        request=ClaimCreateSerializer,
        responses={201: ClaimSerializer},
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
        request=ClaimPatchSerializer,
        responses={200: ClaimSerializer},
    ),
)
class ClaimViewSet(ById, ApiMixin, viewsets.GenericViewSet):
    compress = True
    serializer_class = ClaimSerializer
    permission_classes = [ClaimWrites]
    renderer_classes = [JSONRenderer, CSVRenderer]
    pagination_class = Pages
    filter_backends = [DjangoFilterBackend]
    filterset_class = ClaimFilter
    http_method_names = ["get", "head", "options", "post", "patch"]
    csv_columns = CLAIM_CSV_COLUMNS
    noun, listing = "claim", "/api/v1/claims/"

    def get_queryset(self):
        return api_selectors.claims_visible(include_rejected=user_sees_rejected(self.request.user))

    def _out(self, claims, *, many: bool = False) -> ClaimSerializer:
        """Serialize claims; the private analyst note only for an analyst or reviewer, in JSON."""
        private = user_sees_rejected(self.request.user) and (
            self.request.accepted_renderer.format == "json"
        )
        return ClaimSerializer(claims, many=many, context={"private_notes": private})

    def list(self, request: Request) -> Response | StreamingHttpResponse:
        claims = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format == "csv":
            assert isinstance(self.paginator, Pages)
            self.paginator.query_check(request)  # not paginated, but read alike
            return self._csv_stream(claims)
        page = self.paginate_queryset(claims)
        return self.get_paginated_response(self._out(page, many=True).data)

    def _csv_stream(self, claims) -> StreamingHttpResponse:
        """Every matching claim as CSV, read from the database `CSV_CHUNK_ROWS` at a time and
        sent as it is written: memory stays bounded whatever the number of claims."""
        row = ClaimSerializer().to_representation
        rows = (row(claim) for claim in claims.iterator(chunk_size=CSV_CHUNK_ROWS))
        return csv_response(
            rows, self.csv_columns, filename="claims.csv", rows_per_chunk=CSV_CHUNK_ROWS
        )

    def retrieve(self, request: Request, id: str) -> Response:
        return Response(self._out(self.get_object()).data)

    def create(self, request: Request) -> Response:
        serializer = ClaimCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = {**serializer.validated_data}
        claim = services.claim_record(
            place_name=fields.pop("place_name", ""), recorded_by=signed_in(request.user), **fields
        )
        return Response(self._out(claim).data, status=http.HTTP_201_CREATED)

    def partial_update(self, request: Request, id: str) -> Response:
        claim = self.get_object()
        serializer = ClaimPatchSerializer(claim, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = {**serializer.validated_data}
        review_status = changes.pop("review_status", None)
        reason = changes.pop("reason", None)
        claim = api_services.claim_change(
            claim=claim,
            changes=changes,
            review_status=review_status,
            reason=reason,
            user=signed_in(request.user),
        )
        return Response(self._out(claim).data)
