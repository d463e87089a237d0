"""Rule 3 of the claim proposer (`tracker.extraction_subject`): sides named by a pronoun or by
their people. "They" opening a sentence that names no side is the first side the sentence before
named ("Rebels launched an offensive. They captured X"); "X pounded their positions at Y" says
the side X fights holds Y; a side's people after a word of degree ("the predominantly Kurdish
district", "inhabited by minority Kurds") live there and hold nothing.
"""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker.extraction_places import Span
from tracker.extraction_recipient import other_side

# "the predominantly Kurdish district", "inhabited by minority Kurds": a side's people after a
# word of degree, who live there, not who holds it ("the mostly rebel-held east" still holds).
POPULATION_BEFORE = re.compile(
    r"\b(?:predominantly|mainly|mostly|largely|overwhelmingly|primarily"
    r"|(?:inhabited|populated) by(?:\s+(?:a\s+)?(?:minority|majority|mostly))?)\s+$",
    re.IGNORECASE,
)


# "the air force pounded their positions at X": "their" is the side the attacker attacks.
THEIR_POSITIONS = re.compile(
    r"\b(?:pound|shell|strik|struck|target|bomb|hit|attack|raid)\w*\s+their\s+"
    r"(?:positions|posts|bases|fortifications)",
    re.IGNORECASE,
)
AIR_FORCE = re.compile(r"\b(?:air ?force|warplanes|jets|helicopters|aircraft)\b", re.IGNORECASE)


def pronoun_positions(sentence: str, sides: list[Span]) -> list[Span]:
    """Rule 3's positions named by a pronoun: "X pounded their positions at Y" says the side X
    fights holds Y, X being the last side before the attack in the same clause, or the
    government's air force ("the air force", "warplanes")."""
    found = []
    for match in THEIR_POSITIONS.finditer(sentence):
        before = [
            s
            for s in sides
            if s.end <= match.start()
            and not words.CLAUSE_BREAK.search(sentence[s.end : match.start()])
            and "," not in sentence[s.end : match.start()]
        ]
        clause = re.split(r"[,;]", sentence[: match.start()])[-1]
        attacker = before[-1].value if before else "government" if AIR_FORCE.search(clause) else ""
        if attacker:
            start = sentence.index("their", match.start())
            text = sentence[start : match.end()]
            found.append(Span(start, match.end(), "holds", text, other_side(attacker)))
    return found


# "Rebels launched an offensive. They captured X": "they" is the previous sentence's first side.
SPEECH = re.compile(r"\b(?:said|say|says|told|reported|added|claimed|stated|insisted)\b", re.I)
THEY = re.compile(r"^(?:[\w'’-]+\s+){0,3}?(they)\b(?!\s+(?:say|said|told|report(?:ed)?)\b)", re.I)


def they_sides(
    sentence: str, found: list[Span], previous: list[Span]
) -> tuple[list[Span], list[Span]]:
    """Rule 3's pronoun: a sentence that names no side but opens with "they" (within its first
    few words: "By morning they controlled X") speaks of the first side the sentence before
    named; not after a verb of speech ("Residents said they ...": the speakers). Returns the
    sentence's sides and those to carry to the next sentence."""
    found = sides_not_people(sentence, found)
    they = THEY.match(sentence)
    if they and SPEECH.search(sentence[: they.start(1)]):
        they = None  # "Residents said they welcomed them": the speakers, not a side
    if found or not they or not previous:
        return found, found or previous
    return [Span(they.start(1), they.end(1), previous[0].value, they.group(1))], previous


def sides_not_people(sentence: str, sides: list[Span]) -> list[Span]:
    """Rule 3's sides, but a side's people after a word of degree ("the predominantly Kurdish
    district", "inhabited by minority Kurds"): who lives there, not who holds it ("the mostly
    rebel-held east" still holds)."""
    return [
        s
        for s in sides
        if not POPULATION_BEFORE.search(sentence[max(0, s.start - 30) : s.start])
        or words.HELD_SUFFIX.match(sentence, s.end)
    ]
