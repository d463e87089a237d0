"""Rule 4's conflicting voices (`tracker.extraction`): a sentence in which two sides each say
their own, in clauses of their own, is read as one sentence per voice, each claim in its speaker's
voice.

"The army said it had retaken X, but rebels insisted they still held it": the army's clause gives
X to the government, said with the government's stance, and the rebels' clause gives X to the
rebels, said with the opposition's: the analyst sees both claims and who makes each, as the
sources' claims are kept apart on the map. A voice is a side right before a verb of speech
("said", "claimed", "insisted", "maintained", "announced": not "denied", whose rule is its own);
the second voice's clause opens after ", but", "; ", "while", "whereas" or "though". Each clause
is read with the others blanked (so its spans are the sentence's and its quote the whole
sentence); a clause that names no place but takes one up by "it", "them", "there" or "the
district" keeps the places of the clause before it. A side that is no one's stance (ISIS, Nusra)
speaks with the document's. A sentence with one voice, or two of the same side, is read whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tracker import extraction_words as words
from tracker import extraction_words_arabic as arabic
from tracker.extraction_patterns import word_pattern
from tracker.extraction_places import Indexes, Span, places_find

SIDE_PATTERNS = [(word_pattern(p), side) for p, side in words.SIDES]
SPEECH_AFTER = re.compile(
    r"\s+(?:(?:also|has|have|had|again|later|still)\s+)*(?:said|says?|claim(?:ed|s)?"
    r"|insist(?:ed|s)?|maintain(?:ed|s)?|announc(?:ed|es)|stated|countered|assert(?:ed|s))\b",
    re.I,
)
# Where the next voice's clause opens: right before its side.
VOICE_OPENS = re.compile(r"(?:,?\s+(?:but|while|whereas|though|although)|;)\s+(?:the\s+)?$", re.I)
TAKEN_UP = re.compile(r"\b(?:it|them|there|the\s+(?:district|neighbou?rhood|quarter))\b", re.I)
STANCES = {"government": "government", "rebels": "opposition", "kurdish_ypg": "kurdish"}


def _sides(sentence: str) -> list[Span]:
    found: list[Span] = []
    for pattern, value in SIDE_PATTERNS:
        for match in pattern.finditer(sentence):
            if not any(s.start < match.end() and match.start() < s.end for s in found):
                found.append(Span(match.start(), match.end(), value, match.group()))
    return sorted(found, key=lambda s: s.start)


def _blanked(sentence: str, start: int, end: int, kept: Iterable[Span] = ()) -> str:
    """The sentence with everything outside [start, end) blanked, but the spans `kept`."""
    chars = [c if start <= i < end or c == "\n" else " " for i, c in enumerate(sentence)]
    for span in kept:
        chars[span.start : span.end] = sentence[span.start : span.end]
    return "".join(chars)


def voiced(written: Iterable[str], indexes: Indexes) -> Iterator[tuple[str, str, str]]:
    """Each sentence as (written, read, stance): the sentence whole with no stance, or one
    reading per voice, with the others' clauses blanked, and the stance its side speaks with."""
    for sentence in written:
        read = arabic.normalised(sentence)
        voices = [s for s in _sides(read) if SPEECH_AFTER.match(read, s.end)]
        opens = [v.start for v in voices[1:] if VOICE_OPENS.search(read[: v.start])]
        cuts = [m for at in opens if (m := VOICE_OPENS.search(read[:at]))]
        starts, ends = [0] + [m.end() for m in cuts], [m.start() for m in cuts] + [len(read)]
        speakers = [v for v in voices if v.start < (opens or [0])[0]][:1] + [
            v for v in voices if v.start in opens
        ]
        if len(starts) < 2 or len(speakers) != len(starts) or len({v.value for v in speakers}) < 2:
            yield sentence, read, ""
            continue
        before: list[Span] = []
        for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
            own = [s for s, _ in places_find(_blanked(read, start, end), indexes, [])]
            kept = before if not own and TAKEN_UP.search(read, start, end) else []
            yield sentence, _blanked(read, start, end, kept), STANCES.get(speakers[i].value, "")
            before = own or kept
