"""Rule 2's limit for a clause of another place (`tracker.extraction`): a verb inside a relative
clause that qualifies another place, or a noun of positions with that place after the verb, tells
of that place only, and does not reach a place named before it.

- A relative clause right after another place: "Rebels shelled X from Y, which they control"
  (the control is Y's; X is only the target), "... from Y, where they hold positions".
- A noun of positions, areas or bases with its own subject and verb, and the place after "in" or
  "at": "The army fired on X from positions it holds in Y" (Y is the army's; X is no one's).

A verb that the place before it is the subject or the object of ("X, which rebels took in 2012,
fell", "took X, which they had lost") is no other place's, and still reaches it.
"""

from __future__ import annotations

import re

from tracker.extraction_places import Span

# ", which they control", ", where rebels hold": a relative clause opened right after a place.
RELATIVE_OPENER = re.compile(
    r"\s*(?:district|neighbou?rhood|quarter|area)?,?\s+(?:which|where|that)\b[^,;.]*$", re.I
)
# "positions it holds in", "areas they control in", "bases that the army holds at".
POSITIONS_CLAUSE = re.compile(
    r"\b(?:positions|areas|bases|posts|neighbou?rhoods|districts|parts)\s+(?:that\s+|which\s+)?"
    r"(?:it|they|(?:the\s+)?[\w-]+)\s+(?:still\s+|now\s+)?$",
    re.I,
)
PLACE_AFTER = re.compile(r"\s+(?:in|at|inside)\s+(?:the\s+)?", re.I)


def of_another(sentence: str, verb: Span, place: Span, places: list[Span]) -> bool:
    """Whether `verb`, after `place`, belongs to a clause of another place of `places`."""
    if verb.start < place.end:
        return False
    between = [p for p in places if place.end <= p.start and p.end <= verb.start]
    if any(RELATIVE_OPENER.match(sentence[p.end : verb.start]) for p in between):
        return True  # "from Y, which they control": Y's
    if not POSITIONS_CLAUSE.search(sentence[place.end : verb.start]):
        return False
    after = PLACE_AFTER.match(sentence, verb.end)
    return after is not None and any(p.start == after.end() for p in places)  # "holds in Y"
