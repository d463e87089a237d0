"""Serializers of the quantitative claims API: the query of `quantitative-claims/`, a claim
with its audit, and a source's track record (`quantitative.api.views` serves them)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from rest_framework import serializers

from districts.models import Region
from quantitative.audit import CANNOT_JUDGE, CONSISTENT, INCONSISTENT, Audit
from quantitative.models import QuantitativeClaim
from quantitative.record import TRACK_RECORD_DAYS, TrackRecord
from sources.models import Source
from tracker.api.serializers.fields import ANALYST_NOTE_HELP, SLUG_RE, DayField, WholeNumber
from tracker.models import Actor, Claim

MAX_WITHIN_DAYS = 31
DECIMALS = 3


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
            "actor": serializers.CharField(required=False, max_length=100, trim_whitespace=False),
            "source": serializers.CharField(required=False, max_length=100, trim_whitespace=False),
            "region": serializers.CharField(required=False, max_length=100, trim_whitespace=False),
            "measure": Choice(choices=QuantitativeClaim.Measure.choices, required=False),
            "bound": Choice(choices=QuantitativeClaim.Bound.choices, required=False),
            "review_status": Choice(choices=Claim.Review.choices, required=False),
            "from": DayField(required=False),
            "to": DayField(required=False),
            "on": DayField(required=False),
            "within": WholeNumber(required=False, min_value=0, max_value=MAX_WITHIN_DAYS),
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
    source = serializers.CharField(help_text="Slug of the source that made the claim.")  # type: ignore[assignment]  # a field named like Field.source; DRF takes it off the class
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
    source = RecordSourceSerializer()  # type: ignore[assignment]  # a field named like Field.source; DRF takes it off the class
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
