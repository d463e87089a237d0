"""Input parsing and output shapes of the API. Inputs are plain serializers (no model
validators that query with unchecked input); writes go through services, which call
`full_clean()`."""

from __future__ import annotations

import datetime
import math
import re

from django.contrib.gis.geos import MultiPolygon, Polygon
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework_gis.fields import GeometryField
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from districts.models import District
from sources.models import Document, Source
from tracker.api.selectors import lens_span
from tracker.models import Actor, Claim
from tracker.roles import REASON_MAX_LENGTH
from tracker.timeline import Lens, LensError

FIRST_DAY, LAST_DAY = datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)
COORDINATE_DECIMALS = 6
MAX_SIMPLIFY_DEGREES = 0.01
MAX_AREA_STEPS = 2000
MAX_STEP_DAYS = 3660
MAX_CHANGES_DAYS = 3660  # the longest since..until range of changes/ (ten years)
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")
NOTE_HELP = (
    "The public note: what a reader needs about the source (inferred dates, other outlets, "
    "known contradictions)."
)
ANALYST_NOTE_HELP = (
    "The private analyst note: sent only to signed-in analysts and reviewers (absent for "
    "everyone else), never in the CSV."
)


def _max(model, name: str) -> int:
    """The longest text the model field takes: one limit for the admin, the API and imports."""
    return model._meta.get_field(name).max_length


QUOTE_MAX, NOTE_MAX = _max(Claim, "quote"), _max(Claim, "note")


# ---- fields -------------------------------------------------------------------------------


class DayField(serializers.DateField):
    """A day written YYYY-MM-DD, between 1900-01-01 and 2199-12-31."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)
        self.error_messages["invalid"] = "Write the day as YYYY-MM-DD, for example 2016-12-07."

    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        if not FIRST_DAY <= day <= LAST_DAY:
            raise serializers.ValidationError(
                f"Give a day between {FIRST_DAY} and {LAST_DAY} (YYYY-MM-DD)."
            )
        return day


class LensField(serializers.CharField):
    """A lens: `consensus`, `source:<source slug>` or `stance:<stance>`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default", "consensus")
        kwargs.setdefault("max_length", 120)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        text = super().to_internal_value(data)
        try:
            lens = Lens.parse(text)
        except LensError as error:
            raise serializers.ValidationError(str(error)) from error
        if lens.kind == "source" and (
            not SLUG_RE.match(lens.value) or not Source.objects.filter(slug=lens.value).exists()
        ):
            raise serializers.ValidationError(
                f"No source has the slug {lens.value!r}: list them at /api/v1/sources/ and "
                "write the lens as 'source:<slug>'."
            )
        return str(lens)


class SlugRef(serializers.SlugRelatedField):
    """A reference to a row by its slug; the slug is checked before the database is asked."""

    def __init__(self, *, listing: str, noun: str, **kwargs):
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)
        self.listing, self.noun = listing, noun

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG_RE.match(data) or len(data) > 100:
            raise serializers.ValidationError(
                f"Give a {self.noun} slug (letters, digits, '-' and '_'); list them at "
                f"{self.listing}."
            )
        try:
            return self.get_queryset().get(slug=data)
        except self.get_queryset().model.DoesNotExist:
            raise serializers.ValidationError(
                f"No {self.noun} has the slug {data!r}; list them at {self.listing}."
            ) from None


class IdRef(serializers.PrimaryKeyRelatedField):
    """A reference to a row by its integer id, range-checked before the database is asked."""

    def __init__(self, *, listing: str, noun: str, **kwargs):
        super().__init__(**kwargs)
        self.listing, self.noun = listing, noun

    def to_internal_value(self, data):
        if isinstance(data, str) and data.isascii() and data.isdigit() and len(data) < 20:
            data = int(data)
        if isinstance(data, bool) or not isinstance(data, int) or not 0 < data < 2**63:
            raise serializers.ValidationError(
                f"Give the {self.noun}'s id, a positive integer; list them at {self.listing}."
            )
        try:
            return self.get_queryset().get(pk=data)
        except self.get_queryset().model.DoesNotExist:
            raise serializers.ValidationError(
                f"No {self.noun} has the id {data}; list them at {self.listing}."
            ) from None


