"""Rule 1's settings (`tracker.extraction_places`): a region that says where another place is,
which is not a place claimed.

A region that holds another place the sentence names is its setting (`a_setting`: "Bani Zaid in
the eastern part of Aleppo"; not a landmark, "near the University"), and so is a region after
another place (", in"), after a name not on the map and a comma or a facility, counted by its
parts, or in the possessive before a name (`located`: "Bani Zaid district in the eastern part of
Aleppo", "Jdeide, in Aleppo's Old City", "took Dahiyet al-Assad, west Aleppo", "three Christian quarters of the Old City", "western Aleppo's
Dahiyet al-Assad").
"""

from __future__ import annotations

import re

from tracker.extraction_incidental import landmark
from tracker.extraction_places import Place, Span


def a_setting(sentence: str, place: Place, places: list[tuple[Span, Place]]) -> bool:
    """Rule 1's setting: a region holding another place the sentence names ("Bani Zaid in the
    eastern part of Aleppo", "east Aleppo's al-Marjah") says where that place is; the claim
    is about the place, not the region. A landmark ("near the University") does not count, nor
    a place of the same enumeration ("New Aleppo and the other western districts")."""
    inside = set(place.districts)
    return bool(place.region) and any(
        other != place and set(other.districts) < inside and not landmark(sentence, span.start)
        for span, other in places
    )


LOCATED = re.compile(  # "X district in the east of", "Jdeide, in Aleppo's Old City": locates X
    r"\s*(?:,\s+(?=in\s))?(?:(?:district|neighbou?rhood|quarter|area|of|in|the|Aleppo['’]s)\s+)*",
    re.I,
)
# "took Dahiyet al-Assad, west Aleppo": a name (after a lowercase word) and a comma; "around the
# Air Force Intelligence building in western Aleppo": a facility and "in"; "Al-Assad and Minyan
# districts in the west of Aleppo": a name, a noun of places and "in".
NAME_BEFORE = re.compile(
    r"\b[a-z]+\s+[A-Z][\w'’-]*(?:[\s-]+(?:al|el|[A-Z][\w'’-]*))*,\s+$|\b(?:building|complex|compound"
    r"|base|school|academy|college|hospital|barracks|prison|mosque|factory|headquarters)\s+in\s+"
    r"(?:the\s+)?$|\b[A-Z][\w'’-]*\s+(?:districts?|neighbo(?:u)?rhoods?|quarters?|suburbs?)\s+"
    r"(?:in\s+(?:the\s+)?)?$"
)
# "western Aleppo's Dahiyet al-Assad": a region in the possessive before a name locates it.
NAME_AFTER_POSSESSIVE = re.compile(r"['’]s\s+(?:(?:al|el|a[dnrstz]|ash)-)?[A-Z]")
# "three Christian quarters of the Old City": a count of a region's parts is not the region.
COUNTED_PARTS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?:[\w-]+\s+)?"
    r"(?:quarters|districts|neighbo(?:u)?rhoods)\s+(?:of|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def located(sentence: str, span: Span, place: Place, places: list[tuple[Span, Place]]) -> bool:
    """Rule 1's setting, by position: a region right after another place ("Bani Zaid district
    in the eastern part of Aleppo"), after a comma right after a name not on the map ("took
    Dahiyet al-Assad, west Aleppo") or after a name and a noun of places ("Minyan districts in
    the west of Aleppo"), says where that place is; so does a region whose
    parts are counted ("seized three quarters of the Old City"), and a region whose name is in
    the possessive before a name ("western Aleppo's Dahiyet al-Assad", on the map or not)."""
    return bool(place.region) and (
        any(
            other.end <= span.start and LOCATED.fullmatch(sentence[other.end : span.start])
            for other, _ in places
        )
        or bool(NAME_BEFORE.search(sentence[max(0, span.start - 60) : span.start]))
        or bool(COUNTED_PARTS.search(sentence[max(0, span.start - 60) : span.start]))
        or bool(NAME_AFTER_POSSESSIVE.match(sentence, span.end))
    )
