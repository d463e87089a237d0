"""Rule 2's limits and last resorts (`tracker.extraction`): how far a verb or an adjective
reaches, when a verb is void, who holds a place that no verb reaches, and what a verb's
meaning claims for its subject."""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker import extraction_words_arabic as arabic
from tracker.extraction_areas import areas_described
from tracker.extraction_clauses import siege_adjective
from tracker.extraction_formerly import former_holding, superseded
from tracker.extraction_halves import city_object as city_object  # rule 1's, read by rule 2
from tracker.extraction_incidental import heading_to, landmark_told_held
from tracker.extraction_kept import not_so
from tracker.extraction_lists import SUBJECT_VERB_AFTER
from tracker.extraction_parts import partial_gain as partial_gain  # rule 2's, read by the proposer
from tracker.extraction_patterns import HEAD
from tracker.extraction_places import Span
from tracker.extraction_recipient import other_side
from tracker.extraction_words_arabic import AR_OBJECT_AFTER

# "YPG fighters have started to leave X", "began withdrawing from X": a departure begun is no loss.
BEGUN = re.compile(r"\b(?:start(?:s|ed|ing)?|beg[ai]n(?:s|ning)?|begun)\s+(?:to\s+)?$", re.I)
# Arabic adjectives of holding follow their noun: "حي X الخاضع لسيطرة المعارضة", the rebel-held X.
AR_HELD_AFTER = re.compile(r"ال(?:خاضع|واقع|محاصر)")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# "انسحب المسلحون باتجاه القسم الجنوبي من الأحياء الشرقية وهي X": the clause after "towards"
# (باتجاه، إلى; نحو only before حي, as it also means "about"), up to a comma, names where they went.
AR_TOWARDS = re.compile(r"(?<!\w)(?:باتجاه|إلى|الى|نحو(?=\s+حي))(?:\s+[^\s.,،;:]+){0,8}\s+$")
AR_PREPOSITION = re.compile(r"(?<!\w)(?:على|في|من|إلى|الى)(?!\w)")
AR_UNDER = re.compile(r"(?<!\w)(?:تحت|لسيطرة)")  # "under the control of" takes no object
AR_LAUNCHED_FROM = re.compile("انطلاق")  # "انطلاقاً من X": the place after it, launched from


# "no (any, without) rebel positions": only these negate a side's positions.
NO_BEFORE = re.compile(r"\b(?:no|any|without)\s+(?:the\s+)?$", re.IGNORECASE)

# "seized Base 80, which guarded the airport": a relative clause describing the verb's object.
RELATIVE_AFTER_COMMA = re.compile(r",\s+which\b", re.IGNORECASE)

# "until" states a condition before a verb not in the past ("until they seize X"), but a time
# before one in it ("fighting went on until the army captured X").
UNTIL = re.compile(r"\buntil\s+(?:[\w'’\-]+\s+){0,3}$", re.IGNORECASE)
PAST_IRREGULAR = frozenset(
    ["took", "retook", "fell", "won", "overran", "lost", "withdrew", "left", "held", "drove"]
)

# "controls half of Aleppo, and the old city would strengthen its hold": a place right after
# ", and" with its own verb is the subject of a new clause, not the object of the verb before.
NEW_CLAUSE_BEFORE = re.compile(r"(?:,\s+and|;)\s+(?:the\s+)?$", re.I)
# "the zone controlled by rebels", "zona controlada por": the participle describes the noun
# before it; it reaches a place after it only across "in", an enumeration or a noun of places.
HELD_BY_VERB = re.compile(r"\b(?:by|por|par|pel[oa]s?)$", re.I)
HELD_BY_REACH = re.compile(
    r"[^\w,;:]*,?\s*(?:(?:in|at|inside|including|such as|like|namely|notably|en|dans|à|im|in der"
    r"|incluyendo|como|dont|y|et|and)\s+)?(?:(?:the|la|le|el|les|los|las|die|der)\s+)?"
    r"(?:(?:districts?|neighbou?rhoods?|areas?|quarters?|barrios?|quartiers?)\s+(?:of\s+|de\s+)?)?",
    re.I,
)
HELD_BY_AGENT = re.compile(
    r"\s+(?:by|por|par)\s+(?:(?!(?:and|y|et)\b)[\w'’-]+\s+){1,4}?" + HELD_BY_REACH.pattern, re.I
)
# "attacked X from Y", "advanced from Y": Y, after "from" (its direction, side or areas), is the
# base the attack came from; Arabic "تتقدم من حي X باتجاه Y", "من محور X" (not a part: "أجزاء من",
# nor what remains: "ما تبقى من الأحياء الشرقية").
ORIGIN = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:direction|side|areas?|axis|neighbou?rhoods?)\s+of\s+(?:the\s+)?)?$"
    r"|(?<!\w)(?<!أجزاء )(?<!جزء )(?<!عدد )(?<!تبقى )(?<!تبقّى )(?<!بقي )من\s+(?:(?:جهة|محور|ناحية)\s+)?(?:(?:حي|أحياء|منطقة)\s+)?$",
    re.I,
)
# "gangs attacking from Y were repelled", "an attack from the areas of Y was foiled": the place the
# attack came from, before a verb of repelling.
ATTACK_FROM = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|assaults?|infiltrat\w+|offensives?|advanc(?:e|es|ed|ing))"
    r"\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?(?:(?:direction|side|areas?|axis)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
