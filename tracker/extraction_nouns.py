"""Rule 2 of the claim proposer (`tracker.extraction`): holdings that describe a noun, not a place.

Descriptions of holding and fighting are read with the noun they describe, and so are two verbs
that yield to one:

1. **A people's adjective.** "Kurdish" before a noun of places ("the Kurdish neighbourhood of
   Ashrafiyeh", "the Kurdish district of X") tells who lives there more than who holds it: it
   yields to any other verb of control that reaches the place ("Rebels entered the Kurdish
   neighbourhood of X": fighting, contested; "troops seized the Kurdish district of X": the
   army's), and stands only when no other verb does ("the Kurdish district of X": the Kurds').
   A side's holding written out ("the Kurdish-held district", "the YPG neighbourhood") is not a
   people's adjective.
2. **A holding after a noun of places reached by a preposition.** "controlled by" or "held by" a
   side right after a common noun of places that a preposition governs ("residents of X fled to
   areas controlled by the army", "families left for districts held by the rebels") describes those
   places, not a place named before the noun: it does not reach X; so do the areas of a side's
   control a preposition of going governs ("فر الأهالي من X إلى مناطق سيطرة النظام"). In apposition ("X and Y, areas
   held by the rebels") or after "other" ("X and other areas controlled by the army") the noun is
   X's, and the holding reaches it.
3. **Fighting that a relative clause tells of a noun.** Fighting after "which has seen", "that
   have witnessed", "which has been the theatre of" describes the clause's antecedent: a noun
   other than the place ("rebels have taken several areas that have seen months of clashes,
   including X": the taking reaches X; "X is a route into the city, which has been the scene of
   fierce fighting": no fighting in X) leaves the place to other verbs. A place that is the
   antecedent itself ("X, which has seen fierce clashes for weeks") is fought over.
4. **A side's areas in an enumeration.** A side's adjective of a plural noun of places followed
   by "in" ("shells fell on the regime-held areas in al-Mogambo, Nile Street and the
   neighbourhood of Sheikh Abu Bakr") qualifies every place the enumeration after "in" names,
   across names not on the map, "the neighbourhood of" and a direction ("north of X", itself a
   landmark), not only the first, and whole: "areas in" is no word of a part.
5. **An appositive description is its noun's.** A description of holding in apposition after a
   comma ("Y, a rebel stronghold", "Y, one of the last rebel-held districts") describes the noun
   right before the comma: it does not reach a place named before that noun ("aid reached X on
   Monday and then Y, a rebel stronghold": not X's), whether Y is on the map or not.
6. **A stronghold taken.** A noun of holding right before "of X" that a verb of taking or losing
   reaching X has for its object ("the army captured the last rebel stronghold of X", "rebels
   retook their former stronghold of X") tells who held X before: the verb wins.
7. **A place's own relative clause outlives a voided verb.** A verb before the place voided by a
   negation or a modal ("civilians will be able to leave X, which rebels still hold") yields to
   the verb of a relative clause right after the place, which tells of the place itself.
8. **A side between "in" and "hands"** ("X in rebel hands", "leaving X in government hands")
   holds the place: a holding verb whose side is the one between (`in_hands`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.extraction_places import Span
from tracker.extraction_verbs import negated

# "the Kurdish neighbourhood of", "Kurdish districts": the people living there.
PLACES_NOUN = re.compile(r"\s+(?:neighbo(?:u)?rhoods?|districts?|quarters?|areas?)\b", re.I)
# "fled to areas controlled by", "left for districts held by": the noun the holding describes.
NOUN_HELD = re.compile(
    r"\b(?:to|for|into|towards?|from)\s+[\"“]?(?:the\s+)?(?:nearby\s+|neighbo(?:u)?ring\s+)?"
    r"(?:areas?|districts?|neighbo(?:u)?rhoods?|parts?|quarters?|territor(?:y|ies)|regions?)"
    r"\s+(?:(?:that|which)\s+(?:are|were|is|was)\s+)?"
    r"(?:(?:controlled|held|run)\s+by\s+(?:the\s+)?(?:\w+\s+){0,2})?$"
    # "فر المئات من X إلى مناطق سيطرة النظام": the areas the people went to are the side's.
    r"|(?:(?<!\w)(?:إلى|الى|نحو|باتجاه|صوب)\s+|(?<!\w)ل)(?:ال)?مناطق\s+(?:سيطرة|نفوذ)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)

# "areas that have seen months of clashes", "the city, which has been the theatre of fighting".
RELATIVE_SEEN = re.compile(
    r"[,\s]\s*(?:which|that|where)\s+(?:has|have|had)\s+(?:also\s+|long\s+)?(?:seen|witnessed"
    r"|been\s+(?:the\s+)?(?:theat(?:re|er)|scene|site)\s+of)\s+(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
# A place's own noun of places after its name: "X district", "X neighbourhood".
_OWN_NOUN = r"(?:\s+(?:district|neighbo(?:u)?rhood|quarter|area))?"
# Between a place and a relative pronoun that has it as antecedent: "X, which", "X district that".
ANTECEDENT_GAP = re.compile(rf"{_OWN_NOUN}\s*,?\s*", re.IGNORECASE)

# "the regime-held areas in X, Y and the neighbourhood of Z": the areas' enumeration.
AREAS_IN = re.compile(
    r"\s+(?:areas|neighbo(?:u)?rhoods|districts|parts|quarters)\s+(?:in|of)\s+", re.IGNORECASE
)
_ITEM = (
    r"(?:the\s+)?(?:(?:neighbo(?:u)?rhood|district|area|quarter)\s+of\s+)?"
    r"(?:(?:north|south|east|west)\s+of\s+)?(?:(?:al|el|as|ash|ad|ar|at|az|an)-\s?)?"
)
ENUMERATION = re.compile(
    rf"(?:{_ITEM}[A-Z][\w'’-]*(?:\s+(?:(?:al|el)-\s?)?[A-Z][\w'’-]*)*\s*(?:,\s*(?:and\s+)?|and\s+))*"
    rf"{_ITEM}"
)

# "..., a rebel stronghold", "..., one of the last rebel-held districts": an appositive.
APPOSED = re.compile(
    r",\s+(?:(?:a|an|the|one\s+of\s+the(?:\s+last)?)\s+)(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
# Between a place and its own appositive's comma: nothing, or its noun of places.
OWN_COMMA = re.compile(_OWN_NOUN, re.IGNORECASE)


def with_nouns(sentence: str, verbs: list[Span], reaching: list, place: Span) -> list:
    """Rules 1 to 4: the verbs reaching `place`, once the nouns that holdings and fighting
    describe are read."""
    reaching = [
        v
        for v in reaching
        if not noun_held(sentence, v, place) and not other_apposed(sentence, v, place)
    ]
    reaching = told_of_noun_out(sentence, people_out(sentence, reaching), place)
    reaching = stronghold_taken_out(sentence, verbs, reaching, place)
    reaching = voided_out(sentence, reaching, place)
    listed = [v for v in verbs if v not in reaching and areas_listed(sentence, v, place)]
    # Read as if written right before the place: "areas in" is no part of it ("parts of X").
    return [replace(v, end=place.start) for v in listed[-1:]] + reaching


# "captured the last rebel stronghold of X": a noun of holding the object of a verb before it.
STRONGHOLD_OF = re.compile(r"(?:strongholds?|bastions?)\s+of\s+(?:the\s+)?", re.I)
STRONGHOLD_GAP = re.compile(r"\s+(?:(?:the|its|their|his|a|an|[\w'’-]+)\s+){0,4}", re.I)


def stronghold_taken_out(sentence: str, verbs: list[Span], reaching: list, place: Span) -> list:
    """Rule 6: a stronghold "of X" that a verb of taking or losing has for its object yields to
    that verb ("the army captured the last rebel stronghold of X": the army's)."""
    held = [
        v
        for v in reaching
        if v.value == "holds" and STRONGHOLD_OF.fullmatch(sentence, v.start, place.start)
    ]
    takers = [
        t
        for t in verbs
        for h in held
        if t.value in ("takes", "loses")
        and not t.adjective
        and STRONGHOLD_GAP.fullmatch(sentence, t.end, h.start)
    ]
    if not takers:
        return reaching
    return [v for v in reaching if v not in held and v not in takers] + takers[-1:]


# "X, which rebels still hold": a relative clause of the place itself, up to its verb.
OWN_CLAUSE = re.compile(r",\s+(?:which|where)\s+(?:[\w'’-]+\s+){0,3}", re.I)


def voided_out(sentence: str, reaching: list, place: Span) -> list:
    """Rule 7: with a verb of the place's own relative clause reaching it, a voided verb before the
    place ("will be able to leave X, which rebels still hold") is no longer read."""
    if not any(
        v.start >= place.end and OWN_CLAUSE.fullmatch(sentence, place.end, v.start)
        for v in reaching
    ):
        return reaching
    return [v for v in reaching if not (v.end <= place.start and negated(sentence, v))]


def areas_listed(sentence: str, verb: Span, place: Span) -> bool:
    """Rule 4: a side's adjective of areas "in" an enumeration that names the place."""
    if not (verb.adjective and verb.value == "holds" and verb.end <= place.start):
        return False
    areas = AREAS_IN.match(sentence, verb.end)
    return bool(areas and ENUMERATION.fullmatch(sentence[areas.end() : place.start]))


def people_out(sentence: str, reaching: list[Span]) -> list[Span]:
    """Rule 1: a people's adjective yields to any other verb of control reaching the place."""
    people = [
        v
        for v in reaching
        if v.adjective and v.text.casefold() == "kurdish" and PLACES_NOUN.match(sentence, v.end)
    ]
    others = [v for v in reaching if v not in people and v.value != "holds"]
    return [v for v in reaching if v not in people] if people and others else reaching


def noun_held(sentence: str, verb: Span, place: Span) -> bool:
    """Rule 2: a holding after a noun of places that a preposition governs, after the place,
    describes that noun, not the place."""
    if verb.value != "holds" or verb.start < place.end:
        return False
    return bool(NOUN_HELD.search(sentence[place.end : verb.start]))


def told_of_noun_out(sentence: str, reaching: list[Span], place: Span) -> list[Span]:
    """Rule 3: fighting that a relative clause tells of a noun other than the place."""
    kept = []
    for v in reaching:
        clause = RELATIVE_SEEN.search(sentence[max(0, v.start - 80) : v.start])
        if v.value == "fights" and clause:
            pronoun = max(0, v.start - 80) + clause.start()
            if not (
                place.end <= pronoun and ANTECEDENT_GAP.fullmatch(sentence[place.end : pronoun + 1])
            ):
                continue
        kept.append(v)
    return kept


def other_apposed(sentence: str, verb: Span, place: Span) -> bool:
    """Rule 5: a holding in apposition to a noun after the place, not to the place."""
    return verb.value == "holds" and apposed_elsewhere(sentence, verb.start, place)


def apposed_elsewhere(sentence: str, start: int, place: Span) -> bool:
    """Rule 5: words from `start` stand in apposition to a noun after `place`, not to it (a
    side's only mention there, "Y, a rebel bastion", is no side placed in X either)."""
    if start < place.end:
        return False
    apposed = APPOSED.search(sentence[place.end : start])
    if apposed is None:
        return False
    return not OWN_COMMA.fullmatch(sentence[place.end : place.end + apposed.start()])


# "X in rebel hands", "leaving X in government hands": the side between holds X.
IN_HANDS_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
HANDS_AFTER = re.compile(r"(?:['’]s?)?\s+hands\b", re.IGNORECASE)


def in_hands(sentence: str, side: Span) -> Span | None:
    """Rule 2's "in rebel hands": a holding verb whose side is the one between."""
    before = IN_HANDS_BEFORE.search(sentence, max(0, side.start - 8), side.start)
    hands = HANDS_AFTER.match(sentence, side.end)
    if not (before and hands):
        return None
    start, end = before.start(), hands.end()
    return Span(start, end, "holds", sentence[start:end], side.value)
