"""Rule 3 of the claim proposer (`tracker.extraction_subject`), the other parties to a verb: the
side a place was taken from, and the side it went to when that side is not the other side of
the one that lost it.

A side after "from" (Arabic من, Russian от) following a verb of taking, or after "of" following a
verb of clearing ("cleared X of terrorists"), is the side the place was taken from (not after a noun
of units or fighters, where من is partitive: "وحدات من الجيش"); a failed taking "from" a side
("could not take X from the Kurds") leaves the place to that side, and so does an attempt driven
back ("soldiers tried to enter X but were pushed back", "attempted to storm X but were repelled by
the rebels"): the side after "by", else the other side of the one before the verb in its clause,
holds X. A place lost, left or handed over to a side named after it ("handed over X to Kurdish
fighters", "lost X to the YPG"; Arabic "تسليم X إلى قوات النظام", "سلمت X للوحدات الكردية"), or
taken by a side right after it ("withdrew from X, which Kurdish fighters then took"), is held by
that side. A place fought over and taken by a side in a relative clause right after it ("rebels
attacked the X barracks, which the army then took back", "stormed X, which was later recaptured by
the army") is that side's. An attack repelled in Arabic order ("تصدى الثوار لهجوم قوات النظام على
X") leaves X to the side of the verb of repelling; an Arabic expelling ("طرد") is the taking of the
side right before it ("قوات النظام تطرد المسلحين من X"), else of the first side after it. Across the
article, a place lost with no taker named goes to a third side that another sentence says took it on
the same days, and a place besieged is held by a third side that another sentence says holds it
(`taken_over`). A side that breaks the siege of a place holds it (`siege_broken`, rule 2): the side
before the breaking, not the besieger named in a clause after the siege ("فك الثوار الحصار الذي
تفرضه قوات النظام على X"). In three-sided fighting, a place the rebels (or Nusra) lose or besiege
(or that is no longer under the government's control: `not_under`, "X is no longer under government
control", "لم يعد حي X تحت سيطرة النظام" is the rebels'; not under a side's full control claims
nothing), which the default gives to the government, is the Kurds' when the sentence names the Kurds
and no side of the government ("rebels withdrew from X after clashes with the YPG", "Islamists
besieged the Kurdish district of X"), or when the place is the Kurds' own district, Sheikh Maqsoud,
which the YPG held from 2012 to the end of the battle ("rebels withdrew from Sheikh Maqsoud"; there
what the government loses or besieges is the Kurds' too, unless the sentence names the rebels), and
a place the rebels besiege is the Kurds' too when the outlet is Kurdish and the sentence names no
side of the government ("gangs have surrounded X" in a Kurdish outlet; not a loss there: "the gangs
withdrew from X" may be the army's gain): `kurds_other`; the converse, what the Kurds lose, is the
rebels' when the sentence names them and no side of the government; a side joined to the subject's
("rebels and the YPG besieged X") acts with it and is not counted. A taking whose only sides are the
ones the place was taken "from" goes to the third side (`tracker.extraction_third`). A side that
denies the other side's taking holds the place (`tracker.extraction_kept`).
"""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker.extraction_places import Span

# "rebels broke the siege of X", "فك الثوار الحصار عن X": the side breaking a siege (or trying
# to) holds the besieged place (rule 2); not "lifted its siege", which the besieger does.
SIEGE_BROKEN = re.compile(
    r"(?:\b(?:break|broke|broken|breaking|breaks)\s+(?:the\s+|a\s+)?"
    r"|(?<!\w)(?:ل|و)?(?:فك|كسر)(?:ت|وا)?\s+(?:\S+\s+){0,2}?(?:ال)?)$",
    re.IGNORECASE,
)


