"""The claim proposer's indexes (`tracker.extraction.Indexes`), read from the record."""

from __future__ import annotations

from districts.models import Alias, District, Region
from districts.names import name_key
from sources.models import Source, SourceAlias
from tracker.extraction import Indexes, Place, Speaker
from tracker.extraction_spellings import SPELLINGS

# A country's institutions are named by its possessive as often as by its adjective: "Russia's
# Defense Ministry" says what the "Russian Defense Ministry" on record says.
POSSESSIVES = {
    "American": "America's",
    "British": "Britain's",
    "French": "France's",
    "Iranian": "Iran's",
    "Iraqi": "Iraq's",
    "Lebanese": "Lebanon's",
    "Russian": "Russia's",
    "Syrian": "Syria's",
    "Turkish": "Turkey's",
}


def indexes_load() -> Indexes:
    """Every spelling on record (names and aliases of districts and regions), the proposer's own
    spellings (`tracker.extraction_spellings`) and every source's name and aliases, each also
    with a country's possessive for its adjective (`POSSESSIVES`)."""
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
    sources += [(owned, speaker) for name, speaker in sources if (owned := _possessive(name))]
    indexes = Indexes.build(spellings, sources)
    # The proposer's own spellings match exactly, never by skeleton: a short one ("al-Siryan")
    # would otherwise make a common word ("Syrian") a place.
    indexes.places.update((name_key(n), p) for n, p in _extraction_spellings())
    return indexes


def _possessive(name: str) -> str:
    """The name with its first word, a country's adjective, as the country's possessive
    ("Russian Defense Ministry" -> "Russia's Defense Ministry"), else an empty string."""
    first, _, rest = name.partition(" ")
    return f"{POSSESSIVES[first]} {rest}" if first in POSSESSIVES and rest else ""


def _extraction_spellings() -> list[tuple[str, Place]]:
    """The proposer's own spellings whose place is on the map (a missing slug is skipped)."""
    slugs = {slug for _, slug, _ in SPELLINGS}
    places = {d.slug: Place(d.slug, (d.slug,)) for d in District.objects.filter(slug__in=slugs)}
    for region in Region.objects.filter(slug__in=slugs).prefetch_related("districts"):
        members = tuple(sorted(d.slug for d in region.districts.all()))
        places[region.slug] = Place(region.slug, members, region.slug)
    return [(name, places[slug]) for name, slug, _ in SPELLINGS if slug in places]
