"""Geometry helpers with explicit SRIDs: areas in metres, label points, validation."""

from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon, Point, Polygon

WGS84 = 4326


def area_m2(geom: GEOSGeometry) -> float:
    """Return the area of a WGS84 polygon in m², in an equal-area projection centred on it.

    A Lambert azimuthal equal-area projection centred on the polygon keeps areas exact and
    distortion of shape negligible at city scale; degrees are never used as an area.
    """
    if geom.srid != WGS84:
        raise ValueError(f"Expected a geometry in EPSG:4326, got SRID {geom.srid}.")
    centre = geom.centroid  # GeoJSON order: x = longitude, y = latitude
    laea = SpatialReference(
        f"+proj=laea +lat_0={centre.y} +lon_0={centre.x} +datum=WGS84 +units=m +no_defs"
    )
    projected = geom.transform(CoordTransform(SpatialReference(WGS84), laea), clone=True)
    return projected.area


def as_multipolygon(geom: GEOSGeometry) -> MultiPolygon:
    """Return `geom` as a MultiPolygon in EPSG:4326; refuse anything that is not areal."""
    if geom.srid is None:
        raise ValueError("The geometry has no SRID. Give it one (GeoJSON is EPSG:4326).")
    if geom.srid != WGS84:
        geom = geom.transform(WGS84, clone=True)
    if isinstance(geom, Polygon):
        geom = MultiPolygon(geom, srid=WGS84)
    if not isinstance(geom, MultiPolygon):
        raise ValueError(f"Expected a Polygon or MultiPolygon, got a {geom.geom_type}.")
    return geom


def label_point(geom: GEOSGeometry) -> Point:
    """Return a point guaranteed to lie inside the polygon."""
    point = geom.point_on_surface
    point.srid = geom.srid
    return point
