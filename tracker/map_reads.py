"""Reads for the public map's finding aids: the regions its search offers, and how many claims
each lens of its chooser rests on."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import Count

from districts.models import Alias, Region
from sources.stances import STANCES
from tracker.lens import CONSENSUS, Lens
from tracker.models import Claim


def map_regions() -> list[dict]:
    """Return every region with districts, for the map's search: its names, its aliases (every
    other spelling in the alias table, sorted) and its districts' slugs (sorted).

    A region without districts is left out: there is nothing on the map to fly to.
    """
    spellings: dict[int, set[str]] = defaultdict(set)
    for region_id, name in Alias.objects.filter(region__isnull=False).values_list(
        "region_id", "name"
    ):
        spellings[region_id].add(name)
    members: dict[int, list[str]] = defaultdict(list)
    # Through the membership table: the slugs alone, never the districts' polygons.
    for region_id, slug in Region.districts.through.objects.values_list(
        "region_id", "district__slug"
    ):
        members[region_id].append(slug)
    regions = []
    for region in Region.objects.only("slug", "name_en", "name_ar").order_by("name_en"):
        slugs = sorted(members[region.pk])
        if not slugs:
            continue
        regions.append(
            {
                "slug": region.slug,
                "name_en": region.name_en,
                "name_ar": region.name_ar,
                "aliases": sorted(spellings[region.pk] - {region.name_en, region.name_ar}),
                "districts": slugs,
            }
        )
    return regions


def lens_claim_counts() -> dict[str, int]:
    """Return, by lens name, how many claims that lens rests on.

    A claim counts when it is mapped to a district, not rejected by a reviewer and not
    retracted by its source (the claims the engine admits, `tracker.lens`): consensus counts
    them all, a stance those of its sources, a source its own. Every stance is named, with 0
    when none of its sources has such a claim; a source only when it has one.
    """
    rows = (
        Claim.objects.filter(district__isnull=False, retracted_on__isnull=True)
        .exclude(review_status=Claim.Review.REJECTED)
        .values_list("source__slug", "source__stance")
        .annotate(n=Count("id"))
    )
    counts: Counter[str] = Counter({name: 0 for name in Lens.names(stances=STANCES)})
    for slug, stance, n in rows:
        counts[CONSENSUS] += n
        counts[Lens.stance(stance).name] += n
        counts[Lens.source(slug).name] += n
    return dict(counts)