REPEL = re.compile(r"\b(?:repel\w*|repuls\w*|foil\w*|thwart\w*|held off|beat(?:en)? back)\b", re.I)
BY_AFTER = re.compile(r"\s+by\s+(?:the\s+)?", re.I)
# A side's positions ("army positions") reach only a place after "in", "at"; not when "seized".
OWN_POSITIONS = re.compile(words.POSITION_NOUNS + "$", re.I)
TAKEN_BEFORE = re.compile(r"(?i)\b(?:took|tak\w+|seiz\w+|captur\w+|overr[au]n)\s+(?:\S+\s+){0,4}$")
# "militias defending the prison": a participle right after a noun of fighters modifies it.
SIDE_NOUN_BEFORE = re.compile(
    r"\b(?:forces|troops|militias?|fighters|rebels|militants|soldiers|units|gunmen|insurgents)\s+$",
    re.I,
)


def in_a_name(sentence: str, verb: Span) -> bool:
    """A capitalised verb inside a sentence that is not written in title case is part of a
    name ("the Operations Center for the Liberation of Aleppo"), not one after a dateline."""
    if not (verb.text[:1].isupper() and verb.text.isascii()) or HEAD.match(sentence[: verb.start]):
        return False
    latin = re.findall(r"\b[A-Za-z][a-z]+\b", sentence)
    return sum(w[0].isupper() for w in latin) * 2 < len(latin)


