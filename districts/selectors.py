"""Reads of places: which district(s) a name denotes, and which district names are close to it."""

from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from districts.models import Alias, District, Region
from districts.names import name_key, name_skeleton

# Below this similarity a district name is not worth suggesting (difflib's ratio, 0 to 1).
SUGGESTION_CUTOFF = 0.5


@dataclass(frozen=True)
class PlaceResolution:
    """What a place name denotes: the districts it covers, and how it was matched.

    `districts` is empty when the name matches no place (the claim stays unmapped). `region` is
    set when the name is a region's alias; `by_skeleton` when only the transliteration-blind
    fallback matched it.
    """

    name: str
    districts: tuple[District, ...] = ()
    region: Region | None = None
    alias: Alias | None = None
    by_skeleton: bool = False

    @property
    def is_mapped(self) -> bool:
        return bool(self.districts)


class Gazetteer:
    """Every spelling in the alias table, loaded once to resolve many names without queries."""

    def __init__(self) -> None:
        aliases = list(Alias.objects.select_related("district", "region"))
        regions = Region.objects.prefetch_related("districts")
        self._region_districts = {
            r.pk: tuple(sorted(r.districts.all(), key=lambda d: d.slug)) for r in regions
        }
        self._by_key = {a.key: a for a in aliases}
        self._by_skeleton: dict[str, list[Alias]] = defaultdict(list)
        for alias in aliases:
            skeleton = name_skeleton(alias.name)
            if skeleton:
                self._by_skeleton[skeleton].append(alias)
        self._district_keys: list[tuple[District, str, str]] = []
        for alias in aliases:
            if alias.district is not None:
                self._district_keys.append((alias.district, alias.key, name_skeleton(alias.name)))

    def _resolution(self, name: str, alias: Alias, by_skeleton: bool) -> PlaceResolution:
        districts: tuple[District, ...] = ()
        if alias.district is not None:
            districts = (alias.district,)
        elif alias.region_id is not None:
            districts = self._region_districts.get(alias.region_id, ())
        return PlaceResolution(name, districts, alias.region, alias, by_skeleton)

    def resolve(self, name: str) -> PlaceResolution:
        """Return what `name` denotes: by its folded key, else by its skeleton if unambiguous.

        The skeleton fallback accepts a match only when every spelling with that skeleton
        points at the same single place (one district or one region); two candidates mean no
        match rather than a guess.
        """
        alias = self._by_key.get(name_key(name))
        if alias is not None:
            return self._resolution(name, alias, by_skeleton=False)
        candidates = self._by_skeleton.get(name_skeleton(name), [])
        targets = {(a.district_id, a.region_id) for a in candidates}
        if len(targets) == 1:
            return self._resolution(name, candidates[0], by_skeleton=True)
        return PlaceResolution(name)

    def suggest(self, name: str, limit: int = 3) -> list[District]:
        """Return up to `limit` districts whose spellings are closest to `name`, best first."""
        key, skeleton = name_key(name), name_skeleton(name)
        best: dict[int, tuple[float, District]] = {}
        for district, other_key, other_skeleton in self._district_keys:
            score = SequenceMatcher(None, key, other_key).ratio()
            if skeleton and other_skeleton:
                score = max(score, SequenceMatcher(None, skeleton, other_skeleton).ratio())
            if score >= SUGGESTION_CUTOFF and score > best.get(district.pk, (0.0, None))[0]:
                best[district.pk] = (score, district)
        ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1].name_en))
        return [district for _, district in ranked[:limit]]


def gazetteer_load() -> Gazetteer:
    """Return every spelling of every place, for resolving many names (an import) at once."""
    return Gazetteer()


def place_resolve(name: str) -> PlaceResolution:
    """Return the district(s) that `name` denotes through the alias table (see `Gazetteer`)."""
    return gazetteer_load().resolve(name)


def place_suggest(name: str, limit: int = 3) -> list[District]:
    """Return the districts whose names are closest to `name`, best first."""
    return gazetteer_load().suggest(name, limit)
