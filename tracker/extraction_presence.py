"""Rule 2's last resorts (`tracker.extraction`), for a place that no verb reaches: a side placed in
it ("rebels in the east", "إرهابيين في حي X") holds it, and so does the one side a sentence with no
verb of control names ("rebels with rifles patrol the Bab al-Hadeed area"), unless it tells of an
attack (or a thing done "against" the place), deaths, wounds or a demolition, or of a move towards
or away from the place (`tracker.extraction_incidental`); a place the fire came from ("snipers fired at civilians from the
citadel", "rebels shelled X from Y") is held by the side that fired (not by a side fired upon or
speaking of it: "rebels came under fire from X", "the army said a mortar fired from X hit it"; nor
is a place people fired at fled from a base: "the army shelled rebels fleeing from X"); not the
second of two sides "between" which something lies, nor a side named by its positions in Arabic, nor
a side in apposition to another noun than the place ("X ... and Y, a rebel bastion":
`tracker.extraction_nouns`), nor a side that only labels a medium or its people ("a member of the
pro-opposition Media Office said X is an entryway", "opposition activists", "a pro-government
daily"), or a relief body ("the Kurdish Red Crescent pulled victims from X"): they report or help,
they do not hold.
"""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker.extraction_fire import UNDER_ATTACK
from tracker.extraction_incidental import FIRED_FROM_BEFORE, no_holding_told
from tracker.extraction_nouns import NOUN_HELD, apposed_elsewhere
from tracker.extraction_places import CITY_REGION, Place, Span

# "استهدفت مقرات القوات الحكومية في X": a side named by its positions there is attacked, not
# placed.
AR_POSITIONS_BEFORE = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:مواقع|نقاط|تجمعات|مقرات|معاقل)\s+$")
# "قذائف أطلقها الإرهابيون في X", "shells fired by rebels in X": the shelling side is not placed.
FIRED_BY = re.compile(
    r"(?:(?<!\w)[يت]?[أا]?طلق(?:ت|وا)?(?:ها|ه)?|\bfired\s+by(?:\s+the)?)\s+$", re.I
)
# "نزح المدنيون من مناطق سيطرة المعارضة إلى حي X": a side whose areas were left does not hold
# where the people went.
FROM_AREAS_BEFORE = re.compile(r"(?:(?<!\w)من|\bfrom)\s+(?:\S+\s+){0,3}$", re.I)
TO_BETWEEN = re.compile(r"(?<!\w)(?:إلى|الى|نحو|باتجاه|عبر|to|towards)\s", re.I)
# "the use of chemical agents against X", "a new offensive against X": what is done against a
# place is an attack on it, which says no side is there.
AGAINST_BEFORE = re.compile(r"\bagainst\s+(?:the\s+|(?:\w+['’]s\s+))?$", re.IGNORECASE)
# "The next target of the troops is X", "el próximo objetivo", "l'objectif", "l'obiettivo", "das
# Ziel", "цель", "hedef": a side's goal, not a place it holds.
GOAL = re.compile(
    r"\b(?:targets?|objectives?|goals?|objetivos?|objectifs?|obiettiv[oi]|ziel(?:e|s)?|hedef\w*)\b"
    r"|(?<!\w)цел(?:ь|и|ью)(?!\w)",
    re.I,
)
# "rebels said X had fallen", "the fall of X": a fall with no taker says X was lost, not that
# the side named holds it.
FALLEN_AFTER = re.compile(
    r"\s+(?:(?:had|has|have)\s+(?:now\s+)?fallen|fell)\b(?!\s+(?:to|into)\b)|\s+سقط(?:ت)?(?!\w)",
    re.I,
)
# In the other languages read: "la caduta di X", "la chute de", "la caída del barrio de", "a queda
# de", "падение квартала X" (not German "mit einem Fall X": a fall to come, X still held).
FALL_BEFORE = re.compile(
    r"(?:\bthe\s+fall\s+of\s+(?:the\s+)?|(?<!\w)سقوط\s+(?:حي\s+)?|(?:\bla\s+caduta\s+d(?:i|el|ella)"
    r"|\bla\s+chute\s+d(?:e|u|['’])|\bla\s+caída\s+de(?:l)?|\ba\s+queda\s+d[eoa]"
    r"|(?<!\w)падени\w+)\s*(?:(?:quartiere|distretto|quartier|barrio|bairro|distrito"
    r"|viertels|stadtteils|квартала|района)\s+(?:di\s+|de\s+|do\s+)?)?)$",
    re.I,
)
# "la caída de X en manos del ejército", "la caduta di X nelle mani dell'esercito": a fall into a
# side's hands is that side's taking, which the side after it holds.
FALL_TAKER = re.compile(
    r"\s+(?:en\s+manos\s+d|nelle\s+mani\s+d|aux\s+mains\s+d|n?as\s+mãos\s+d|в\s+руки\s)", re.I
)
DENIED = re.compile(r"(?<!\w)" + words.DENIAL.pattern, re.I)
# "a crossing between them and the regime in X": the second of two parties is not placed in X.
BETWEEN_AND = re.compile(r"\bbetween\s+(?:(?!in\b|at\b)[\w'’-]+\s+){1,4}and\s+(?:the\s+)?$", re.I)
# "the pro-opposition Media Office", "opposition activists", "a pro-government daily": a side
# labelling a medium or its people, who report and hold nothing.
MEDIUM_AFTER = re.compile(
    r"\s+(?:media|news|press|monitor(?:ing)?|activists?|journalists?|daily|dailies|newspapers?"
    r"|websites?|outlets?|channels?|TV|television|radio|agency|red crescent|relief)\b",
    re.IGNORECASE,
)

