"""API of quantitative claims audited against the map, and of each source's track record.

- `quantitative-claims/`: each claim with what the consensus map shows for the same measure,
  region and window (mapped value, ratio, difference, verdict, coverage); filters; and
  `?on=YYYY-MM-DD` for the claims whose window ends within a few days of a day (the map's
  "Claims vs map" panel).
- `sources/{slug}/record/`: how a source's claims have held up.

The rules are those of `quantitative.audit`; these views parse, call it, and return.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from django.db.models import Q
from django.http import StreamingHttpResponse
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from common.replicas import connection_for_read
from quantitative import selectors
from quantitative.api.serializers import (
    MAX_WITHIN_DAYS,
    RECORD_RULES,
    QuantitativeClaimSerializer,
    QuantitativeClaimsQuery,
    TrackRecordSerializer,
    track_record_payload,
)
from quantitative.audit import NEAR_DAYS
from quantitative.models import QuantitativeClaim
from quantitative.record import TRACK_RECORD_DAYS
from sources.models import Source
from tracker.api.base import ApiMixin, query_parse
from tracker.api.pagination import Pages
from tracker.api.parameters import (
    choice_parameter,
    csv_or_json,
    day_parameter,
    format_parameter,
    id_parameter,
    int_parameter,
    rule,
    slug_parameter,
    slug_query,
)
from tracker.api.renderers import CSVRenderer, csv_response
from tracker.models import Claim
from tracker.roles import user_sees_rejected
from tracker.version import DatasetVersion, as_datetime, dataset_version

# ---- conditional reads: the dataset version, quantitative claims included -----------------


def quantitative_version() -> DatasetVersion:
    """Return the dataset version with the quantitative claims folded in.

    The shared version (`tracker.version.dataset_version`) covers claims, periods,
    districts, regions and sources; a quantitative claim's every save adds a history row.
    """
    base = dataset_version()
    History = QuantitativeClaim.history.model
    db = connection_for_read(QuantitativeClaim)
    quote = db.ops.quote_name
    table = quote(History._meta.db_table)
    # Names are the model's own table and columns, quoted: no outside input.
    sql = f"SELECT MAX({quote('history_id')}), MAX({quote('history_date')}) FROM {table}"  # noqa: S608
    with db.cursor() as cursor:
        cursor.execute(sql)
        last_id, last_date = cursor.fetchone()
    stamps = [s for s in (base.modified, last_date and as_datetime(last_date)) if s]
    tag = hashlib.sha256(f"{base.tag}|{last_id}".encode()).hexdigest()[:20]
    return DatasetVersion(tag=tag, modified=max(stamps) if stamps else None, extras=base.extras)


class QuantitativeReads(ApiMixin):
    """The API's conditional reads (ETag, Last-Modified, 304), keyed by `quantitative_version`."""

    def read_version(self) -> DatasetVersion:
        return quantitative_version()


# ---- input --------------------------------------------------------------------------------


def _example(value, name: str | None = None) -> OpenApiExample:
    return OpenApiExample(name or str(value), value=value)