def reaches(sentence: str, verb: Span, place: Span) -> bool:
    """Rule 2's limit: an adjective ("rebel-held", "the besieged") qualifies the noun right after
    it, so it reaches a place only across words that name that noun ("district of", "a part of
    Aleppo's"). No verb reaches across the start of a new clause, forward ("withdrew from the old
    city, amid confusion in the eastern part", "while", "because", "فيما") or back ("calm returned
    to X while clashes continue in Y": the clashes are Y's), nor across an attack from afar aimed at
    the place ("rebels entrenched in X fired rockets on Y": Y is the target, not held by the
    attacker), unless it is a verb of fighting, which attacks are part of, nor across words of
    exception ("lost all of the north, with the exception of X"), nor forward into a relative
    clause after a comma that describes its object ("seized Base 80, which guarded the airport": the
    airport is not seized), nor to a landmark whose holder a relative clause after it tells ("took
    a base near X, which is held by the army": X is the army's); a participle after a comma or
    "after" does not reach back ("advanced through X, regaining control of Y", "towards X after
    seizing Y"), nor a verb a place that opens a new clause with its own verb ("controls half of
    Aleppo, and the old city would strengthen its hold"). A verb of fighting or taking does not
    reach forward to a place after "towards" ("advanced towards X", "تقدمت نحو X": where a side
    heads). An Arabic verb followed by على (نحو) and its object ("X، وسيطرة الأكراد على Y", "سيطرت
    على X وتقدمت نحو Y") does not reach back to a place before it, nor does "انطلاقاً من" (launched
    from), nor an Arabic adjective of holding, which follows its noun, a place more than two words
    or a preposition before it ("X يشرف على الأحياء الخاضعة لسيطرة"). A passive participle after a
    comma ("advancing from X towards the Y District, controlled by Z") describes the noun right
    before the comma, Y, not X; a participle right after a noun of fighters ("X ..., separating
    troops from militias defending the prison") modifies them. The noun "loss of" reaches only its
    object ("the loss of X was a blow to the rebels"), not a place before it or past a comma. A
    side's positions ("attacked army positions, forcing them to hide in X") reach only a place right
    after "in" or "at", none when taken ("seized army positions in X"); a participle of holding with
    its agent after its noun ("the zone controlled by rebels", "controlada por") reaches a place
    after it only across "in", an enumeration or a noun of places ("areas held by rebels, including
    X"), not across a clause ("controlled by rebels and stopped them heading to X"); nor does one
    after a noun of areas with its article reach back past words of another clause to a place
    before it ("the fall of X cut the zone held by the rebels", "la zona in mano ai ribelli";
    but "X and the other areas held by rebels" are theirs: `areas_described`). A German
    participle of siege after an article ("des belagerten Ostteils") is an adjective, as "the
    besieged". A holding said to be over, with the holding now after the place, reaches nothing
    (`superseded`)."""
    if superseded(sentence, verb, place):
        return False  # "formerly rebel-held X is now under army control": the holding now
    gap = sentence[verb.end : place.start] if verb.end <= place.start else ""
    attack = verb.value != "fights" and words.ATTACK.search(gap)  # fighting includes attacks
    after = sentence[place.end : verb.start] if place.end <= verb.start else ""
    if words.CLAUSE_BREAK.search(gap) or words.CLAUSE_BREAK.search(after) or attack:
        return False
    if RELATIVE_AFTER_COMMA.search(gap) or (
        gap and landmark_told_held(sentence, place.start, place.end)
    ):
        return False  # "seized Base 80, which guarded the airport"; "took a base near X, which is held"
    agent = verb.side and words.HELD_BY.search(sentence[max(0, verb.start - 40) : verb.start])
    by_after = verb.value == "holds" and re.match(r"\s+(?:by|por|par)\b", gap, re.I)
    by_verb = HELD_BY_VERB.search(verb.text)  # "controlada por": the agent right after
    if (
        gap
        and (agent or by_verb or by_after)
        and not (HELD_BY_REACH.fullmatch(gap) or HELD_BY_AGENT.fullmatch(gap))
        and not (by_verb and HELD_BY_AGENT.fullmatch(" by" + gap))
    ):
        return False  # "a zone controlled by rebels and stopped them heading to X": the zone's
    own = verb.side and OWN_POSITIONS.search(verb.text)
    taken = TAKEN_BEFORE.search(sentence[max(0, verb.start - 40) : verb.start])
    if own and (taken or not words.POSITIONS_IN.fullmatch(gap)):
        return False  # "attacked army positions, forcing them to hide in X"; "seized" them
    if NEW_CLAUSE_BEFORE.search(gap) and SUBJECT_VERB_AFTER.match(sentence, place.end):
        return False  # "controls half of Aleppo, and the old city would strengthen its hold"
    if verb.text.lower() == "loss of" and (after or "," in gap):
        return False  # "after the loss of X, the army regrouped in Y": the noun's object only
    if after and verb.text.lower().endswith("ing") and SIDE_NOUN_BEFORE.search(after):
        return False  # "X, separating troops from militias defending the prison": not X
    participle = verb.value in ("takes", "loses") and verb.text.split()[0].lower().endswith("ing")
    if participle and ("," in after or re.search(r"\b(?:after|before|while|upon)\s+$", after)):
        return False  # "advanced through X, regaining control of Y": the participle's object is Y
    if after and AR_OBJECT_AFTER.match(sentence, verb.start) and not AR_UNDER.search(verb.text):
        return False  # "X، وسيطرة الأكراد على Y": a verb whose object follows it is not X's
    if verb.value in ("fights", "takes") and gap and heading_to(sentence, place.start):
        return False  # "advanced towards X", "تقدمت نحو X": where a side heads
    if after and AR_LAUNCHED_FROM.match(verb.text):
        return False  # "سيطرت على X انطلاقاً من Y": launched from Y, not X
    if AR_HELD_AFTER.match(verb.text) and (len(after.split()) > 2 or AR_PREPOSITION.search(after)):
        return False  # "X يشرف على الأحياء الخاضعة لسيطرة": the adjective is الأحياء's
    passive = words.PASSIVE_AFTER.match(sentence, verb.end) or (
        verb.side and words.HELD_BY.search(sentence[max(0, verb.start - 40) : verb.start])
    )
    if "," in after and passive:  # "from X towards the Y District, controlled by Z": not X
        return not words.ANOTHER_NOUN.search(after.rsplit(",", 1)[0])
    if passive and after and areas_described(after):
        return False  # "the fall of X cut the zone held by the rebels in two": the zone's
    adjective = verb.adjective or siege_adjective(sentence, verb)
    if not adjective or (place.start <= verb.start and verb.end <= place.end):
        return True  # a verb, or an adjective inside the spelling ("rebel-held east Aleppo")
    if place.end <= verb.start:  # "Seif al-Dawla, one of the last rebel-held neighbourhoods"
        gap = sentence[place.end : verb.start]  # "X is rebel-held": a predicate too
        return bool(words.APPOSITION.fullmatch(gap) or words.PREDICATE.fullmatch(gap))
    return verb.end <= place.start and bool(
        words.ADJECTIVE_GAP.fullmatch(sentence[verb.end : place.start])
    )


