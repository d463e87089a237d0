"""Rule 3 of the claim proposer (`tracker.extraction`): whose verb it is.

The subject of a passive verb or a verb ending in "to" ("fell to", "handed over to") is the side
after it (but not after a verb of withdrawing and "to", where the side went: "withdrew to X"); in
Arabic (verb first) the side right after the verb (not past على, inside the verb's object: "الجيش
سيطر على حي X الخاضع لسيطرة المعارضة", nor, failing all else, past على at all: "إعادة الأمن إلى X
بعد القضاء على المسلحين" is not the militants'), but a verbal noun with a possessive suffix ("أعلن
الثوار صدهم هجوماً": their repelling), or a noun with its accusative tanween written ("تفرض قوات
النظام طوقاً"), is the side's named before it; in English the side nearest before the verb (but a
participle after "after", "while", "by" ... or a comma has the main clause's subject, the first
side), else the first after it (but not one in a participle's clause, "after eliminating
terrorists", Arabic "بعد انسحاب الفصائل": its object); failing all, the speaker's own side, if asked
for; and that side alone when the first person ("we", "our forces") stands nearer before the verb
than any side named, whom the one quoted speaks for ("against the regime forces, that's why we
withdrew": not the regime's withdrawal; but a reporter's "we were told", "we understand" is no
side). A side inside a parenthesis, between dashes (but for a verb there: "X – held by rebels –")
or after "not" between commas ("Rebels, not the army, hold X"; nor, in a cleft, "It was the army,
not the rebels, that took X", the antecedent of
"that") or in a relative clause between commas that does not hold the verb ("Rebels, who have fought
the army since 2012, still hold X": `tracker.extraction_clauses`) is not the subject, nor one owning
a place or a line ("through the opposition's frontlines, capturing X") or a noun of places
("pilonner les quartiers rebelles, et ont fini par reprendre X": an adjective) or, after another
side, an attack ("Army Repels Militants' Assault, Recaptures X"; "the army's offensive retook X"),
nor one in an adjective of holding, of a verb other than holding ("advanced into a rebel-held area,
days after it seized X": the army's verb), nor, while another side is named before the verb, a side
after "with", "against", "alongside", a verb of fighting in -ing, a finite verb done to it or, in
Arabic, "على" with a noun of positions ("عملياتها على تجمعات وأوكار الإرهابيين"), which is the
object of that word ("rebels fighting the government took X", "government forces, after
clashes with rebels, took X", "rebels attacked regime positions and captured X", "fought (drove
back) the rebels and took X", "inflicted heavy losses on the rebels and seized X";
`tracker.extraction_clauses`), unless a relative pronoun makes it the antecedent ("clashed with
rebels, who (then) took X": the rebels); but a verb of holding right after such a side describes it
("battles with the forces stationed in X": those forces hold X). An Arabic side after مع (with) or
ضد (against) is never the subject of a verb before it ("استعادت السيطرة على X بعد معارك مع
المسلحين": not the militants'). Nor is a side after an Arabic adjective of siege, which follows its
noun ("حي X المحاصر الذي تسيطر عليه المعارضة": the opposition is besieged there, not the besieger),
the subject of that adjective.

Sides joined as one subject ("the PYD and the Free Syrian Army took X", "Kurdish forces and rebels
took X") are led by the first named, whose verb it is. A side counted leaving ("66 боевиков покинули
X", sixty-six fighters; not after a year or a day) is people, not the side ("300 rebels took X" is
the rebels' taking), and an ally named after "with the support of" ("при поддержке", "mit Hilfe") is not the subject.
German "von" before an active participle of taking ("hat X von den Rebellen zurückerobert"), with
no passive auxiliary, is "from": the side after it lost X.

A side after the start of a new clause ("X was captured, while rebels still hold Y") is not the
subject of a verb before it, nor a side in an Arabic relative clause ("كسر الحصار الذي تفرضه قوات
النظام، بعد السيطرة على X": not the regime's) the subject of a verb after it.

A side a place was taken from (after "from" following a verb of taking, "seized X from the rebels",
or after "of" following a verb of clearing, "cleared X of terrorists":
`tracker.extraction_recipient.taken_from`) is never the verb's subject; when no other side is named,
the taker is the speaker's own side if it is not that one, else the other side of it, and so is the
first person's ("we have recaptured X from pro-Assad militias": the rebels).

A side that is the subject of a passive verb of driving out or repelling ("rebels were driven out of
X", "government forces were repelled from X", "rebels have been ousted from X"; a Russian short
passive needs no auxiliary: "боевики выбиты из X"; "driven from" without "out" is a verb of losing
whose subject, the side before it, is the side driven: "rebels were driven from X", "fighters said
they had been driven from X") is the side driven out: the agent after "by", else the other side,
holds the place. A place besieged by two opposing sides at once ("besieged by both the regime and
the rebels") is held by neither of them: no claim. A side that is the subject of a passive verb of
besieging ("rebels have been besieged in X", "rebels in X are besieged") is the besieged one, and
holds the place. An attack on a place that was repelled leaves it to the side it was repelled by,
else the other side of the attacker ("an attack by rebels on X was repelled": the army's); with no
side named ("an attack on X was repelled") there is no claim. A verb of losing followed by "to" and
a side ("X was lost to the army", "rebels surrendered X to the army") gives the place to that side,
whoever lost it. A recipient or taker named after a place lost, a taking that failed "from" a side,
and a third side named by another sentence of the article are read by
`tracker.extraction_recipient`, whose docstring states them.
"""