class Text(serializers.CharField):
    """Text that refuses NUL characters before any validator or database sees it."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            raise serializers.ValidationError("Remove the NUL (\\x00) characters from the text.")
        return super().to_internal_value(data)


class Url(serializers.URLField):
    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            raise serializers.ValidationError("Remove the NUL (\\x00) characters from the URL.")
        return super().to_internal_value(data)


def _actor_ref(**kwargs) -> SlugRef:
    return SlugRef(queryset=Actor.objects.all(), listing="/api/v1/actors/", noun="actor", **kwargs)


def _source_ref(**kwargs) -> SlugRef:
    return SlugRef(
        queryset=Source.objects.all(), listing="/api/v1/sources/", noun="source", **kwargs
    )


def _district_ref(**kwargs) -> SlugRef:
    return SlugRef(
        queryset=District.objects.all(), listing="/api/v1/districts/", noun="district", **kwargs
    )


# ---- query parameters ---------------------------------------------------------------------


class DistrictsQuery(serializers.Serializer):
    simplify = serializers.FloatField(required=False, min_value=0.0, max_value=MAX_SIMPLIFY_DEGREES)
    bbox = Text(required=False, max_length=200)

    def validate_simplify(self, value: float) -> float:
        if not math.isfinite(value):
            raise serializers.ValidationError(
                f"Give a tolerance in degrees between 0 and {MAX_SIMPLIFY_DEGREES}."
            )
        return value

    def validate_bbox(self, text: str) -> tuple[float, float, float, float]:
        how = (
            "Write bbox as min_lon,min_lat,max_lon,max_lat in degrees (GeoJSON order), "
            "for example 37.10,36.15,37.25,36.25."
        )
        try:
            numbers = tuple(float(part) for part in text.split(","))
        except ValueError:
            raise serializers.ValidationError(how) from None
        if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
            raise serializers.ValidationError(how)
        min_lon, min_lat, max_lon, max_lat = numbers
        if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
            raise serializers.ValidationError(
                "bbox is out of range: longitudes must lie in -180..180 and latitudes in "
                "-90..90, each minimum below its maximum. " + how
            )
        return numbers


class LensQuery(serializers.Serializer):
    lens = LensField(required=False)


class ControlQuery(serializers.Serializer):
    on = DayField()
    lens = LensField(required=False)


class ChangesQuery(serializers.Serializer):
    since = DayField()
    until = DayField(required=False)
    lens = LensField(required=False)

    def validate(self, attrs):
        """Default `until` to today, or to since + MAX_CHANGES_DAYS if that is earlier; refuse
        an `until` before `since` or more than MAX_CHANGES_DAYS after it."""
        since = attrs["since"]
        longest = since + datetime.timedelta(days=MAX_CHANGES_DAYS)
        attrs.setdefault("until", min(timezone.localdate(), LAST_DAY, longest))
        if attrs["until"] < since:
            raise serializers.ValidationError(
                {"until": f"until ({attrs['until']}) is before since ({since}): swap them."}
            )
        if attrs["until"] > longest:
            raise serializers.ValidationError(
                {
                    "until": f"From {since} to {attrs['until']} is more than "
                    f"{MAX_CHANGES_DAYS} days, the longest range served: ask for until "
                    f"{longest} or earlier, and the rest in another request."
                }
            )
        return attrs


class AreaQuery(serializers.Serializer):
    """Query of `stats/area/`; `from` and `to` are Python keywords, hence `get_fields`."""

    def get_fields(self):
        return {
            "lens": LensField(required=False),
            "from": DayField(required=False),
            "to": DayField(required=False),
            "step": serializers.IntegerField(
                required=False, default=1, min_value=1, max_value=MAX_STEP_DAYS
            ),
        }

    def validate(self, attrs):
        """Fill `from` and `to` from the lens's record, then check order and the step cap."""
        start, end = attrs.get("from"), attrs.get("to")
        if start is None or end is None:
            span = lens_span(lens=attrs["lens"])
            if span is None:
                missing = "from" if start is None else "to"
                raise serializers.ValidationError(
                    {missing: "This lens has no periods to take a default from: give from and to."}
                )
            start = start or span[0]
            end = end or max(span[1], start)
        if start > end:
            raise serializers.ValidationError(
                {"to": f"to ({end}) is before from ({start}): swap them."}
            )
        points = (end - start).days // attrs["step"] + 1
        if points > MAX_AREA_STEPS:
            need = math.ceil((end - start).days / (MAX_AREA_STEPS - 1))
            raise serializers.ValidationError(
                {
                    "step": f"From {start} to {end} every {attrs['step']} day(s) makes "
                    f"{points} points; at most {MAX_AREA_STEPS} are served. Raise step to "
                    f"{need} or more, or narrow from/to."
                }
            )
        return {**attrs, "from": start, "to": end}