def fought_over(sentence: str, verb: Span, verbs: list[Span], place: Span) -> Span | None:
    """Rule 2's exception to participles: a passive participle of holding after a comma
    ("entered X, held by rebels", "fighting erupted over neighbouring X, also held by rebels")
    says who held the place when a verb of fighting right before it, in the same stretch
    without a comma, reaches it: the fighting is what happens to it, and the verb wins."""
    gap = sentence[place.end : verb.start] if place.end <= verb.start else ""
    passive = words.PASSIVE_AFTER.match(sentence, verb.end) or (
        verb.side and words.HELD_BY.search(sentence[max(0, verb.start - 40) : verb.start])
    )
    if verb.value != "holds" or verb.adjective or "," not in gap or not passive:
        return None
    before = [
        v
        for v in verbs
        if v.end <= place.start
        and v.value == "fights"
        and "," not in sentence[v.end : place.start]
        and reaches(sentence, v, place)
    ]
    return before[-1] if before else None


# "rolling in jihadist-held X, capturing several districts": a participle after a comma is the
# main clause's, not the place's predicate (but "capturing it" takes the place up again).
COMMA_PARTICIPLE = re.compile(r"\s*,\s*\w+ing\b.*", re.IGNORECASE)


def changing(sentence: str, verb: Span, verbs: list[Span], place: Span) -> Span | None:
    """Rule 2's exception to adjectives: an adjective of holding inside the direct object of a verb
    of taking or losing ("seized half of a rebel-held quarter of X") says who held it before; the
    verb says what happened to it. Not across a preposition ("a road leading from
    government-controlled X", "into opposition-held east Aleppo"), nor for fighting ("an attack in a
    rebel-held area" says who holds it). Likewise a passive participle right after the place inside
    such an object ("recaptured all the areas of X taken by rebels": a reduced relative clause) says
    what happened before; the main verb says what happens now, as does an Arabic adjective of
    holding, which follows its noun ("سيطر الجيش على حي X الخاضع لسيطرة المعارضة": the army took the
    rebel-held X). And an adjective before a place that is the subject of such a verb ("the SDF-held
    areas, X and Y, were handed over to the army") says who held it before the verb (not a
    participle after a comma: "rolling in jihadist-held X, capturing districts"). A verb that
    claims nothing ("until they seize the regime-held Citadel") leaves the adjective its say."""
    if verb.adjective and verb.end <= place.start:
        subject_of = [  # "SDF-held areas, X and Y, were handed over to": the place is the subject
            v
            for v in verbs
            if v.start >= place.end
            and v.value in ("takes", "loses")
            and words.SUBJECT_GAP.fullmatch(sentence[place.end : v.start])
            and not (
                COMMA_PARTICIPLE.fullmatch(sentence, place.end, v.end)
                and not re.match(r"\s+(?:it|them)\b", sentence[v.end :])  # "capturing it"
            )
        ]
        if subject_of:
            return subject_of[0]
        start = verb.start
    elif verb.adjective:
        start = verb.start
    elif verb.start >= place.end and (
        words.PASSIVE_AFTER.match(sentence, verb.end) or AR_HELD_AFTER.match(verb.text)
    ):
        start = place.start
        if not words.RELATIVE_GAP.fullmatch(sentence[place.end : verb.start]):
            return None
    else:
        return None
    before = [
        v
        for v in verbs
        if v.end <= start
        and not v.adjective
        and v.value in ("takes", "loses")
        and words.OBJECT_GAP.fullmatch(sentence[v.end : start])
    ]
    return before[-1] if before and not negated(sentence, before[-1]) else None


