"""Rule 3 of the claim proposer (`tracker.extraction_subject`): a side's place in its clause.

- **A side right after a finite verb done to it is its object** ("rebels attacked regime positions
  and captured X", "blew up the last army post and took X", "rebels killed ten soldiers and seized
  X", "fought (drove back) the rebels and took X", "attacked positions of the regime forces and took
  X", "inflicted heavy losses on the rebels and seized X"), not the subject of a later verb, unless
  that verb is one of holding: "shelled army units positioned in X" (the units hold X). But a
  holding coordinated with the first verb has the first verb's subject ("rebels attacked the army
  but still hold X", "repelled an army attack and held X": the rebels hold X). In Arabic, a side
  after a noun of positions ("هجوماً على مواقع قوات النظام وسيطرت على X": the positions' owner) is
  the attack's object, not the subject of a verb after it.
- **A participle that opens the sentence** has no subject of its own and takes the main
  clause's, the first side after the clause's comma ("Driving the rebels from X, the army
  secured the district": the army drove them out, not the rebels). A side inside the
  participle's clause is its object.
- **A relative clause of holding with a pronoun subject** right after the place ("rebels withdrew
  from the last parts of X they held") says what was so before; the verb of taking or losing before
  the place, in the same clause, wins (`held_before`); and after a side ("Rebels who had held X
  since 2012 were driven out"), the verb after the place in its clause.
- **A relative clause between commas after a side** ("Rebels, who have fought the army since 2012,
  still hold X"; "The army, which denied rebel claims of losses, lost X") is an aside for a verb
  outside it (not after another noun, which a side in it may describe: "the Sharia Authority, which
  unites the rebel movements, controls X"): a side inside it is not that verb's subject
  (`relative_asides`); for a verb inside it, it is the clause itself ("X, which the army took on
  Monday, is quiet").
- **An Arabic side after a verbal noun after "after"** ("دخلت قوات النظام حي X بعد انسحاب المسلحين
  منه وسيطرت عليه") is that noun's, not the subject of a verb after it, when another side stands
  before it (`object_of_finite`).
- **Fighting or a siege after "after"** (بعد، إثر، عقب) that follows a place ("سيطر الجيش على X بعد
  معارك مع المسلحين", "took X after clashes", "سيطر الجيش على X بعد حصار") tells how a verb before
  the place was done, and fighting after "despite" (رغم) what it withstood ("ما زال الثوار يسيطرون
  على X رغم هجوم"): neither reaches the place when another verb does. Nor does an adjective of
  siege ("the besieged east", "des belagerten Ostteils"), which says the place is besieged, not
  that the clause's subject besieges it: "Rebels fought in the besieged east" is fighting there,
  "die Aufständischen haben zwei Drittel des belagerten Ostteils eingebüßt" a loss of a part. A
  holding said to be over yields to a verb of taking that reaches the place too ("die Kontrolle
  über das bisher von Rebellen gehaltene Viertel X erlangt": the taker's, not nobody's).
- **An attack that the same clause says was beaten back** ("Troops stormed X but were repelled",
  "rebels attacked X, only to be pushed back") leaves X to the other side of the attacker, or to
  the side it was repelled by (`beaten_back`, read by `tracker.extraction_subject`); not one
  repelled from another place ("attacked X and were repelled from Y").
- **A passive taking with no agent of a place a side is said to hold** ("Rebel-held X was retaken
  on Tuesday", "X, held by rebels since 2012, was captured", "X, a rebel stronghold, was
  overrun", "X, which rebels had held, was retaken") is the other side's taking: the side named
  is the one that lost it (`retaken`). The place is the passive's subject, and the side is said
  of it, not of another noun ("a rebel-held convoy was seized in X" is no taking of X).
- **A side in a phrase of holding** ("rebel-held", "الأحياء الخاضعة لسيطرة الجماعات المسلحة",
  "تحت سيطرة المعارضة") describes a place: it is not the subject of another verb after it ("استعاد
  الجيش X ليطوق الأحياء الخاضعة لسيطرة المسلحين، كما استعاد Y": the army's) (`held_side`).
- **A landmark followed by a relative clause of holding in the present** whose subject is a side
  ("a road leading to X, which the regime also holds", "near X, which rebels still control") is
  held by that side: the clause is said of the place, whatever the sentence names it for
  (`landmark_held`; not a past holding, "X, which rebels held", which tells what was before).
- **A place followed by an aside between commas or dashes and a verb** ("X, which rebels seized
  in 2012, was recaptured by the army", "X – held by the opposition since 2012 – fell") is that
  verb's subject (`main_verb`, rule 2's); a place an attack came from, with its own clause of
  taking ("advanced on X from Y, which it captured last week"), is that clause's object.
"""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker import extraction_words_intl as intl
from tracker import extraction_words_time as time_words
from tracker.extraction_formerly import FORMERLY
from tracker.extraction_places import Span
from tracker.extraction_recipient import other_side

