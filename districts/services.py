"""Writes to districts: importing polygons, regions and the names sources use for them.

Who decides what a spelling means, from weakest to strongest: the alternative names in the
polygon data, the official names, the curated tables in `districts/data/`, and an analyst.
A writer never overrides a spelling that a stronger origin set (`_alias_put`).
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.contrib.gis.gdal import GDALException
from django.contrib.gis.geos import GEOSException, GEOSGeometry, Point
from django.db import transaction

from common.csvfile import ImportFileError, csv_records, values_check
from districts.geometry import WGS84, area_m2, as_multipolygon, label_point
from districts.models import Alias, District, Region
from districts.names import name_key

CRS84_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326"}
ALT_NAME_SEPARATOR = ";"
LIST_SEPARATOR = ";"
ALL_DISTRICTS = "*"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REGION_COLUMNS = ("slug", "name_en", "name_ar", "districts", "aliases", "note")
ALIAS_COLUMNS = ("name", "district_or_region", "target_slug", "note")
ORIGIN_RANK: dict[str, int] = {
    Alias.Origin.SOURCE_DATA: 0,
    Alias.Origin.NAME: 1,
    Alias.Origin.CURATED: 2,
    Alias.Origin.ANALYST: 3,
}


class DistrictImportError(ImportFileError):
    """The GeoJSON cannot be imported; `errors` says why, one line per bad feature."""


@dataclass
class NamesImportReport:
    regions_created: list[str] = field(default_factory=list)
    regions_updated: list[str] = field(default_factory=list)
    regions_unchanged: list[str] = field(default_factory=list)
    aliases_created: int = 0
    aliases_updated: int = 0
    aliases_unchanged: int = 0
    aliases_kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.regions_created
            or self.regions_updated
            or self.aliases_created
            or self.aliases_updated
        )

    def summary(self) -> list[str]:
        """Say, line by line, what the import did."""
        lines = []
        if self.regions_created or self.regions_updated or self.regions_unchanged:
            lines.append(
                f"Regions: {len(self.regions_created)} created, {len(self.regions_updated)} "
                f"updated, {len(self.regions_unchanged)} unchanged."
            )
        lines.append(
            f"Spellings: {self.aliases_created} created, {self.aliases_updated} updated, "
            f"{self.aliases_unchanged} unchanged."
        )
        return lines + [f"  {kept}" for kept in self.aliases_kept]


def _alias_put(
    existing: Alias | None,
    *,
    key: str,
    name: str,
    origin: str,
    district: District | None = None,
    region: Region | None = None,
    authority: str,
) -> str:
    """Point the spelling `key` at one district or one region, as `origin` says.

    Override an existing alias only if its origin ranks no higher than `authority`, the
    strongest origin the caller may overrule. Return "created", "updated", "unchanged" or
    "kept" (a stronger origin decided otherwise and was left alone).
    """
    if existing is None:
        alias = Alias(key=key, name=name, district=district, region=region, origin=origin)
        alias.full_clean()
        alias.save()
        return "created"
    wanted = (name, district.pk if district else None, region.pk if region else None, origin)
    if (existing.name, existing.district_id, existing.region_id, existing.origin) == wanted:
        return "unchanged"
    if ORIGIN_RANK[existing.origin] > ORIGIN_RANK[authority]:
        return "kept"
    existing.name, existing.district, existing.region, existing.origin = (
        name,
        district,
        region,
        origin,
    )
    existing.full_clean()
    existing.save()
    return "updated"


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
            outcome = _alias_put(
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


def _names_split(text: str) -> list[str]:
    return [n.strip() for n in text.split(LIST_SEPARATOR) if n.strip()]


def _spelling_check(
    name: str, target: str, where: str, seen: dict[str, tuple[str, str]]
) -> list[str]:
    """Check that `name` folds to a key that no other place of the same file has claimed."""
    key = name_key(name)
    if not key:
        return [f"{where}: {name!r} has no letters once folded; write the spelling in full."]
    if key in seen and seen[key][1] != target:
        other_where, other_target = seen[key]
        return [
            f"{where}: {name!r} is the same spelling as one at {other_where}, which names "
            f"{other_target}; one spelling can name only one place, so drop one of them."
        ]
    seen.setdefault(key, (where, target))
    return []


def _aliases_write(
    spellings: list[tuple[str, District | None, Region | None]], report: NamesImportReport
) -> None:
    """Write curated spellings (one per key) and count what changed in `report`."""
    keys = [name_key(name) for name, _, _ in spellings]
    existing = {
        a.key: a for a in Alias.objects.filter(key__in=keys).select_related("district", "region")
    }
    for key, (name, district, region) in zip(keys, spellings, strict=True):
        outcome = _alias_put(
            existing.get(key),
            key=key,
            name=name,
            origin=Alias.Origin.CURATED,
            district=district,
            region=region,
            authority=Alias.Origin.CURATED,
        )
        report.aliases_created += outcome == "created"
        report.aliases_updated += outcome == "updated"
        report.aliases_unchanged += outcome == "unchanged"
        if outcome == "kept":
            kept = existing[key]
            report.aliases_kept.append(
                f"{name!r} stays mapped to {kept.district or kept.region}, as an analyst "
                "decided; change it in the admin if the curated table is right."
            )


def regions_import(file: Path | str | BinaryIO) -> NamesImportReport:
    """Create or update regions (named sets of districts) and their spellings from a CSV table.

    Columns: slug, name_en, name_ar, districts (district slugs separated by ";", or "*" for
    every district), aliases (spellings separated by ";"), note (kept as the description).
    The English and Arabic names are spellings of the region too. Validate every row first and
    write nothing if any is bad; running the same table twice changes nothing.
    """
    records = csv_records(file, required=REGION_COLUMNS)
    districts = {d.slug: d for d in District.objects.all()}
    errors: list[str] = []
    seen: dict[str, tuple[str, str]] = {}
    slugs_seen: dict[str, int] = {}
    rows = []
    for record in records:
        where, values = f"line {record.line}", record.values
        row_errors = [f"{where}: {record.problem}."] if record.problem else []
        slug = values["slug"]
        if not SLUG.fullmatch(slug):
            row_errors.append(
                f"{where}: slug {slug!r} is not a slug; use lowercase letters, digits and hyphens."
            )
        elif slug in slugs_seen:
            row_errors.append(f"{where}: slug {slug!r} is already used at line {slugs_seen[slug]}.")
        slugs_seen.setdefault(slug, record.line)
        if not values["name_en"]:
            row_errors.append(f"{where}: name_en is empty; every region needs an English name.")
        row_errors += [
            f"{where}: {problem}."
            for problem in values_check(
                Region,
                {
                    "name_en": ("name_en", values["name_en"]),
                    "name_ar": ("name_ar", values["name_ar"]),
                    "note": ("description", values["note"]),
                },
            )
        ]
        wanted = _names_split(values["districts"])
        if wanted == [ALL_DISTRICTS]:
            members = list(districts.values())
        else:
            unknown = [s for s in wanted if s not in districts]
            if unknown:
                row_errors.append(
                    f"{where}: no district with slug {', '.join(map(repr, unknown))}; use the "
                    "slugs import_districts loaded (districts/data/aleppo_districts.geojson)."
                )
            members = [districts[s] for s in wanted if s in districts]
        if not wanted:
            row_errors.append(
                f"{where}: districts is empty; list the district slugs separated by ';', "
                "or '*' for every district."
            )
        spellings = [values["name_en"], values["name_ar"], *_names_split(values["aliases"])]
        for name in filter(None, spellings):
            row_errors.extend(_spelling_check(name, f"region {slug}", where, seen))
        errors.extend(row_errors)
        rows.append((values, members, [n for n in spellings if n]))
    if errors:
        raise ImportFileError(errors)

    report = NamesImportReport()
    outcomes = {
        "created": report.regions_created,
        "updated": report.regions_updated,
        "unchanged": report.regions_unchanged,
    }
    with transaction.atomic():
        spellings_all: list[tuple[str, District | None, Region | None]] = []
        for values, members, spellings in rows:
            region, outcome = _region_put(values, {d.pk for d in members})
            outcomes[outcome].append(region.slug)
            spellings_all.extend((name, None, region) for name in spellings)
        _aliases_write(_deduplicated(spellings_all), report)
    return report


def _region_put(values: dict[str, str], member_ids: set[int]) -> tuple[Region, str]:
    """Create or update one region; say whether it was "created", "updated" or "unchanged"."""
    fields = {
        "name_en": values["name_en"],
        "name_ar": values["name_ar"],
        "description": values["note"],
    }
    region = Region.objects.filter(slug=values["slug"]).first()
    if region is None:
        region, outcome = Region(slug=values["slug"], **fields), "created"
    elif any(getattr(region, k) != v for k, v in fields.items()) or member_ids != set(
        region.districts.values_list("pk", flat=True)
    ):
        for name, value in fields.items():
            setattr(region, name, value)
        outcome = "updated"
    else:
        return region, "unchanged"
    region.full_clean()
    region.save()
    region.districts.set(member_ids)
    return region, outcome


def _deduplicated(
    spellings: list[tuple[str, District | None, Region | None]],
) -> list[tuple[str, District | None, Region | None]]:
    """Keep the first of several spellings of one place that fold to the same key."""
    by_key: dict[str, tuple[str, District | None, Region | None]] = {}
    for spelling in spellings:
        by_key.setdefault(name_key(spelling[0]), spelling)
    return list(by_key.values())


def aliases_import(file: Path | str | BinaryIO) -> NamesImportReport:
    """Load a curated table of spellings, each naming one district or one region.

    Columns: name, district_or_region ("district" or "region"), target_slug, note (why the
    spelling means that place). Curated spellings override the names in the polygon data but
    never an analyst's mapping (those are reported in `aliases_kept`). Validate every row first
    and write nothing if any is bad; running the same table twice changes nothing.
    """
    records = csv_records(file, required=ALIAS_COLUMNS)
    districts = {d.slug: d for d in District.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    errors: list[str] = []
    seen: dict[str, tuple[str, str]] = {}
    spellings = []
    for record in records:
        where, values = f"line {record.line}", record.values
        row_errors = [f"{where}: {record.problem}."] if record.problem else []
        kind, slug = values["district_or_region"], values["target_slug"]
        district, region = None, None
        if kind == "district":
            district = districts.get(slug)
        elif kind == "region":
            region = regions.get(slug)
        else:
            row_errors.append(
                f"{where}: district_or_region is {kind!r}; write 'district' or 'region'."
            )
        if kind in ("district", "region") and district is None and region is None:
            loader = "import_districts" if kind == "district" else "import_regions"
            row_errors.append(
                f"{where}: no {kind} with slug {slug!r}; use a slug that {loader} loaded."
            )
        if not values["name"]:
            row_errors.append(f"{where}: name is empty; write the spelling as sources use it.")
        else:
            row_errors.extend(_spelling_check(values["name"], f"{kind} {slug}", where, seen))
        errors.extend(row_errors)
        spellings.append((values["name"], district, region))
    if errors:
        raise ImportFileError(errors)
    report = NamesImportReport()
    with transaction.atomic():
        _aliases_write(_deduplicated(spellings), report)
    return report


@transaction.atomic
def district_save(*, district: District, redrawn: bool) -> District:
    """Save a district entered or edited by hand; measure it again when its polygon is new.

    `redrawn` says the polygon was drawn anew (or the district is new): its area is computed
    again on an equal-area projection and its label point put back inside it.
    """
    if redrawn:
        district.area_m2 = area_m2(district.geom)
        district.label_point = label_point(district.geom)
    district.full_clean()
    district.save()
    return district