def taken_object(sentence: str, verbs: list[Span], place: Span) -> Span | None:
    """Rule 2's exception to descriptions: a place described in apposition as held ("X, a
    rebel stronghold", "X, the largest rebel-held district") that is the direct object of a verb
    of taking or losing ("the army captured X, ...") is said who held it before; the verb wins."""
    objects = [
        v
        for v in verbs
        if v.end <= place.start
        and not v.adjective
        and v.value in ("takes", "loses")
        and words.OBJECT_GAP.fullmatch(sentence[v.end : place.start])
    ]
    return objects[-1] if objects else None


def destination(
    sentence: str, verb: Span, place: Span, subject: str, sides=()
) -> tuple[str, str] | None:
    """Rule 2's destination: a place after "to", "into" or "towards" following a verb of
    withdrawing ("rebels withdrew from X to Y", "retreated into Y") is where the subject went,
    which it holds; the place it withdrew from is the one it lost. In Arabic the destination
    may be named up to eight words on ("انسحاب المسلحين باتجاه القسم الجنوبي من الأحياء
    الشرقية وهي X"). A place after "from" following a verb of fighting ("rebels attacked X from
    Y", "infiltrated X from the side of Y", "تتقدم القوات من حي Y") is the attackers' base: the
    subject holds Y. So is a place an attack came "from" in a sentence that tells of its repelling
    ("gangs attacking from Y were repelled by the YPG", "the YPG repelled an attack from Y"): the
    attackers hold Y, not the side that repelled them (`_attackers`)."""
    repel = REPEL.search(sentence)
    if repel and ATTACK_FROM.search(sentence[max(0, place.start - 60) : place.start]):
        return (_attackers(sentence, repel, place, sides), "held")
    if verb.end > place.start or not subject:
        return None
    gap = sentence[verb.end : place.start]
    if verb.value == "fights" and ORIGIN.search(gap) and not words.DESTINATION.search(gap):
        return (subject, "held")
    if verb.value != "loses" or words.LOST_TO.match(verb.text):
        return None
    return (subject, "held") if words.DESTINATION.search(gap) or AR_TOWARDS.search(gap) else None


def _attackers(sentence: str, repel: re.Match[str], place: Span, sides) -> str:
    """The side whose attack from `place` was repelled: another side named before the place than
    the one that repelled it (the side after "by", or no side named when "by" names none: "by our
    forces"; else the one before the verb), else that side's enemy (the rebels, for the Kurds in a
    sentence naming no government side)."""
    by = [
        s
        for s in sides
        if s.start >= repel.end() and BY_AFTER.fullmatch(sentence, repel.end(), s.start)
    ]
    before = [s for s in sides if s.end <= repel.start()]
    passive = BY_AFTER.match(sentence, repel.end())
    repeller = by[0].value if by else "" if passive else before[-1].value if before else ""
    attackers = [s.value for s in sides if s.end <= place.start and s.value != repeller]
    if attackers:
        return attackers[-1]
    named = {s.value for s in sides} - {repeller}
    return "rebels" if repeller != "rebels" and "government" not in named else "government"


# "هجوماً لاستعادة (لفرض، لبسط) السيطرة على X": control as the object of an aim's verbal noun.
PURPOSE_BEFORE = re.compile(r"(?<!\w)[وف]?ل(?:استعادة|[إا]عادة|فرض|بسط|[إا]حكام|استرجاع)\s+$")
# A question asking whether (not why, how, when, where, who or which): it ends with "?" ("؟").
YES_NO_QUESTION = re.compile(
    r"(?!\W*(?:why|how|when|where|who|what|which|warum|wie|wann|wo|wer|pourquoi|comment|quand|qui"
    r"|por\s*qu[ée]|c[óo]mo|cu[áa]ndo|qui[ée]n|perch[ée]|لماذا|كيف|متى|من)\b)[^?؟]*[?؟][\s\"”'’»]*$",
    re.IGNORECASE,
)


