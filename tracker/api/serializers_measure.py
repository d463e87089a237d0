"""The read documents with the measuring fields added: `last_reported` and `stale` on control/,
timeline/ and history/, and the unknown, stale, contested and disputed shares on stats/area/.

Each class extends a contract serializer of `tracker.api.serializers` and only adds fields,
under the same schema component name; the definitions are those of `tracker.freshness` and
`tracker.measure`.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from tracker.api.serializers.history import DistrictHistorySerializer, HistoryPeriodSerializer
from tracker.api.serializers.stats import AreaPointSerializer, AreaSerializer
from tracker.api.serializers.timeline import (
    ControlDistrictSerializer,
    ControlSerializer,
    TimelineSerializer,
)
from tracker.selectors import control_fields

STALE_HELP = (
    "True when the newest statement supporting the state (last_reported) is more than "
    "TRACKER_STALE_AFTER_DAYS days (180 by default) older than the day shown: a flag beside the "
    "status, which stays held, contested or disputed. False when unknown."
)


@extend_schema_serializer(component_name="ControlDistrict")
class ControlDistrictMeasuredSerializer(ControlDistrictSerializer):
    last_reported = serializers.DateField(
        allow_null=True,
        help_text="The newest day, on or before `on`, on which a statement supporting the state "
        "took effect; null if unknown or none.",
    )
    stale = serializers.BooleanField(help_text=STALE_HELP)


@extend_schema_serializer(component_name="Control")
class ControlMeasuredSerializer(ControlSerializer):
    """control/ with each district's `last_reported` and `stale` on the day."""

    districts = ControlDistrictMeasuredSerializer(many=True)

    def to_representation(self, instance):
        document = super().to_representation(instance)
        for row, state in zip(document["districts"], instance["districts"], strict=True):
            row["last_reported"] = state.last_reported.isoformat() if state.last_reported else None
            row["stale"] = state.stale
        return document


@extend_schema_serializer(component_name="ControlDistrictFields")
class ControlDistrictFieldsSerializer(ControlDistrictMeasuredSerializer):
    """A district's row of control/ with `fields=`: `district` and the fields asked."""

    def get_fields(self):
        fields = super().get_fields()
        for name, field in fields.items():
            field.required = name == "district"
        return fields


@extend_schema_serializer(component_name="ControlFields")
class ControlFieldsSerializer(ControlMeasuredSerializer):
    """control/ with `fields=`: each district's row holds only the fields asked."""

    districts = ControlDistrictFieldsSerializer(many=True)


def control_document(payload: dict, fields=None) -> dict:
    """Return control/'s document for `payload` ({"on", "lens", "districts": states}), each
    row holding only `fields` (and `district`) when given, as `selectors.control_on_json`."""
    document = ControlMeasuredSerializer(payload).data
    if fields is not None:
        keep = control_fields(fields)
        document["districts"] = [{k: row[k] for k in keep} for row in document["districts"]]
    return document


TIMELINE_FRESHNESS = (
    " `last_reported` and `stale` run parallel to `periods` (same order, same length): "
    "last_reported[k] is period k's newest supporting statement's day (or null); stale[k] is "
    "null when period k is never stale, else the list of its stale spans [from, until], until "
    "exclusive (null: to the period's end). On day D a district is stale when D falls in a "
    "span of its period in force; the state is then older than `stale_after_days` days."
)


@extend_schema_serializer(component_name="Timeline")
class TimelineMeasuredSerializer(TimelineSerializer):
    last_reported = serializers.ListField(
        child=serializers.DateField(allow_null=True),
        help_text="Per period (parallel to periods): the newest supporting statement's day.",
    )
    stale = serializers.ListField(
        child=serializers.JSONField(allow_null=True),
        help_text="Per period (parallel to periods): null, or its stale spans "
        "[[from, until or null], ...].",
    )
    stale_after_days = serializers.IntegerField(help_text="The staleness threshold in days.")

    def to_representation(self, instance):
        return {
            **super().to_representation(instance),
            "last_reported": instance.last_reported,
            "stale": instance.stale,
            "stale_after_days": instance.stale_after_days,
        }


@extend_schema_serializer(component_name="HistoryPeriod")
class HistoryPeriodMeasuredSerializer(HistoryPeriodSerializer):
    last_reported = serializers.DateField(
        read_only=True, allow_null=True, help_text="The newest supporting statement's day."
    )
    report_days = serializers.ListField(
        child=serializers.DateField(),
        read_only=True,
        help_text="Every day (ascending) on which a supporting statement took effect; the state "
        "is stale on a day more than TRACKER_STALE_AFTER_DAYS (180) after the latest of them.",
    )


@extend_schema_serializer(component_name="DistrictHistory")
class DistrictHistoryMeasuredSerializer(DistrictHistorySerializer):
    periods = HistoryPeriodMeasuredSerializer(many=True, read_only=True)


class AreaPartSerializer(serializers.Serializer):
    area_m2 = serializers.FloatField()
    share = serializers.FloatField(help_text="Fraction of all districts' area.")


@extend_schema_serializer(component_name="AreaPoint")
class AreaPointMeasuredSerializer(AreaPointSerializer):
    unknown = AreaPartSerializer(help_text="Ground with no state at all (as share['unknown']).")
    stale = AreaPartSerializer(
        help_text="Ground whose state is stale on the day (counted under its holder, contested "
        "or disputed in area_m2 and share)."
    )
    unknown_incl_stale = AreaPartSerializer(
        help_text="unknown plus stale: the ground on which the map knows nothing recent."
    )
    contested = AreaPartSerializer(help_text="Contested ground, stale or not (0 when none).")
    disputed = AreaPartSerializer(help_text="Disputed ground, stale or not (0 when none).")


@extend_schema_serializer(component_name="Area")
class AreaMeasuredSerializer(AreaSerializer):
    def get_fields(self):
        return {
            **super().get_fields(),
            "stale_after_days": serializers.IntegerField(
                help_text="The staleness threshold in days."
            ),
            "series": AreaPointMeasuredSerializer(many=True),
        }
