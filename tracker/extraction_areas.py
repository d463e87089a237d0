"""Rule 2's limit on a holding with its agent (`tracker.extraction_verbs.reaches`): after a noun of
areas with its article ("the zone held by the rebels", "la zona in mano ai ribelli", "die Gebiete"),
the holding describes those areas, and reaches no place before them past words of another clause
("the fall of X cut the zone held by the rebels in two": not X's); but places joined to the areas
are theirs ("X and the other areas held by rebels", "X y todas las zonas controladas por")."""

from __future__ import annotations

import re

from tracker import extraction_words as words

# "... the zone (held by)", "la zona (in mano ai)", "la zone (aux mains des)", "die Gebiete": a
# noun of areas with its article, right before a holding with its agent.
AREAS_BEFORE = re.compile(
    r"^(?P<gap>.*?)\b(?:the|la|le|les|el|los|las|die|das|den)\s+(?:[\w'’-]+\s+)?"
    r"(?:zones?|areas?|zonas?|aree|régions?|regions?|secteurs?|sectors?|sectores?|settori"
    r"|territor\w*|gebiet\w*)\s+$",
    re.I | re.S,
)
JOINERS = re.compile(r"[\s,]*(?:(?:and|y|et|e|und|и)\s+)?(?:(?:all|todas|toutes|tutte)\s+)?", re.I)


def areas_described(after: str) -> bool:
    """A holding with its agent after a noun of areas, past words of another clause from the place
    before it ("X cut the zone held by", not "X and the other areas held by")."""
    match = AREAS_BEFORE.match(words.HELD_BY.sub("", after))
    return match is not None and not JOINERS.fullmatch(match["gap"])