from __future__ import annotations

import re

from tracker import extraction_clauses as clauses
from tracker import extraction_words as words
from tracker import extraction_words_arabic as arabic
from tracker import extraction_words_time as time_words
from tracker.extraction_places import Span, Speaker
from tracker.extraction_recipient import other_side, recipient, repelled_before, taken_from

# An aside whose sides are not a verb's subject: "(...)", " – ... – ", " - ... - "; a dateline's
# dash (in capitals: "BEIRUT (Reuters) - ") is consumed first, so it opens no aside with the next.
PARENTHETICAL = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ.'’]+(?:[\s,/]+[A-Z][\w.'’]*)*\s*(?:\([^)]*\)\s*)?[-–—]\s"
    r"|\([^)]*\)|\s[-–—]\s[^–—]*?\s[-–—]\s"
    r"|,\s+(?:and\s+|but\s+)?not\s+[^,;]{1,40}?,"  # "Rebels, not the army, hold X"
)
# "forces were clashing in X, after taking Y": a participle's subject is the main clause's.
PARTICIPLE_BEFORE = re.compile(r"(?:\b(?:after|before|while|by|since|upon)|,)\s+$", re.IGNORECASE)

# "rebels in X are besieged": a side placed in a place, then a passive verb of besieging.
BESIEGED_THERE = re.compile(
    r"\s+(?:in|inside)\s+[^,;]{1,40}?\s+(?:(?:have|has|had)\s+been|are|were|is|was|remain(?:ed)?)"
    r"\s+(?:\w+ly\s+)?",
    re.IGNORECASE,
)
# "rebels, who (then) took X": the side before a relative pronoun is its verb's subject.
WHO_GAP = re.compile(
    r",?\s+(?:who|which|that)\s+(?:(?:had|have|has|had\s+been|have\s+been|then|later|soon"
    r"|\w+ly)\s+){0,2}",
    re.I,
)
# "the PYD and the Free Syrian Army took": sides joined as one subject.
COORDINATED = re.compile(
    r"(?:\s+\([^)]*\))?,?\s+(?:and|as well as|together with|along with|with)\s+(?:the\s+)?",
    re.IGNORECASE,
)
BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)

