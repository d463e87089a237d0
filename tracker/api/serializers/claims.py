"""claims/: a claim as read (JSON and CSV), and the inputs that record and change one."""

from __future__ import annotations

from collections.abc import Mapping

from rest_framework import serializers

from sources.models import Document
from tracker.api.serializers.fields import (
    ANALYST_NOTE_HELP,
    NOTE_HELP,
    NOTE_MAX,
    QUOTE_MAX,
    DayField,
    IdRef,
    Text,
    actor_ref,
    district_ref,
    source_ref,
)
from tracker.models import Claim
from tracker.roles import REASON_MAX_LENGTH


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
    source = serializers.CharField(source="source.slug", read_only=True)  # type: ignore[assignment]  # a field named like Field.source; DRF takes it off the class
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
    # Last of all: the columns before it keep their places.
    statement = serializers.IntegerField(
        source="statement_id",
        read_only=True,
        allow_null=True,
        help_text="The region statement the claim is one district of (claims made from one "
        "statement about a region share its id); null for any other claim.",
    )

    def to_representation(self, instance) -> dict:
        data = super().to_representation(instance)
        if not self.context.get("private_notes"):
            del data["analyst_note"]
        return data


# The CSV is public whoever asks: private fields are never among its columns.
PRIVATE_FIELDS = frozenset({"analyst_note"})
# Read as a Mapping: the stubs type BindingDict's iteration as fields, not their names.
_CLAIM_FIELDS: Mapping[str, serializers.Field] = ClaimSerializer().fields
CLAIM_CSV_COLUMNS = [name for name in _CLAIM_FIELDS if name not in PRIVATE_FIELDS]


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


# The rules between a claim's fields (`_claim_rules`, Claim.clean), declared in the schema
# under `x-rules` (see tracker.api.parameters.RULES). For a PATCH they hold for the claim as
# changed: the stored values with the body's over them.
CLAIM_INPUT_RULES = {
    "actor": [
        {"required_when": {"status": ["held"]}},
        {"null_when": {"status": ["contested"]}},
        {"not_side_of": "source", "when": {"kind": ["lost"]}},
    ],
    "effective_from": [{"not_after": "tomorrow"}],
    "effective_to": [{"not_before": "effective_from"}, {"not_after": "tomorrow"}],
    "retracted_on": [{"not_after": "tomorrow"}],
    "place_name": [{"required_unless": "district"}],
    "reason": [{"required_when": {"review_status": ["rejected", "disputed"]}}],
}


class ClaimCreateSerializer(serializers.Serializer):
    input_rules = CLAIM_INPUT_RULES

    document = IdRef(queryset=Document.objects.all(), listing="/api/v1/documents/", noun="document")
    source = source_ref(required=False, help_text="Defaults to the document's source.")  # type: ignore[assignment]  # a field named like Field.source; DRF takes it off the class
    district = district_ref(
        required=False, allow_null=True, help_text="Leave null for a place not yet mapped."
    )
    place_name = Text(max_length=200, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=Claim.Status.choices)
    actor = actor_ref(required=False, allow_null=True, default=None)
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
    input_rules = CLAIM_INPUT_RULES
    document = IdRef(
        queryset=Document.objects.all(),
        listing="/api/v1/documents/",
        noun="document",
        required=False,
    )
    source = source_ref(required=False)  # type: ignore[assignment]  # a field named like Field.source; DRF takes it off the class
    district = district_ref(required=False, allow_null=True)
    place_name = Text(max_length=200, required=False)
    status = serializers.ChoiceField(choices=Claim.Status.choices, required=False)
    actor = actor_ref(required=False, allow_null=True)
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
        claim = self.instance
        assert isinstance(claim, Claim)  # a PATCH is checked against the claim it changes
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
