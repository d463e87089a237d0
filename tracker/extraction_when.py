"""Rule 5 of the claim proposer (`tracker.extraction`): the days a sentence speaks of.

The first of these that the sentence has gives the window; days are counted back from the
publication day, and a day or month written without a year is the latest one not after it:

1. A written day ("4 December", "November 26 - 27", "19 July 2012"); after "since" or "منذ",
   from that day to the publication.
2. A year before the publication's: "in 2012" is that year, "since ... 2012" runs from it to
   the publication.
3. A weekday ("on Monday", "يوم الاثنين"): the latest such day not after the publication.
4. A distance back in days ("two days ago", "منذ ثلاثة أيام"): that day. In weeks or months
   ("a week ago", "three months ago"), vaguer, and told as still so: from that week (three
   days before it) or month (half a month before it) to the publication.
5. The words of `RELATIVE_WINDOWS` ("today", "overnight", "over the past couple of weeks").
6. A span up to now ("over the past three days", "in the last 24 hours", "during the past
   two months"): from that far back to the publication.
7. A month without a day, after a preposition ("in November", "since November"): that month,
   its first, second or last ten days when "early", "mid" or "late" is written, and up to the
   publication after "since". "Last month" (الشهر الماضي), "this month" and "earlier this
   month" (هذا الشهر) run from that month's first day to the publication. A lower-case "may" is
   the verb.
8. A sentence in the past perfect with no other word of time ("the army had liberated X")
   tells of something done before the report: the day before the publication to the day.
9. Else the publication day.
"""

from __future__ import annotations

import calendar
import datetime
import re

from tracker import extraction_words as words
from tracker.extraction_places import word_pattern

WINDOW_PATTERNS = [(word_pattern(p), before, end) for p, before, end in words.RELATIVE_WINDOWS]
MONTH = "|".join(sorted(words.MONTHS, key=len, reverse=True))
ORDINAL = r"(?:st|nd|rd|th)?"
YEAR_AFTER = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}}){ORDINAL}(?:\s*[-–]\s*(?P<day2>\d{{1,2}}){ORDINAL})?\s+(?:of\s+)?"
    rf"(?P<month>{MONTH}){YEAR_AFTER}",
    re.I,
)
MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}){ORDINAL}(?:\s*[-–]\s*(?P<day2>\d{{1,2}}))?\b"
    rf"{YEAR_AFTER}",
    re.I,
)
IN_YEAR = re.compile(r"\bin (?:early |late |mid-?)?(?P<year>(?:19|20)\d\d)\b", re.I)
SINCE_YEAR = re.compile(r"\bsince\b.*?\b(?P<year>(?:19|20)\d\d)\b", re.I)
WEEKDAY = word_pattern("|".join(words.WEEKDAYS))
SINCE_BEFORE = re.compile(r"(?:\bsince|منذ)\s+(?:the\s+)?$", re.I)
COUNT = rf"(?P<count>\d+|an?|{'|'.join(sorted(words.NUMBER_WORDS, key=len, reverse=True))})"
UNITS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}
UNIT = r"(?P<unit>hour|day|week|month)s?"
AR_UNITS = {"يوم": 1, "يومين": 2, "أيام": 1, "ساعة": 1 / 24, "ساعات": 1 / 24, "أسبوع": 7}
AR_UNITS |= {"أسبوعين": 14, "أسابيع": 7, "شهر": 30, "أشهر": 30}
AR_UNIT = "|".join(sorted(AR_UNITS, key=len, reverse=True))
AGO = re.compile(rf"\b{COUNT}\s+{UNIT}\s+ago\b", re.I)
AR_AGO = re.compile(rf"منذ\s+(?:{COUNT}\s+)?(?P<unit>{AR_UNIT})(?!\w)")
SPAN_TO_NOW = re.compile(
    rf"\b(?:over|in|during|within|for)\s+the\s+(?:past|last)\s+"
    rf"(?:{COUNT}\s+|(?P<few>few|several|couple of)\s+)?{UNIT}\b",
    re.I,
)
IN_MONTH = re.compile(
    rf"\b(?P<since>since|in|during|by|until|through|from|of|منذ|في|خلال)\s+"
    rf"(?:(?P<part>early|mid|late|the end of|the beginning of|the start of)[- ]?\s*)?"
    rf"(?P<month>{MONTH})\b(?!\s*\d)",
    re.I,
)
THIS_MONTH = re.compile(r"\bthis month\b|هذا الشهر|الشهر الحالي|الشهر الجاري", re.I)
LAST_MONTH = re.compile(r"\blast month\b|الشهر الماضي", re.I)
PARTS = {"early": (1, 10), "the beginning of": (1, 10), "the start of": (1, 10)}
PARTS |= {"mid": (11, 20), "late": (21, 31), "the end of": (21, 31)}
PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:already|just|now|been)\s+)*\w+(?:ed|en)\b", re.I)