ARABIC = re.compile("[\u0600-\u06ff]")
# "66 боевиков покинули X", "300 fighters left X": a count of people, not the side itself (not
# a year or a day of a month: "In 2012 rebels seized X", "On December 3 government forces").
COUNTED_BEFORE = re.compile(r"\d[\d\s.,]*\s+$")
YEAR = re.compile(r"(?:19|20)\d\d")
# "forces, with the support of X and Y, took": X and Y are allies, not the subject.
SUPPORTED_BY = re.compile(
    r"\b(?:with the (?:support|help|backing) of|backed by|supported by|при поддержке|с помощью"
    r"|mit (?:der )?(?:hilfe|unterstützung)|con il (?:sostegno|supporto) d\w*|com (?:o )?apoio d\w*)"
    r"\s+(?:[^\s,.;]+\s+){0,5}$",
    re.I,
)
# "كسر الحصار الذي تفرضه قوات النظام": a side after a relative pronoun and its verb is that
# clause's subject, not the subject of a verb after the clause.
AR_RELATIVE = re.compile(r"(?<!\w)(?:الذي|التي|الذين)\s+\S+\s+$")
# German "von" is "by" after a passive ("wurde von der Armee erobert") but "from" before an
# active participle of taking ("hat X von den Rebellen zurückerobert"): the former holder.
VON_BEFORE = re.compile(r"\bvon\s+(?:den|der|dem)?\s*$", re.I)
GERMAN_PASSIVE = re.compile(r"\b(?:wurde|wurden|worden|werden|wird)\b", re.I)
# Russian short passives of driving out, whose side stands right before them with no auxiliary
# ("боевики выбиты из X": the fighters were driven out of X).
SHORT_PASSIVE = re.compile(r"(?:выбит|вытеснен)\w*", re.I)
# "استعادت السيطرة على X بعد معارك مع المسلحين": a side after مع (with) or ضد (against) is
# that word's object, never the subject of a verb before it.
AR_WITH = re.compile(r"(?<!\w)(?:مع|ضد)\s+$")
ON_OBJECT = re.compile(r"(?<!\w)على(?!\w)")  # "سيطر على": what follows is the verb's object
# "by both regime and rebel forces", "by the regime and the rebels": sides joined as one agent.
JOINT_BY = re.compile(r"\bby\s+(?:both\s+)?(?:the\s+)?$", re.IGNORECASE)
JOINT = re.compile(r"(?:\s+forces)?\s+(?:and|as well as)\s+(?:the\s+)?", re.IGNORECASE)
STANCE_SIDE = {"government": "government", "opposition": "rebels", "kurdish": "kurdish_ypg"}
# "cracked through the opposition's frontlines, capturing X", "Repels Militants' Assault,
# Recaptures X": a side owning a place or a line is a modifier, not a subject, and so is one
# owning an attack after another side ("The army's offensive retook X" is the army's; "the
# military's plan of besieging X" is the military's).
# "pilonner les quartiers rebelles, et ont fini par reprendre X": a side written as the adjective
# of a noun of places before it ("barrios rebeldes", "quartieri ribelli") is no verb's subject.
PLACES_NOUN_BEFORE = re.compile(
    r"\b(?:quartiers?|secteurs?|zones?|positions|barrios|zonas|posiciones|quartieri|posizioni"
    r"|bairros|posições)\s+$",
    re.IGNORECASE,
)
HELD_THING_AFTER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:front(?:lines?)?|defen[cs]es|positions|territory|stronghold"
    r"|enclave|pocket|areas|districts|neighbo(?:u)?rhoods|lines)\b",
    re.IGNORECASE,
)
ATTACK_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:assault|attack|offensive)\b", re.I)
# "restored X after eliminating terrorists": a side in a participle's clause is its object.
# "the loss of X was a blow to the rebels": a "to" past the noun's own clause names no taker.
FINITE = re.compile(
    r"\b(?:was|were|is|are|would|will|be|been|has|had|have|dealt|came|proved)\b", re.I
)
# "an army assault (counterattack, aggression) on X was repulsed (by rebels)": the defender holds X.
# "L'attaque de l'armée contre X a été repoussée par les rebelles", "el ataque contra X fue
# rechazado por los rebeldes" likewise.
ATTACK_NOUN = re.compile(
    r"(?:(?:counter-?)?attack|assault|offensive|push|advance|aggression|attaque|ataque|ofensiva|assaut|asalto)s?",
    re.I,
)
REPELLED_AFTER = re.compile(
    r"(?:\s+by\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"  # "an attack by rebels on X"
    r"\s+(?:on|against|into|in|to\s+\w+|de|del|contre|contra|sur|sobre)\s+[^,.;:]{1,60}?"
    r"(?:\b(?:was|were|is|are|has\s+been|had\s+been|have\s+been)\s+(?:(?!not\b|never\b)\w+\s+)?"
    r"(?:repelled|repulsed|thwarted|foiled|beaten\s+back|pushed\s+back|halted|blocked)\b"
    r"|\b(?:a\s+été|ont\s+été|fut|fue|fueron|ha\s+sido|han\s+sido)\s+(?:repouss|rechaz)\w*)",
    re.IGNORECASE,
)
CONJOINED = re.compile(r"\s*,?\s+(?:but|and|yet)\s+(?:(?:then|later|also|soon)\s+)?", re.I)
BY = re.compile(r"\s+(?:by|par|por)\s+(?:the\s+|les?\s+|la\s+|l['’]|los\s+|las\s+|el\s+)?", re.I)
ATTACKER_GAP = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}", re.IGNORECASE)
TO = re.compile(r"\s*to\b", re.IGNORECASE)  # "withdrew to X": where they went, not who took it
PARTICIPLE_CLAUSE = re.compile(r"\b(?:after|before|while|upon)\s+\w+ing\b|(?:بعد|إثر|عقب)\b", re.I)
# "the evacuation of the last rebel convoy from X", "the withdrawal of the rebels": a verbal
# noun's subject follows it after "of".
NOUN_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}", re.IGNORECASE)
NOUNS = ("evacuation", "withdrawal", "departure", "retreat", "exit", "surrender", "advance")
# "we decided to withdraw", "our forces took": the one quoted speaks of their own side (not a
# reporter's "we were told", "we understand", "as we reported").
FIRST_PERSON = re.compile(
    r"\b(?:we(?!\s+(?:(?:are|were|have been|had been)\s+told|understand|understood|know|knew"
    r"|learn(?:ed|t)?|hear|heard|report(?:ed)?)\b)|our (?:forces|fighters|troops|units|men"
    r"|brigades?))\b",
    re.IGNORECASE,
)