# "rebels fighting the government took X", "forces, after clashes with rebels, took X": a side
# after "with", "against", "alongside" or a verb of fighting in -ing is that verb's object (rule
# 3); so is one after an Arabic verbal noun of expelling or fighting ("طرد الإرهابيين ... تحرير X")
# or after a noun of positions "on" which a side acts ("عملياتها على تجمعات وأوكار الإرهابيين").
OBJECT_SIDE_BEFORE = re.compile(
    r"\b(?:with|against|alongside|(?:fight|battl|attack|besieg|fac|oppos|target|shell|engag"
    r"|confront|pursu|chas)ing)\s+(?:the\s+)?$"
    # Arabic verbal nouns of expelling, pursuing or fighting: "وطرد الإرهابيين", their object.
    r"|(?<!\w)[وفب]?(?:ال)?(?:طرد|ملاحقة|مطاردة|استهداف|قتال|مواجهة|محاربة|القضاء على|مع|ضد)\s+$"
    r"|(?<!\w)(?:على|ضد)\s+(?:[وب]?(?:ال)?(?:تجمعات|مواقع|مقرات|أوكار|معاقل|تحصينات|فلول)\s+){1,2}$",
    re.IGNORECASE,
)
# "rebels attacked regime positions and took X": a finite verb done to the side after it.
FINITE_OBJECT_BEFORE = re.compile(
    r"\b(?:attacked|stormed|overran|blew\s+up|destroyed|targeted|shelled|struck|ambushed|raided"
    r"|bombed|captured|seized|overpowered|killed|defeated|routed|repel+ed|(?:drove|pushed|beat)"
    r"\s+back|fought|battled)\s+(?:(?:the|an?"
    r"|several|two|three|four|five|ten|dozens\s+of|\d+|last|main|forward|remaining|key)\s+){0,2}"
    r"(?:(?:positions|strongholds|bases|posts)\s+of\s+(?:the\s+)?)?$"
    # "inflicted heavy losses on the rebels and seized X": the side the losses fell on.
    r"|\b(?:inflicted|imposed)\s+(?:[\w'’-]+\s+){0,4}?on\s+(?:the\s+)?$"
    # Arabic: the side owning positions, points, checkpoints, fortifications, barracks or
    # gatherings attacked ("على مواقع قوات النظام").
    r"|(?<!\w)[وب]?(?:ال)?(?:مواقع|نقاط|حواجز|تحصينات|ثكنات|تجمعات)\s+$",
    re.IGNORECASE,
)
# "attacked the army but still hold X": a holding coordinated with the verb before the side.
COORDINATED_HOLDING = re.compile(
    r"(?:\s+(?:attacks?|assaults?|offensive|advance|push|positions?|troops|forces|units))?"
    r"\s+(?:but|and|yet)\s+(?:still\s+|now\s+|continue\s+to\s+)?(?=\w+\s*$)",
    re.IGNORECASE,
)