QUANTITATIVE_FILTERS = [
    slug_query(
        "actor",
        "Actor slug; a coalition (government, rebels) also matches claims about its members. "
        "An actor listed at /api/v1/actors/ (a 400 otherwise).",
        "government",
        listing="/api/v1/actors/",
    ),
    slug_query(
        "source",
        "Slug of the source that made the claim, listed at /api/v1/sources/ (a 400 otherwise).",
        "syrian-army",
        listing="/api/v1/sources/",
    ),
    slug_query(
        "region",
        "Region slug (a named set of districts, kept in the admin; a 400 if none has it).",
        "east-aleppo",
        listing="regions",
    ),
    choice_parameter(
        "measure",
        QuantitativeClaim.Measure.values,
        "districts_taken (in the window), districts_held, share_held (percent of the region's "
        "area) or area_held_km2 (all at the window's end).",
        "share_held",
    ),
    choice_parameter(
        "bound",
        QuantitativeClaim.Bound.values,
        "exact, upper (at most), lower (at least) or approx (about).",
        "upper",
    ),
    choice_parameter(
        "review_status",
        Claim.Review.values,
        "Review status. The public never sees rejected claims; analysts and reviewers (signed "
        "in) see them too.",
        "pending",
    ),
    day_parameter("from", "Claims whose window ends on or after this day.", "2016-11-15"),
    day_parameter(
        "to", "Claims whose window starts on or before this day.", "2016-12-22", not_before="from"
    ),
    day_parameter(
        "on",
        f"For a map showing this day: only claims whose window ends within `within` days "
        f"(default {NEAR_DAYS}) before or after it.",
        "2016-12-12",
    ),
    int_parameter(
        "within",
        0,
        MAX_WITHIN_DAYS,
        f"With `on` (a 400 without it): days either side, 0 to {MAX_WITHIN_DAYS} (default "
        f"{NEAR_DAYS}).",
        [3, 0],
        **rule(requires="on"),
    ),
]
# The CSV: every field of the JSON but the private analyst note, in the same order.
QUANTITATIVE_CSV_COLUMNS: list[str] = [
    name for name in QuantitativeClaimSerializer().get_fields() if name != "analyst_note"
]
QUANTITATIVE_CSV = (
    "With `format=csv` (or `Accept: text/csv`): every matching claim (not paginated), one row "
    "each, with these columns in this order: "
    + ", ".join(QUANTITATIVE_CSV_COLUMNS)
    + ". Dates are YYYY-MM-DD, empty cells are nulls, `consistent` is true or false (empty: "
    "cannot judge). Text cells that a spreadsheet would run as a formula get a leading "
    "apostrophe. The CSV never carries the private analyst_note, whoever asks."
)
CSV_CHUNK_ROWS = 500  # claims audited, and written out, at a time
QUANTITATIVE_FILTERS.append(
    format_parameter(["json", "csv"], "json (default, paginated), or csv. " + QUANTITATIVE_CSV)
)
CLAIM_EXAMPLE = {
    "id": 12,
    "source": "syrian-army",
    "source_name": "Syrian Army",
    "source_page": "/sources/syrian-army/",
    "stance": "government",
    "attribution": "Syrian Army",
    "actor": "government",
    "region": "east-aleppo",
    "region_name": "East Aleppo",
    "measure": "share_held",
    "value": 98.0,
    "bound": "exact",
    "date_from": "2016-12-12",
    "date_to": "2016-12-12",
    "quote": "98 percent of eastern Aleppo is in the hands of regime forces",
    "note": "",
    "document": 40,
    "citation": "https://example.org/aleppo-98-percent",
    "url": "https://example.org/aleppo-98-percent",
    "review_status": "pending",
    "retracted_on": None,
    "lens": "consensus",
    "day": "2016-12-12",
    "baseline": None,
    "mapped": 44.65,
    "mapped_low": 44.65,
    "mapped_high": 74.19,
    "ratio": 2.195,
    "difference": 53.35,
    "consistent": False,
    "verdict": "inconsistent",
    "reason": "The claim (98% of the region's area held) does not hold: the map shows 44.65 "
    "(whichever way its 24 unknown or disputed districts went).",
    "coverage": 0.656,
    "districts_total": 64,
    "districts_unknown": 22,
    "districts_disputed": 2,
}
AUDIT_DESCRIPTION = (
    "Each claim with the same measure computed from the consensus map for the same region and "
    "window: districts_held and share_held/area_held_km2 read date_to; districts_taken counts "
    "the districts held on date_to and not on the day before date_from. `mapped` is the value as "
    "the map shows it; `mapped_low`..`mapped_high` the range that unknown or disputed districts "
    "leave open. `consistent` follows the bound: exact is equal at the precision stated (half a "
    "unit of the last digit), upper is mapped <= value, lower is mapped >= value, approx is "
    "within 10% (at least ±1 district for counts); it is null (verdict cannot_judge) when the "
    "undecided districts could make the claim true or false. `coverage` is the share of the "
    "region's districts whose state is known on the days read. Paginated, ordered by date_to."
)


