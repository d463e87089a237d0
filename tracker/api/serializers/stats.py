"""stats/area/: the range and step asked for, and the area held by each side over time."""

from __future__ import annotations

import datetime
import math

from rest_framework import serializers

from tracker.api.selectors import lens_span
from tracker.api.serializers.fields import FIRST_DAY, LAST_DAY, DayField, LensField, WholeNumber

MAX_AREA_STEPS = 2000
MAX_STEP_DAYS = 3660


def _days_from(day: datetime.date, days: int) -> datetime.date:
    """`day` moved by `days`, kept within FIRST_DAY and LAST_DAY (no overflow)."""
    if days >= (LAST_DAY - day).days:
        return LAST_DAY
    if days <= (FIRST_DAY - day).days:
        return FIRST_DAY
    return day + datetime.timedelta(days=days)


class AreaQuery(serializers.Serializer):
    """Query of `stats/area/`; `from` and `to` are Python keywords, hence `get_fields`."""

    def get_fields(self):
        return {
            "lens": LensField(required=False),
            "from": DayField(required=False),
            "to": DayField(required=False),
            "step": WholeNumber(required=False, default=1, min_value=1, max_value=MAX_STEP_DAYS),
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
            # A default never contradicts the day given: `from` at most `to`, `to` at least
            # `from`, and together within MAX_AREA_STEPS points (so that the schema's rules on
            # the two bind only when both are given).
            reach = (MAX_AREA_STEPS - 1) * attrs["step"]  # days; may pass the calendar's end
            if start is None:
                start = span[0] if end is None else max(min(span[0], end), _days_from(end, -reach))
            if end is None:
                end = min(max(span[1], start), _days_from(start, reach))
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