# ---- districts ----------------------------------------------------------------------------


class SimplifiedGeometryField(GeometryField):
    """A MultiPolygon simplified by the `simplify` tolerance (degrees) in the context."""

    def to_representation(self, value):
        tolerance = self.context.get("simplify")
        if value is not None and tolerance:
            simple = value.simplify(tolerance, preserve_topology=True)
            if isinstance(simple, Polygon):
                simple = MultiPolygon(simple, srid=value.srid)
            if isinstance(simple, MultiPolygon) and not simple.empty:
                value = simple
        return super().to_representation(value)


class DistrictFeatureSerializer(GeoFeatureModelSerializer):
    """A district as a GeoJSON Feature ([lon, lat], EPSG:4326); its `id` is its slug."""

    feature_id = serializers.CharField(source="slug", read_only=True)
    geom = SimplifiedGeometryField(precision=COORDINATE_DECIMALS, read_only=True)
    label_point = GeometryField(
        precision=COORDINATE_DECIMALS,
        read_only=True,
        help_text="A point inside the polygon for the label, [lon, lat].",
    )
    area_m2 = serializers.FloatField(
        read_only=True, help_text="Area in m², computed in an equal-area projection."
    )

    class Meta:
        model = District
        geo_field = "geom"
        id_field = "feature_id"
        fields = [
            "feature_id",
            "slug",
            "name_en",
            "name_ar",
            "kind",
            "area_m2",
            "label_point",
            "geom",
        ]


# ---- actors, sources, documents -----------------------------------------------------------


class ActorSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)
    name_ar = serializers.CharField(read_only=True)
    colour = serializers.CharField(read_only=True, help_text="#rrggbb")
    parent = serializers.CharField(
        source="parent.slug",
        read_only=True,
        allow_null=True,
        help_text="The coalition this actor belongs to (its slug), or null.",
    )


