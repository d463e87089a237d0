"""A holding said to be over, as the claim proposer reads it (`tracker.extraction_verbs`): an
adjective, a noun or a verb of holding after "former(ly)", "one-time", "used to" ("das bisher von
Rebellen gehaltene Viertel", "former rebel strongholds in X", "the formerly rebel-held X", "X used
to be controlled by the PYD") claims nothing; a verb of
taking after these words ("hat bisher X erobert": has so far taken X) still does. When the
sentence goes on to say who holds the place now ("formerly rebel-held X is now under army
control", "X, once a rebel stronghold, is now in government hands"), the former holding reaches
nothing, so that the verb after the place, the holding now, is read."""

from __future__ import annotations

import re

from tracker import extraction_words_intl as intl
from tracker.extraction_places import Span

FORMERLY = re.compile(
    rf"\b(?:former(?:ly)?|one-time|used\s+to|{intl.FORMERLY_WORDS})\s+(?:[\w'’\-]+\s+){{0,2}}$",
    re.I,
)
NOW_AFTER = re.compile(r"\b(?:is|are|was|were|remains?)\s+now\b|\bnow\s+(?:under|in)\b", re.I)


def former_holding(sentence: str, verb: Span) -> bool:
    """A holding verb right after "formerly" (or the like): a holding said to be over."""
    return verb.value == "holds" and bool(
        FORMERLY.search(sentence[max(0, verb.start - 40) : verb.start])
    )


def superseded(sentence: str, verb: Span, place: Span) -> bool:
    """A former holding before a place whose holder now the sentence goes on to tell."""
    return former_holding(sentence, verb) and bool(NOW_AFTER.search(sentence, place.end))