def subject_of(sentence: str, verb: Span, sides: list[Span], speaker: Speaker, own=True) -> str:
    """Rule 3: whose verb it is; the speaker's own side last, if `own`. A side after "to" in a
    first clause is not the subject of a second verb after "but" or "and" ("the army lost X to
    the rebels, but took Y": the army took Y)."""
    if verb.side:
        return verb.side
    sides = [s for s in sides if not _counted_or_ally(sentence, s, verb.value == "loses")]
    after = [
        s
        for s in sides
        if s.start >= verb.end
        and not words.CLAUSE_BREAK.search(sentence[verb.end : s.start])
        and not PARTICIPLE_CLAUSE.search(sentence[verb.end : s.start])
        and not arabic.LATER_CLAUSE.search(sentence[verb.end : s.start])
    ]
    losers = [s for s in after if verb.value == "takes" and taken_from(sentence, s)]
    asides = [
        m.span()
        for m in PARENTHETICAL.finditer(sentence)
        if verb.end <= m.start() or verb.start >= m.end()
    ]
    asides += clauses.relative_asides(sentence, verb, sides)
    after = [
        s
        for s in after
        if s not in losers
        and not AR_WITH.search(sentence[max(0, s.start - 12) : s.start])
        and not any(a <= s.start < b for a, b in asides)
        and not (verb.value != "holds" and words.HELD_SUFFIX.match(sentence, s.end))
    ]
    before = [
        s
        for s in sides
        if s.end <= verb.start
        and not any(a <= s.start < b for a, b in asides)
        and not (verb.value != "holds" and clauses.held_side(sentence, s))
        and not HELD_THING_AFTER.match(sentence, s.end)
        and not PLACES_NOUN_BEFORE.search(sentence[max(0, s.start - 20) : s.start])
        and not (ATTACK_AFTER.match(sentence, s.end) and any(o.end <= s.start for o in sides))
        and not AR_RELATIVE.search(sentence[max(0, s.start - 30) : s.start])
        and not _von_former(sentence, s, verb)
        and not _first_clause_object(sentence, s, verb, sides)
    ]
    after = clauses.opening_subject(sentence, verb, after)  # "Driving rebels from X, the army ..."
    if verb.value == "holds" and arabic.HELD_BY_PRONOUN.match(sentence, verb.end):
        return before[-1].value if before else ""  # "الخاضعة لسيطرتها": a side named before
    if verb.value == "besieges" and after and JOINT_BY.search(sentence[verb.end : after[0].start]):
        joint = [s for s in after[1:] if JOINT.fullmatch(sentence[after[0].end : s.start])]
        if any(s.value != after[0].value for s in joint):
            return ""  # "besieged by both the regime and the rebels": held by neither
    gone = verb.value == "loses" and not words.LOST_TO.match(verb.text)  # "withdrew to X"
    passive = words.PASSIVE_AFTER.match(sentence, verb.end)
    if after and (
        passive and not (gone and TO.match(passive.group())) or words.TO_END.search(verb.text)
    ):
        return after[0].value
    noun = verb.text.lower().endswith(NOUNS)
    if after and noun and NOUN_OF.fullmatch(sentence[verb.end : after[0].start]):
        return after[0].value  # "the evacuation of the last rebel convoy from X": theirs
    if before and ARABIC.search(verb.text) and words.POSSESSIVE_SUFFIX.search(verb.text):
        return before[-1].value  # "أعلن الثوار صدهم هجوماً": the rebels' repelling
    if before and ARABIC.search(verb.text) and sentence[verb.end : verb.end + 1] == "\u064b":
        return before[-1].value  # "تفرض قوات النظام طوقاً": a noun, the object of a verb before
    near = after and after[0].start - verb.end < 40  # not past على: "سيطر على X الخاضع لسيطرة"
    if (
        ARABIC.search(verb.text)
        and near
        and not (verb.value == "besieges" and verb.text.startswith(("ال", "وال")))
        and not ON_OBJECT.search(sentence[verb.end : after[0].start])
    ):
        return after[0].value
    participle = verb.text.split()[0].lower().endswith("ing") and PARTICIPLE_BEFORE.search(
        sentence[max(0, verb.start - 10) : verb.start]
    )
    objects = [
        s
        for s in before
        if clauses.OBJECT_SIDE_BEFORE.search(sentence[max(0, s.start - 20) : s.start])
        and (verb.value != "holds" or sentence[s.end : verb.start].strip())
        or clauses.object_of_finite(sentence, s, verb)  # "attacked army posts and took X"
    ]
    before = [s for s in before if s not in objects] or before
    own_side = STANCE_SIDE.get(speaker.stance, "") if own else ""
    first = [m for m in FIRST_PERSON.finditer(sentence[: verb.start])]
    if first and (not before or first[-1].start() >= before[-1].end):
        # "against the regime forces, that's why we decided to withdraw"; "we took X from the
        # regime": with no own side, the other side of the one X was taken from
        return own_side or (other_side(losers[0].value) if losers else "")
    kept = [s for s in sides if not any(a <= s.start < b for a, b in asides)]  # "not the rebels,"
    relative = [s for s in kept if WHO_GAP.fullmatch(sentence[s.end : verb.start])]
    if relative:
        return relative[-1].value  # "clashed with rebels, who took X": the antecedent
    while len(before) > 1 and COORDINATED.fullmatch(sentence[before[-2].end : before[-1].start]):
        before = before[:-1]  # "the PYD and the FSA took": the first named leads
    if before:
        return before[0 if participle else -1].value
    if after and not (
        ARABIC.search(verb.text) and ON_OBJECT.search(sentence[verb.end : after[0].start])
    ):
        return after[0].value  # not past على, in another verb's object: "بعد القضاء على المسلحين"
    if losers and own_side in ("", losers[0].value):
        return other_side(losers[0].value)  # "Hanano was liberated from terrorists"
    return own_side


