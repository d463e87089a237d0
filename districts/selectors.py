"""Reads of places: which district(s) a name denotes, and which district names are close to it."""

from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import Q

from districts.models import Alias, District, Region
from districts.names import SKELETON_MIN_LENGTH, name_key, name_skeleton

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


# The district box's value for a region (a district's is its id): "region:<id>".
REGION_PREFIX = "region:"
# The most answers one search of the district box gives (select2 shows them in one list).
SEARCH_LIMIT = 20
# How many aliases a search looks at, at most (a short term matches many spellings).
SEARCH_ALIASES_MAX = 200
UNMAPPED_SENTENCE = "No district has this name: the claim will wait in the unmapped names queue."
EMPTY_SENTENCE = "Pick a district, or write the place as the source names it."


@dataclass(frozen=True)
class PlacePlan:
    """What saving a claim's place will do: the districts it records, in one sentence.

    `kind` is "district" (one claim), "region" (one claim per district of `region` in
    `districts`, those `left_out` excepted; `region_districts` lists them all), "unmapped" (one
    claim without a district, in the queue of unmapped names) or "empty" (nothing to save yet).
    """

    kind: str
    sentence: str
    districts: tuple[District, ...] = ()
    left_out: tuple[District, ...] = ()
    region: Region | None = None
    region_districts: tuple[District, ...] = ()


def _names(districts) -> str:
    return ", ".join(d.name_en for d in districts)


def _spelled(spelling: str, is_alias: bool, place) -> str:
    """Say how the source spelt the place, unless it used the place's own name."""
    if not spelling or name_key(spelling) in {name_key(place.name_en), name_key(place.name_ar)}:
        return ""
    return f" (alias '{spelling}')" if is_alias else f" (written '{spelling}')"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _is_alias(place, spelling: str, is_alias: bool | None) -> bool:
    """Whether `spelling` is one of the place's aliases; `is_alias` None: look it up."""
    if is_alias is not None:
        return is_alias
    key = name_key(spelling)
    return bool(key) and place.aliases.filter(key=key).exists()


def region_plan(
    region: Region,
    spelling: str = "",
    left_out=(),
    *,
    is_alias: bool | None = None,
    new: bool = True,
) -> PlacePlan:
    """Plan a region's claim: one claim per district of the region, save those `left_out`.

    `left_out` holds district slugs; a claim already saved (`new` False) stays about one
    district, so a region cannot replace its place. `is_alias` None: look the spelling up
    among the region's aliases.
    """
    is_alias = _is_alias(region, spelling, is_alias)
    every = tuple(sorted(region.districts.all(), key=lambda d: d.name_en))
    out = tuple(d for d in every if d.slug in set(left_out))
    kept = tuple(d for d in every if d not in out)
    name = f"the {region.name_en} region{_spelled(spelling, is_alias, region)}"
    if not new:
        sentence = (
            f"A saved claim is about one district, and {name} has {_count(len(every), 'district')}"
            ": pick one district, or enter the region as a new claim."
        )
    elif not every:
        sentence = f"No district is in {name} yet: the claim would map to nothing."
    elif not kept:
        sentence = f"Every district of {name} is left out: put one back to save the claim."
    else:
        sentence = f"Will record {_count(len(kept), 'claim')}, one per district of {name}: "
        sentence += _names(kept) + (f"; left out: {_names(out)}." if out else ".")
    return PlacePlan("region", sentence, kept if new else (), out, region, every)


def district_plan(
    district: District, spelling: str = "", *, is_alias: bool | None = None, new: bool = True
) -> PlacePlan:
    """Plan a district's claim: one claim, about it, with the source's spelling said.

    `is_alias` None: look the spelling up among the district's aliases.
    """
    is_alias = _is_alias(district, spelling, is_alias)
    verb = "Will record 1 claim" if new else "Will save the claim"
    sentence = f"{verb} about {district.name_en}{_spelled(spelling, is_alias, district)}."
    return PlacePlan("district", sentence, (district,))


def place_plan(
    *,
    district: District | None = None,
    region: Region | None = None,
    place_name: str = "",
    left_out=(),
    new: bool = True,
) -> PlacePlan:
    """Say what saving a claim with this district box and place name will do.

    A district chosen in the box wins: one claim about it, the place name kept as the
    source's spelling. A region chosen gives one claim per district of the region, save the
    `left_out` slugs. With neither, the place name is resolved through the alias table as the
    importer does (`place_resolve`): a district's spelling gives that district, a region's
    one claim per district of the region, an unknown name one unmapped claim. `new` is False
    for a claim already saved, which stays one claim.
    """
    place_name = place_name.strip()
    if district is not None:
        return district_plan(district, place_name, new=new)
    if region is not None:
        return region_plan(region, place_name, left_out, new=new)
    if not place_name:
        return PlacePlan("empty", EMPTY_SENTENCE)
    resolution = place_resolve(place_name)
    is_alias = resolution.alias is not None
    if resolution.region is not None:
        return region_plan(resolution.region, place_name, left_out, is_alias=is_alias, new=new)
    if resolution.districts:
        return district_plan(resolution.districts[0], place_name, is_alias=is_alias, new=new)
    return PlacePlan("unmapped", UNMAPPED_SENTENCE)


