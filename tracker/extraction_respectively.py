"""Rule 3's pairing by "respectively" (`tracker.extraction`): sides named together and places
named together, with "respectively" after the places, pair in their order.

"Rebels and the army hold X and Y respectively" gives X to the rebels and Y to the government
(so do French "respectivement", Spanish "respectivamente", Italian "rispettivamente", German
"jeweils" and Arabic "على التوالي", after the places or right before them);
"X and Y are held by the army and rebels, respectively" likewise in the passive; "Rebels and the
army took X and Y respectively" are two takings, each by its own side, and "lost" gives each place
to the other side of its loser. The sides must be as many as the places, one phrase ("rebels,
Kurdish fighters and the army"); without "respectively" the list shares its one verb's subject.
Fighting, which needs no side, is contested either way. Days named together before
"respectively" pair with the places in order too: "Rebels took X and Y on Monday and Tuesday
respectively" dates X Monday and Y Tuesday (`respective_days`).
"""

from __future__ import annotations

import datetime
import re

from tracker import extraction_words_time as time_words
from tracker.extraction_places import Span
from tracker.extraction_verbs import meaning_claim

RESPECTIVE = (
    r"(?:respectively|respectivement|respectivamente|rispettivamente|jeweils)\b|على التوالي"
)
# "respectively" after the places, in their clause, or right before them ("contrôlent
# respectivement X et Y").
RESPECTIVELY = re.compile(rf"[^.;:]*?(?<!\w)(?:{RESPECTIVE})", re.I)
RESPECTIVELY_BEFORE = re.compile(rf"(?<!\w)(?:{RESPECTIVE})\s+(?:(?:à|a|en|على)\s+)?$", re.I)
# Between two of one run: "rebels and the army", "the YPG, rebels and the army", "X, Y and Z",
# "les rebelles et l'armée", "الثوار والجيش".
JOINED = re.compile(
    r"\s*(?:,\s*(?:(?:and|et|y|e|und)\s+)?|\s+(?:and|et|y|e|und)\s+|\s+و)"
    r"(?:the\s+|l['’]|(?:el|la|le|les|los|die|der|das)\s+)?",
    re.I,
)

SWALLOWED = re.compile(r"\s(?:and|et|y|e|und)$", re.I)


def _joined(sentence: str, before: Span, span: Span) -> bool:
    """Whether two spans are joined by a comma or a conjunction, also one a span took in
    ("وصلاح الدين": and Salah ad-Din; "Bustan al-Qasr et", read as one name)."""
    gap = sentence[before.end : span.start]
    taken_in = span.text.startswith("و") or SWALLOWED.search(before.text)
    return bool(JOINED.fullmatch(gap) or (not gap.strip() and taken_in))


def _chains(sentence: str, spans: list[Span]) -> list[list[Span]]:
    """Spans in runs joined by commas and "and" ("rebels and the army", "X, Y and Z")."""
    chains: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: s.start):
        if chains and _joined(sentence, chains[-1][-1], span):
            chains[-1].append(span)
        else:
            chains.append([span])
    return chains


def respective(
    sentence: str, span: Span, spans: list[Span], sides: list[Span], verb: Span, claim
) -> tuple[str, str]:
    """The claim for the place at `span`: paired with its side in order when it is one of a run
    of places that "respectively" follows and as many sides are named together; else `claim`."""
    run = next((c for c in _chains(sentence, spans) if span in c), [span])
    said = RESPECTIVELY.match(sentence, run[-1].end) or RESPECTIVELY_BEFORE.search(
        sentence[max(0, run[0].start - 30) : run[0].start]
    )
    if len(run) < 2 or not said or claim[0] == "contested":
        return claim
    paired = next((c for c in _chains(sentence, sides) if len(c) == len(run)), None)
    if paired is None:
        return claim
    return meaning_claim(verb.value, paired[run.index(span)].value) or claim


_DAY = "|".join(sorted(time_words.WEEKDAYS, key=len, reverse=True))
# "on Monday and Tuesday", "on Monday, Tuesday and Friday", "lundi et mardi", "يومي الاثنين والثلاثاء".
DAYS_RUN = re.compile(
    rf"(?<!\w)(?:on\s+|am\s+|يومي\s+)?(?P<days>(?:{_DAY})(?:(?:\s*,\s*|\s+(?:and|et|y|e|und)\s+"
    rf"|\s+(?:and\s+)?on\s+|\s+و)(?:{_DAY}))+)(?!\w)",
    re.I,
)


def respective_days(
    sentence: str, span: Span, spans: list[Span], published: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """The day paired with the place at `span` when a run of places and as many weekdays joined
    are followed by "respectively"; else None."""
    from tracker.extraction_when import window_find

    run = next((c for c in _chains(sentence, spans) if span in c), [span])
    said = RESPECTIVELY.match(sentence, run[-1].end)
    if len(run) < 2 or not said:
        return None
    days = DAYS_RUN.search(sentence, run[-1].end, said.end())
    names = (
        re.findall(rf"(?:(?<!\w)|(?<=(?<!\w)و))(?:{_DAY})(?!\w)", days["days"], re.I)
        if days
        else []
    )
    if len(names) != len(run):
        return None
    return window_find(f"on {names[run.index(span)]}", published)
