"""Sides of the conflict and the claims sources make about who controls each place."""

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now
from django.utils import timezone
from simple_history.models import HistoricalRecords

from sources.models import Document, Source
from tracker.roles import REASON_MAX_LENGTH
from tracker.statement_models import RegionStatement
from tracker.timeline import STANCE_SIDE

# The longest free text each field takes, read by the admin forms, the API and the importers
# alike (the demo's longest quote has 197 characters and its longest note 482).
QUOTE_MAX_CHARS = 1000
NOTE_MAX_CHARS = 2000


def text_limited(max_chars: int, verbose_name: str | None = None, **kwargs) -> models.TextField:
    """A TextField that refuses text longer than `max_chars` in the admin, API and imports."""
    return models.TextField(
        verbose_name,
        max_length=max_chars,
        validators=[MaxLengthValidator(max_chars)],
        blank=True,
        **kwargs,
    )


PUBLIC_NOTE_HELP = (
    "Public: shown with the claim in the API and its CSV. Write what a reader needs about the "
    "source (inferred dates, other outlets, known contradictions); internal remarks go in the "
    "analyst note."
)
ANALYST_NOTE_HELP = (
    "Private: seen only by analysts and reviewers (here and, signed in, in the API); never "
    "published in the public API, CSV or map."
)

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Write the colour as #rrggbb, for example #d62728."
)


class Actor(models.Model):
    """A side that can hold ground; a coalition's members point at it through `parent`."""

    slug = models.SlugField(max_length=60, unique=True)
    name_en = models.CharField("English name", max_length=200)
    name_ar = models.CharField("Arabic name", max_length=200, blank=True)
    colour = models.CharField(max_length=7, validators=[colour_validator])
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    # Every save adds a row: a new name or colour changes the dataset version, and so the
    # ETags and the kept public answers (config/response_cache.py).
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="actor_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name_en

    def coalition(self) -> "Actor":
        """Return the top-level coalition this actor belongs to (itself if it has no parent)."""
        current, seen = self, {self.pk}
        while current.parent is not None and current.parent.pk not in seen:
            seen.add(current.parent.pk)
            current = current.parent
        return current

    def clean(self) -> None:
        """Refuse a parent that would make the coalitions a cycle."""
        if self.parent_id is None:
            return
        current, chain = self.parent, [self.slug]
        while current is not None:
            chain.append(current.slug)
            if current.pk == self.pk or (self.pk is None and current.slug == self.slug):
                raise ValidationError(
                    {
                        "parent": f"This parent makes a cycle ({' → '.join(chain)}): an actor "
                        "cannot be inside itself. Choose a coalition that is not one of its "
                        "members, or clear the parent."
                    }
                )
            current = current.parent


def day_latest_allowed() -> datetime.date:
    """The latest day a claim may be about: tomorrow (a source a timezone ahead may date it so)."""
    return timezone.localdate() + datetime.timedelta(days=1)


def document_link(related_name: str) -> "models.ForeignKey[Document, Document]":
    """The document an assertion was read in."""
    return models.ForeignKey(
        "sources.Document", on_delete=models.PROTECT, related_name=related_name
    )


def source_link(related_name: str) -> "models.ForeignKey[Source, Source]":
    """Who made an assertion (the document's source unless it quotes someone else)."""
    return models.ForeignKey(
        "sources.Source",
        on_delete=models.PROTECT,
        related_name=related_name,
        help_text="Who made the claim (the document's source unless it quotes someone else).",
    )