# "seized X from the rebels", "تحرير X من (قبضة، عناصر) الإرهابيين": the side after "from" lost it.
# "cleared X of terrorists", "X was purged of rebels", "free of": the side after "of" too.
FROM_BEFORE = re.compile(
    r"(?:\bfrom\s+(?:the\s+)?|(?<!\w)(?:من\s+(?:(?:قبضة|يد|أيدي|سيطرة|عناصر|فلول|مقاتلي|مسلحي)\s+)?|от\s+)"
    r"|\b(?:clear|purg|empti|rid|free|cleans)\w*\s+(?:[^\s,.;]+\s+){0,4}?of\s+(?:all\s+)?(?:the\s+)?)$",
    re.IGNORECASE,
)
# "من" after a noun of units or fighters is partitive ("سيطرت وحدات من الجيش على X": units of
# the army; "مسلحا من المعارضة"): that side is the subject, not the side X was taken from.
PARTITIVE_BEFORE = re.compile(
    r"(?<!\w)(?:وحدات|عناصر|مقاتل\w*|مسلح\w*|جنود|قوات|مجموع\w*|كتائب|فصائل|عشرات|مئات|آلاف)"
    r"\s+من\s+$"
)
# "handed over X to the YPG", "lost X to the YPG": the side after "to" (rule 3's recipient);
# "withdrew from X, leaving it to the YPG", "X, which Kurdish fighters then took", "X, allowing
# the YPG to take it over".
HANDED = re.compile(r"(?:hand|turn|gave|giv|left|leav|abandon)", re.IGNORECASE)
# Arabic: "سلّم المسلحون X إلى الجيش", "تسليم X لقوات النظام", "للوحدات الكردية".
HANDED_AR = re.compile(r"[يت]?سل(?:ّ)?م|تسليم")
RECIPIENT_TO_AR = re.compile(r"\s+(?:(?:إلى|الى)\s+|ل)(?:\S+\s+)?")
RECIPIENT_TO = re.compile(
    r"(?:\s+(?:over|back))?\s+(?:over\s+)?to\s+(?:the\s+)?(?:[\w'’-]+\s+)?", re.IGNORECASE
)
RECIPIENT_LEFT = re.compile(
    r",?\s+(?:leaving|handing|ceding|surrendering|turning)\s+(?:over\s+)?(?:it|them|the\s+"
    r"(?:[\w-]+\s+)?(?:area|neighbou?rhood|district|quarter|positions?))\s+(?:over\s+)?"
    r"(?:to|in\s+the\s+hands\s+of)\s+(?:the\s+)?",
    re.IGNORECASE,
)
RECIPIENT_WHICH = re.compile(
    r",?\s+(?:which|where(?:upon)?|and)\s+(?:the\s+)?|,?\s+allowing\s+(?:the\s+)?", re.IGNORECASE
)
RECIPIENT_TOOK = re.compile(
    r"(?:\s+(?:then|later|soon|quickly|subsequently|immediately))?\s+(?:to\s+)?"
    r"(?:(?:(?:re)?took|(?:re)?take|seized|seize|(?:re)?captured|capture|occupied|occupy|entered"
    r"|enter|overran)\b"
    r"|mov(?:ed|e)\s+in)",
    re.IGNORECASE,
)
RECIPIENT_BY = re.compile(
    r",?\s+which\s+(?:was|were)\s+(?:then\s+|later\s+|soon\s+|subsequently\s+)?"
    r"(?:(?:(?:re)?taken|seized|(?:re)?captured|occupied)(?:\s+over)?\s+by|handed\s+over\s+to)\s+(?:the\s+)?"
    r"|,?\s+which\s+(?:then\s+|later\s+|soon\s+)?fell\s+to\s+(?:the\s+)?",
    re.IGNORECASE,
)


# "attacked the X barracks, which the army then took back": a fight's place, taken after it.
FOUGHT_WHICH = re.compile(r"(?:\s+[\w'’-]+){0,2}\s*,\s+which\s+(?:the\s+)?", re.IGNORECASE)

# "تصدى الثوار لهجوم قوات النظام على X": the attack repelled by the side of the verb before it.
REPELLED_BEFORE = re.compile(
    r"(?<!\w)(?:تصد(?:ى|ت|وا)|صد(?:ت|وا|هم|ها)?|أحبط(?:ت|وا)?)\s+(?:\S+\s+){0,3}?ل?$"
)

# "tried to enter X but were pushed back", "attempted to storm X, but were repelled by rebels".
DRIVEN_BACK = re.compile(
    r"[^.;]{0,40}?,?\s+but\s+(?:they\s+)?(?:were|was|had\s+been|have\s+been|got)\s+"
    r"(?:(?:pushed|driven|beaten|forced|thrown)\s+back|repelled|repulsed)\b",
    re.IGNORECASE,
)
BY = re.compile(r"\s+by\s+(?:the\s+)?")
OTHER_CLAUSE = re.compile(r"\b(?:that|said|says|told|who|which)\b|[,;:]", re.IGNORECASE)


