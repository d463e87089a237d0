"""Importing district polygons from GeoJSON (`import_districts`): all or nothing, each bad
feature named."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.gis.gdal import GDALException
from django.contrib.gis.geos import GEOSException, GEOSGeometry, Point
from django.db import transaction

from common.csvfile import ImportFileError, values_check
from districts.geometry import WGS84, area_m2, as_multipolygon, label_point
from districts.models import Alias, District
from districts.names import name_key
from districts.services import alias_put

CRS84_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326"}
ALT_NAME_SEPARATOR = ";"


class DistrictImportError(ImportFileError):
    """The GeoJSON cannot be imported; `errors` says why, one line per bad feature."""


@dataclass
class DistrictImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    aliases_created: int = 0
    ambiguous_names: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class _Feature:
    slug: str
    name_en: str
    name_ar: str
    kind: str
    geom: GEOSGeometry
    label: Point
    provenance: str
    alt_names: list[str]


def _collection_srid(collection: dict) -> int:
    """Return the SRID a FeatureCollection declares; RFC 7946 GeoJSON without `crs` is 4326."""
    crs = collection.get("crs")
    if not crs:
        return WGS84
    name = (crs.get("properties") or {}).get("name", "")
    if name in CRS84_NAMES:
        return WGS84
    tail = name.rsplit(":", 1)[-1]
    if tail.isdigit():
        return int(tail)
    raise DistrictImportError([f"Unknown CRS {name!r}: give the file an EPSG code or omit `crs`."])


def _feature_parse(index: int, feature: dict, srid: int) -> tuple[_Feature | None, list[str]]:
    props = feature.get("properties") or {}
    slug = str(props.get("slug") or feature.get("id") or "").strip()
    where = f"feature {index} ({slug or 'no slug'})"
    errors = []
    if not slug:
        errors.append(
            f"{where}: no `slug` property or feature id; give every feature a unique slug."
        )
    name_en = str(props.get("name_en") or "").strip()
    if not name_en:
        errors.append(f"{where}: `name_en` is empty; every district needs an English name.")
    errors += [
        f"{where}: {problem}."
        for problem in values_check(
            District,
            {
                "slug": ("slug", slug),
                "name_en": ("name_en", name_en),
                "name_ar": ("name_ar", str(props.get("name_ar") or "").strip()),
            },
        )
    ]
    kind = str(props.get("kind") or District.Kind.NEIGHBOURHOOD)
    if kind not in District.Kind.values:
        errors.append(f"{where}: kind {kind!r} is not one of {', '.join(District.Kind.values)}.")
    raw_geom = feature.get("geometry")
    geom = None
    if not raw_geom:
        errors.append(f"{where}: no geometry; every district needs a polygon.")
    else:
        try:
            geom = GEOSGeometry(json.dumps(raw_geom))
            geom.srid = srid  # GDAL reads GeoJSON as 4326; the collection's `crs` says otherwise.
            geom = as_multipolygon(geom)
        except (GEOSException, GDALException, ValueError) as exc:
            errors.append(f"{where}: unreadable geometry: {exc}")
    if geom is not None and not geom.valid:
        errors.append(
            f"{where}: invalid polygon ({geom.valid_reason}); repair it before importing."
        )
    label = None
    if geom is not None and not errors:
        if props.get("label_lon") is not None and props.get("label_lat") is not None:
            # GeoJSON order: x = longitude, y = latitude.
            label = Point(float(props["label_lon"]), float(props["label_lat"]), srid=WGS84)
            if not geom.contains(label):
                errors.append(f"{where}: the label point lies outside the polygon.")
        else:
            label = label_point(geom)
    if errors:
        return None, errors
    assert geom is not None and label is not None  # else there would be errors
    alt_names = [
        n.strip() for n in str(props.get("alt_names") or "").split(ALT_NAME_SEPARATOR) if n.strip()
    ]
    return (
        _Feature(
            slug=slug,
            name_en=name_en,
            name_ar=str(props.get("name_ar") or "").strip(),
            kind=kind,
            geom=geom,
            label=label,
            provenance=str(props.get("source") or "")[:300],
            alt_names=alt_names,
        ),
        [],
    )


def _names_assign(features: list[_Feature]) -> tuple[dict[str, tuple[str, str, str]], dict]:
    """Decide which spelling names which district: {key: (name, slug, origin)}.

    Official names win over alternative names. A spelling that several features share (the four
    Ramouseh industrial districts are all "الراموسة") denotes no single district: it is
    reported, and left for a region to claim.
    """
    candidates: dict[str, dict[str, dict[str, str]]] = {
        Alias.Origin.NAME: {},
        Alias.Origin.SOURCE_DATA: {},
    }
    for feat in features:
        named: tuple[tuple[str, str], ...] = (
            (feat.name_en, Alias.Origin.NAME),
            (feat.name_ar, Alias.Origin.NAME),
        )
        alternative = tuple((n, Alias.Origin.SOURCE_DATA) for n in feat.alt_names)
        for name, origin in named + alternative:
            if name and name_key(name):
                candidates[origin].setdefault(name_key(name), {}).setdefault(feat.slug, name)
    assigned: dict[str, tuple[str, str, str]] = {}
    ambiguous: dict[str, list[str]] = {}
    ambiguous_keys: set[str] = set()
    for origin, by_key in candidates.items():
        for key, by_slug in by_key.items():
            if key in assigned or key in ambiguous_keys:
                continue
            if len(by_slug) == 1:
                slug, name = next(iter(by_slug.items()))
                assigned[key] = (name, slug, origin)
            else:
                ambiguous_keys.add(key)
                ambiguous[next(iter(by_slug.values()))] = sorted(by_slug)
    return assigned, ambiguous


def districts_import(path: Path | str) -> DistrictImportReport:
    """Create or update districts from a GeoJSON FeatureCollection, keyed by slug.

    Validate every feature first and write nothing if any is bad. Repair nothing: an invalid
    polygon is an error naming its feature. Load the English, Arabic and alternative names as
    aliases, without overriding aliases that analysts or the curated tables set. Report the
    spellings several features share (`ambiguous_names`) unless a region or a curated alias
    already claims them.
    """
    try:
        collection = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DistrictImportError([f"{path}: not a readable GeoJSON file ({exc})."]) from exc
    if collection.get("type") != "FeatureCollection":
        raise DistrictImportError([f"{path}: expected a GeoJSON FeatureCollection."])
    srid = _collection_srid(collection)
    features: list[_Feature] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(collection.get("features") or [], start=1):
        feat, feat_errors = _feature_parse(index, raw, srid)
        errors.extend(feat_errors)
        if feat:
            if feat.slug in seen:
                errors.append(
                    f"feature {index} ({feat.slug}): slug already used by feature {seen[feat.slug]}."
                )
            seen[feat.slug] = index
            features.append(feat)
    if errors:
        raise DistrictImportError(errors)
    if not features:
        raise DistrictImportError([f"{path}: the collection holds no features."])

    report = DistrictImportReport()
    assigned, report.ambiguous_names = _names_assign(features)
    with transaction.atomic():
        by_slug = {}
        for feat in features:
            values = {
                "name_en": feat.name_en,
                "name_ar": feat.name_ar,
                "kind": feat.kind,
                "geom": feat.geom,
                "area_m2": area_m2(feat.geom),
                "label_point": feat.label,
                "provenance": feat.provenance,
            }
            district = District.objects.filter(slug=feat.slug).first()
            if district is None:
                district = District(slug=feat.slug, **values)
                district.full_clean()
                district.save()
                report.created.append(feat.slug)
            elif _district_differs(district, values):
                for name, value in values.items():
                    setattr(district, name, value)
                district.full_clean()
                district.save()
                report.updated.append(feat.slug)
            else:
                report.unchanged.append(feat.slug)
            by_slug[feat.slug] = district
        existing = {a.key: a for a in Alias.objects.filter(key__in=assigned)}
        for key, (name, slug, origin) in assigned.items():
            outcome = alias_put(
                existing.get(key),
                key=key,
                name=name,
                origin=origin,
                district=by_slug[slug],
                authority=Alias.Origin.NAME,
            )
            report.aliases_created += outcome == "created"
        claimed = set(
            Alias.objects.filter(key__in=[name_key(n) for n in report.ambiguous_names]).values_list(
                "key", flat=True
            )
        )
        report.ambiguous_names = {
            n: slugs for n, slugs in report.ambiguous_names.items() if name_key(n) not in claimed
        }
    return report


def _district_differs(district: District, values: dict) -> bool:
    for name, value in values.items():
        current = getattr(district, name)
        if isinstance(value, GEOSGeometry):
            if not current.equals_exact(value, tolerance=1e-9):
                return True
        elif name == "area_m2":
            if abs(current - value) > 1e-6 * max(value, 1):
                return True
        elif current != value:
            return True
    return False
