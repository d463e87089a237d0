"""Rule 5 of the claim proposer (`tracker.extraction`): the days a sentence speaks of.

A sentence in the past perfect with no other word of time ("the army had liberated X") tells
of something done before the report: the day before the publication to the day.

A word of time inside a relative clause ("captured X, which rebels had held since 2012", "X,
which the army seized last week, ...") dates that clause's verb only: for a claim whose verb is
outside the clause, the clause is read as if it were not there."""

from __future__ import annotations

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
RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose|where)\b[^,;:]*(?:[,;:]|$)", re.I)
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
                return day, last
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
    for pattern, before, end in WINDOW_PATTERNS:
        if pattern.search(sentence):
            start = published - datetime.timedelta(days=before)
            return start, published - datetime.timedelta(days=end)
    if PAST_PERFECT.search(sentence):  # "the army had liberated X": before the report
        return published - datetime.timedelta(days=1), published
    return published, published


def clause_window(
    sentence: str, verb_start: int, published: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """Rule 5 for the verb at `verb_start`: the days, without relative clauses that hold
    neither it nor its place (blanked, so positions stay)."""
    kept = sentence
    for clause in RELATIVE_CLAUSE.finditer(sentence):
        if not clause.start() <= verb_start < clause.end():
            kept = kept[: clause.start()] + " " * len(clause.group()) + kept[clause.end() :]
    return window_find(kept, published)


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
