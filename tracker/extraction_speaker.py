"""Rule 4 of the claim proposer (`tracker.extraction`): who says so.

A source named in the sentence beside a verb of speech ("SOHR said", "according to the Syrian
Army", "بحسب"), matched to sources by name and alias (a name that begins with an article only
when capitalised: "the monitor said" is not "Al-Monitor"); otherwise the document's source.
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
    return default
