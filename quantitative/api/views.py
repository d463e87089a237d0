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

from django.db import connection
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from districts.models import Region
from quantitative import selectors
from quantitative.audit import CANNOT_JUDGE, CONSISTENT, INCONSISTENT, NEAR_DAYS, Audit
from quantitative.models import QuantitativeClaim
from quantitative.record import TRACK_RECORD_DAYS, TrackRecord
from sources.models import Source
from tracker.api.pagination import Pages
from tracker.api.selectors import DatasetVersion, _as_datetime, dataset_version
from tracker.api.serializers import ANALYST_NOTE_HELP, SLUG_RE, DayField
from tracker.api.views import SLUG_SCHEMA, ApiMixin, query_parse
from tracker.models import Actor, Claim
from tracker.roles import user_sees_rejected

MAX_WITHIN_DAYS = 31
DECIMALS = 3


# ---- conditional reads: the dataset version, quantitative claims included -----------------


def quantitative_version() -> DatasetVersion:
    """Return the dataset version with the quantitative claims folded in.

    The shared version (`tracker.api.selectors.dataset_version`) covers claims, periods,
    districts, regions and sources; a quantitative claim's every save adds a history row.
    """
    base = dataset_version()
    History = QuantitativeClaim.history.model
    quote = connection.ops.quote_name
    table = quote(History._meta.db_table)
    # Names are the model's own table and columns, quoted: no outside input.
    sql = f"SELECT MAX({quote('history_id')}), MAX({quote('history_date')}) FROM {table}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        last_id, last_date = cursor.fetchone()
    stamps = [s for s in (base.modified, last_date and _as_datetime(last_date)) if s]
    tag = hashlib.sha256(f"{base.tag}|{last_id}".encode()).hexdigest()[:20]
    return DatasetVersion(tag=tag, modified=max(stamps) if stamps else None)


class QuantitativeReads(ApiMixin):
    """The API's conditional reads (ETag, Last-Modified, 304), keyed by `quantitative_version`."""

    def read_version(self) -> DatasetVersion:
        return quantitative_version()


# ---- input --------------------------------------------------------------------------------


