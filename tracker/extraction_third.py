"""Rule 3 of the claim proposer (`tracker.extraction_recipient`): the taker when every side named
is one the place was taken "from".

A taking whose only sides are the ones the place was taken "from" is the third side's ("captured X
from the regime and the YPG": the rebels'), or the government's when taken from the rebels alone
(`third`). A side named after a comma as the one who says so ("X was taken from the rebels, the
army said") is the speaker, not one more side the place was taken from.
"""

from __future__ import annotations

import re

from tracker.extraction_fire import shooters_dropped
from tracker.extraction_places import Span
from tracker.extraction_recipient import co_subjects_dropped, kurds_other
from tracker.extraction_speaker import SPEECH_AFTER

FROM_SIDE = re.compile(r"\bfrom\s+(?:the\s+)?(?:syrian\s+|kurdish\s+|islamist\s+)?$", re.IGNORECASE)
# "from the regime and the Democratic Union Party's (PYD) People's Defense Units": one phrase.
JOINED = re.compile(r"\s*(?:,|and)\s+(?:the\s+)?(?:[\w'’()-]+\s+){0,3}|[\s'’s()]{0,6}", re.I)


def third(claim, subject: str, sides, speaker, sentence: str, place=None) -> tuple[str, str] | None:
    """The taker when every side named is one a place was taken "from" ("captured X from the
    regime and the YPG": the rebels; from the rebels alone, the government; from the Kurds alone,
    no one known); then `kurds_other`, told whether `place` is the Kurds' own district."""
    taken: list[Span] = []
    for s in sides:
        gap = sentence[taken[-1].end : s.start] if taken else "-"
        # not a side who says so: "X was taken from the rebels, the army said"
        joined = JOINED.fullmatch(gap) and not SPEECH_AFTER.match(sentence, s.end)
        if FROM_SIDE.search(sentence[max(0, s.start - 40) : s.start]) or joined:
            taken.append(s)
    lost_only = sides and len(taken) == len(sides) and subject in {s.value for s in taken}
    if claim and claim[1] == "captured" and lost_only:
        lost = {s.value for s in taken}
        if "government" in lost:
            claim = ("rebels", "captured") if "rebels" not in lost else None
        else:
            claim = ("government", "captured") if "kurdish_ypg" not in lost else None
    sides = co_subjects_dropped(shooters_dropped(sides, sentence), subject, sentence)
    return kurds_other(claim, subject, sides, speaker, place)
