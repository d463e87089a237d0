"""A place glossed in brackets (rule 1 of `tracker.extraction`, read by `tracker.extraction_places`).

The Kurdish press writes a place in its Kurdish spelling and glosses it in the English one, or the
other way round ("attacks from Eşrefiye (Ashrafiya)", "the Sheikh Maqsoud (Şêxmeqsûd)
neighbourhood"). A spelling in brackets right after a spelling of the same place is that one mention
written twice, not a second place: it is left out, so the verb that reaches the first reaches the
place once ("attacked from Eşrefiye (Ashrafiya)": the place the attack came from, not also a place
fought over).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

BRACKET_BETWEEN = re.compile(r"\s*[(\[]\s*")


def glossed(sentence: str, start: int, label: str, found: Sequence[tuple[Any, Any]]) -> bool:
    """The spelling at `start` is a gloss in brackets of the place found right before it."""
    if not found:
        return False
    span, place = found[-1]
    return place.label == label and bool(BRACKET_BETWEEN.fullmatch(sentence, span.end, start))
