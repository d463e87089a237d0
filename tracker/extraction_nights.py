"""Rule 5 of the claim proposer (`tracker.extraction_when`): a night between two weekdays.

Wire copy in the other languages dates a deed done overnight by the night between two days ("dans la
nuit de vendredi à samedi", "la noche del viernes al sábado", "nella notte tra venerdì e sabato",
"in der Nacht von Freitag auf Samstag", "в ночь с пятницы на субботу") or by the night into the
second ("in der Nacht zum Samstag", "в ночь на субботу"): the deed is dated from the first day to the
second, the last such second day begun by the publication, not the first weekday alone.
"""

from __future__ import annotations

import datetime
import re

from tracker import extraction_words_time as time_words

# Russian weekdays in the genitive, after "с" (from): "с пятницы на субботу".
GENITIVE_DAYS = {
    "понедельника": 0,
    "вторника": 1,
    "среды": 2,
    "четверга": 3,
    "пятницы": 4,
    "субботы": 5,
    "воскресенья": 6,
}
_DAYS = sorted({*time_words.WEEKDAYS, *GENITIVE_DAYS}, key=len, reverse=True)
DAY = "|".join(re.escape(d) for d in _DAYS)
NIGHT = re.compile(
    rf"(?<!\w)(?:(?:nuit|noche|notte|nacht|ночь)\s+(?:de|du|del|tra|fra|von|vom|с)\s+(?:{DAY})"
    rf"\s+(?:à|au|al|a|e|auf|zum|zu|на)|nacht\s+(?:zum|zu|auf)|ночь\s+на)\s+(?P<day>{DAY})(?!\w)",
    re.IGNORECASE,
)


def night_between(sentence: str, published: datetime.date):
    """(the day before, the day) for a night into a weekday the sentence names, else None."""
    match = NIGHT.search(sentence)
    if not match:
        return None
    weekday = time_words.WEEKDAYS[match["day"].lower()]
    day = published - datetime.timedelta(days=(published.weekday() - weekday) % 7)
    return day - datetime.timedelta(days=1), day
