"""Places: district polygons, named sets of districts (regions), and the names sources use."""

from django.contrib.gis.db import models
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from simple_history.models import HistoricalRecords

# The longest description a region takes, in the admin and the region import alike (the
# shipped regions table's longest note has 2,347 characters).
DESCRIPTION_MAX_CHARS = 5000


class District(models.Model):
    """One mapped place whose control is tracked: a neighbourhood, an industrial zone, a landmark."""

    class Kind(models.TextChoices):
        NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"
        INDUSTRIAL = "industrial", "Industrial area"
        CEMETERY = "cemetery", "Cemetery"
        PARK = "park", "Park"
        INSTITUTION = "institution", "Institution"
        LANDMARK = "landmark", "Landmark"
        AIRPORT = "airport", "Airport"
        MILITARY = "military", "Military site"
        OTHER = "other", "Other"

    slug = models.SlugField(max_length=100, unique=True)
    name_en = models.CharField("English name", max_length=200)
    name_ar = models.CharField("Arabic name", max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEIGHBOURHOOD)
    geom = models.MultiPolygonField(srid=4326)
    area_m2 = models.FloatField(
        "area (m²)",
        editable=False,
        help_text="Computed from the polygon in an equal-area projection.",
    )
    label_point = models.PointField(srid=4326, help_text="A point inside the polygon, for labels.")
    provenance = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(condition=Q(area_m2__gt=0), name="district_area_positive"),
            models.CheckConstraint(condition=~Q(name_en=""), name="district_name_en_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name_en


class Region(models.Model):
    """A named set of districts ("Old City", "east Aleppo"): a claim about it holds for each."""

    slug = models.SlugField(max_length=100, unique=True)
    name_en = models.CharField("English name", max_length=200)
    name_ar = models.CharField("Arabic name", max_length=200, blank=True)
    description = models.TextField(
        blank=True,
        max_length=DESCRIPTION_MAX_CHARS,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_CHARS)],
    )
    districts = models.ManyToManyField(District, related_name="regions")
    history = HistoricalRecords(m2m_fields=[districts])

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en


class Alias(models.Model):
    """A spelling of a place as sources write it, pointing at one district or one region.

    `key` is the spelling folded by `districts.names.name_key`, so one key names one place.
    """

    class Origin(models.TextChoices):
        NAME = "name", "Official name"
        SOURCE_DATA = "source_data", "Alternative name in the polygon data"
        CURATED = "curated", "Curated alias table"
        ANALYST = "analyst", "Mapped by an analyst"

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.CASCADE, related_name="aliases"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.CASCADE, related_name="aliases"
    )
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.ANALYST)

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(district__isnull=False, region__isnull=True)
                    | Q(district__isnull=True, region__isnull=False)
                ),
                name="alias_names_one_district_or_one_region",
            ),
            models.CheckConstraint(condition=~Q(key=""), name="alias_key_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.district or self.region}"


class NameWithoutPlace(models.Model):
    """A place name that will never have a polygon (a road, a camp, a building), set aside
    from the queue of unmapped names with the reason; its claims stay, unmapped."""

    key = models.CharField(max_length=200, unique=True, editable=False)
    name = models.CharField(max_length=200, help_text="The name as the queue showed it.")
    reason = models.CharField(max_length=300, help_text="Why no polygon will ever match it.")
    dismissed_by = models.ForeignKey(
        "auth.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "name without a polygon"
        verbose_name_plural = "names without a polygon"
        constraints = [
            models.CheckConstraint(condition=~Q(key=""), name="name_without_place_key_not_empty"),
            models.CheckConstraint(condition=~Q(reason=""), name="name_without_place_reason_given"),
        ]

    def __str__(self) -> str:
        return self.name
