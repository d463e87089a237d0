"""Rule 2's partial gains (`tracker.extraction`): when a verb claims only a part of the place it
    reaches, which makes the claim contested. The rules in words:

- Words of a part between the verb and the place ("took several buildings in X", "parts of",
  "a district in", "40 percent of", "نقاط في"), not a majority ("most of", "جزء كبير"), not
  before an enumeration ("seized positions, including X": X whole), nor before districts that
  "وهي" (which are) names as the part ("انسحبوا باتجاه القسم الجنوبي من أحياء المدينة وهي X، Y").
- A region named as the adjective of one place in it ("captured a major eastern Aleppo
  neighbourhood") or after one ("advanced in a district of western Aleppo", "سيطروا على حي في
  شرق حلب", "أحد أحياء حلب الشرقية").
- A verb after the place reads the words of a part right before it ("Parts of X were taken") or
  as its passive subject ("X ..., but some positions were abandoned").
- A verb in a relative clause whose antecedent is a part ("rebels retook the positions that the
  army had seized in X", "استعاد الثوار النقاط التي سيطرت عليها قوات النظام في X") took that
  part of X only: the place is contested, whoever took the part; not the last of them ("the last
  positions that rebels held in X", "آخر النقاط") nor most of them, the whole.
"""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker.extraction_places import Place, Span

# "advanced in a district of western Aleppo": one place of the region, not the region.
ONE_PLACE_OF = re.compile(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+)?(?:neighbo(?:u)?rhood|district|quarter|suburb)\s+of\s+(?:the\s+)?$"
    # Arabic: "حي في (ب) شرق حلب" (a district in the east), "أحد أحياء حلب الشرقية" (one of them).
    r"|(?<!\w)(?:حي|حيا|حياً)\s+(?:في\s+|ب)$|(?<!\w)(?:أحد|احد)\s+(?:[أا]حياء|مناطق)\s+$",
    re.I,
)
# "captured a major eastern Aleppo neighbourhood": one place in the region, not the region (but
# "the Old City district" is the region).
INDEFINITE_BEFORE = re.compile(r"\b(?:an?|one|another)\s+(?:[\w-]+\s+){0,2}$", re.I)
PART_CLOSE = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}")  # "40 Prozent von X": a part of X
ONE_PLACE_AFTER = re.compile(r"\s+(?:neighbo(?:u)?rhood|district|quarter|suburb)\b", re.I)
# "the positions that the army had seized in X", "النقاط التي سيطرت عليها قوات النظام في X": a
# relative clause on a part, its verb right after the pronoun and the clause's subject.
PART_ANTECEDENT = re.compile(
    rf"(?:{words.PARTIAL.pattern})\s+(?:[^\s,;]+\s+)?(?:that|which|التي|الذي|اللتي|اللواتي)\s+"
    r"(?:[^\s,;]+\s+){0,4}$",
    re.IGNORECASE,
)
# "the last positions that rebels held in X", "آخر النقاط": all that was left, the place whole.
LAST = re.compile(rf"\blast\b|(?<!\w)آخر|الأخيرة|{words.MAJORITY.pattern}", re.IGNORECASE)


PASSIVE_LEAD = re.compile(
    r"\s*(?:were|was|have been|had been|foram|fueron|ont été|sont|sono stat[ie])?\s*", re.I
)


CLAUSE_CUT = re.compile(r"[,;]|\b(?:and|while|whereas|but)\b", re.I)


def partial_gain(sentence: str, verb: Span, span: Span, place: Place) -> bool:
    """Rule 2's partial gains: words of a part between the verb and the place ("parts of", "a
    district in") after the last comma or conjunction ("holds the west of the city, (and) the
    rebels the east": not the east's), not a majority ("most of"), not before an enumeration; or a
    region named as the adjective of one place in it ("captured another eastern Aleppo
    neighbourhood", not "the Old City district", the region itself) or after one ("advanced in a
    district of western Aleppo"). A verb after the place reads the words of a part right before it,
    in its clause ("Parts of X were taken", "40 Prozent von X erobert"; not "inside", a preposition
    there: "sources inside X say"), or as the verb's passive subject ("X ..., but some positions
    were abandoned", "algumas posições foram abandonadas"); a verb whose relative clause has a part
    for its antecedent took that part ("the positions that the army had seized in X")."""
    if verb.end > span.start:
        before = re.split(r"[,;:]", sentence[max(0, span.start - 40) : span.start])[-1]
        parts = _parts(before)
        close = parts and PART_CLOSE.fullmatch(before[parts[-1].end() :])
        gap = ""
        if close and not words.MAJORITY.search(before):
            return True
        lead = re.split(r"[,;:]", sentence[max(span.end, verb.start - 40) : verb.start])[-1]
        subject = _parts(lead)
        if subject and PASSIVE_LEAD.fullmatch(lead[subject[-1].end() :]):
            return True  # "X ..., but some positions were abandoned": a part of X
    else:
        gap = CLAUSE_CUT.split(words.ENUMERATION.split(sentence[verb.end : span.start])[-1])[-1]
        antecedent = PART_ANTECEDENT.search(sentence[max(0, verb.start - 60) : verb.start])
        if antecedent and verb.value in ("takes", "loses") and not LAST.search(antecedent.group()):
            return True  # "retook the positions that the army had seized in X": a part of X
    before = sentence[max(0, span.start - 40) : span.start]
    one_place = bool(place.region) and bool(
        (ONE_PLACE_AFTER.match(sentence, span.end) and INDEFINITE_BEFORE.search(before[-30:]))
        or ONE_PLACE_OF.search(before)
    )
    return bool(words.PARTIAL.search(gap) and not words.MAJORITY.search(gap)) or one_place


def _parts(text: str) -> list[re.Match[str]]:
    """The words of a part in `text`, but "inside", a preposition there ("sources inside X")."""
    return [m for m in words.PARTIAL.finditer(text) if m.group().lower() != "inside"]
