"""districts/: the query of the listing and a district as a GeoJSON Feature."""

from __future__ import annotations

import math
import re

from django.contrib.gis.geos import MultiPolygon, Polygon
from rest_framework import serializers
from rest_framework_gis.fields import GeometryField
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from districts.models import District
from tracker.api.serializers.fields import Text

COORDINATE_DECIMALS = 6
MAX_SIMPLIFY_DEGREES = 0.01
# min_lon,min_lat,max_lon,max_lat as plain decimals in range (the schema declares this pattern;
# that each minimum is below its maximum is checked apart).
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]+)?)"
_LAT = r"-?(90(\.0+)?|[0-8]?[0-9](\.[0-9]+)?)"
BBOX_PATTERN = f"^{_LON},{_LAT},{_LON},{_LAT}$"
_BBOX_RE = re.compile(BBOX_PATTERN.removesuffix("$") + r"\Z")


class DistrictsQuery(serializers.Serializer):
    simplify = serializers.FloatField(required=False, min_value=0.0, max_value=MAX_SIMPLIFY_DEGREES)
    bbox = Text(required=False, max_length=200, trim_whitespace=False)

    def validate_simplify(self, value: float) -> float:
        if not math.isfinite(value):
            raise serializers.ValidationError(
                f"Give a tolerance in degrees between 0 and {MAX_SIMPLIFY_DEGREES}."
            )
        return value

    def validate_bbox(self, text: str) -> tuple[float, float, float, float]:
        how = (
            "Write bbox as min_lon,min_lat,max_lon,max_lat in degrees (GeoJSON order), "
            "for example 37.10,36.15,37.25,36.25."
        )
        if not _BBOX_RE.match(text):
            raise serializers.ValidationError(
                how + " Longitudes lie in -180..180 and latitudes in -90..90, as plain decimals."
            )
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in text.split(","))
        if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
            raise serializers.ValidationError(
                "bbox is out of range: longitudes must lie in -180..180 and latitudes in "
                "-90..90, each minimum below its maximum. " + how
            )
        return (min_lon, min_lat, max_lon, max_lat)


class SimplifiedGeometryField(GeometryField):
    """A MultiPolygon simplified by the `simplify` tolerance (degrees) in the context."""

    def to_representation(self, value):
        tolerance = self.context.get("simplify")
        if value is not None and tolerance:
            simple = value.simplify(tolerance, preserve_topology=True)
            if isinstance(simple, Polygon):
                simple = MultiPolygon(simple, srid=value.srid)
            if isinstance(simple, MultiPolygon) and not simple.empty:
                value = simple
        return super().to_representation(value)


class DistrictFeatureSerializer(GeoFeatureModelSerializer):
    """A district as a GeoJSON Feature ([lon, lat], EPSG:4326); its `id` is its slug."""

    feature_id = serializers.CharField(source="slug", read_only=True)
    geom = SimplifiedGeometryField(precision=COORDINATE_DECIMALS, read_only=True)
    label_point = GeometryField(
        precision=COORDINATE_DECIMALS,
        read_only=True,
        help_text="A point inside the polygon for the label, [lon, lat].",
    )
    area_m2 = serializers.FloatField(
        read_only=True, help_text="Area in m², computed in an equal-area projection."
    )

    class Meta:
        model = District
        geo_field = "geom"
        id_field = "feature_id"
        fields = [
            "feature_id",
            "slug",
            "name_en",
            "name_ar",
            "kind",
            "area_m2",
            "label_point",
            "geom",
        ]