@extend_schema_view(
    list=extend_schema(
        summary="Quantitative claims, each audited against the map",
        description=AUDIT_DESCRIPTION + " " + QUANTITATIVE_CSV,
        parameters=QUANTITATIVE_FILTERS,
        responses=csv_or_json(QuantitativeClaimSerializer(many=True), QUANTITATIVE_CSV),
        examples=[OpenApiExample("A claim the map contradicts", value=[CLAIM_EXAMPLE])],
    ),
    retrieve=extend_schema(
        summary="One quantitative claim, audited against the map",
        description=AUDIT_DESCRIPTION,
        parameters=[id_parameter("quantitative claim")],
        responses=QuantitativeClaimSerializer,
        examples=[OpenApiExample("A claim the map contradicts", value=CLAIM_EXAMPLE)],
    ),
)
class QuantitativeClaimViewSet(QuantitativeReads, viewsets.GenericViewSet):
    serializer_class = QuantitativeClaimSerializer
    pagination_class = Pages
    renderer_classes = [JSONRenderer, CSVRenderer]

    def get_renderers(self):
        """CSV for the listing only; one claim is JSON."""
        if self.action == "list":
            return super().get_renderers()
        return [JSONRenderer()]

    lookup_value_regex = "[0-9]+"
    lookup_url_kwarg = "id"
    noun, listing = "quantitative claim", "/api/v1/quantitative-claims/"

    def get_queryset(self):
        return selectors.quantitative_claims_visible(
            include_rejected=user_sees_rejected(self.request.user)
        )

    def _filtered(self, query: dict):
        claims = self.get_queryset()
        if "actor" in query:
            claims = claims.filter(
                Q(actor__slug=query["actor"]) | Q(actor__parent__slug=query["actor"])
            )
        for name, lookup in (
            ("source", "source__slug"),
            ("region", "region__slug"),
            ("measure", "measure"),
            ("bound", "bound"),
            ("review_status", "review_status"),
        ):
            if name in query:
                claims = claims.filter(**{lookup: query[name]})
        if "from" in query:
            claims = claims.filter(date_to__gte=query["from"])
        if "to" in query:
            claims = claims.filter(date_from__lte=query["to"])
        if "on" in query:
            claims = selectors.quantitative_claims_near(
                claims, on=query["on"], within=query.get("within", NEAR_DAYS)
            )
        return claims.order_by("date_to", "id")

    def list(self, request: Request) -> Response | StreamingHttpResponse:
        claims = self._filtered(query_parse(QuantitativeClaimsQuery, request))
        if request.accepted_renderer.format == "csv":
            return csv_response(
                _csv_rows(claims),
                QUANTITATIVE_CSV_COLUMNS,
                filename="quantitative-claims.csv",
                rows_per_chunk=CSV_CHUNK_ROWS,
            )
        page = self.paginate_queryset(claims)
        assert page is not None  # the view has a paginator
        context = {
            "audits": selectors.quantitative_audits(page),
            "private_notes": user_sees_rejected(request.user),
        }
        return self.get_paginated_response(
            QuantitativeClaimSerializer(page, many=True, context=context).data
        )

    def retrieve(self, request: Request, id: str) -> Response:
        claim = self.get_object()
        context = {
            "audits": selectors.quantitative_audits([claim]),
            "private_notes": user_sees_rejected(request.user),
        }
        return Response(QuantitativeClaimSerializer(claim, context=context).data)


def _csv_rows(claims) -> Iterator[dict]:
    """Yield each claim's JSON row (no private note), audited `CSV_CHUNK_ROWS` at a time."""
    chunk: list[QuantitativeClaim] = []
    for claim in claims.iterator(chunk_size=CSV_CHUNK_ROWS):
        chunk.append(claim)
        if len(chunk) == CSV_CHUNK_ROWS:
            yield from _audited(chunk)
            chunk = []
    yield from _audited(chunk)


def _audited(chunk: list[QuantitativeClaim]) -> list[dict]:
    context = {"audits": selectors.quantitative_audits(chunk)}
    return QuantitativeClaimSerializer(chunk, many=True, context=context).data  # type: ignore[return-value]


RECORD_EXAMPLE = {
    "source": {
        "slug": "syrian-army",
        "name": "Syrian Army",
        "kind": "military",
        "stance": "government",
        "actor": "government",
        "page": "/sources/syrian-army/",
    },
    "window_days": TRACK_RECORD_DAYS,
    "claims_total": 3,
    "claims_judged": 3,
    "claims_confirmed": 2,
    "confirmed_share": 0.667,
    "median_lag_days": 3.0,
    "quantitative_total": 2,
    "quantitative_with_ratio": 2,
    "median_ratio": 1.558,
    "verdicts": {"consistent": 0, "inconsistent": 2, "cannot_judge": 0},
    "rules": RECORD_RULES,
}


class SourceRecordView(QuantitativeReads, APIView):
    noun, listing = "source", "/api/v1/sources/"

    @extend_schema(
        summary="A source's track record",
        description="How its claims have held up: the share of its district claims that the "
        "other sources later confirmed, the median lag, and the median claimed / mapped ratio "
        "of its quantitative claims. " + RECORD_RULES,
        parameters=[slug_parameter("The source's slug.", "syrian-army")],
        responses=TrackRecordSerializer,
        examples=[OpenApiExample("A government source", value=RECORD_EXAMPLE)],
    )
    def get(self, request: Request, slug: str) -> Response:
        source = Source.objects.select_related("actor").filter(slug=slug).first()
        if source is None:
            raise NotFound(f"No source has the slug {slug!r}; list them at {self.listing}.")
        payload = track_record_payload(source, selectors.track_record(source=source))
        return Response(TrackRecordSerializer(payload).data)
