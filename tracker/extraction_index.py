"""The claim proposer's indexes (`tracker.extraction.Indexes`), read from the record."""

from __future__ import annotations

from districts.models import Alias
from sources.models import Source, SourceAlias
from tracker.extraction import Indexes, Place, Speaker


def indexes_load() -> Indexes:
    """Every spelling on record (names and aliases of districts and regions) and every source name."""
    spellings = []
    for alias in Alias.objects.select_related("district", "region").prefetch_related(
        "region__districts"
    ):
        if alias.district is not None:
            spellings.append((alias.name, Place(alias.district.slug, (alias.district.slug,))))
        elif alias.region is not None:
            members = tuple(sorted(d.slug for d in alias.region.districts.all()))
            spellings.append((alias.name, Place(alias.region.slug, members, alias.region.slug)))
    sources = [(s.name, Speaker(s.name, s.stance)) for s in Source.objects.all()]
    sources += [
        (a.name, Speaker(a.source.name, a.source.stance))
        for a in SourceAlias.objects.select_related("source")
    ]
    return Indexes.build(spellings, sources)