@dataclass(frozen=True)
class PlaceMatch:
    """One answer of the district box: its value, what it is in words, and its plan.

    `value` is a district's id (for a district, or one of its aliases) or `REGION_PREFIX` and
    the region's id; `place_name` is what the place name becomes on choosing it: the alias's
    or the region's spelling, empty for a district (whose name is the default).
    """

    value: str
    label: str
    kind: str  # "district", "alias" or "region"
    place_name: str
    plan: PlacePlan


def _rank(key: str, *spellings: str) -> int:
    """0: a spelling is the term; 1: one begins with it; 2: the term is inside one."""
    keys = [name_key(s) for s in spellings if s]
    return 0 if key in keys else 1 if any(k.startswith(key) for k in keys) else 2


def region_match(region: Region, alias: Alias | None = None) -> PlaceMatch:
    """Return a region as the district box lists it, by its name or by one of its aliases."""
    spelling = alias.name if alias is not None else region.name_en
    plan = region_plan(region, spelling, is_alias=alias is not None)
    what = f"alias of the {region.name_en} region" if alias is not None else "region"
    label = f"{spelling} — {what}, {_count(len(plan.region_districts), 'district')}: one claim each"
    return PlaceMatch(REGION_PREFIX + str(region.pk), label, "region", spelling, plan)


def places_search(term: str, limit: int = SEARCH_LIMIT) -> list[PlaceMatch]:
    """Find what an analyst typed in the district box: districts, their aliases, and regions.

    A place is found by its English or Arabic name or any alias, folded as sources vary
    (`name_key`: case, accents, articles, Arabic letter variants); when no spelling contains
    the term, one whose skeleton (`name_skeleton`) begins like the term's is found ("Sukari"
    finds as-Sukkari). A district or region found by its own name is listed once; an alias is
    listed on its own ("Ard al-Hamra — alias of Hanano") only when its place's own names do
    not match. A region says what it gives ("Old City — region, 11 districts: one claim
    each"). Exact spellings come first, then those that begin with the term, then the rest;
    districts before regions before aliases; then by label.
    """
    key, words = name_key(term), term.strip()
    if not key:
        return []
    aliases = list(
        Alias.objects.filter(key__contains=key).select_related("district", "region")[
            :SEARCH_ALIASES_MAX
        ]
    )
    skeleton = name_skeleton(term)
    if not aliases and len(skeleton) >= SKELETON_MIN_LENGTH:
        every = Alias.objects.select_related("district", "region")
        aliases = [a for a in every if name_skeleton(a.name).startswith(skeleton)]
    by_name = Q(name_en__icontains=words) | Q(name_ar__icontains=words)
    districts = {d.pk: d for d in District.objects.filter(by_name)}
    regions = {r.pk: r for r in Region.objects.filter(by_name)}
    other_aliases = []
    for alias in aliases:
        place = alias.district or alias.region
        assert place is not None  # an alias names one district or one region
        if alias.key not in {name_key(place.name_en), name_key(place.name_ar)}:
            other_aliases.append(alias)
        elif alias.district is not None:
            districts[alias.district.pk] = alias.district
        elif alias.region is not None:
            regions[alias.region.pk] = alias.region
    found: list[tuple[int, int, str, PlaceMatch]] = []
    for district in districts.values():
        plan = district_plan(district)
        match = PlaceMatch(str(district.pk), district.name_en, "district", "", plan)
        found.append((_rank(key, district.name_en, district.name_ar), 0, match.label, match))
    for region in Region.objects.filter(pk__in=list(regions)).prefetch_related("districts"):
        match = region_match(region)
        found.append((_rank(key, region.name_en, region.name_ar), 1, match.label, match))
    for alias in other_aliases:
        if alias.district is not None and alias.district.pk not in districts:
            plan = district_plan(alias.district, alias.name, is_alias=True)
            label = f"{alias.name} — alias of {alias.district.name_en}"
            match = PlaceMatch(str(alias.district.pk), label, "alias", alias.name, plan)
            found.append((_rank(key, alias.name), 2, label, match))
        elif alias.region is not None and alias.region.pk not in regions:
            match = region_match(alias.region, alias)
            found.append((_rank(key, alias.name), 2, match.label, match))
    found.sort(key=lambda entry: (entry[0], entry[1], entry[2].casefold()))
    return [entry[3] for entry in found[:limit]]


def region_token_resolve(value: str) -> Region | None:
    """Return the region a district box's value names (`REGION_PREFIX` and an id), or None."""
    number = value[len(REGION_PREFIX) :] if value.startswith(REGION_PREFIX) else ""
    if not number.isdigit():
        return None
    return Region.objects.prefetch_related("districts").filter(pk=int(number)).first()