def negated(sentence: str, verb: Span) -> bool:
    """Rule 2's exception: a verb after a negation, a modal or a failed attempt ("did not take",
    "could retake", "failed to capture") claims nothing. A siege to come ("will be under siege by
    the regime") still says who holds the place now: only a denial ("not", "never", "failed") voids
    a siege verb. A denial or dispute of the clause, however far back it is reported ("disputing an
    official's account that the army has retaken X"), voids it too, as does an expectation ("only a
    matter of time before X is back in government hands"). A verb in -ing that opens the
    sentence and is the subject of a modal ("Losing X would be disastrous", "Taking X could open the
    road"), or the noun of such a verb ("The capture of X would be the biggest victory", "La
    reconquista de X sería"), says what would follow, not what happened; so does a verb not in the
    past after "until" ("until they seize X"; "until the army captured X" happened). An Arabic
    verb read inside a word ("التقدم": the advance) is negated by the words before that word
    ("تحاول من التقدم": tries to advance); an Arabic verbal noun of taking after ل of purpose
    ("هجوم لاستعادة X", an attack to retake X) is an aim, and so is control as the object of one
    ("هجوماً ضارياً لاستعادة (لفرض، لبسط) السيطرة على X"). A holding said to be over ("former rebel
    strongholds in X") claims nothing (`tracker.extraction_formerly`). A departure only begun ("YPG
    fighters have started to leave X", "began withdrawing from X") is no loss yet. A side's
    positions are there whatever is planned against them ("preparing to strike the rebels' bases
    in X"): only "no" ("any", "without") right before the side negates them. A question that
    asks whether ("Has the army retaken X?", "Rebellen aus X vertrieben?") claims nothing; one that
    asks why, how or when ("Why did rebels lose X?") takes the deed as done."""
    if YES_NO_QUESTION.match(sentence):
        return True  # "Has the army retaken X?": asked, not told
    if verb.value == "loses" and BEGUN.search(sentence[max(0, verb.start - 30) : verb.start]):
        return True  # "fighters have started to leave X": a departure begun
    if former_holding(sentence, verb):
        return True  # "das bisher von Rebellen gehaltene Viertel", "former rebel strongholds"
    if verb.adjective or (verb.value == "holds" and arabic.STATIONED.fullmatch(verb.text)):
        return False  # "في محاولة لضرب المتمردين المتمركزين في X": a side described where it is
    if verb.value == "holds" and verb.side and OWN_POSITIONS.search(verb.text):
        return bool(NO_BEFORE.search(sentence[max(0, verb.start - 20) : verb.start]))
    before = sentence[: verb.start].strip(" \"'“‘").casefold()
    opening = (
        (not before and verb.text.split()[0].endswith("ing"))
        or (
            before in ("the", "a")
            and (
                sentence[verb.end :].lstrip().startswith("of ") or verb.text.lower().endswith(" of")
            )
        )
        or (not before and verb.text.split()[0].lower() in ("la", "le", "el", "a"))
    )
    # "The capture of X would be", "La reconquista de X sería", "La prise de X serait"
    if opening and words.MODAL_AFTER.search(sentence[verb.end :]):
        return True
    if not_so(sentence, verb):
        return True  # "denied the army has retaken X"; "a matter of time before X is back"
    start = verb.start  # from the word's start: "تحاول من التقدم", the verb after its article
    while start > 0 and ARABIC_LETTER.match(sentence, start - 1):
        start -= 1
    window = sentence[max(0, start - 40) : start]
    if verb.value == "takes" and (
        sentence[start : verb.start] in ("ل", "ول", "فل") or PURPOSE_BEFORE.search(window)
    ):
        return True  # "هجوم لاستعادة X", "للسيطرة على X", "لاستعادة السيطرة على X": an aim
    first = verb.text.split()[0].lower()
    past = first.endswith("ed") or first in PAST_IRREGULAR
    if UNTIL.search(window) and not past and verb.value != "besieges":
        return True  # "until they seize X"; not "until the army captured X"
    negation = words.NEGATION.search(window)
    if negation and verb.value == "besieges" and not words.DENIAL.match(negation.group()):
        return False  # "will be under siege by the regime": the other side holds it now
    return bool(negation)


def meaning_claim(meaning: str, subject: str) -> tuple[str, str] | None:
    """Rule 2: (controller, claim type) for a verb's meaning and subject; None without a side."""
    if meaning == "fights":
        return ("contested", "contested")
    if not subject:
        return None
    return {
        "takes": (subject, "captured"),
        "loses": (other_side(subject), "lost"),
        "holds": (subject, "held"),
        "besieges": (other_side(subject), "held"),
    }[meaning]
