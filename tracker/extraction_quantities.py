"""Rule 6 of the claim proposer (`tracker.extraction`): numbers make quantitative proposals.

A count of districts, a share (a percentage, or a fraction of a territory: "half of the
territory", "two-thirds of Aleppo"), or an area is a claim of the side whose verb it is (rule 3
on the number), with a verb of taking a count of districts taken. A side named as the former
holder beside a verb of taking ("half of the territory occupied by rebels has been liberated",
"105 districts freed from terrorists"), or as the object of such a verb ("drove out the rebels
and took 12 districts", "выбили боевиков"), is not that side: the number is the taker's, failing a
taker named the speaker's own side's. A number lost ("rebels lost 45 percent of the east", "lost
ten districts", or with the verb last: "zwei Drittel ... eingebüßt") is the gainer's: the other
side of the loser. The number is of the east when the clause speaks of the east (or the
government takes districts), unless its own words name the whole city ("93 percent of the
city"). Its days are those of its own clause (rule 5: "rebels, who seized the east in 2012, were
driven from 90 percent of it" is dated on the publication).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tracker import extraction_words as words
from tracker import extraction_words_numbers as numbers
from tracker.extraction import (
    CITY_REGION,
    SIDE_PATTERNS,
    VERB_PATTERNS,
    Indexes,
    Span,
    Speaker,
    quote_around,
    sentences_split,
    spans_find,
)
from tracker.extraction_recipient import other_side, taken_from
from tracker.extraction_speaker import speaker_find
from tracker.extraction_subject import subject_of
from tracker.extraction_when import clause_window

COUNT = re.compile(rf"{numbers.NUMBER}\s+(?:{numbers.COUNT_NOUN})(?!\w)", re.I)
SHARE = re.compile(rf"{numbers.NUMBER}{numbers.SHARE_SIGN}", re.I)
AREA = re.compile(rf"{numbers.NUMBER}{numbers.AREA_UNIT}", re.I)
FRACTION = re.compile(numbers.FRACTION, re.I)
# "93 percent of the city": the number's own words name the whole city, whatever else the sentence
# says.
CITY_AFTER = re.compile(
    r"[\s\"”’]*(?:of\s+)?(?:the\s+)?(?:(?:whole|entire)\s+)?(?:(?:provincial\s+)?capital|city|aleppo)\b"
    r"(?!\s*['’]s\s+east)"
    r"|\s*территории\s+(?:города\s+)?алеппо",
    re.I,
)
TAKEN_GAP = re.compile(r"\s+(?:(?:out\s+)?(?:of\s+)?(?:the\s+)?|от\s+)", re.I)
# The east, as a word of its own ("at least" and "ostensibly" are not the east; "Osten" is).
EAST = re.compile(
    r"\b(?:north-?|south-?)?east|rebel-held|opposition-held|besieged|الشرقية|الشرقي|восточн"
    r"|восток|\bost(?:en\b|teil|-aleppo)",
    re.I,
)
EAST_REGION = "east-aleppo"
# A sentence's clauses: "X reported five ..., while Y says 35 ..." are two statements.
CLAUSES = re.compile(r",?\s+(?:while|whereas)\s+|;\s+", re.I)
BOUND_PATTERNS = [(re.compile(rf"(?:{p})\s*$", re.I), bound) for p, bound in numbers.BOUNDS]


@dataclass(frozen=True)
class QuantityProposal:
    """A proposed quantitative claim ("35 districts", "98% of the east")."""

    actor: str
    measure: str
    value: float
    bound: str
    scope: str
    speaker: Speaker
    date_from: datetime.date
    date_to: datetime.date
    quote: str


def _number(text: str) -> float:
    text = text.lower().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    if text in numbers.FRACTIONS:
        return numbers.FRACTIONS[text]
    if text in numbers.NUMBER_WORDS:
        return float(numbers.NUMBER_WORDS[text])
    return float(text.replace(",", "."))


def _bound(sentence: str, start: int) -> str:
    before = sentence[max(0, start - 25) : start]
    return next((b for p, b in BOUND_PATTERNS if p.search(before)), "exact")


def quantities_propose(
    text: str, published: datetime.date, source: Speaker, indexes: Indexes
) -> list[QuantityProposal]:
    """Return the quantitative claims `text` makes (rule 6)."""
    found: list[QuantityProposal] = []
    clauses = [c for sentence in sentences_split(text) for c in CLAUSES.split(sentence) if c]
    for sentence in clauses:
        speaker = speaker_find(sentence, indexes, source)
        sides = spans_find(SIDE_PATTERNS, sentence)
        verbs = spans_find(VERB_PATTERNS, sentence)
        takes = any(v.value == "takes" for v in verbs)
        if takes:  # the former holder, or the object of a verb of taking ("выбили боевиков")
            sides = [
                x
                for x in sides
                if not _former_holder(sentence, x) and not _object_of_taking(sentence, x, verbs)
            ]
        for match, measure in _quantities(sentence, takes):
            near = Span(match.start(), match.end(), "holds", match.group())
            actor = subject_of(sentence, near, sides, speaker)
            if not actor:
                continue
            # The verb before the number, else the clause's last (German puts it there: "zwei
            # Drittel des belagerten Ostteils eingebüßt").
            lost = [v for v in verbs if v.end <= match.start() and v.value != "none"][-1:]
            lost = lost or [v for v in verbs if v.start >= match.end() and v.value != "none"][-1:]
            if lost and lost[-1].value == "loses":  # "rebels lost 45 percent": the gainer's
                actor, measure = (
                    other_side(actor),
                    measure.replace("districts_held", "districts_taken"),
                )
            taken_east = measure == "districts_taken" and actor == "government"
            city = CITY_AFTER.match(sentence, match.end()) and not taken_east
            east = EAST.search(sentence) or taken_east
            scope = EAST_REGION if east and not city else CITY_REGION
            date_from, date_to = clause_window(sentence, match.start(), published)
            value, bound = _number(match["number"]), _bound(sentence, match.start())
            quote = quote_around(sentence, near)
            found.append(
                QuantityProposal(
                    actor, measure, value, bound, scope, speaker, date_from, date_to, quote
                )
            )
    return found


def _former_holder(sentence: str, side: Span) -> bool:
    """With a verb of taking, a side named as the former holder ("half of the territory
    occupied by rebels has been liberated", "liberated from terrorists") is not the one the
    number is of: rule 3's "from" and "held by"."""
    return taken_from(sentence, side) or bool(
        words.HELD_BY.search(sentence[max(0, side.start - 40) : side.start])
    )


def _object_of_taking(sentence: str, side: Span, verbs: list[Span]) -> bool:
    """A side right after a verb of taking is its object, the one driven out: "drove out the
    rebels and took 12 districts", "выбили боевиков и заняли 12 кварталов"."""
    return any(
        v.value == "takes" and TAKEN_GAP.fullmatch(sentence[v.end : side.start]) for v in verbs
    )


def _quantities(sentence: str, takes: bool) -> Iterator[tuple[re.Match[str], str]]:
    for match in COUNT.finditer(sentence):
        yield match, "districts_taken" if takes else "districts_held"
    for match in SHARE.finditer(sentence):
        yield match, "share_held"
    for match in FRACTION.finditer(sentence):
        yield match, "share_held"
    for match in AREA.finditer(sentence):
        yield match, "area_held_km2"
