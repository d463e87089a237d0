"""Rule 6 of the claim proposer (`tracker.extraction`): numbers make quantitative proposals."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

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
    speaker_find,
    subject_of,
    window_find,
)

COUNT = re.compile(rf"{numbers.NUMBER}\s+(?:{numbers.COUNT_NOUN})(?!\w)", re.I)
SHARE = re.compile(rf"{numbers.NUMBER}{numbers.SHARE_SIGN}", re.I)
AREA = re.compile(rf"{numbers.NUMBER}{numbers.AREA_UNIT}", re.I)
EAST = re.compile(r"east|rebel-held|opposition-held|besieged|الشرقية|الشرقي", re.I)
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
        date_from, date_to = window_find(sentence, published)
        sides = spans_find(SIDE_PATTERNS, sentence)
        takes = any(v.value == "takes" for v in spans_find(VERB_PATTERNS, sentence))
        for match, measure in _quantities(sentence, takes):
            near = Span(match.start(), match.end(), "holds", match.group())
            actor = subject_of(sentence, near, sides, speaker)
            if not actor:
                continue
            taken_east = measure == "districts_taken" and actor == "government"
            scope = EAST_REGION if EAST.search(sentence) or taken_east else CITY_REGION
            value, bound = _number(match["number"]), _bound(sentence, match.start())
            quote = quote_around(sentence, near)
            found.append(
                QuantityProposal(
                    actor, measure, value, bound, scope, speaker, date_from, date_to, quote
                )
            )
    return found


def _quantities(sentence: str, takes: bool) -> Iterator[tuple[re.Match[str], str]]:
    for match in COUNT.finditer(sentence):
        yield match, "districts_taken" if takes else "districts_held"
    for match in SHARE.finditer(sentence):
        yield match, "share_held"
    for match in AREA.finditer(sentence):
        yield match, "area_held_km2"