# "دخلت قوات النظام حي X بعد انسحاب المسلحين منه وسيطرت عليه": a side after a verbal noun after
# "after" (before) is that noun's, not the subject of a verb after it.
AR_NOUN_AFTER = re.compile(r"(?<!\w)(?:بعد|إثر|اثر|عقب|قبل)\s+\S+\s+$")


def object_of_finite(sentence: str, side: Span, verb: Span) -> bool:
    """`side` stands right after a finite verb done to it, so it is not `verb`'s subject; nor is an
    Arabic side after a verbal noun after "after" ("بعد انسحاب المسلحين")."""
    if AR_NOUN_AFTER.search(sentence[max(0, side.start - 30) : side.start]):
        return True
    if not FINITE_OBJECT_BEFORE.search(sentence[max(0, side.start - 50) : side.start]):
        return False
    if verb.value != "holds":
        return True
    return bool(COORDINATED_HOLDING.match(sentence[side.end : verb.end]))


# A participle opening the sentence ("Driving", "After driving", "By storming", "Having driven").
OPENING = re.compile(
    r"\s*(?:[\"“]\s*)?(?:(?:after|while|by|on|upon|since|when)\s+)?(?:\w+ing|having\s+\w+)$",
    re.IGNORECASE,
)


def opening_subject(sentence: str, verb: Span, after: list[Span]) -> list[Span]:
    """`after`, the sides after `verb`, from the main clause's subject on when `verb` is a
    participle opening the sentence and a comma closes its clause; otherwise `after` itself."""
    if not OPENING.fullmatch(sentence[: verb.start + len(verb.text.split()[0])]):
        return after
    main = [s for s in after if "," in sentence[verb.end : s.start]]
    return main or after


# "سيطر الجيش على X بعد معارك", "took X after clashes": fighting after "after" is how it was done.
AFTER_FIGHT = re.compile(
    r"(?:\b(?:after|following|despite|in\s+spite\s+of)|(?<!\w)(?:بعد|إثر|اثر|عقب|رغم|بالرغم\s+من"
    r"|على\s+الرغم\s+من))\s+(?:\S+\s+)?$",
    re.I,
)


def circumstance_out(sentence: str, reaching: list, place: Span) -> list:
    """Rule 2's limit: fighting or a siege after "after" (بعد، إثر، عقب) that follows a place
    ("سيطر الجيش على X بعد معارك مع المسلحين") tells how a verb before the place was done, and
    fighting after "despite" (رغم) what it withstood: neither reaches the place when another verb
    does."""
    kept = [
        v
        for v in reaching
        if not (
            v.value in ("fights", "besieges")
            and v.start >= place.end
            and AFTER_FIGHT.search(sentence[max(0, v.start - 30) : v.start])
        )
    ]
    described = [v for v in kept if siege_adjective(sentence, v) and PARTICIPLE.search(v.text)]
    kept = [v for v in kept if v not in described] or kept  # not "the siege of X"
    over = [v for v in kept if v.value == "holds" and held_formerly(sentence, v)]
    if any(v.value == "takes" for v in kept):  # "die Kontrolle über das bisher gehaltene X"
        kept = [v for v in kept if v not in over]
    return kept or reaching


# A participle of siege, not its noun ("the besieged east", not "the siege of X").
PARTICIPLE = re.compile(r"(?:ed|belagert\w*|eingekesselt\w*|umzingelt\w*)$", re.I)


def held_formerly(sentence: str, verb: Span) -> bool:
    """A holding said to be over ("das bisher von Rebellen gehaltene", "former strongholds"):
    `tracker.extraction_formerly`'s words."""
    return bool(FORMERLY.search(sentence[max(0, verb.start - 40) : verb.start]))