class SourceSerializer(serializers.Serializer):
    slug = Text(max_length=100, help_text="Unique; cannot change once created.")
    name = Text(max_length=200)
    kind = serializers.ChoiceField(choices=Source.Kind.choices, required=False)
    stance = serializers.ChoiceField(choices=Source.Stance.choices)
    actor = _actor_ref(
        required=False, allow_null=True, help_text="Slug of the side it speaks for, or null."
    )
    reliability = serializers.ChoiceField(
        choices=Source.Reliability.choices,
        required=False,
        help_text="Admiralty code A (completely reliable) to E; F: cannot be judged.",
    )
    description = Text(required=False, allow_blank=True, max_length=_max(Source, "description"))

    def validate_slug(self, slug: str) -> str:
        if not SLUG_RE.match(slug):
            raise serializers.ValidationError("Use only letters, digits, '-' and '_' in a slug.")
        if self.instance is not None and slug != self.instance.slug:
            raise serializers.ValidationError(
                "A source's slug cannot change: lenses and scripts name it. Leave it out."
            )
        return slug


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    source = _source_ref(required=False, allow_null=True)
    title = Text(max_length=500, required=False, allow_blank=True)
    citation = Text(
        max_length=_max(Document, "citation"),
        help_text="The reference as read: address, outlet, date, title.",
    )
    url = Url(max_length=1000, required=False, allow_null=True, allow_blank=True)
    archive_url = Url(max_length=1000, required=False, allow_blank=True)
    outlet = Text(max_length=300, required=False, allow_blank=True)
    published_on = DayField(required=False, allow_null=True)
    author = Text(max_length=300, required=False, allow_blank=True)
    language = Text(max_length=20, required=False, allow_blank=True)
    excerpt = Text(required=False, allow_blank=True, max_length=_max(Document, "excerpt"))
    created_at = serializers.DateTimeField(read_only=True)

    def validate_url(self, url: str | None) -> str | None:
        return url or None  # one empty value: null, so unique URLs stay unique

    def validate_citation(self, citation: str) -> str:
        if not citation.strip():
            raise serializers.ValidationError("Give the reference as read (a URL or a title).")
        return citation


# ---- claims -------------------------------------------------------------------------------


class ClaimSerializer(serializers.Serializer):
    """A claim, flat: the same fields are the columns of the CSV, in this order."""

    id = serializers.IntegerField(read_only=True)
    district = serializers.CharField(
        source="district.slug", read_only=True, allow_null=True, help_text="null while unmapped"
    )
    place_name = serializers.CharField(read_only=True)
    mapped = serializers.BooleanField(source="is_mapped", read_only=True)
    status = serializers.ChoiceField(choices=Claim.Status.choices, read_only=True)
    actor = serializers.CharField(source="actor.slug", read_only=True, allow_null=True)
    kind = serializers.ChoiceField(choices=Claim.Kind.choices, read_only=True)
    effective_from = serializers.DateField(read_only=True)
    effective_to = serializers.DateField(read_only=True)
    date_precision = serializers.ChoiceField(choices=Claim.Precision.choices, read_only=True)
    source = serializers.CharField(source="source.slug", read_only=True)
    stance = serializers.CharField(source="source.stance", read_only=True)
    attribution = serializers.CharField(read_only=True)
    document = serializers.IntegerField(source="document_id", read_only=True)
    citation = serializers.CharField(source="document.citation", read_only=True)
    url = serializers.CharField(source="document.url", read_only=True, allow_null=True)
    archive_url = serializers.CharField(source="document.archive_url", read_only=True)
    quote = serializers.CharField(read_only=True)
    note = serializers.CharField(read_only=True, help_text=NOTE_HELP)
    review_status = serializers.ChoiceField(choices=Claim.Review.choices, read_only=True)
    reviewed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    retracted_on = serializers.DateField(read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    # Last, so the CSV columns before it stay where scripts expect them.
    basis = serializers.ChoiceField(
        choices=Claim.Basis.choices,
        allow_blank=True,
        read_only=True,
        help_text="statement, report, assessment or evidence; empty when not stated",
    )
    # Private: present only for a signed-in analyst or reviewer, never in the CSV. Not marked
    # read-only, so that the schema does not call it required (this serializer only writes out).
    analyst_note = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, help_text=ANALYST_NOTE_HELP
    )
    review_reason = serializers.CharField(
        read_only=True, help_text="Why a reviewer rejected or disputed the claim; else empty."
    )

    def to_representation(self, instance) -> dict:
        data = super().to_representation(instance)
        if not self.context.get("private_notes"):
            del data["analyst_note"]
        return data


# The CSV is public whoever asks: private fields are never among its columns.
PRIVATE_FIELDS = frozenset({"analyst_note"})
CLAIM_CSV_COLUMNS = [name for name in ClaimSerializer().fields if name not in PRIVATE_FIELDS]