def window_find(sentence: str, published: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Rule 5: the days a sentence speaks of, from its words and the publication day."""
    for pattern in (DAY_MONTH, MONTH_DAY):
        match = pattern.search(sentence)
        if match:
            month = words.MONTHS[match["month"].lower()]
            year = int(match["year"]) if match["year"] else None
            day = _day(published, month, int(match["day"]), year)
            last = _day(published, month, int(match["day2"]), year) if match["day2"] else day
            if day and last and day <= last:
                since = SINCE_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()])
                return (day, published) if since else (day, last)
    since = SINCE_YEAR.search(sentence)
    match = since or IN_YEAR.search(sentence)
    if match and int(match["year"]) < published.year:
        year = int(match["year"])
        return datetime.date(year, 1, 1), published if since else datetime.date(year, 12, 31)
    match = WEEKDAY.search(sentence)
    if match:
        weekday = words.WEEKDAYS[match.group().lower()]
        day = published - datetime.timedelta(days=(published.weekday() - weekday) % 7)
        return day, day
    window = _ago(sentence, published)
    if window:
        return window
    for pattern, before, end in WINDOW_PATTERNS:
        if pattern.search(sentence):
            start = published - datetime.timedelta(days=before)
            return start, published - datetime.timedelta(days=end)
    match = SPAN_TO_NOW.search(sentence)
    if match:
        count = 3 if match["few"] and match["few"] != "couple of" else _count(match["count"])
        days = count * UNITS[match["unit"].lower()]
        return published - datetime.timedelta(days=max(1, round(days))), published
    window = _month_window(sentence, published)
    if window:
        return window
    if PAST_PERFECT.search(sentence):  # "the army had liberated X": before the report
        return published - datetime.timedelta(days=1), published
    return published, published


def _day(
    published: datetime.date, month: int, day: int, written: int | None = None
) -> datetime.date | None:
    """The day `day` of `month` in the year written, else in the publication's year, or the
    year before if that is later than the publication."""
    for year in (written,) if written else (published.year, published.year - 1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            return None
        if candidate <= published:
            return candidate
    return None


def _count(word: str | None) -> int:
    """ "two" -> 2, "24" -> 24, "a" or nothing -> 1, "couple of" -> 2."""
    word = (word or "a").lower()
    if word.isdigit():
        return int(word)
    return 1 if word in ("a", "an") else words.NUMBER_WORDS.get(word, 2)


def _ago(sentence: str, published: datetime.date) -> tuple[datetime.date, datetime.date] | None:
    """Rule 5.4: "two days ago", "a week ago", "منذ ثلاثة أيام" (a bare "منذ يومين" is two days)."""
    match = AGO.search(sentence)
    if match:
        unit = UNITS[match["unit"].lower()]
    else:
        match = AR_AGO.search(sentence)
        if not match:
            return None
        unit = AR_UNITS[match["unit"]]
    days = round(_count(match["count"]) * unit) if match["count"] else round(unit)
    day = published - datetime.timedelta(days=days)
    if unit < 7:
        return day, day
    return day - datetime.timedelta(days=3 if unit == 7 else 15), published


def _month_window(
    sentence: str, published: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """Rule 5.7: a month named without a day, this month, last month."""
    if THIS_MONTH.search(sentence):
        return published.replace(day=1), published
    if LAST_MONTH.search(sentence):
        last = published.replace(day=1) - datetime.timedelta(days=1)
        return last.replace(day=1), published
    match = IN_MONTH.search(sentence)
    if not match:
        return None
    month = words.MONTHS[match["month"].lower()]
    if match["month"].lower() == "may" and not match["month"][0].isupper():
        return None  # "in may be": the modal, not the month
    year = published.year if month <= published.month else published.year - 1
    first, last_day = 1, calendar.monthrange(year, month)[1]
    if match["part"]:
        first, last_day = PARTS[match["part"].lower()]
        last_day = min(last_day, calendar.monthrange(year, month)[1])
    start = datetime.date(year, month, first)
    end = min(datetime.date(year, month, last_day), published)
    if match["since"].lower() in ("since", "منذ"):
        end = published
    return start, end
