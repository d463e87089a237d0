"""A region statement: the record that groups the claims one statement about a region makes.

A source that says "the army entered the Old City" speaks of a region; the tracker records one
claim per district of it (those the statement leaves out excepted), so each district's timeline
weighs it. The claims point at one `RegionStatement` (`Claim.statement`), so lists, review and
exports can show and count the statement once. Defined here, beside `tracker.models` (which
imports it), to keep that module short.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class RegionStatement(models.Model):
    """One statement about a region, recorded as one claim per district it speaks of.

    `place_name` is the region as the source wrote it; `districts_left_out` the region's
    districts the statement does not speak of ("the Old City" while the army held its Citadel
    throughout). Made by the service that fans a region out (`tracker.statements`), never
    edited by hand; its claims are `claims`.
    """

    region = models.ForeignKey(
        "districts.Region", on_delete=models.PROTECT, related_name="statements"
    )
    place_name = models.CharField(max_length=200, help_text="The region as the source wrote it.")
    districts_left_out = models.ManyToManyField(
        "districts.District",
        blank=True,
        related_name="+",
        help_text="The region's districts the statement does not speak of.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="region_statements_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[districts_left_out])

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(place_name=""), name="statement_place_name_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place_name} (region)"