BASIS_HELP = (
    "What the claim rests on: statement (a party's announcement), report (a journalist or "
    "monitor), assessment (a published map or analyst assessment), evidence (geolocated "
    "footage or imagery); empty when not stated."
)


def _basis_field(**kwargs) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=Claim.Basis.choices,
        allow_blank=True,
        help_text=BASIS_HELP,
        error_messages={
            "invalid_choice": f"basis {{input!r}} is not one of {', '.join(Claim.Basis.values)}; "
            "send an empty string when the source does not say."
        },
        **kwargs,
    )


def _claim_rules(attrs: dict) -> None:
    """Check what a claim must say, naming the field to fix."""
    status, actor = attrs.get("status"), attrs.get("actor")
    if status == Claim.Status.HELD and actor is None:
        raise serializers.ValidationError(
            {"actor": "A claim that a place is held names who holds it: give an actor slug."}
        )
    if status == Claim.Status.CONTESTED and actor is not None:
        raise serializers.ValidationError(
            {"actor": "A contested claim names no actor: set actor to null."}
        )
    start, end = attrs.get("effective_from"), attrs.get("effective_to")
    if start and end and end < start:
        raise serializers.ValidationError(
            {"effective_to": f"effective_to ({end}) is before effective_from ({start})."}
        )
    if not attrs.get("district") and not (attrs.get("place_name") or "").strip():
        raise serializers.ValidationError(
            {"place_name": "Give a district slug, or the place name as the source spells it."}
        )


class ClaimCreateSerializer(serializers.Serializer):
    document = IdRef(queryset=Document.objects.all(), listing="/api/v1/documents/", noun="document")
    source = _source_ref(required=False, help_text="Defaults to the document's source.")
    district = _district_ref(
        required=False, allow_null=True, help_text="Leave null for a place not yet mapped."
    )
    place_name = Text(max_length=200, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=Claim.Status.choices)
    actor = _actor_ref(required=False, allow_null=True, default=None)
    kind = serializers.ChoiceField(choices=Claim.Kind.choices)
    effective_from = DayField()
    effective_to = DayField(required=False, help_text="Defaults to effective_from.")
    date_precision = serializers.ChoiceField(
        choices=Claim.Precision.choices, required=False, default=Claim.Precision.DAY
    )
    quote = Text(required=False, allow_blank=True, default="", max_length=QUOTE_MAX)
    note = Text(
        required=False, allow_blank=True, default="", max_length=NOTE_MAX, help_text=NOTE_HELP
    )
    analyst_note = Text(
        required=False,
        allow_blank=True,
        default="",
        max_length=NOTE_MAX,
        help_text=ANALYST_NOTE_HELP,
    )
    attribution = Text(max_length=300, required=False, allow_blank=True, default="")
    basis = _basis_field(required=False)

    def validate(self, attrs):
        if attrs.get("source") is None and attrs["document"].source_id is None:
            raise serializers.ValidationError(
                {"source": "The document names no source: give the claim's source slug."}
            )
        _claim_rules(attrs)
        return attrs


