"""Rule 3 of the claim proposer (`tracker.extraction_subject`): sides named by a pronoun or by
their people. "They" opening a sentence that names no side is the first side the sentence before
named ("Rebels launched an offensive. They captured X"); "X pounded their positions at Y" says
the side X fights holds Y; a side's people after a word of degree ("the predominantly Kurdish
district", "inhabited by minority (Syrian) Kurds") live there and hold nothing.

A place taken up again by a pronoun is the object of the verb the pronoun follows: a verb of
taking, losing or holding followed by "it" or "them" (Arabic عليه, عليها after the verb), after the
place in the same stretch, joined by "and", "then", "until", "before" or "but" ("government forces
stormed X and took it", "X was a rebel stronghold until the army captured it last week", "اقتحم
الجيش حي X وسيطر عليه", "ثم سيطر عليه", "، وبعد معارك عنيفة سيطر على كامل الحي"; "the district" as
well: "stormed X and took the whole district", "وسيطرت على كامل الحي"), says what happened to the place, over a verb of fighting or a
description nearer to it; not a verb negated or hoped for ("stormed X but failed to take it": the fighting
stays), and not across a comma or another place. "Them" takes up a list of places ("captured X and
Y and held them"), never one place ("attacked X with two tanks but lost them": the tanks; "stormed X
and captured soldiers, then held them"), and Arabic عليهم is people, never a place ("وسيطر عليهم");
nor is "it" in an idiom of the verb ("took it as a sign", "took it for granted", "took it in
turns", "took it hard", "held it up as proof", "left it in ruins"), nor that of a verb of
repelling ("launched an attack from X, but rebels repelled it": the attack); such a verb, its object
another, does not reach the place at all (`other_object`).
"""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker.extraction_places import Span
from tracker.extraction_recipient import other_side
from tracker.extraction_relative import of_another

# "the predominantly Kurdish district", "inhabited by (Syrian) Kurds": a side's people after a
# word of degree, who live there, not who holds it ("the mostly rebel-held east" still holds).
POPULATION_BEFORE = re.compile(
    r"\b(?:predominantly|mainly|mostly|largely|overwhelmingly|primarily"
    r"|(?:inhabited|populated) by(?:\s+(?:a\s+)?(?:minority|majority|mostly))?)"
    r"(?:\s+(?:syrian|local|ethnic|arab))?\s+$",
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


# "stormed X and took it": a verb whose object is a pronoun, and what may stand between the place
# and it ("on Monday and", ", a rebel stronghold until the army").
# Not "it" in an idiom ("took it as a sign", "took it for granted", "took it in turns", "took it
# hard", "held it up as proof", "left it in ruins"), where "it" is no place; not عليهم, people.
IT_AFTER = re.compile(
    r"\s+(?P<pronoun>it|them)\b(?!['’]s|\s+(?:upon|as|for\s+granted|in\s+turns?|hard|up"
    r"|seriously|lightly|easy|personally|to\s+heart|by\s+surprise|in\s+(?:ruins?|rubble|tatters)"
    r"|without|responsible|accountable)\b)|\s+عليها?(?!\w)"
    # "the district" as the pronoun: "stormed X and took the whole district", "وسيطرت على كامل الحي".
    r"|\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:district|neighbou?rhood)\b(?!\s+of\b)"
    r"|\s+على\s+(?:كامل\s+)?الحي(?!\w)",
    re.IGNORECASE,
)
PRONOUN_GAP = re.compile(
    r"(?:,?\s+[^,;:.!?()]{1,50}?)?,?\s+(?:and(?:\s+then)?|then|until|till|before|but)"
    r"(?:\s+[^,;:.!?()]{1,30}?)?\s+$"
    r"|،?(?:\s+[^,;:.!?()]{1,40}?)?\s+(?:و|ثم\s+|(?:و|ثم\s+)(?:بعد|عقب|إثر)\s+[^,;:.!?()]{1,30}?\s+)$",
    re.IGNORECASE,
)


def pronoun_object(
    sentence: str, verbs: list[Span], place: Span, places: list[Span]
) -> Span | None:
    """Rule 2's pronoun object: the first verb of taking, losing or holding after `place`
    followed by "it", "them" or عليه, joined to the place as the module's docstring says, with
    no other place between."""
    for verb in verbs:
        if verb.start < place.end or verb.value not in ("takes", "loses", "holds"):
            continue
        if REPELLING.match(verb.text):
            continue  # "launched an attack from X, but rebels repelled it": "it" is the attack
        if any(place.end <= p.start < verb.start for p in places):
            return None
        gap = sentence[place.end : verb.start]
        if other_object(sentence, verb, place, places):
            return None  # "attacked X with two tanks but lost them": one place is no "them"
        if PRONOUN_GAP.fullmatch(gap) and IT_AFTER.match(sentence, verb.end) and not verb.adjective:
            return verb
    return None


# "repelled it", "صده": the pronoun of a verb of repelling is an attack, never a place.
REPELLING = re.compile(r"(?:repel|repuls|foil|thwart|صد|تصد|أحبط)", re.IGNORECASE)
# A pronoun right after a verb that names no place: "it" in an idiom, "them", عليهم (people).
PRONOUN_AFTER = re.compile(r"\s+(?:(?P<pronoun>it|them)\b|عليهم(?!\w))", re.IGNORECASE)


def other_object(sentence: str, verb: Span, place: Span, places: list[Span]) -> bool:
    """Whether a verb after `place` has a pronoun object that is not the place ("took it as a
    sign", "left it in ruins", "lost them" after one place, "سيطر عليهم"), or belongs to a clause
    of another place ("from Y, which they control": `tracker.extraction_relative`), so does not
    reach it."""
    if of_another(sentence, verb, place, places):
        return True
    pronoun = PRONOUN_AFTER.match(sentence, verb.end)
    if verb.start < place.end or pronoun is None:
        return False
    if pronoun["pronoun"] and pronoun["pronoun"].lower() == "them":
        return not _listed(place, places)
    return not IT_AFTER.match(sentence, verb.end) or bool(REPELLING.match(verb.text))


PLURAL_PLACE = re.compile(r"(?:districts|neighbou?rhoods|areas|quarters|parts)\b", re.IGNORECASE)


def _listed(place: Span, places: list[Span]) -> bool:
    """Whether `place` is a list of two places or more ("captured X and Y and held them"), or
    a plural of places ("the eastern districts")."""
    plural = PLURAL_PLACE.search(place.text)  # "stormed the eastern districts and took them"
    return bool(plural) or sum(place.start <= p.start < place.end for p in places) > 1


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
