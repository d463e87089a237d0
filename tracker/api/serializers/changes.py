"""changes/: the range asked for, and the change feed."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone
from rest_framework import serializers

from tracker.api.serializers.fields import FIRST_DAY, LAST_DAY, DayField, LensField

MAX_CHANGES_DAYS = 3660  # the longest since..until range of changes/ (ten years)
FIRST_MOMENT = datetime.datetime.combine(FIRST_DAY, datetime.time.min, tzinfo=datetime.UTC)
LAST_MOMENT = datetime.datetime.combine(LAST_DAY, datetime.time.max, tzinfo=datetime.UTC)
# The times the API reads (ISO 8601, a subset): years 1900 to 2199, minutes, optional seconds
# and fraction, an optional offset (none: UTC). Declared in the schema as it is enforced here.
MOMENT_PATTERN = (
    "^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    "[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?"
    "(Z|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)?$"
)
MOMENT_RE = re.compile(MOMENT_PATTERN)
MOMENT_HELP = (
    "Write the time as ISO 8601 with its offset, for example 2016-12-07T10:00:00Z or "
    "2016-12-07T12:00:00%2B02:00 (a '+' in a query string must be sent as %2B); a time without "
    "an offset is read as UTC."
)


class MomentField(serializers.DateTimeField):
    """A time written in ISO 8601, read as UTC without an offset, within FIRST_DAY..LAST_DAY."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["iso-8601"])
        kwargs.setdefault("default_timezone", datetime.UTC)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = MOMENT_HELP

    def to_internal_value(self, value):
        if not isinstance(value, str) or len(value) > 40 or not MOMENT_RE.fullmatch(value):
            raise serializers.ValidationError(MOMENT_HELP)
        moment = super().to_internal_value(value)
        # The bounds are on the time as written: an offset moves it by less than a day.
        slack = datetime.timedelta(days=1)
        if not FIRST_MOMENT - slack <= moment <= LAST_MOMENT + slack:
            raise serializers.ValidationError(
                f"Give a time between {FIRST_DAY} and {LAST_DAY}. " + MOMENT_HELP
            )
        return moment


class ChangesQuery(serializers.Serializer):
    since = DayField(required=False)
    until = DayField(required=False)
    lens = LensField(required=False)
    recorded_since = MomentField(required=False)

    def validate(self, attrs):
        """Ask for `since` or `recorded_since`. Without `since` (recorded_since given) the days
        are not limited: since is FIRST_DAY and until, unless given, LAST_DAY. With `since`,
        default `until` to today, or to since + MAX_CHANGES_DAYS if that is earlier, or to `since`
        if today is before it (one day, not an error); refuse an `until` before `since` or more
        than MAX_CHANGES_DAYS after it."""
        if "since" not in attrs:
            if "recorded_since" not in attrs:
                raise serializers.ValidationError(
                    {
                        "since": "Give since (the first day, YYYY-MM-DD) or recorded_since (a "
                        "time, ISO 8601: the changes recorded since then)."
                    }
                )
            attrs["since"] = FIRST_DAY
            attrs.setdefault("until", LAST_DAY)
            return attrs
        attrs.setdefault("recorded_since", None)
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
        allow_null=True,
        help_text="When the record changed (UTC): for control, when the district's periods in "
        "the lens were last recomputed into what they are now; for rejected, disputed and "
        "retracted, when the review or the retraction was saved. `day` is the day of the change "
        "in the history of the city (a period's first day, the source's withdrawal), or the day "
        "of the review.",
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
    recorded_since = serializers.DateTimeField(
        allow_null=True, help_text="The recorded_since asked for (UTC), or null."
    )
    changes = ChangeSerializer(many=True)