class ClaimPatchSerializer(serializers.Serializer):
    document = IdRef(
        queryset=Document.objects.all(),
        listing="/api/v1/documents/",
        noun="document",
        required=False,
    )
    source = _source_ref(required=False)
    district = _district_ref(required=False, allow_null=True)
    place_name = Text(max_length=200, required=False)
    status = serializers.ChoiceField(choices=Claim.Status.choices, required=False)
    actor = _actor_ref(required=False, allow_null=True)
    kind = serializers.ChoiceField(choices=Claim.Kind.choices, required=False)
    effective_from = DayField(required=False)
    effective_to = DayField(required=False)
    date_precision = serializers.ChoiceField(choices=Claim.Precision.choices, required=False)
    quote = Text(required=False, allow_blank=True, max_length=QUOTE_MAX)
    note = Text(required=False, allow_blank=True, max_length=NOTE_MAX, help_text=NOTE_HELP)
    analyst_note = Text(
        required=False, allow_blank=True, max_length=NOTE_MAX, help_text=ANALYST_NOTE_HELP
    )
    attribution = Text(max_length=300, required=False, allow_blank=True)
    retracted_on = DayField(
        required=False, allow_null=True, help_text="The day the source withdrew the claim."
    )
    basis = _basis_field(required=False)
    review_status = serializers.ChoiceField(
        choices=Claim.Review.choices, required=False, help_text="Reviewers only."
    )
    reason = Text(
        max_length=REASON_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text="Reviewers only: why the claim is rejected or disputed (required for those "
        "two, kept in its history and shown in changes/).",
    )

    def validate(self, attrs):
        claim: Claim = self.instance
        merged = {
            "status": claim.status,
            "actor": claim.actor,
            "effective_from": claim.effective_from,
            "effective_to": claim.effective_to,
            "district": claim.district,
            "place_name": claim.place_name,
            **attrs,
        }
        _claim_rules(merged)
        return attrs


class HistorySourceSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    stance = serializers.CharField(read_only=True)


class HistoryClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    source = HistorySourceSerializer(read_only=True)
    status = serializers.CharField(read_only=True)
    actor = serializers.CharField(source="actor.slug", read_only=True, allow_null=True)
    kind = serializers.CharField(read_only=True)
    effective_from = serializers.DateField(read_only=True)
    effective_to = serializers.DateField(read_only=True)
    date_precision = serializers.CharField(read_only=True)
    basis = serializers.CharField(read_only=True, help_text=BASIS_HELP)
    quote = serializers.CharField(read_only=True)
    citation = serializers.CharField(source="document.citation", read_only=True)
    url = serializers.CharField(source="document.url", read_only=True, allow_null=True)
    archive_url = serializers.CharField(source="document.archive_url", read_only=True)
    review_status = serializers.CharField(read_only=True)
    retracted_on = serializers.DateField(read_only=True, allow_null=True)


class HistoryPeriodSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["held", "contested", "disputed"], read_only=True)
    actor = serializers.CharField(source="actor.slug", read_only=True, allow_null=True)
    actors = serializers.ListField(child=serializers.CharField(), read_only=True)
    start = serializers.DateField(read_only=True)
    end = serializers.DateField(
        read_only=True, allow_null=True, help_text="Exclusive; null while it lasts."
    )
    start_earliest = serializers.DateField(
        read_only=True, help_text="The earliest day the change may have happened."
    )
    supporting_claims = serializers.SerializerMethodField()
    contradicting_claims = serializers.SerializerMethodField()

    def _claims(self, ids) -> list[dict]:
        known = self.context["claims"]
        return HistoryClaimSerializer([known[i] for i in ids if i in known], many=True).data

    @extend_schema_field(HistoryClaimSerializer(many=True))
    def get_supporting_claims(self, period) -> list[dict]:
        return self._claims(period.support_ids)

    @extend_schema_field(HistoryClaimSerializer(many=True))
    def get_contradicting_claims(self, period) -> list[dict]:
        return self._claims(period.contra_ids)


class DistrictHistorySerializer(serializers.Serializer):
    district = serializers.CharField(read_only=True)
    lens = serializers.CharField(read_only=True)
    periods = HistoryPeriodSerializer(many=True, read_only=True)


# ---- resolved timeline --------------------------------------------------------------------

STATUS_CHOICES = ["held", "contested", "disputed", "unknown"]


class ControlDistrictSerializer(serializers.Serializer):
    district = serializers.CharField(help_text="District slug.")
    status = serializers.ChoiceField(choices=STATUS_CHOICES)
    actor = serializers.CharField(allow_null=True, help_text="Holder's slug when held.")
    actors = serializers.ListField(
        child=serializers.CharField(), help_text="Every side named; two or more when disputed."
    )
    since = serializers.DateField(allow_null=True, help_text="Start of the state; null if unknown.")
    claims = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids of the claims that establish the state."
    )


