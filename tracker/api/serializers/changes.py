"""changes/: the range asked for, and the change feed."""

from __future__ import annotations

import datetime

from django.utils import timezone
from rest_framework import serializers

from tracker.api.serializers.fields import LAST_DAY, DayField, LensField

MAX_CHANGES_DAYS = 3660  # the longest since..until range of changes/ (ten years)


class ChangesQuery(serializers.Serializer):
    since = DayField()
    until = DayField(required=False)
    lens = LensField(required=False)

    def validate(self, attrs):
        """Default `until` to today, or to since + MAX_CHANGES_DAYS if that is earlier, or to
        `since` if today is before it (one day, not an error); refuse an `until` before `since`
        or more than MAX_CHANGES_DAYS after it."""
        since = attrs["since"]
        longest = since + datetime.timedelta(days=MAX_CHANGES_DAYS)
        attrs.setdefault("until", max(since, min(timezone.localdate(), LAST_DAY, longest)))
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
    source = serializers.CharField(  # type: ignore[assignment]  # a field named like Field.source; DRF takes it off the class
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