def siege_adjective(sentence: str, verb: Span) -> bool:
    """A participle of siege after an article ("the besieged east", "des belagerten Ostteils",
    German's articles in `tracker.extraction_words_intl.ARTICLE_BEFORE`) is an adjective."""
    before = sentence[: verb.start]
    return verb.value == "besieges" and bool(
        words.ARTICLE_BEFORE.search(before) or intl.ARTICLE_BEFORE.search(before)
    )


# "withdrew from the last parts of X they held": a relative clause of holding, its pronoun subject
# the verb's, right after the place.
PRONOUN_HELD_GAP = re.compile(
    r"\s+(?:(?:that|which)\s+)?(?:they|it)\s+(?:(?:had|have|has|still|once|previously)\s+)?$",
    re.IGNORECASE,
)


# "Rebels who had held X since 2012 were driven out": a relative clause of holding after a side.
RELATIVE_HELD = re.compile(
    r"\b(?:who|that|which)\s+(?:(?:had|have|has|once|long|previously|still)\s+)*$", re.IGNORECASE
)


def held_before(sentence: str, verb: Span, verbs: list[Span], place: Span) -> Span | None:
    """Rule 2's reduced relative of holding: a verb of holding whose pronoun subject stands right
    after the place ("rebels withdrew from the last parts of X they held") says what was so
    before; the verb of taking or losing before the place, in the same clause, says what happens
    now, and wins. So does one after the place when the holding is a relative clause after its
    subject ("Rebels who had held X since 2012 were driven out on Tuesday")."""
    if verb.value == "holds" and RELATIVE_HELD.search(
        sentence[max(0, verb.start - 40) : verb.start]
    ):
        after = [  # "Rebels who had held X since 2012 were driven out": the main verb after
            v
            for v in verbs
            if v.start >= place.end
            and v.value in ("takes", "loses")
            and not re.search(r"[,;]", sentence[place.end : v.start])
        ]
        return after[0] if after else None
    if verb.value != "holds" or not PRONOUN_HELD_GAP.fullmatch(sentence[place.end : verb.start]):
        return None
    before = [
        v
        for v in verbs
        if v.end <= place.start
        and v.value in ("takes", "loses")
        and not re.search(r"[,;]", sentence[v.end : place.start])
    ]
    return before[-1] if before else None


# "Rebels, who have fought the army since 2012, still hold X": a relative clause between commas.
RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;:()]{1,80}?,", re.IGNORECASE)


def relative_asides(sentence: str, verb: Span, sides: list[Span]) -> list[tuple[int, int]]:
    """Rule 3's relative asides: the relative clauses between commas right after a side, that do
    not hold `verb`, whose sides are not its subject (after another noun, a side in the clause may
    say what that noun is: "the Sharia Authority, which unites the rebel movements, controls X")."""
    return [
        m.span()
        for m in RELATIVE_ASIDE.finditer(sentence)
        if not m.start() <= verb.start < m.end()
        and any(not sentence[s.end : m.start()].strip() for s in sides if s.end <= m.start())
    ]


# "Troops stormed X but were repelled", "attacked X, only to be beaten back": an attack undone.
BEATEN_BACK = re.compile(
    r"[^.;:!?]{0,60}?\b(?:but|only\s+to\s+be|before\s+being|and\s+(?:were|was))\s+"
    r"(?:(?:were|was|had\s+been|have\s+been|been|quickly|later|then|soon)\s+){0,2}"
    r"(?:repelled|repulsed|beaten\s+back|pushed\s+back|driven\s+back|forced\s+(?:back|to\s+retreat"
    r"|to\s+withdraw|to\s+pull\s+back))\b",
    re.IGNORECASE,
)


# "... repelled from Y", "forced to withdraw from Y": the undoing of an attack on another place.
ELSEWHERE = re.compile(
    r"\s+(?:from|out\s+of)\s+(?!(?:it|there|its|their|the\s+(?:district|neighbou?rhood|area"
    r"|quarter|town|outskirts|edges?))\b)",
    re.IGNORECASE,
)