def other_side(side: str) -> str:
    """The side that holds what `side` lost: the rebels for the government, else the government."""
    return "rebels" if side == "government" else "government"


def kurds_own(place) -> bool:
    """Whether `place` is Sheikh Maqsoud, the district the YPG held from 2012 to the end of the
    battle: there the other side of the rebels, and of the government, is the Kurds."""
    return place is not None and place.districts == ("ash-sheikh-maqsoud",)


# "Rebels and the YPG besieged X": a side joined to the subject's side (not after "between" or
# "with") acts with it, and is no other side of the fighting.
CO_JOINED = re.compile(r"\s*(?:,|and|&)\s+(?:the\s+)?", re.IGNORECASE)
PAIRED_BEFORE = re.compile(r"\b(?:between|with|from|against)\s+(?:the\s+)?$", re.IGNORECASE)


def co_subjects_dropped(sides, subject: str, sentence: str):
    """The sides without those joined to a side of the subject's ("the YPG and the rebels")."""
    kept = []
    for pair, s in zip([None, *sides], sides, strict=False):
        if (
            pair is not None
            and pair.value == subject
            and CO_JOINED.fullmatch(sentence[pair.end : s.start])
            and not PAIRED_BEFORE.search(sentence[max(0, pair.start - 12) : pair.start])
        ):
            continue
        kept.append(s)
    return kept


def kurds_other(claim, subject: str, sides, speaker, place=None) -> tuple[str, str] | None:
    """The Kurds, not the government, hold what the rebels lose or besiege (or what is taken from
    them with no taker named) when the sentence names the Kurds (or, for a siege, the outlet is
    Kurdish, or the place is the Kurds' own district) and names no side of the government; and
    the rebels (or Nusra) what the Kurds (or ISIS) lose when the sentence names them and none of the
    government. In the Kurds' own district, what the government loses or besieges is the Kurds'
    when the sentence names no rebels."""
    named = {s.value for s in sides}
    kurdish_place = kurds_own(place)
    if claim and claim[0] == "rebels" and subject == "government" and kurdish_place:
        return ("kurdish_ypg", claim[1]) if "rebels" not in named else claim
    kurdish = (
        "kurdish_ypg" in named
        or kurdish_place
        or (speaker.stance == "kurdish" and claim and claim[1] == "held")
    )
    if claim and claim[0] == "government" and subject in ("rebels", "nusra") and kurdish:
        return ("kurdish_ypg", claim[1]) if "government" not in named else claim
    if (
        claim
        and claim[0] == "government"
        and subject in ("kurdish_ypg", "isis")
        and "government" not in named
    ):
        rebel = "rebels" if "rebels" in named else "nusra" if "nusra" in named else ""
        return (rebel, claim[1]) if rebel else claim  # "the YPG withdrew after clashes with Nusra"
    return claim


def taken_from(sentence: str, side: Span) -> bool:
    """A side after "from" ("seized X from the rebels") is the one a place was taken from."""
    before = sentence[max(0, side.start - 30) : side.start]
    return bool(FROM_BEFORE.search(before)) and not PARTITIVE_BEFORE.search(before)


