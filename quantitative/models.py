"""Quantitative claims: numbers that sources state about regions (`quantitative.audit` audits
them against the map). The model moved here from the claims core app and kept its table
(`tracker_quantitativeclaim`) and its history table; see migrations 0001."""

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from tracker.models import (
    Actor,
    SourcedAssertion,
    day_latest_allowed,
    document_link,
    source_link,
    user_link,
)


class QuantitativeClaim(SourcedAssertion):
    """One assertion in one document that states a number about a region, not a district.

    "Five districts taken today", "98% of the east", "rebels hold less than 3 km²": an actor, a
    region (a named set of districts), a measure, a value with its bound, and the window the
    number covers. `quantitative.audit` audits each against the map. Like district claims
    they are never deleted: they are rejected or retracted, and every change is kept.
    """

    class Measure(models.TextChoices):
        DISTRICTS_TAKEN = "districts_taken", "Districts taken in the window"
        DISTRICTS_HELD = "districts_held", "Districts held at the window's end"
        SHARE_HELD = "share_held", "Share of the region's area held (%)"
        AREA_HELD_KM2 = "area_held_km2", "Area held (km²)"

    class Bound(models.TextChoices):
        EXACT = "exact", "Exactly"
        UPPER = "upper", "At most"
        LOWER = "lower", "At least"
        APPROX = "approx", "About"

    COUNT_MEASURES = (Measure.DISTRICTS_TAKEN, Measure.DISTRICTS_HELD)

    document = document_link("quantitative_claims")
    source = source_link("quantitative_claims")
    actor = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        related_name="quantitative_claims",
        help_text="The side the number is about (a coalition's members count as the coalition).",
    )
    region = models.ForeignKey(
        "districts.Region",
        on_delete=models.PROTECT,
        related_name="quantitative_claims",
        help_text="The set of districts the number is about ('east Aleppo', 'Aleppo city').",
    )
    measure = models.CharField(max_length=20, choices=Measure.choices)
    value = models.FloatField(
        help_text="The number as stated: districts, percent of the region's area, or km²."
    )
    bound = models.CharField(max_length=10, choices=Bound.choices, default=Bound.EXACT)
    date_from = models.DateField(help_text="First day of the window the number covers.")
    date_to = models.DateField(
        help_text="Last day of the window: the day a state ('held', 'share') refers to."
    )
    recorded_by = user_link("quantitative_claims_recorded")
    reviewed_by = user_link("quantitative_claims_reviewed")
    history = HistoricalRecords(table_name="tracker_historicalquantitativeclaim")

    class Meta:
        db_table = "tracker_quantitativeclaim"  # the table it had in the claims core app
        ordering = ["date_to", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_from__lte=F("date_to")), name="qclaim_window_ordered"
            ),
            models.CheckConstraint(
                condition=Q(
                    measure__in=["districts_taken", "districts_held", "share_held", "area_held_km2"]
                ),
                name="qclaim_measure_valid",
            ),
            models.CheckConstraint(
                condition=Q(bound__in=["exact", "upper", "lower", "approx"]),
                name="qclaim_bound_valid",
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="qclaim_value_not_negative"),
            models.CheckConstraint(
                condition=~Q(measure="share_held") | Q(value__lte=100),
                name="qclaim_share_at_most_100_percent",
            ),
            models.UniqueConstraint(
                fields=["import_key"],
                condition=Q(import_key__isnull=False),
                name="qclaim_import_key_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["date_to"], name="qclaim_day_idx"),
            models.Index(fields=["source", "date_to"], name="qclaim_source_day_idx"),
        ]

    def __str__(self) -> str:
        """The claim as a sentence a reviewer reads in a list: who, the bounded number of what,
        where, and the window ("Government: exactly 5 districts taken in East Aleppo,
        2016-11-22 to 2016-12-06"); a one-day window is one day."""
        who = self.actor.name_en if self.actor_id else "?"
        where = self.region.name_en if self.region_id else "?"
        bound = self.get_bound_display().lower()
        value = f"{self.value:g}" if self.value is not None else "?"
        phrases: dict[str, str] = {
            self.Measure.DISTRICTS_TAKEN: f"{value} districts taken in {where}",
            self.Measure.DISTRICTS_HELD: f"{value} districts of {where} held",
            self.Measure.SHARE_HELD: f"{value}% of {where} held",
            self.Measure.AREA_HELD_KM2: f"{value} km² of {where} held",
        }
        what = phrases.get(str(self.measure), f"{value} {self.measure} in {where}")
        window = (
            f"{self.date_from} to {self.date_to}"
            if self.date_from and self.date_from != self.date_to
            else f"{self.date_to}"
        )
        return f"{who}: {bound} {what}, {window}"

    def clean(self) -> None:
        """The value is a finite number; counts of districts are whole numbers; the window ends
        no later than tomorrow."""
        super().clean()
        latest = day_latest_allowed()
        if self.date_to is not None and self.date_to > latest:
            raise ValidationError(
                {
                    "date_to": f"{self.date_to.isoformat()} is in the future; a claim is about "
                    f"days on or before {latest.isoformat()}. Check the year and the day."
                }
            )
        if self.value is None:
            return
        if not math.isfinite(float(self.value)):
            raise ValidationError({"value": "Give a finite number, such as 5, 98 or 2.5."})
        if self.measure in self.COUNT_MEASURES and not float(self.value).is_integer():
            raise ValidationError(
                {"value": "A number of districts is a whole number: write 5, not 5.5."}
            )