def beaten_back(sentence: str, verb: Span, sides: list[Span]) -> re.Match[str] | None:
    """The words after a verb of attack up to its undoing ("stormed X but were repelled"), when no
    other side stands between them, whose attack that would be."""
    match = BEATEN_BACK.match(sentence, verb.end)
    if match and ELSEWHERE.match(sentence, match.end()):
        return None  # "attacked X and were repelled from Y": repelled from another place
    if match and not any(verb.end <= s.start < match.end() for s in sides):
        return match
    return None


# "was retaken", "has been captured": a passive taking, whose agent would follow ("by the army").
PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:(?:now|finally|fully"
    r"|completely|eventually|later|quickly|reportedly|then|also)\s+)?$",
    re.IGNORECASE,
)
AGENT_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:by|to|from)\b", re.IGNORECASE)
# How a side is said to hold a place before the verb ("held by rebels": `words.HELD_BY`):
# "rebel-held", "a rebel stronghold", "which rebels had held".
HOLDER_AFTER = re.compile(
    r"[-‑\s](?:held|controlled|run|stronghold|bastion|enclave)\b|\s+(?:had\s+|have\s+)?"
    r"(?:held|controlled)\b",
    re.IGNORECASE,
)


# What may stand between "rebel-held" and the place it describes: "the rebel-held district of X".
HELD_NOUN = re.compile(
    r"[\s,]*(?:(?:district|neighbou?rhood|quarter|area|suburb|town|village)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)


def retaken(sentence: str, verb: Span, sides: list[Span], place: Span) -> tuple[str, str] | None:
    """A passive taking with no agent ("was retaken") of a place described as a side's before
    it ("Rebel-held X", "X, held by rebels,"): the other side took it. The side described is the
    place's: after it, or right before it ("a rebel-held convoy was seized in X" is no taking of X)."""
    if verb.value != "takes" or not PASSIVE_BEFORE.search(sentence[: verb.start]):
        return None
    if place.start > verb.start:
        return None  # the place is not the passive's subject
    if AGENT_AFTER.match(sentence, verb.end) or re.search(r"\b(?:by|to|from)$", verb.text):
        return None  # "by the army", "were handed over to the YPG": the agent named
    held = [
        s
        for s in sides
        if s.end <= verb.start
        and (
            (
                place.end <= s.start
                and words.HELD_BY.search(sentence[max(0, s.start - 40) : s.start])
            )
            or (
                (after := HOLDER_AFTER.match(sentence, s.end))
                and (
                    place.end <= s.start or HELD_NOUN.fullmatch(sentence, after.end(), place.start)
                )
            )
        )
    ]
    if not held or held[-1].value == "kurdish_ypg":
        return None
    return (other_side(held[-1].value), "captured")


# "الخاضعة لسيطرة", "تحت سيطرة", "في قبضة" right before a side: the side holds a place.
AR_HELD_BEFORE = re.compile(
    r"(?<!\w)(?:لسيطرة|تحت\s+سيطرة|في\s+قبضة|بيد|بأيدي|في\s+أيدي|في\s+يد)\s+$"
)


def held_side(sentence: str, side: Span) -> bool:
    """A side in a phrase of holding: "rebel-held" after it, or "الخاضعة لسيطرة", "تحت سيطرة",
    "under the control of", "مناطق سيطرة" before it."""
    before = sentence[max(0, side.start - 40) : side.start]
    return bool(
        words.HELD_SUFFIX.match(sentence, side.end)
        or words.HELD_BY.search(before)
        or AR_HELD_BEFORE.search(before)
    )


APPOSED_CLAUSE = re.compile(
    r"(?:\s+[\w'’-]+){0,3},\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:neighbo(?:u)?rhood|district|quarter|area|suburb)\s+(?:that|which)\s+",
    re.IGNORECASE,
)
# "X – held by the opposition since 2012 – fell to the army": the aside between dashes, as
# between commas (`tracker.extraction_words.RELATIVE_AFTER`).
DASHED_ASIDE = re.compile(
    rf"\s+[-–—]\s+(?:{words.ASIDE_OPENERS})\b[^–—;:()]*?\s[-–—](?=\s)", re.IGNORECASE
)

# "X (held by rebels since 2012) fell to the army", "X (under rebel control since 2012) fell": the
# aside in brackets, as between commas.
BRACKETED_ASIDE = re.compile(r"\s*\([^()]*\)")


# "near X, which the regime (also, still) holds": a relative pronoun, the side, a present holding.
RELATIVE_LEAD = re.compile(r"\s*,\s*(?:which|that)\s+", re.IGNORECASE)
PRESENT_HOLDING = re.compile(
    rf"\s+(?:(?:also|firmly|already)\s+)*(?:{time_words.PRESENT_HOLDING.pattern})", re.IGNORECASE
)


def landmark_held(sentence: str, place: Span, sides: list[Span]):
    """A landmark's relative clause of holding in the present ("the road to X, which the regime
    also holds"): the side holding it, as a claim and its verb, or None."""
    lead = RELATIVE_LEAD.match(sentence, place.end)
    at = lead.end() if lead else len(sentence) + 1
    for side in sides:
        if side.start >= at and re.fullmatch(r"(?:the\s+)?", sentence[at : side.start]):
            held = PRESENT_HOLDING.match(sentence, side.end)
            if held:
                text = sentence[side.start : held.end()]
                return (side.value, "held"), Span(side.start, held.end(), "holds", text, side.value)
    return None


# "advanced on X from Y, which it captured last week": where an attack came from, and its clause.
FROM_BEFORE = re.compile(r"\b(?:from|out\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
ORIGIN_CLAUSE = re.compile(
    r"\s*,\s*(?:which|that)\s+(?:it|they|(?:the\s+)?[\w-]+)\s+(?:ha[ds]\s+|have\s+)?", re.I
)


def main_verb(sentence: str, verbs: list[Span], place: Span) -> list[Span]:
    """Rule 2's relative clause: a place followed by a relative clause between commas (dashes,
    or an aside in brackets: "X (under rebel control since 2012) fell to the army") and a verb ("X, which rebels seized in 2012, was recaptured by the army", "..., is now back in
    government hands", "..., is now under army control") is that verb's subject; the verb of the
    clause, though nearer, tells of the past. A place followed by a noun of places in apposition
    and its relative clause ("X on Monday, a neighbourhood that regime forces captured earlier in
    the day") is that clause's object, whatever verb comes before it, and so is a place an advance
    came from ("advanced on X from Y, which it captured last week": Y taken last week)."""
    before = [v for v in verbs if v.end <= place.start][-1:]
    if before and before[0].value == "fights" and FROM_BEFORE.search(sentence[: place.start]):
        origin = [v for v in verbs if ORIGIN_CLAUSE.fullmatch(sentence[place.end : v.start])]
        if origin and origin[0].value in ("takes", "loses"):
            return origin[:1]  # "from Y, which it captured last week": Y taken then
    apposed = APPOSED_CLAUSE.match(sentence, place.end)
    if apposed:  # "X district on Monday, a neighbourhood that regime forces captured"
        return [v for v in verbs if v.start >= apposed.end() and not v.adjective][:1]
    clause = (
        words.RELATIVE_AFTER.match(sentence, place.end)
        or DASHED_ASIDE.match(sentence, place.end)
        or BRACKETED_ASIDE.match(sentence, place.end)
    )
    if not clause:
        return []
    return [
        v
        for v in verbs
        if v.start >= clause.end()
        and not v.adjective
        and words.SUBJECT_GAP.fullmatch(sentence[clause.end() : v.start])
    ][:1]
