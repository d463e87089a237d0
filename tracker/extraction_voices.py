"""Rule 4's conflicting voices (`tracker.extraction`): a sentence in which two sides each say
their own, in clauses of their own, is read as one sentence per voice, each claim in its speaker's
voice.

"The army said it had retaken X, but rebels insisted they still held it": the army's clause gives
X to the government, said with the government's stance, and the rebels' clause gives X to the
rebels, said with the opposition's: the analyst sees both claims and who makes each, as the
sources' claims are kept apart on the map. A voice is a source named beside a verb of speech
(`tracker.extraction_speaker`: "SANA said the army had retaken X, but SOHR said clashes went on
there": SANA's claim and SOHR's), else a side right before one ("said", "claimed", "insisted",
"maintained", "announced", "erklärte", "ont assuré", "aseguraron": not "denied", whose rule is its
own; "rebel commanders said") or after
"according to", which speaks with its side's stance. The next voice's clause opens after ", but", "; ", "while", "whereas" or "though" ("doch",
"mais", "pero", "ma"). Each
clause is read with the others blanked (so its spans are the sentence's and its quote the whole
sentence); a clause that names no place but takes one up by "it", "them", "there", "the district",
"the area" or "the assault" (on it: "they had repelled the assault") keeps the places of the clause
before it. A side that is no one's stance (ISIS,
Nusra) speaks with the document's. A sentence with one voice, a clause with none, or one voice
twice ("the army said ..., but the army also said") is read whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tracker import extraction_words as words
from tracker import extraction_words_arabic as arabic
from tracker.extraction_patterns import word_pattern
from tracker.extraction_places import Indexes, Span, Speaker, places_find
from tracker.extraction_speaker import speaker_find

SIDE_PATTERNS = [(word_pattern(p), side) for p, side in words.SIDES]
# "the army said", "rebel commanders said": a side (a noun of its men between) before a verb.
SPEECH_AFTER = re.compile(
    r"(?:\s+(?:commanders?|officials?|sources?|spokesm[ae]n|officers?|fighters|leaders?))?"
    r"\s+(?:(?:also|has|have|had|again|later|still)\s+)*(?:said|says?|claim(?:ed|s)?"
    r"|insist(?:ed|s)?|maintain(?:ed|s)?|announc(?:ed|es)|stated|countered|assert(?:ed|s)"
    # German, French, Spanish, Italian: "die Armee erklärte", "les rebelles ont assuré".
    r"|sagten?|erklärten?|behaupteten?|berichteten?|versicherten?"
    r"|(?:a|ont)\s+(?:affirmé|déclaré|assuré|annoncé|dit)|affirment|assurent|déclarent"
    r"|dijo|dijeron|afirmó|afirmaron|aseguró|aseguraron|(?:ha|hanno)\s+(?:detto|affermato))(?!\w)",
    re.I,
)
ACCORDING = re.compile(r"\baccording\s+to\s+$", re.I)  # "according to the army, X fell"
# Where the next voice's clause may open.
VOICE_OPENS = re.compile(
    r"(?:,?\s+(?:but|while|whereas|though|although|doch|aber|jedoch|mais|alors\s+que|tandis\s+que"
    r"|pero|mientras(?:\s+que)?|ma|mentre)|;)\s+",
    re.I,
)
NOBODY = Speaker("", "")
# "it", "there", "the district"; "the assault" (on the place the clause before took or held).
TAKEN_UP = re.compile(
    r"\b(?:it|them|there|the\s+(?:district|neighbou?rhood|quarter|area|assault|attack|offensive))\b",
    re.I,
)
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


def _voice(clause: str, indexes: Indexes) -> tuple[str, str] | None:
    """Who speaks in a clause, as (who, stance): a source named beside a verb of speech (its
    stance is the source's, found again by `speaker_find`: ""), else a side before one."""
    named = speaker_find(clause, indexes, NOBODY)
    if named != NOBODY:
        return named.name or named.stance, ""
    side = next(
        (
            s
            for s in _sides(clause)
            if SPEECH_AFTER.match(clause, s.end) or ACCORDING.search(clause[: s.start])
        ),
        None,
    )
    return (side.value, STANCES.get(side.value, "")) if side else None


def voiced(written: Iterable[str], indexes: Indexes) -> Iterator[tuple[str, str, str]]:
    """Each sentence as (written, read, stance): the sentence whole with no stance, or one
    reading per voice, with the others' clauses blanked, and the stance its side speaks with."""
    for sentence in written:
        read = arabic.normalised(sentence)
        cuts = [m for m in VOICE_OPENS.finditer(read) if _voice(read[m.end() :], indexes)]
        starts, ends = [0] + [m.end() for m in cuts], [m.start() for m in cuts] + [len(read)]
        voices = [_voice(read[a:b], indexes) for a, b in zip(starts, ends, strict=True)]
        if not cuts or None in voices or len({v for v in voices}) < len(voices):
            yield sentence, read, ""
            continue
        before: list[Span] = []
        for (start, end), voice in zip(zip(starts, ends, strict=True), voices, strict=True):
            own = [s for s, _ in places_find(_blanked(read, start, end), indexes, [])]
            kept = before if not own and TAKEN_UP.search(read, start, end) else []
            yield sentence, _blanked(read, start, end, kept), voice[1] if voice else ""
            before = own or kept
