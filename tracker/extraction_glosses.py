"""A place glossed in brackets (rule 1 of `tracker.extraction`, read by `tracker.extraction_places`).

The Kurdish press writes a place in its Kurdish spelling and glosses it in the English one, or the
other way round ("attacks from Eşrefiye (Ashrafiya)", "the Sheikh Maqsoud (Şêxmeqsûd)
neighbourhood"). A spelling in brackets right after a spelling of the same place is that one mention
written twice, not a second place: it is left out, so the verb that reaches the first reaches the
place once ("attacked from Eşrefiye (Ashrafiya)": the place the attack came from, not also a place
fought over). A guessed spelling (a transliteration) in brackets right after a capitalised name not
on the map glosses that other place, a town's Arabic name after its Kurdish one ("Kobanî (Ain
al-Arab)", not an-Nayrab by its skeleton), and names no place of ours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

BRACKET_BETWEEN = re.compile(r"\s*[(\[]\s*")
# "Kobanî (": a capitalised name right before the bracket.
NAME_BEFORE_BRACKET = re.compile(r"[^\W\d_][\w'’-]*\s*[(\[]\s*$")


def glossed(
    sentence: str, start: int, label: str, found: Sequence[tuple[Any, Any]], guessed: bool = False
) -> bool:
    """The spelling at `start` is a gloss in brackets of the place found right before it, or, if
    guessed, of a capitalised name not on the map."""
    if found:
        span, place = found[-1]
        if BRACKET_BETWEEN.fullmatch(sentence, span.end, start):
            return place.label == label
    name = NAME_BEFORE_BRACKET.search(sentence, max(0, start - 40), start)
    return bool(guessed and name and name.group()[0].isupper())
