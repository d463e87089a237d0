"""control/ and timeline/: the state of every district on one day, and every period at once."""

from __future__ import annotations

from rest_framework import serializers

from tracker.api.serializers.fields import DayField, LensField
from tracker.selectors import CONTROL_FIELDS


class LensQuery(serializers.Serializer):
    lens = LensField(required=False)


FIELDS_HELP = (
    "The fields each district's row holds, comma-separated, among "
    + ", ".join(CONTROL_FIELDS)
    + " (`district` is always there); every field when left out. A map that draws the day "
    "leaves out `claims`, the longest part of the answer. An unknown name is a 400."
)


class ControlFieldsField(serializers.CharField):
    """`fields=`: comma-separated names of control/ row fields; read as a tuple of names."""

    def to_internal_value(self, data):
        names = tuple(super().to_internal_value(data).split(","))
        unknown = [name for name in names if name not in CONTROL_FIELDS]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown field {unknown[0]!r}; choose among {', '.join(CONTROL_FIELDS)}."
            )
        return names


class ControlQuery(serializers.Serializer):
    on = DayField()
    lens = LensField(required=False)

    def get_fields(self):
        # `fields=` is added here: as a class attribute it would shadow Serializer.fields.
        fields = super().get_fields()
        fields["fields"] = ControlFieldsField(required=False, max_length=200, trim_whitespace=False)
        return fields


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