class ControlSerializer(serializers.Serializer):
    """The state of every district on one day; built without per-row serializer overhead."""

    on = serializers.DateField()
    lens = serializers.CharField()
    districts = ControlDistrictSerializer(many=True)

    def to_representation(self, instance):
        return {
            "on": instance["on"].isoformat(),
            "lens": instance["lens"],
            "districts": [
                {
                    "district": s.district,
                    "status": s.status,
                    "actor": s.actor,
                    "actors": list(s.actors),
                    "since": s.since.isoformat() if s.since else None,
                    "claims": list(s.claims),
                }
                for s in instance["districts"]
            ],
        }


TIMELINE_ENCODING = (
    "Each period is an array [district_index, start, end, status, actor_index, earliest, "
    "actor_indexes]: district_index points into `districts`; start is the first day "
    "(YYYY-MM-DD); end is the first day after the period, or null while it lasts; status is "
    "held, contested or disputed; actor_index points into `actors` (null unless held); earliest "
    "is the first day the change may have happened (a claim's window start); actor_indexes "
    "lists every side named (two or more when disputed). Days not covered by a period are "
    "unknown. Periods are sorted by district, then start."
)


class TimelineSerializer(serializers.Serializer):
    lens = serializers.CharField()
    actors = serializers.ListField(child=serializers.CharField(), help_text="Actor slugs.")
    districts = serializers.ListField(child=serializers.CharField(), help_text="District slugs.")
    periods = serializers.ListField(
        child=serializers.ListField(child=serializers.JSONField()), help_text=TIMELINE_ENCODING
    )

    def to_representation(self, instance):
        return {
            "lens": instance.lens,
            "actors": instance.actors,
            "districts": instance.districts,
            "periods": instance.periods,
        }


class ChangeSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=["control", "rejected", "disputed", "retracted"],
        help_text="control: a district's state changed; rejected: a reviewer rejected a claim; "
        "disputed: a reviewer disputed a claim; retracted: a source withdrew a claim.",
    )
    day = serializers.DateField()
    district = serializers.CharField(allow_null=True)
    status = serializers.CharField(allow_null=True, help_text="control only")
    actor = serializers.CharField(allow_null=True, help_text="control only")
    actors = serializers.ListField(child=serializers.CharField())
    earliest = serializers.DateField(allow_null=True, help_text="control only")
    claims = serializers.ListField(child=serializers.IntegerField())
    source = serializers.CharField(
        allow_null=True, help_text="rejected, disputed and retracted only"
    )
    recorded_at = serializers.DateTimeField(
        allow_null=True, help_text="When the rejection, dispute or retraction was recorded."
    )
    reason = serializers.CharField(
        allow_null=True,
        required=False,
        help_text="rejected and disputed only: the reviewer's reason (empty for reviews "
        "recorded before reasons were required).",
    )


class ChangesSerializer(serializers.Serializer):
    since = serializers.DateField()
    until = serializers.DateField()
    lens = serializers.CharField()
    changes = ChangeSerializer(many=True)


class AreaPointSerializer(serializers.Serializer):
    day = serializers.DateField()
    area_m2 = serializers.DictField(
        child=serializers.FloatField(),
        help_text="By actor slug, and 'contested', 'disputed', 'unknown'.",
    )
    share = serializers.DictField(child=serializers.FloatField(), help_text="Fractions of 1.")


class AreaSerializer(serializers.Serializer):
    """Area held over time; `from` and `to` are Python keywords, hence `get_fields`."""

    def get_fields(self):
        return {
            "lens": serializers.CharField(),
            "from": serializers.DateField(),
            "to": serializers.DateField(),
            "step": serializers.IntegerField(help_text="Days between points."),
            "total_area_m2": serializers.FloatField(help_text="All districts' area, m²."),
            "series": AreaPointSerializer(many=True),
        }
