"""A side that fires on a place does not hold it (rules 2 and 3 of `tracker.extraction`):

- a side between "under" and a word of an attack is the attacker, not the holder: "Hanano came
  under rebel fire (shelling, attack, bombardment, siege)" says the rebels fire on Hanano, not
  that it is "under rebel control" (`no_holder_after`, which also passes over a side whose
  areas people left: "fled from the areas of the opposition's control to X", X is where they
  went);
- a side that only shells, strikes or bombs in a clause of its own is no party to another
  clause's holding: "Rebels besieged Sheikh Maqsoud while the army shelled Hanano" names no
  government side in Sheikh Maqsoud, so the Kurds hold it (`shooters_dropped`, read by
  `tracker.extraction_third.third` before `kurds_other`), and Hanano, only shelled, is no
  one's;
- the place an attack is launched from is not fought over: "Rebels launched the assault from their
  positions in X" (the words of fighting of `tracker.extraction_words` stop before "from their
  bases (positions) in"), and X is the attackers' (`tracker.extraction_presence.fired_from`).

Read by `tracker.extraction` (`no_holder_after`), `tracker.extraction_presence` (`UNDER_ATTACK`)
and `tracker.extraction_recipient` (`shooters_dropped`).
"""

from __future__ import annotations

import re

# "fled from the areas of the opposition's control to X": the side's areas are left, X is
# where the people went, which the areas' side does not hold.
AREAS_LEFT = re.compile(r"(?:\s+control)?\s+(?:to|into|towards|إلى|الى|نحو|باتجاه|عبر)\s")
# "came under rebel fire", "under heavy government shelling", "under regime bombardment".
UNDER_ATTACK = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:fire|gunfire|shelling|shells|bombardment|bombing|attacks?|assault"
    r"|strikes?|air ?strikes?|rockets?|mortars?|barrages?|siege|sniper)\b",
    re.IGNORECASE,
)
# "the army shelled", "government jets struck", "regime helicopters dropped barrel bombs on": a
# side whose verb is one of an attack from afar.
SHOOTS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:also|heavily|repeatedly|again)\s+)?(?:shell(?:ed|s)|bomb(?:ed|s)"
    r"|bombard(?:ed|s)|pound(?:ed|s)|struck|strikes|fired (?:on|at)|dropped|targeted|hit)\b",
    re.IGNORECASE,
)


def no_holder_after(sentence: str, end: int) -> bool:
    """Whether the side ending at `end`, after "under" (or "held by"), is no holder there: the
    attacker ("under rebel fire") or a side whose areas people left ("under rebel control to")."""
    return bool(UNDER_ATTACK.match(sentence, end) or AREAS_LEFT.match(sentence, end))


def shooters_dropped(sides, sentence: str):
    """The sides without those whose verb is one of an attack from afar ("while the army
    shelled X"), which holds no place by it."""
    return [s for s in sides if not SHOOTS_AFTER.match(sentence, s.end)]