def _counted_or_ally(sentence: str, side: Span, leaving: bool) -> bool:
    """A side that cannot be a verb's subject: counted people leaving (not after a year or a day
    of a month), or an ally after "with the support of"."""
    before = sentence[max(0, side.start - 80) : side.start]
    count = leaving and COUNTED_BEFORE.search(before[-12:])
    prior = before[: len(before) - len(count.group())].rstrip(" ,").lower() if count else ""
    dated = count and (
        YEAR.fullmatch(count.group().strip(" ,")) or prior.endswith(tuple(time_words.MONTHS))
    )
    return bool((count and not dated) or SUPPORTED_BY.search(before))


def _first_clause_object(sentence: str, side: Span, verb: Span, sides: list[Span]) -> bool:
    """ "The army lost X to the rebels, but took Y": a side after "to" in a first clause, right
    before "but" or "and" and a second verb, is that clause's object; the second verb's subject
    is the first clause's subject, named before it."""
    return (
        bool(words.TO_BEFORE.search(sentence[max(0, side.start - 8) : side.start]))
        and bool(CONJOINED.fullmatch(sentence[side.end : verb.start]))
        and any(s.end <= side.start for s in sides)
    )


def _von_former(sentence: str, side: Span, verb: Span) -> bool:
    """German "X von den Rebellen zurückerobert" with no passive auxiliary: the side after
    "von" is the one X was taken from, not the taker."""
    before = sentence[max(0, side.start - 12) : side.start]
    return (
        verb.value == "takes"
        and bool(VON_BEFORE.search(before))
        and not GERMAN_PASSIVE.search(sentence)
    )


