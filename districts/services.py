"""Writes to districts: saving a district, and the rule every spelling write follows.

Who decides what a spelling means, from weakest to strongest: the alternative names in the
polygon data, the official names, the curated tables in `districts/data/`, and an analyst.
A writer never overrides a spelling that a stronger origin set (`alias_put`). The importers
are `districts.polygon_import` (the polygons, GeoJSON) and `districts.name_import` (regions
and spellings, CSV).
"""

from django.db import transaction

from districts.geometry import area_m2, label_point
from districts.models import Alias, District, NameWithoutPlace, Region
from districts.names import name_key

ORIGIN_RANK: dict[str, int] = {
    Alias.Origin.SOURCE_DATA: 0,
    Alias.Origin.NAME: 1,
    Alias.Origin.CURATED: 2,
    Alias.Origin.ANALYST: 3,
}


def alias_put(
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


def name_set_aside(*, name: str, reason: str, user) -> NameWithoutPlace:
    """Record that the place name `name` will never have a polygon, and why.

    The name leaves the queue of unmapped names; its claims are kept as they are, unmapped.
    Setting a name aside again updates its reason. A name that a district or region already
    has (an alias) is refused: it is not unmapped.
    """
    key, reason = name_key(name), " ".join(reason.split())
    if not key:
        raise ValueError("The name is empty once folded.")
    if not reason:
        raise ValueError("Say why no polygon will ever match this name.")
    if Alias.objects.filter(key=key).exists():
        raise ValueError(f"“{name}” already names a district or region.")
    entry, _ = NameWithoutPlace.objects.update_or_create(
        key=key, defaults={"name": name, "reason": reason[:300], "dismissed_by": user}
    )
    return entry