# "X is no longer under government control (in rebel hands, rebel-held)", "the only area not under
# Damascus' control (under the control of the regime)".
NOT_UNDER = re.compile(
    r"\b(?:not|no\s+longer)\s+(?:under\s+(?:the\s+)?control\s+of\s+(?:the\s+)?"
    r"|(?:under|in)\s+(?:the\s+)?)?$|(?<!\w)لم\s+[يت]عد\s+(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)


def not_under(sentence: str, verb: Span, span: Span, place, sides, speaker):
    """Rule 3's holding denied: a place no longer (not) under a side's control ("X is no longer
    under government control", "no longer in rebel hands", "no longer rebel-held", "لم يعد حي X تحت
    سيطرة المعارضة") is held by the other side, the Kurds in their own district
    ("Sheikh Maqsoud, the only area not under Damascus' control"; `kurds_other`)."""
    before = sentence[max(0, verb.start - 40) : verb.start]
    # Arabic names the side after its noun of control: "تحت سيطرة المعارضة".
    denial = NOT_UNDER.search(before)
    side = verb.side or next((s.value for s in sides if 0 <= s.start - verb.end <= 2), "")
    if denial and not side and not denial.group().isascii():  # "لم تعد قوات النظام تسيطر على X"
        start = max(0, verb.start - 40) + denial.start()
        side = next((s.value for s in sides if start < s.start and s.end <= verb.start), "")
    if not side or not denial or (verb.start < span.end and denial.group().isascii()):
        return None  # Arabic may name the place after its verb: "لم تعد ... تسيطر على X"
    claim = kurds_other((other_side(side), "held"), side, sides, speaker, place)
    return (claim, verb) if claim else None


def kept_from(sentence: str, verb: Span, place: Span, sides: list[Span]):
    """Rule 3's failed taking "from" a side ("the army could not take X from the Kurds",
    "rebels failed to seize X from the YPG"): that side still holds the place; an attempt
    driven back ("tried to enter X but were pushed back"): the defender holds it. The caller never
    asks it of the city as a whole ("fighting to recapture Aleppo from rebels" says they hold a
    part of it, not the whole)."""
    back = DRIVEN_BACK.match(sentence, place.end)
    if back and verb.value in ("takes", "fights"):
        by = [
            s
            for s in sides
            if s.start >= back.end() and BY.fullmatch(sentence[back.end() : s.start])
        ]
        before = [  # the attacker, in the verb's own clause ("X told CNN that soldiers tried")
            s
            for s in sides
            if s.end <= verb.start and not OTHER_CLAUSE.search(sentence[s.end : verb.start])
        ]
        holder = by[0].value if by else other_side(before[-1].value) if before else ""
        if holder:
            return (holder, "held"), Span(verb.start, verb.end, "holds", verb.text, holder)
    kept = [
        s
        for s in sides
        if verb.value == "takes" and s.start >= place.end and taken_from(sentence, s)
    ]
    if not kept or words.CLAUSE_BREAK.search(sentence[place.end : kept[0].start]):
        return None
    return (kept[0].value, "held"), Span(verb.start, verb.end, "holds", verb.text, kept[0].value)


# "طرد الثوار قوات النظام من X" (VSO: the first side after the verb expels the second), "قوات
# النظام تطرد المسلحين من X" (SVO: the side right before the verb expels the one after it).
EXPEL_AR = re.compile(r"[يت]?طرد(?:ت|وا|ون)?")


def recipient(sentence: str, verb: Span, place: Span, sides: list[Span]) -> tuple[str, str] | None:
    """Rule 3's named recipient: a place lost, left or handed over to a side named after it
    ("handed over X to Kurdish fighters", "lost X to the YPG"), or taken by a side right after
    it ("withdrew from X, which Kurdish fighters then took", "left X, allowing the YPG to move
    in", "pulled out of X, leaving it to the YPG"), is held by that side, not by the other side
    of the one that lost it. A place withdrawn to has no recipient. An Arabic expelling with its
    subject before it ("قوات النظام تطرد المسلحين من X") is that side's taking, not the
    expelled's."""
    if verb.value == "fights" and verb.end <= place.start:
        return retaken(sentence, place, sides)
    if EXPEL_AR.fullmatch(verb.text) and verb.end <= place.start:
        before = [
            s for s in sides if s.end <= verb.start and not sentence[s.end : verb.start].strip()
        ]
        return (
            (before[-1].value, "captured") if before else None
        )  # "قوات النظام تطرد المسلحين من X"
    if verb.value != "loses" or verb.end > place.start:
        return None
    if words.DESTINATION.search(sentence[verb.end : place.start]):
        return None  # "withdrew to X and the army entered Y": X is where they went, not given
    handed = words.LOST_TO.match(verb.text) or HANDED.match(verb.text)
    for side in sides:
        if side.start < place.end or words.HELD_SUFFIX.match(sentence, side.end):
            continue
        gap = sentence[place.end : side.start]
        if HANDED_AR.match(verb.text) and RECIPIENT_TO_AR.fullmatch(gap):
            return (side.value, "lost")  # the Arabic handover's claim: a loss, to that side
        if (
            (handed and RECIPIENT_TO.fullmatch(gap))
            or RECIPIENT_LEFT.fullmatch(gap)
            or RECIPIENT_BY.fullmatch(gap)
            or (RECIPIENT_WHICH.fullmatch(gap) and RECIPIENT_TOOK.match(sentence, side.end))
        ):
            return (side.value, "captured")
    return None


def retaken(sentence: str, place: Span, sides: list[Span]) -> tuple[str, str] | None:
    """Rule 3's taker after a fight: a place fought over and then taken by a side in a relative
    clause right after it ("rebels attacked X, which the army then took back", "stormed the X
    barracks, which was later recaptured by the army") is that side's."""
    for side in sides:
        if side.start < place.end or words.HELD_SUFFIX.match(sentence, side.end):
            continue
        gap = sentence[place.end : side.start]
        if RECIPIENT_BY.fullmatch(gap):
            return (side.value, "captured")
        if FOUGHT_WHICH.fullmatch(gap) and RECIPIENT_TOOK.match(sentence, side.end):
            return (side.value, "captured")
        return None
    return None


def repelled_before(sentence: str, verb: Span, sides: list[Span]) -> tuple[str, str] | None:
    """Rule 3's attack repelled, Arabic order: "تصدى الثوار لهجوم قوات النظام على X" (the rebels
    repelled the regime's attack on X): the side of the verb of repelling holds X; with none
    named, the other side of the attacker named right after the attack."""
    window = sentence[max(0, verb.start - 40) : verb.start]
    repel = REPELLED_BEFORE.search(window)
    if not repel:
        return None
    start = verb.start - len(window) + repel.start()
    inside = [s for s in sides if start <= s.start and s.end <= verb.start]
    ahead = [s for s in sides if s.end <= start and not sentence[s.end : start].strip(" ،")]
    if inside or ahead:
        return ((inside or ahead)[-1].value, "held")
    attackers = [s for s in sides if s.start >= verb.end and s.start - verb.end < 3]
    if not attackers:
        return None
    return (other_side(attackers[0].value), "held")


def taken_over(proposals: list) -> list:
    """Rule 3's taker or holder named elsewhere: a place a side lost with no taker named ("rebels
    withdrew from X"), which the default gives to the other side of the loser, goes to a third
    side that another sentence of the article says took the same place on the same days
    ("Kurdish forces seized X"); a place a side besieges ("rebels surrounded X"), which the
    default gives to the other side of the besieger, is held by a third side that another
    sentence says took or holds it on overlapping days ("the YPG in X"). That proposal then says
    it already, and the default one is dropped."""
    third = [p for p in proposals if p.controller not in ("government", "rebels", "contested")]
    kept = []
    for p in proposals:
        same = [t for t in third if t.place.label == p.place.label]
        lost = p.claim_type == "lost" and any(
            t.claim_type == "captured" and (t.date_from, t.date_to) == (p.date_from, p.date_to)
            for t in same
        )
        besieged = p.rule.startswith("besieges") and any(
            t.date_from <= p.date_to and p.date_from <= t.date_to and t.controller != "nusra"
            for t in same
        )  # Nusra shares the rebels' ground: "rebels besieged in X" with "Nusra in X" stands
        if not (p.controller in ("government", "rebels") and (lost or besieged)):
            kept.append(p)
    return kept


def siege_broken(sentence: str, verb: Span, subject: str, sides=()) -> tuple[str, str] | None:
    """Rule 2's broken siege: a side that breaks the siege of a place ("rebels broke the siege
    of X", "a battle to break the siege of X", "فك الثوار الحصار عن X", "حاول الثوار فك الحصار
    عن X": trying to break it too) is on the besieged side: it holds X; the breaker is the side
    before the breaking, not the besieger named after the siege ("تمكن الثوار من فك الحصار الذي
    تفرضه قوات النظام على X": the rebels hold X)."""
    start = max(0, verb.start - 30)
    broken = SIEGE_BROKEN.search(sentence[start : verb.start])
    breakers = [s for s in sides if broken and s.end <= start + broken.start()]
    subject = breakers[-1].value if breakers else subject
    return (subject, "held") if verb.value == "besieges" and broken and subject else None