def repelled_attack(sentence: str, verb: Span, sides: list[Span]) -> str | None:
    """Rule 3's attack on a place that was repelled ("an army assault on X was repulsed", "an
    attack by rebels on X was repelled", "an army push into X was halted by rebels", "el ataque
    contra X fue rechazado", "Troops stormed X but were repelled": `clauses.beaten_back`): the side
    it was repelled by, else the other side of the attacker, holds X; "" when neither is named
    ("an attack on X was repelled": no claim, and no fighting)."""
    head = verb.text.split()[0]  # "an army push into X was halted by rebels": "push"
    noun = verb.value == "fights" and ATTACK_NOUN.fullmatch(head)
    repelled = (noun and REPELLED_AFTER.match(sentence, verb.start + len(head))) or (
        verb.value == "fights" and clauses.beaten_back(sentence, verb, sides)
    )
    if not repelled:
        return None
    end = repelled.end()
    by = [s for s in sides if s.start >= end and BY.fullmatch(sentence[end : s.start])]
    attackers = [
        s
        for s in sides
        if (s.end <= verb.start and ATTACKER_GAP.fullmatch(sentence[s.end : verb.start]))
        or (verb.end <= s.start < end and BY.fullmatch(sentence[verb.end : s.start]))
    ]
    return by[0].value if by else other_side(attackers[-1].value) if attackers else ""


def driven_out(sentence: str, verb: Span, sides: list[Span], place: Span) -> tuple[str, str] | None:
    """Rule 3's passives of driving out and of besieging, losing "to" a side and a named recipient:
    who holds the place after; and an attack on a place that was repelled (`repelled_attack`;
    "تصدى الثوار لهجوم قوات النظام على X": the side of the verb of repelling)."""
    if given := recipient(sentence, verb, place, sides) or clauses.retaken(
        sentence, verb, sides, place
    ):
        return given
    if holder := repelled_attack(sentence, verb, sides):
        return (holder, "held")
    attack = verb.value == "fights" and (
        ATTACK_NOUN.search(verb.text) or arabic.ATTACK_NOUN.search(verb.text)
    )
    if attack and (held := repelled_before(sentence, verb, sides)):
        return held  # "تصدى الثوار لهجوم قوات النظام على X"
    if verb.value == "loses" and words.LOST_TO.match(verb.text):
        gainers = [
            s
            for s in sides
            if s.start >= verb.end
            and words.TO_BEFORE.search(sentence[max(0, s.start - 8) : s.start])
            and not words.HELD_SUFFIX.match(sentence, s.end)
            and not any(mark in sentence[verb.end : s.start] for mark in ",;:")
            and not FINITE.search(sentence[verb.end : s.start])  # "was a blow to the rebels"
        ]
        return (gainers[0].value, "captured") if gainers else None
    if verb.value == "besieges" and not verb.side:
        besieged = [
            s
            for s in sides
            if s.end <= verb.start
            and (
                words.PATIENT_GAP.fullmatch(sentence[s.end : verb.start])
                or BESIEGED_THERE.fullmatch(sentence[s.end : verb.start])
            )
        ]
        return (besieged[-1].value, "held") if besieged else None
    if verb.side or verb.value not in ("takes", "holds") or not words.EXPELLING.match(verb.text):
        return None
    patients = [
        s
        for s in sides
        if s.end <= verb.start
        and (
            words.PATIENT_GAP.fullmatch(sentence[s.end : verb.start])
            or (SHORT_PASSIVE.fullmatch(verb.text) and not sentence[s.end : verb.start].strip())
        )
    ]
    if not patients:
        return None
    agents = [
        s
        for s in sides
        if s.start >= verb.end and BY_BEFORE.search(sentence[max(0, s.start - 8) : s.start])
    ]
    if re.match(r"\s+(?:who|that)\b", sentence[patients[0].end :]):
        patients = patients[:1]  # "Rebels who attacked the army were driven out": the rebels
    holder = agents[0].value if agents else other_side(patients[-1].value)
    return (holder, "captured" if verb.value == "takes" else "held")
