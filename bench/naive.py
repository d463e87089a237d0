"""The reference a first attempt at `control/?on=` would be: resolve every district's claims
on each request, one query per district, through a DRF ModelSerializer.

It answers with the same document as `control/` (the bench checks that), so the comparison
is of the work done, not of the output: each district's state on the day, when it began, the
claims behind it, and how old its evidence is (`last_reported` and `stale`, by
`tracker.freshness`).
"""

from __future__ import annotations

import datetime

from rest_framework import serializers

from districts.models import District
from districts.names import name_key
from tracker.freshness import last_reported_on, report_days_parse, stale_after_days, stale_on
from tracker.models import Claim
from tracker.selectors import actor_coalitions, region_name_keys
from tracker.services import horizon_days
from tracker.timeline import STANCE_SIDE, UNKNOWN, ClaimFact, Lens, periods_resolve, state_on


class NaiveDistrictStateSerializer(serializers.ModelSerializer):
    """One district's state on `context["on"]` in `context["lens"]`, from its claims."""

    district = serializers.CharField(source="slug")
    state = serializers.SerializerMethodField()

    class Meta:
        model = District
        fields = ["district", "state"]

    def get_state(self, district: District) -> dict:
        on: datetime.date = self.context["on"]
        lens: Lens = self.context["lens"]
        coalition: dict[int, str] = self.context["coalition"]
        regions: frozenset[str] = self.context["regions"]
        horizon: int = self.context["horizon_days"]
        facts = [
            ClaimFact(
                id=c.pk,
                district=district.pk,
                status=c.status,
                actor=coalition[c.actor_id] if c.actor_id else None,
                earliest=c.effective_from,
                day=c.effective_to,
                review=c.review_status,
                retracted=c.retracted_on is not None,
                source=c.source.slug,
                stance=c.source.stance,
                side=coalition[c.source.actor_id]
                if c.source.actor_id
                else STANCE_SIDE.get(c.source.stance),
                regional=name_key(c.place_name) in regions,
            )
            for c in Claim.objects.filter(district=district).select_related("source")
        ]
        admitted = [f for f in facts if lens.admits(f)]
        verdict = state_on(admitted, on, horizon_days=horizon)
        if verdict is None:
            return {
                "status": UNKNOWN,
                "actor": None,
                "actors": [],
                "since": None,
                "claims": [],
                "last_reported": None,
                "stale": False,
            }
        # The state began when the run of days resolving to this state began.
        period = next(
            p
            for p in reversed(periods_resolve(admitted, horizon_days=horizon))
            if p.start <= on and (p.end is None or p.end > on)
        )
        reported = last_reported_on(report_days_parse(period.report_days), on)
        return {
            "status": verdict.status,
            "actor": verdict.actor,
            "actors": list(verdict.actors),
            "since": period.start.isoformat(),
            "claims": list(period.support),
            "last_reported": reported.isoformat() if reported else None,
            "stale": stale_on(reported, on, self.context["stale_after_days"]),
        }

    def to_representation(self, instance: District) -> dict:
        data = super().to_representation(instance)
        return {"district": data["district"], **data["state"]}


def naive_control(*, on: datetime.date, lens: str) -> dict:
    """Return the control/ document the naive way."""
    context = {
        "on": on,
        "lens": Lens.parse(lens),
        "coalition": actor_coalitions(),
        "regions": region_name_keys(),
        "horizon_days": horizon_days(),
        "stale_after_days": stale_after_days(),
    }
    districts = District.objects.order_by("slug")
    rows = NaiveDistrictStateSerializer(districts, many=True, context=context).data
    return {"on": on.isoformat(), "lens": lens, "districts": rows}
