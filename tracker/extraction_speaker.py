"""Rule 4 of the claim proposer (`tracker.extraction`): who says so.

A source named in the sentence beside a verb of speech ("SOHR said", "according to the Syrian
Army", "بحسب"), matched to sources by name and alias (a name that begins with an article only
when capitalised: "the monitor said" is not "Al-Monitor"); otherwise the document's source. When
no source is named but the one quoted is a side's man ("\"We took X,\" a rebel commander said",
"said an army officer", "a military source told AFP"), the document's source speaks with that
side's stance, so a first person or a verb of taking with no side named is that side's ("We have
just liberated X": the rebels'); an activist or a resident speaks for no side.
"""

from __future__ import annotations

import re

from districts.names import name_key
from tracker.extraction_places import TOKEN, Indexes, Speaker

# Who says so: "X said", "according to X", "بحسب X".
SPEECH_AFTER = re.compile(
    r"\W{0,3}\s*(?:has |have |had )?(?:said|says|reported|reports|announced|claimed|stated|"
    r"confirmed|told|added|noted|tweeted|wrote)\b",
    re.IGNORECASE,
)
# A source's name that begins with an article ("Al-Monitor"): matched only when capitalised.
ARTICLE_NAME = re.compile(r"(?:al|el|the)[-\s]", re.IGNORECASE)
SPEECH_BEFORE = re.compile(
    r"(?:according to|reported by|said|says|cited|told|quoted|بحسب|حسب|وفق|وفقا ل|قال|قالت|أفاد|أفادت|ذكر|ذكرت)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a rebel commander said", "said an army officer", "a military source told AFP": a side's man.
SIDE_MAN = (
    r"(?:a|an|one)\s+(?:senior\s+|local\s+|field\s+)?(rebel|opposition|FSA|army|military"
    r"|government|regime|security|Kurdish|YPG)\s+(?:fighter|commander|spokesman|officer|official"
    r"|source|soldier)"
)
SIDE_SPEAKS = re.compile(
    rf"(?:\b(?:said|says|told\s+\w+)\s+{SIDE_MAN}\b|\b{SIDE_MAN}\s+(?:has\s+)?(?:said|says|told)\b)",
    re.IGNORECASE,
)
SIDE_STANCE = {"rebel": "opposition", "opposition": "opposition", "fsa": "opposition"}
SIDE_STANCE |= {"kurdish": "kurdish", "ypg": "kurdish"}


def speaker_find(sentence: str, indexes: Indexes, default: Speaker) -> Speaker:
    """Rule 4: a source named beside a verb of speech, else the document's source."""
    tokens = list(TOKEN.finditer(sentence))
    for i in range(len(tokens)):
        for n in range(min(5, len(tokens) - i), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            source = indexes.sources.get(name_key(sentence[start:end]))
            if source and ARTICLE_NAME.match(source.name) and sentence[start].islower():
                continue  # "the monitor said" is not "Al-Monitor"
            if source and (
                SPEECH_AFTER.match(sentence, end)
                or SPEECH_BEFORE.search(sentence[max(0, start - 30) : start])
            ):
                return source
    man = SIDE_SPEAKS.search(sentence)
    if man:
        side = (man.group(1) or man.group(2)).casefold()
        return Speaker(default.name, SIDE_STANCE.get(side, "government"))
    return default