# "rebels in the east", "militants in al-Laramon", "إرهابيين في حي X": a side placed in a place
# no verb reaches.
PRESENCE = re.compile(
    r"(?:\s+(?:fighters|forces|troops|units|militias?|groups|brigades?|positions|checkpoints?"
    r"|are|were|is|was|remain(?:ed)?|stationed|based|entrenched|trapped)){0,2}"
    r"\s+(?:in|inside|at)\s+(?:the\s+)?(?:[\w'’-]+\s+)?|\s+(?:في|داخل)\s+(?:\S+\s+){0,2}",
    re.IGNORECASE,
)


# "rebels came under fire (were fired upon, were targeted, were shot by snipers) from X", "the army
# said a mortar fired from X hit it": the side is the target or the speaker, not the one firing.
FIRE_TAKEN = re.compile(
    r"\b(?:were|was|been|being|is|are|got|gets)\s+(?:\w+\s+)?(?:fired|shelled|targeted|shot|hit"
    r"|bombed|pounded|sniped|attacked)\b|\b(?:came|come|comes|under|by|said|says|say|told"
    r"|reported|claimed)\b",
    re.IGNORECASE,
)


def fired_from(sentence: str, span: Span, sides: list[Span]):
    """Rule 2's last resort: a place the fire came from ("army snipers fired at civilians from
    the citadel", "rebels shelled X from their positions in Y") is held by the side that fired,
    the nearest before the verb of firing in its clause; not a side that takes the fire ("rebels
    came under fire from X", "were fired upon", "were shot by snipers firing from X") or speaks of
    it ("the army said a mortar fired from X hit its positions"), nor a place people fired at fled
    or came from ("the army shelled rebels fleeing from X"). With no side before the verb, the
    agent after "by" fired ("shells fired by rebels from neighbouring X": the rebels')."""
    fire = FIRED_FROM_BEFORE.search(sentence[max(0, span.start - 90) : span.start])
    if fire is None:
        return None
    start = max(0, span.start - 90) + fire.start()
    before = [
        s for s in sides if s.end <= start and not re.search(r"[,;]", sentence[s.end : start])
    ]
    word = re.match(r"\w*", sentence[start:])  # the verb of firing itself: "were targeted from X"
    if before and FIRE_TAKEN.search(
        sentence[before[-1].end : start + len(word.group() if word else "")]
    ):
        return None  # "rebels came under fire from X", "the army said a mortar fired from X"
    if not before:  # "shells fired by rebels from X": the agent after "by" in the fire's span
        agents = [
            s
            for s in sides
            if start < s.start < span.start and AGENT_BY.search(sentence[: s.start])
        ]
        return _held_by(agents[0]) if agents else None
    return _held_by(before[-1])


AGENT_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)