class Choice(serializers.ChoiceField):
    """A choice whose error message lists what is accepted."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["invalid_choice"] = (
            '"{input}" is not accepted: use one of ' + ", ".join(map(str, self.choices)) + "."
        )


def _slug_checked(value: str, *, noun: str, listing: str, model) -> str:
    if not SLUG_RE.match(value) or len(value) > 100:
        raise serializers.ValidationError(
            f"Give a {noun} slug (letters, digits, '-' and '_'); {listing}."
        )
    if not model.objects.filter(slug=value).exists():
        raise serializers.ValidationError(f"No {noun} has the slug {value!r}; {listing}.")
    return value


def _region_listing() -> str:
    slugs = list(Region.objects.order_by("slug").values_list("slug", flat=True)[:20])
    return "the regions are " + (", ".join(slugs) if slugs else "none yet (add them in the admin)")


class QuantitativeClaimsQuery(serializers.Serializer):
    """Query of `quantitative-claims/`; `from` and `to` are Python keywords, hence `get_fields`."""

    def get_fields(self):
        return {
            "actor": serializers.CharField(required=False, max_length=100),
            "source": serializers.CharField(required=False, max_length=100),
            "region": serializers.CharField(required=False, max_length=100),
            "measure": Choice(choices=QuantitativeClaim.Measure.choices, required=False),
            "bound": Choice(choices=QuantitativeClaim.Bound.choices, required=False),
            "review_status": Choice(choices=Claim.Review.choices, required=False),
            "from": DayField(required=False),
            "to": DayField(required=False),
            "on": DayField(required=False),
            "within": serializers.IntegerField(
                required=False, min_value=0, max_value=MAX_WITHIN_DAYS
            ),
        }

    def validate_actor(self, value: str) -> str:
        return _slug_checked(
            value, noun="actor", listing="list them at /api/v1/actors/", model=Actor
        )

    def validate_source(self, value: str) -> str:
        return _slug_checked(
            value, noun="source", listing="list them at /api/v1/sources/", model=Source
        )

    def validate_region(self, value: str) -> str:
        return _slug_checked(value, noun="region", listing=_region_listing(), model=Region)

    def validate(self, attrs):
        start, end = attrs.get("from"), attrs.get("to")
        if start and end and start > end:
            raise serializers.ValidationError(
                {"to": f"to ({end}) is before from ({start}): swap them."}
            )
        if "within" in attrs and "on" not in attrs:
            raise serializers.ValidationError(
                {"within": "within counts days around on: give on=YYYY-MM-DD too."}
            )
        return attrs


# ---- output -------------------------------------------------------------------------------


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def source_page_url(slug: str) -> str | None:
    """Return the public page of a source, or None if the site does not route it."""
    try:
        return reverse("source-detail", kwargs={"slug": slug})
    except NoReverseMatch:
        return None


VERDICT_HELP = (
    "consistent: every value the map allows is accepted by the claim's bound; inconsistent: "
    "none is; cannot_judge: unknown or disputed districts on the days read could make the claim "
    "true or false (see reason and coverage)."
)


class QuantitativeClaimSerializer(serializers.Serializer):
    """A quantitative claim and its audit against the consensus map, flat."""

    id = serializers.IntegerField()
    source = serializers.CharField(help_text="Slug of the source that made the claim.")
    source_name = serializers.CharField()
    source_page = serializers.CharField(
        allow_null=True, help_text="The source's public page: its claims and track record."
    )
    stance = serializers.CharField(help_text="The source's stance.")
    attribution = serializers.CharField(help_text="The attribution as the document gives it.")
    actor = serializers.CharField(help_text="Slug of the side the number is about.")
    region = serializers.CharField(help_text="Slug of the region (a set of districts).")
    region_name = serializers.CharField()
    measure = serializers.ChoiceField(choices=QuantitativeClaim.Measure.choices)
    value = serializers.FloatField(help_text="The number as stated.")
    bound = serializers.ChoiceField(
        choices=QuantitativeClaim.Bound.choices,
        help_text="exact, upper (at most), lower (at least) or approx (about).",
    )
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    quote = serializers.CharField()
    note = serializers.CharField()
    document = serializers.IntegerField()
    citation = serializers.CharField()
    url = serializers.CharField(allow_null=True)
    review_status = serializers.ChoiceField(choices=Claim.Review.choices)
    retracted_on = serializers.DateField(allow_null=True)
    lens = serializers.CharField(help_text="The lens the map is read in: consensus.")
    day = serializers.DateField(help_text="The day the state is read: date_to.")
    baseline = serializers.DateField(
        allow_null=True,
        help_text="districts_taken only: the day before the window, whose state is the baseline.",
    )
    mapped = serializers.FloatField(
        allow_null=True,
        help_text="The same measure as the map shows it (unknown and disputed districts are not "
        "counted as the actor's); null when the region has no districts.",
    )
    mapped_low = serializers.FloatField(
        allow_null=True, help_text="The least the measure could be, undecided districts aside."
    )
    mapped_high = serializers.FloatField(
        allow_null=True,
        help_text="The most it could be if every unknown or disputed district were the actor's.",
    )
    ratio = serializers.FloatField(
        allow_null=True, help_text="claimed / mapped; null when mapped is 0."
    )
    difference = serializers.FloatField(
        allow_null=True, help_text="claimed - mapped, in the measure's unit."
    )
    consistent = serializers.BooleanField(
        allow_null=True, help_text="Whether the claim holds given its bound; null: cannot judge."
    )
    verdict = serializers.ChoiceField(
        choices=[CONSISTENT, INCONSISTENT, CANNOT_JUDGE], help_text=VERDICT_HELP
    )
    reason = serializers.CharField(help_text="The verdict in words.")
    coverage = serializers.FloatField(
        allow_null=True,
        help_text="Fraction of the region's districts whose state is known on the days read.",
    )
    districts_total = serializers.IntegerField(help_text="Districts in the region.")
    districts_unknown = serializers.IntegerField(
        help_text="Districts of the region unknown on the days read."
    )
    districts_disputed = serializers.IntegerField(
        help_text="Districts of the region disputed on the days read."
    )
    # Not read-only, so that the schema does not call it required: it is absent for the public.
    analyst_note = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, help_text=ANALYST_NOTE_HELP
    )

    def to_representation(self, claim: QuantitativeClaim) -> dict:
        audit: Audit = self.context["audits"][claim.pk]
        private = {"analyst_note": claim.analyst_note} if self.context.get("private_notes") else {}
        return {
            "id": claim.pk,
            "source": claim.source.slug,
            "source_name": claim.source.name,
            "source_page": source_page_url(claim.source.slug),
            "stance": claim.source.stance,
            "attribution": claim.attribution,
            "actor": claim.actor.slug,
            "region": claim.region.slug,
            "region_name": claim.region.name_en,
            "measure": claim.measure,
            "value": claim.value,
            "bound": claim.bound,
            "date_from": claim.date_from.isoformat(),
            "date_to": claim.date_to.isoformat(),
            "quote": claim.quote,
            "note": claim.note,
            "document": claim.document_id,
            "citation": claim.document.citation,
            "url": claim.document.url,
            "review_status": claim.review_status,
            "retracted_on": claim.retracted_on.isoformat() if claim.retracted_on else None,
            "lens": audit.lens,
            "day": audit.day.isoformat(),
            "baseline": audit.baseline.isoformat() if audit.baseline else None,
            "mapped": _rounded(audit.mapped),
            "mapped_low": _rounded(audit.mapped_low),
            "mapped_high": _rounded(audit.mapped_high),
            "ratio": _rounded(audit.ratio),
            "difference": _rounded(audit.difference),
            "consistent": audit.consistent,
            "verdict": audit.verdict,
            "reason": audit.reason,
            "coverage": _rounded(audit.coverage),
            "districts_total": audit.districts_total,
            "districts_unknown": audit.districts_unknown,
            "districts_disputed": audit.districts_disputed,
            **private,
        }


class RecordSourceSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    stance = serializers.CharField()
    actor = serializers.CharField(allow_null=True, help_text="The side it speaks for, if any.")
    page = serializers.CharField(allow_null=True, help_text="Its public page.")


class VerdictCountSerializer(serializers.Serializer):
    consistent = serializers.IntegerField()
    inconsistent = serializers.IntegerField()
    cannot_judge = serializers.IntegerField()


RECORD_RULES = (
    "A district claim (not rejected or retracted, about a mapped district) is confirmed when, on "
    f"some day from its effective_to to {TRACK_RECORD_DAYS} days later, the consensus of the "
    "other sources (its own claims left out) puts the district in the claimed state: held by the "
    "same coalition, or contested; a disputed state confirms nothing. Claims the other sources "
    "say nothing about in that window are not judged. The lag of a confirmed claim is its "
    "effective_to minus the start of the others' period that confirmed it: negative when the "
    "source was ahead. The ratio is claimed / mapped over its quantitative claims (not rejected "
    "or retracted) with an exact or approx bound and a mapped value above 0."
)


class TrackRecordSerializer(serializers.Serializer):
    source = RecordSourceSerializer()
    window_days = serializers.IntegerField(
        help_text="Days after a claim within which the others may confirm it."
    )
    claims_total = serializers.IntegerField(
        help_text="Its district claims counted (mapped, not rejected, not retracted)."
    )
    claims_judged = serializers.IntegerField(
        help_text="Those the other sources said something about within the window."
    )
    claims_confirmed = serializers.IntegerField()
    confirmed_share = serializers.FloatField(
        allow_null=True, help_text="claims_confirmed / claims_judged; null if none was judged."
    )
    median_lag_days = serializers.FloatField(
        allow_null=True,
        help_text="Median of claim day minus the start of the confirming consensus period; "
        "negative: the source was ahead.",
    )
    quantitative_total = serializers.IntegerField(
        help_text="Its quantitative claims (not rejected, not retracted)."
    )
    quantitative_with_ratio = serializers.IntegerField(
        help_text="Those with an exact or approx bound and a mapped value above 0."
    )
    median_ratio = serializers.FloatField(
        allow_null=True,
        help_text="Median claimed / mapped over those: above 1 overstates the measure.",
    )
    verdicts = VerdictCountSerializer(help_text="Its quantitative claims by audit verdict.")
    rules = serializers.CharField(help_text="How the figures are computed.")


def track_record_payload(source: Source, record: TrackRecord) -> dict:
    """Return a source's track record as the API and the source page present it."""
    return {
        "source": {
            "slug": source.slug,
            "name": source.name,
            "kind": source.kind,
            "stance": source.stance,
            "actor": source.actor.slug if source.actor else None,
            "page": source_page_url(source.slug),
        },
        "window_days": record.window_days,
        "claims_total": record.claims_total,
        "claims_judged": record.claims_judged,
        "claims_confirmed": record.claims_confirmed,
        "confirmed_share": _rounded(record.confirmed_share),
        "median_lag_days": record.median_lag_days,
        "quantitative_total": record.quantitative_total,
        "quantitative_with_ratio": len(record.ratios),
        "median_ratio": _rounded(record.median_ratio),
        "verdicts": record.verdicts,
        "rules": RECORD_RULES,
    }


