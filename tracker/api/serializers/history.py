"""districts/<slug>/history/: a district's control periods in one lens, with the claims behind
each."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.serializers.claims import BASIS_HELP


class HistorySourceSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    stance = serializers.CharField(read_only=True)


class HistoryClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    source = HistorySourceSerializer(read_only=True)  # type: ignore[assignment]  # a field named like Field.source; DRF takes it off the class
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
        claims = [known[i] for i in ids if i in known]
        # many=True makes a ListSerializer, whose data is a list: the stubs see the one-claim
        # serializer's dict.
        return HistoryClaimSerializer(claims, many=True).data  # type: ignore[return-value]

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
