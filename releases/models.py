"""A citable release: the record frozen as release N, its files, and its control periods.

A release never changes once made (`releases.services.release_make` is its only writer). Its
periods are stored here, not re-computed, so `?as_of_release=N` answers what release N said
whatever claims or engine settings changed since.
"""

from __future__ import annotations

from django.db import models


class Release(models.Model):
    number = models.PositiveIntegerField(unique=True, help_text="1, 2, 3, ... in order made.")
    created = models.DateTimeField()
    dataset_version = models.CharField(
        max_length=40, help_text="The dataset version (ETag seed) the release froze."
    )
    engine_settings = models.JSONField(
        default=dict, help_text="The engine and reading settings in force when it was made."
    )
    files = models.JSONField(
        default=list, help_text="[{name, bytes, sha256}] of every file of the release."
    )
    districts = models.JSONField(default=list, help_text="Every district slug, in slug order.")
    actors = models.JSONField(default=list, help_text="Every actor slug, in slug order.")
    claim_digests = models.JSONField(
        default=dict,
        help_text="{claim id: [sha256 of its public row, retracted?]}: the next changelog's base.",
    )
    changelog = models.JSONField(default=dict, help_text="What changed since the release before.")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(number__gte=1), name="release_number_min")
        ]

    def __str__(self) -> str:
        return f"release {self.number}"


class ReleasePeriod(models.Model):
    """One control period as release N stored it (see `tracker.models.ControlPeriod`)."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="periods")
    lens = models.CharField(max_length=120)
    district = models.CharField(max_length=100, help_text="District slug.")
    status = models.CharField(max_length=10)
    actor = models.CharField(max_length=60, blank=True, default="", help_text="Holder's slug.")
    actors = models.JSONField(default=list)
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Exclusive; empty while it lasts.")
    start_earliest = models.DateField()
    support_ids = models.JSONField(default=list)
    report_days = models.JSONField(default=list)
    last_reported = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["release", "lens", "district", "start"], name="release_period_idx")
        ]

    def __str__(self) -> str:
        return f"{self.lens} {self.district} from {self.start}"