def presence(sentence: str, span: Span, place: Place, sides: list[Span]):
    """Rule 2's last resort, for a place no verb reaches: a side placed in it ("rebels in the
    east", "militants in al-Laramon", "FSA fighters at Saif al-Dawla", "إرهابيين في حي X") holds
    it; not the second of two sides "between" which something lies ("a crossing between them and
    the regime in X"), nor a side named by its positions in Arabic ("استهدفت مقرات القوات
    الحكومية في X"), nor the side that fired shells ("قذائف أطلقها الإرهابيون في X"); but the
    place the fire came from is the firing side's (`fired_from`)."""
    if place.region == CITY_REGION:
        return None
    if fired := fired_from(sentence, span, sides):
        return fired
    for side in sides:
        if BETWEEN_AND.search(sentence[max(0, side.start - 60) : side.start]):
            continue  # "a crossing between them and the regime in X": the crossing is in X
        if AR_POSITIONS_BEFORE.search(sentence[max(0, side.start - 12) : side.start]):
            continue  # "استهدفت مقرات القوات الحكومية في X": positions attacked, not a holder
        if FIRED_BY.search(sentence[max(0, side.start - 12) : side.start]):
            continue  # "قذائف أطلقها الإرهابيون في X": the shells' side, not a holder
        if side.end <= span.start and PRESENCE.fullmatch(sentence[side.end : span.start]):
            return _held_by(side)
    return None


def sole_side(sentence: str, span: Span, place: Place, sides: list[Span]):
    """Rule 2's last resort, for a sentence with no verb of control at all (nor an idiom built on
    one): a sentence about one side only ("rebels with rifles patrol the Bab al-Hadeed area", "Jabal
    Badro has been with the opposition") places that side in the place, which it holds. Not when the
    sentence tells of an attack (shelling, mortar fire, strikes), which comes from the other side,
    or of deaths, wounds, a demolition or a move towards or away from the place ("three rebels were
    killed in X", "rebels blew up a building in X", "the army pushed towards X") or done "against" it
    ("the YPG reported the use of gas against X": an attack, not a side placed), nor for the second
    of two sides "between" which something lies ("between them and the regime"), nor for a place
    people went to from the side's areas ("نزح المدنيون من مناطق سيطرة المعارضة إلى حي X") or left
    for them ("فر الأهالي من X إلى مناطق سيطرة النظام"), nor for
    a place said to have fallen ("rebels said X had fallen", "the fall of X"; not a fall into a
    side's hands, "la caída de X en manos del ejército", which that side holds), unless that is
    denied ("rebels denied that X had fallen": they hold it), nor for a side named by its attack
    ("X is under rebel siege", `tracker.extraction_fire`), nor for a place named as a side's
    goal ("the next target of the troops is X", "el próximo objetivo del ejército es X")."""
    named = {s.value for s in sides}
    if place.region == CITY_REGION or len(named) != 1 or words.ATTACK.search(sentence):
        return None
    if no_holding_told(sentence, span.start):
        return None  # "Three rebels were killed in X", "The army pushed towards X"
    if AGAINST_BEFORE.search(sentence[max(0, span.start - 30) : span.start]):
        return None  # "the YPG reported the use of gas against X": X attacked, no side placed
    side = sides[0]
    if UNDER_ATTACK.match(sentence, side.end):
        return None  # "X is under rebel siege": the side lays the siege, it does not hold X
    if MEDIUM_AFTER.match(sentence, side.end) or apposed_elsewhere(sentence, side.start, span):
        return None  # "the pro-opposition Media Office"; "X ... and Y, a rebel bastion"
    if BETWEEN_AND.search(sentence[max(0, side.start - 60) : side.start]):
        return None  # "a crossing between them and the regime": two parties, not one
    if FROM_AREAS_BEFORE.search(
        sentence[max(0, side.start - 30) : side.start]
    ) and TO_BETWEEN.search(sentence[side.end : max(side.end, span.start)]):
        return None  # "from the opposition's areas to X": X is where people went
    if side.start >= span.end and NOUN_HELD.search(sentence[span.end : side.start]):
        return None  # "فر الأهالي من X إلى مناطق سيطرة النظام": the side's areas, not X
    fallen = FALLEN_AFTER.match(sentence, span.end) or (
        FALL_BEFORE.search(sentence[: span.start])
        and not FALL_TAKER.search(sentence[span.start : span.end + 16])
    )
    if GOAL.search(sentence[: span.start]):
        return None  # "the army's next target is X": an aim, held by the other side
    if fallen and not DENIED.search(sentence[: span.start]):
        return None  # "rebels said X had fallen": a loss ("denied that X had fallen": held)
    return _held_by(side)


def _held_by(side: Span) -> tuple[tuple[str, str], Span]:
    """The claim that `side` holds the place, with the side itself as its verb of holding."""
    return (side.value, "held"), Span(side.start, side.end, "holds", side.text, side.value)
