"""Rule 5 of the claim proposer (`tracker.extraction_when`): days written in figures.

- **A date in figures** is that day: "27/11/2016", "27.11.2016", "27-11-2016" (day first, as the
  region's press and the European wires write), "2016-11-27" (year first). When the day-first
  reading is impossible ("11/27/2016") the month-first one is taken; when both are possible and
  differ ("03/12/2016": 3 December or 12 March), the window runs from the earlier to the later,
  the wider window, since the writer's order is not known. A year of two digits ("27/11/16") is of
  this century.
- **A day of the month alone** ("on the 27th", "on the 3rd") is the last such day on or before
  the publication: in the publication's month, or the month before.

A date after the publication day is none: it is a misreading, or a plan. Figures after "version",
"number", "resolution" or "decree" are a number, not a day ("version 2.1.15"); figures joined by
dashes before a word of casualties are counts ("12-10-4 killed and wounded"); an ordinal before
a noun it counts is no day ("on the 2nd attempt", "on the 3rd consecutive day").
"""

from __future__ import annotations

import datetime
import re

NUMERIC_DATE = re.compile(
    # not a version, a document's or a telephone's number: "version 2.1.15", "resolution 22.11.15"
    r"(?<!\bversion )(?<!\bv)(?<!\bno\. )(?<!\bnumber )(?<!\bresolution )(?<!\bdecree )"
    r"(?<![\d/.\-])(?:(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)?\d\d)"
    r"(?!\d)(?!(?<=-\d\d)\s+(?:people\s+)?(?:killed|dead|wounded|injured|missing|casualties))"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d{1,2})-(?P<id>\d{1,2}))(?![\d/.\-]\d)",
    re.IGNORECASE,
)
ORDINAL_DAY = re.compile(
    r"\bon\s+the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:[A-Za-z]+\s+)?"
    r"(?:brigade|division|regiment|battalion|floor|century|anniversary|day|time|round|attempt|try"
    r"|wave|phase|stage|week|month|year|occasion|consecutive|straight|storey|level))",
    re.IGNORECASE,
)


def numeric_window(
    sentence: str, published: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """The days a date in figures, or a day of the month alone, gives; None if there is none."""
    match = NUMERIC_DATE.search(sentence)
    if match and match["iy"]:
        day = _date(int(match["iy"]), int(match["im"]), int(match["id"]))
        return (day, day) if day and day <= published else None
    if match:
        year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
        a, b = int(match["a"]), int(match["b"])
        days = sorted(d for d in {_date(year, b, a), _date(year, a, b)} if d and d <= published)
        return (days[0], days[-1]) if days else None
    match = ORDINAL_DAY.search(sentence)
    if match:
        number = int(match["day"])
        this_month = _date(published.year, published.month, number)
        if this_month and this_month <= published:
            return this_month, this_month
        before = published.replace(day=1) - datetime.timedelta(days=1)
        day = _date(before.year, before.month, number)
        return (day, day) if day else None
    return None


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
