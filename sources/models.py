"""Who speaks (sources) and what they published (documents)."""

from urllib.parse import unquote

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sources.stances import STANCES, Stance

# The longest free text each field takes, read by the admin, the API and the importers alike
# (the demo's longest citation has 311 characters).
DESCRIPTION_MAX_CHARS = 2000
CITATION_MAX_CHARS = 1000
EXCERPT_MAX_CHARS = 5000


class Source(models.Model):
    """An originator of claims: a ministry, an army, a monitor, a spokesman, a news agency."""

    class Kind(models.TextChoices):
        MILITARY = "military", "Military or ministry"
        STATE_MEDIA = "state_media", "State or state-aligned media"
        ARMED_GROUP = "armed_group", "Armed group or its media"
        MONITOR = "monitor", "Monitor or NGO"
        NEWS = "news", "News organisation"
        REFERENCE = "reference", "Reference work"
        OTHER = "other", "Other"

    Stance = Stance  # the one list of stances, `sources.stances`

    class Reliability(models.TextChoices):
        # The Admiralty code's source-reliability scale.
        A = "A", "A: completely reliable"
        B = "B", "B: usually reliable"
        C = "C", "C: fairly reliable"
        D = "D", "D: not usually reliable"
        E = "E", "E: unreliable"
        F = "F", "F: cannot be judged"

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    stance = models.CharField(max_length=20, choices=Stance.choices)
    actor = models.ForeignKey(
        "tracker.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sources",
        help_text="The side this source speaks for, if any.",
    )
    reliability = models.CharField(max_length=1, choices=Reliability.choices, default="F")
    description = models.TextField(
        blank=True,
        max_length=DESCRIPTION_MAX_CHARS,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_CHARS)],
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stance__in=list(STANCES)),
                name="source_stance_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """One published item (statement, article, post) that carries one or more claims."""

    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text="Who published it; its claims default to this source.",
    )
    title = models.CharField(max_length=500, blank=True)
    citation = models.TextField(
        max_length=CITATION_MAX_CHARS,
        validators=[MaxLengthValidator(CITATION_MAX_CHARS)],
        help_text="The reference as read: address, outlet, date, title.",
    )
    url = models.URLField(max_length=1000, null=True, blank=True)
    archive_url = models.URLField(max_length=1000, blank=True)
    outlet = models.CharField(
        max_length=300, blank=True, help_text="Who carried it, when not the source itself."
    )
    published_on = models.DateField(null=True, blank=True)
    author = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=20, blank=True)
    excerpt = models.TextField(
        blank=True, max_length=EXCERPT_MAX_CHARS, validators=[MaxLengthValidator(EXCERPT_MAX_CHARS)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=Q(url__isnull=False), name="document_url_unique"
            ),
            models.UniqueConstraint(
                fields=["citation"],
                condition=Q(url__isnull=True),
                name="document_citation_unique_without_url",
            ),
            models.CheckConstraint(condition=~Q(citation=""), name="document_citation_not_empty"),
            models.CheckConstraint(condition=~Q(url=""), name="document_url_null_not_empty"),
        ]

    def __str__(self) -> str:
        """The title, else the citation as a reader writes it: an address's escapes decoded
        ("https://aajae.co/%D8%A7..." reads "https://aajae.co/ا...")."""
        return self.title or unquote(self.citation)[:80]


class SourceAlias(models.Model):
    """Another name a source goes by: a spelling merged into it, or its name before a rename.

    The importer finds a source through these (`sources.services.source_find`), so a row that
    names a merged spelling ("SANA military source") lands on the source it was merged into.
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, help_text="The other name, as it was spelled.")
    key = models.SlugField(
        max_length=100,
        db_index=False,  # the unique constraint indexes it
        help_text="The name as looked up: the slug it would be given.",
    )
    note = models.CharField(max_length=300, blank=True, help_text="Why it is an alias.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "source aliases"
        constraints = [
            models.UniqueConstraint(fields=["key"], name="source_alias_key_unique"),
            models.CheckConstraint(condition=~Q(key=""), name="source_alias_key_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name