# ---- views --------------------------------------------------------------------------------


def _example(value, name: str | None = None) -> OpenApiExample:
    return OpenApiExample(name or str(value), value=value)


def _day(name: str, description: str, example: str) -> OpenApiParameter:
    return OpenApiParameter(
        name, OpenApiTypes.DATE, description=description, examples=[_example(example)]
    )


QUANTITATIVE_FILTERS = [
    OpenApiParameter(
        "actor",
        str,
        description="Actor slug; a coalition (government, rebels) also matches claims about "
        "its members.",
        examples=[_example("government")],
    ),
    OpenApiParameter(
        "source",
        str,
        description="Slug of the source that made the claim.",
        examples=[_example("syrian-army")],
    ),
    OpenApiParameter(
        "region",
        str,
        description="Region slug (a named set of districts).",
        examples=[_example("east-aleppo")],
    ),
    OpenApiParameter(
        "measure",
        str,
        enum=QuantitativeClaim.Measure.values,
        description="districts_taken (in the window), districts_held, share_held (percent of "
        "the region's area) or area_held_km2 (all at the window's end).",
        examples=[_example("share_held")],
    ),
    OpenApiParameter(
        "bound",
        str,
        enum=QuantitativeClaim.Bound.values,
        description="exact, upper (at most), lower (at least) or approx (about).",
        examples=[_example("upper")],
    ),
    OpenApiParameter(
        "review_status",
        str,
        enum=Claim.Review.values,
        description="Review status. The public never sees rejected claims; analysts and "
        "reviewers (signed in) see them too.",
        examples=[_example("pending")],
    ),
    _day("from", "Claims whose window ends on or after this day.", "2016-11-15"),
    _day("to", "Claims whose window starts on or before this day.", "2016-12-22"),
    _day(
        "on",
        f"For a map showing this day: only claims whose window ends within `within` days "
        f"(default {NEAR_DAYS}) before or after it.",
        "2016-12-12",
    ),
    OpenApiParameter(
        "within",
        int,
        description=f"With `on`: days either side, 0 to {MAX_WITHIN_DAYS} (default {NEAR_DAYS}).",
        examples=[_example(3), _example(0)],
    ),
]
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
        description=AUDIT_DESCRIPTION,
        parameters=QUANTITATIVE_FILTERS,
        responses=QuantitativeClaimSerializer(many=True),
        examples=[OpenApiExample("A claim the map contradicts", value=[CLAIM_EXAMPLE])],
    ),
    retrieve=extend_schema(
        summary="One quantitative claim, audited against the map",
        description=AUDIT_DESCRIPTION,
        parameters=[
            OpenApiParameter(
                "id",
                int,
                OpenApiParameter.PATH,
                description="The quantitative claim's id.",
                examples=[_example(1)],
            )
        ],
        responses=QuantitativeClaimSerializer,
        examples=[OpenApiExample("A claim the map contradicts", value=CLAIM_EXAMPLE)],
    ),
)
class QuantitativeClaimViewSet(QuantitativeReads, viewsets.GenericViewSet):
    serializer_class = QuantitativeClaimSerializer
    pagination_class = Pages
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

    def list(self, request: Request) -> Response:
        claims = self._filtered(query_parse(QuantitativeClaimsQuery, request))
        page = self.paginate_queryset(claims)
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
        parameters=[
            OpenApiParameter(
                "slug",
                SLUG_SCHEMA,
                OpenApiParameter.PATH,
                description="The source's slug.",
                examples=[_example("syrian-army")],
            )
        ],
        responses=TrackRecordSerializer,
        examples=[OpenApiExample("A government source", value=RECORD_EXAMPLE)],
    )
    def get(self, request: Request, slug: str) -> Response:
        source = Source.objects.select_related("actor").filter(slug=slug).first()
        if source is None:
            raise NotFound(f"No source has the slug {slug!r}; list them at {self.listing}.")
        payload = track_record_payload(source, selectors.track_record(source=source))
        return Response(TrackRecordSerializer(payload).data)
