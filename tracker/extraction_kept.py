"""Rule 3 of the claim proposer (`tracker.extraction`): who holds a place when the verb that reaches
it claims nothing (a denial, a loss only foreseen).

- **A side that denies the other side's taking** ("Rebels denied that the army took X", "نفت فصائل
  المعارضة سيطرة قوات النظام على X", "o exército desmentiu a tomada de X pelos rebeldes": in every
  language read) or its own loss ("the army denied that it had lost X") holds the place, as it
  says (`denied_by`).
- **A side a loss would harm** ("Losing X would be disastrous for the rebels", "The loss of X would
  be a heavy blow to the regime") holds the place now: a loss foreseen is of what one has
  (`loss_foreseen`). Only a loss with no loser named before it, and only a harm (a blow, a
  disaster, a setback): "If the rebels lose X, it would be a victory for the regime" names the
  winner, not the holder.
- **A verb that claims nothing at all**: one inside a denied report ("Rebels denied the army had
  taken X", "denied the army was in control of X"; not past "said": "denied it was hit and said it
  had retaken X" is a taking) or inside an expectation ("only a matter of time before X is back in
  government hands") (`not_so`, read by `tracker.extraction_verbs.negated`).
"""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker import extraction_words_arabic as arabic
from tracker.extraction_places import Span
from tracker.extraction_recipient import other_side

# "Rebels denied that the army took X", "نفت فصائل المعارضة سيطرة قوات النظام على X", "desmentiram".
DENYING = re.compile(
    rf"\b(?:denied|denies|deny|denying|rejected|dismissed|refuted)\b|(?<!\w)(?:{words.intl.DENIAL_WORDS})(?!\w)",
    re.IGNORECASE,
)


def denied_by(sentence: str, verb: Span, sides: list[Span]):
    """Rule 3's denial by the other side: a side that denies another side's taking ("Rebels
    denied that the army took X"; in Arabic the side right after the verb of denial: "نفت فصائل
    المعارضة سيطرة قوات النظام على X") holds the place, as it says; so does a side that denies its
    own loss ("نفت قوات النظام انسحابها من X", "the army denied that it had lost X"). A denial of a
    taking with no taker named, by the taker's own side or by a third side ("The Kurds denied that
    rebels had taken X"), claims nothing."""
    denials = list(DENYING.finditer(sentence[max(0, verb.start - 80) : verb.start]))
    if verb.value not in ("takes", "loses") or not denials:
        return None
    at = max(0, verb.start - 80) + denials[-1].start()
    deniers = [s for s in sides if s.end <= at and not re.search(r"[,;]", sentence[s.end : at])]
    after = [s for s in sides if s.start > at]
    if not deniers and after and not denials[-1].group().isascii():
        deniers, after = after[:1], after[1:]  # Arabic, verb first: "نفت المعارضة سيطرة النظام"
    if not deniers:
        return None
    if verb.value == "loses" and any(s.value != deniers[-1].value for s in after):
        return None  # "the army denied that rebels lost X": no holder said
    if verb.value == "takes" and (not after or other_side(after[0].value) != deniers[-1].value):
        return None  # "The Kurds denied that rebels had taken X": a third side holds nothing
    holder = deniers[-1]
    return (holder.value, "held"), Span(verb.start, verb.end, "holds", verb.text, holder.value)


# "would be disastrous for the rebels", "would deal a heavy blow to the regime": a harm foreseen.
HARM_FOR = re.compile(
    r"\b(?:would|could|will|might|may)\s+[^.;:]{0,40}?\b(?:blows?|disasters?|disastrous"
    r"|catastroph\w*|setbacks?|devastating|painful|costly|damaging|crippling)\b[^.;:]{0,20}?"
    r"\b(?:for|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def loss_foreseen(sentence: str, verb: Span, place: Span, sides: list[Span]):
    """Rule 3's loss foreseen: the side a loss of the place would harm ("Losing X would be
    disastrous for the rebels") holds it now; None if a side stands before the verb."""
    if verb.value != "loses" or verb.end > place.start or any(s.end <= verb.start for s in sides):
        return None
    for side in sides:
        if side.start > place.end and HARM_FOR.search(sentence[place.end : side.start]):
            return (side.value, "held"), Span(side.start, side.end, "holds", side.text, side.value)
    return None


# A denial of a clause reported further back: "disputing an official's account to Reuters that
# the government has retaken X", "Rebels denied the army had taken X", "denied the army was in
# control of X" (a copula after the denial, as "that"; not past "said": "denied it was hit and
# said it had retaken X" is a taking).
# "hit back at claims that": a denial too. The denial reaches no further than its clause: no
# comma or "but" between ("Rebels denied reports of a truce, but the army has captured X" is a
# capture).
# "it would only be a matter of time before X is back in government hands": what is expected,
# not what is, up to the end of the clause ("but", "and" ends it).
EXPECTED_CLAUSE = re.compile(
    r"\ba (?:matter|question) of (?:time|days|weeks|hours) (?:before|until)\b"
    r"(?:(?!\b(?:but|and)\b)[^.;:])*$",
    re.IGNORECASE,
)
DENIED_CLAUSE = re.compile(
    rf"{arabic.DENIED_REPORT}|\b(?:denied|denies|deny|denying|dismissed|rejected|disput(?:e|es|ed|ing)"
    r"|hit(?:s|ting)? back at (?:the )?(?:[\w'’-]+ )?(?:claims|reports|accusations))\b"
    r"(?:(?!\b(?:but|said|says|saying|added)\b)[^.;:,])*?"
    r"(?:\bthat|\b(?:had|has|have|was|were|is|are))"
    r"\s+(?:[\w'’\-]+\s+){0,4}$",
    re.IGNORECASE,
)


def not_so(sentence: str, verb: Span) -> bool:
    """A verb inside a denied report ("Rebels denied the army had taken X") or an expectation ("a
    matter of time before X is back in government hands"): it claims nothing."""
    return bool(
        DENIED_CLAUSE.search(sentence[max(0, verb.start - 120) : verb.start])
        or EXPECTED_CLAUSE.search(sentence[max(0, verb.start - 160) : verb.start])
    )