def user_link(related_name: str) -> "models.ForeignKey[User | None, User | None]":
    """A user who recorded or reviewed an assertion; emptied, not cascaded, when they go."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
    )


class SourcedAssertion(models.Model):
    """What every dated, sourced assertion has, whatever it asserts (abstract).

    A district claim (`Claim`) and a quantitative claim (`quantitative.QuantitativeClaim`)
    share the attribution, the quote and the notes, the review (status, reason, reviewer and
    time), the retraction, the import fingerprint and the timestamps. Each subclass declares
    its own `document`, `source`, `recorded_by` and `reviewed_by` links (with `document_link`,
    `source_link` and `user_link`, which differ only in the reverse name), its window (claims:
    `effective_from`/`effective_to`; quantitative claims: `date_from`/`date_to`) and its own
    `history`.
    """

    if TYPE_CHECKING:  # declared by each subclass (see above)
        document: Document
        source: Source
        recorded_by: User | None
        reviewed_by: User | None

    class Review(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        DISPUTED = "disputed", "Disputed"
        REJECTED = "rejected", "Rejected"

    attribution = models.CharField(
        max_length=300, blank=True, help_text="The attribution exactly as the document gives it."
    )
    quote = text_limited(QUOTE_MAX_CHARS)
    note = text_limited(NOTE_MAX_CHARS, "public note", help_text=PUBLIC_NOTE_HELP)
    analyst_note = text_limited(NOTE_MAX_CHARS, "analyst note", help_text=ANALYST_NOTE_HELP)
    review_status = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    review_reason = models.CharField(
        max_length=REASON_MAX_LENGTH,
        blank=True,
        default="",
        db_default="",  # rows written by COPY or raw SQL (the bench, restores) get it too
        help_text="Why the reviewer rejected or disputed the claim (required for those two).",
    )
    retracted_on = models.DateField(
        null=True, blank=True, help_text="Set when the source withdrew the claim."
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    import_key = models.CharField(
        max_length=80,
        null=True,
        blank=True,
        editable=False,
        help_text="Fingerprint of the imported row, so re-importing a file adds nothing.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Claim(SourcedAssertion):
    """One assertion in one document about who controls one place during a window of days.

    A claim whose place matches no district keeps `place_name` and waits, unmapped
    (`district` empty), for an analyst to map the name. Claims are never deleted: they are
    rejected or retracted, and every change is kept in `history`.
    """

    class Status(models.TextChoices):
        HELD = "held", "Held by an actor"
        CONTESTED = "contested", "Contested"

    class Kind(models.TextChoices):
        CAPTURED = "captured", "Captured"
        LOST = "lost", "Lost"
        HELD = "held", "Held"
        CONTESTED = "contested", "Contested"

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        WEEK = "week", "Week"
        MONTH = "month", "Month"

    class Basis(models.TextChoices):
        STATEMENT = "statement", "Statement (a party's announcement)"
        REPORT = "report", "Report (a journalist or monitor reporting)"
        ASSESSMENT = "assessment", "Assessment (a published map or analyst assessment)"
        EVIDENCE = "evidence", "Evidence (geolocated footage or imagery)"

    document = document_link("claims")
    source = source_link("claims")
    district = models.ForeignKey(
        "districts.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
        help_text="Empty while the place name is not mapped to a district.",
    )
    place_name = models.CharField(max_length=200, help_text="The place as the source spells it.")
    status = models.CharField(max_length=10, choices=Status.choices)
    actor = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
        help_text="Who holds the place; empty when the claim is that it is contested.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    effective_from = models.DateField()
    effective_to = models.DateField()
    date_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    basis = models.CharField(
        max_length=12,
        choices=Basis.choices,
        blank=True,
        help_text="What kind of knowledge the claim rests on; empty when not stated.",
    )
    recorded_by = user_link("claims_recorded")
    reviewed_by = user_link("claims_reviewed")
    statement = models.ForeignKey(
        RegionStatement, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )  # the region statement this claim is one district of; empty for any other claim
    history = HistoricalRecords()

    class Meta:
        ordering = ["effective_to", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_from__lte=F("effective_to")),
                name="claim_window_ordered",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="held", actor__isnull=False)
                    | Q(status="contested", actor__isnull=True)
                ),
                name="claim_held_names_actor_contested_names_none",
            ),
            models.CheckConstraint(condition=~Q(place_name=""), name="claim_place_name_not_empty"),
            models.UniqueConstraint(
                fields=["import_key"],
                condition=Q(import_key__isnull=False),
                name="claim_import_key_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["district", "effective_to"], name="claim_district_day_idx"),
            models.Index(fields=["place_name"], name="claim_place_name_idx"),
        ]

    def __str__(self) -> str:
        who = self.actor.slug if self.actor_id and self.actor else self.status
        return f"{self.place_name}: {who} ({self.effective_to})"

    @property
    def is_mapped(self) -> bool:
        return self.district_id is not None

    def clean(self) -> None:
        """Refuse a claim dated after tomorrow, and a `lost` claim that names the source's own
        side as the holder (a source that lost a place says who took it)."""
        errors: dict[str, str] = {}
        latest = day_latest_allowed()
        for name in ("effective_from", "effective_to"):
            day = getattr(self, name)
            if day is not None and day > latest:
                errors[name] = (
                    f"{day.isoformat()} is in the future; a claim is about a day on or before "
                    f"{latest.isoformat()}. Check the year and the day."
                )
        if self.kind == self.Kind.LOST and self.actor_id and self.source_id:
            own = _source_side(self.source)
            if own is not None and self.actor is not None and self.actor.coalition().slug == own:
                errors["actor"] = (
                    f"A 'lost' claim names who holds the place afterwards, and this one names "
                    f"the source's own side ({own}). Set the actor to the side that took the "
                    "place, or record the claim as 'held' or 'contested'."
                )
        if errors:
            raise ValidationError(errors)


def _source_side(source) -> str | None:
    """The coalition a source speaks for: its actor's coalition, else its stance's side."""
    if source.actor_id:
        return source.actor.coalition().slug
    return STANCE_SIDE.get(source.stance)


class ControlPeriod(models.Model):
    """Who held a district from `start` up to (not including) `end`, as one lens resolves it.

    Derived by `tracker.timeline` and stored by `tracker.services`; never edited by hand. On
    PostGIS an exclusion constraint forbids two overlapping periods for one (lens, district).
    """

    class Status(models.TextChoices):
        HELD = "held", "Held"
        CONTESTED = "contested", "Contested"
        DISPUTED = "disputed", "Disputed"

    lens = models.CharField(max_length=120, db_index=True)
    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="control_periods"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="control_periods"
    )
    actors = models.JSONField(default=list, help_text="Every side named: two or more if disputed.")
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Exclusive; empty while it lasts.")
    start_earliest = models.DateField(
        help_text="The earliest day the change may have happened (a claim's window start)."
    )
    support_ids = models.JSONField(default=list, help_text="Claims that establish this state.")
    contra_ids = models.JSONField(default=list, help_text="Claims outweighed by those.")
    report_days = models.JSONField(
        default=list,
        help_text="The days (ISO, ascending) on which a supporting statement took effect.",
    )
    last_reported = models.DateField(
        null=True, blank=True, help_text="The newest supporting statement's day."
    )
    recorded_at = models.DateTimeField(
        db_default=Now(),
        help_text="When the district's periods in this lens were last written as they are now "
        "(a recomputation that changes none of them keeps the time).",
    )

    class Meta:
        ordering = ["lens", "district", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["lens", "district", "start"], name="period_one_start_per_lens_district"
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=F("start")),
                name="period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(start_earliest__lte=F("start")),
                name="period_uncertainty_precedes_start",
            ),
            models.CheckConstraint(
                condition=Q(status="held", actor__isnull=False) | ~Q(status="held"),
                name="period_held_names_actor",
            ),
        ]
        indexes = [
            models.Index(fields=["lens", "start"], name="period_lens_start_idx"),
            models.Index(fields=["lens", "recorded_at"], name="period_lens_recorded_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.lens} {self.district_id} {self.status} {self.start}–{self.end or ''}"


class ApiToken(models.Model):
    """A key a client sends as `Authorization: Token <key>` to write through the API.

    Only the SHA-256 digest of the key is stored (the key itself is shown once, when it is
    issued), so a copy of the database or of a backup lets nobody in. A key stops working at
    `expires`; a user may hold several (one per script or machine), each revoked by deleting
    it. Issue one with `manage.py issue_token <username>` (`tracker.tokens.api_token_issue`).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        max_length=8, editable=False, help_text="The key's first characters, to tell keys apart."
    )
    name = models.CharField(max_length=100, blank=True, help_text="What the key is for.")
    created = models.DateTimeField(default=timezone.now, editable=False)
    expires = models.DateTimeField()

    class Meta:
        verbose_name = "API token"
        ordering = ["user_id", "-created"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user}, expires {self.expires:%Y-%m-%d})"
