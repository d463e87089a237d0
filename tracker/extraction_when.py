"""Rule 5 of the claim proposer (`tracker.extraction`): the days a sentence speaks of.

A written day right before a dash ("KurdWatch, August 16, 2016—On July 27, 2016, ...") is a
dateline's, the publication's: a later written day in the sentence (in either order of day and
month: "ANHA, 12 August 2016 - ... on August 10") dates what it tells; not a day after a verb's
"on" ("took X on 12 August 2016 – a day before ... 13 August"). A month beside a day may be the
wires' abbreviation ("Dec. 7", "7 Dec 2016"), at which no sentence ends. A date in figures
("27/11/2016", "2016-11-27") or a day of the month alone ("on the 27th") is read by
`tracker.extraction_numeric_dates`.

A sentence in the past perfect with no other word of time ("the army had liberated X") tells
of something done before the report: the day before the publication to the day. A weekday still to
come ("a deadline of 9:00 am Thursday", "next Thursday") dates nothing.

A month written with its year ("in July 2012", "since August 2012", "seit Juli 2013", "depuis
juillet 2013", "منذ تموز 2013") is that month (since: to the
publication); a month alone after a preposition ("in July", "since October", "in late November") is
the last such month begun by the publication; "earlier this month" is the days of this one; "two
days ago", "three weeks ago", "a month ago", "days ago" (a few) count back from the publication
(weeks and months from half a unit before) to the publication, since what began then may go on; "at
the weekend" ("this (past) weekend") is the last Saturday and Sunday; "at the end of November" is
that month; a season with its year ("in the summer of 2012", "durant l'été 2012", "صيف 2012") is
its three months (winter, counted by writers in either of the years it straddles, from the December
before to the February after); "last month" ("الشهر الماضي", "le mois dernier") runs from the start
of the month before to the publication, since the coders date what it tells at the publication as
often as not. Arabic is read alike: a month after في, خلال or منذ (with و or ف written on: "وفي
آب"; "في مطلع (أواخر، منتصف) أغسطس/آب", "في شهر آب": that month), "هذا الشهر" and "مطلع الشهر"
(this month, early this month), "منذ ثلاثة أيام" and "قبل ثلاثة أيام" (three days ago; "منذ أيام",
a few days ago), "الأسبوع الماضي" (last week), a day as an ordinal ("السابع والعشرين من أيلول"). A
lower-case "may" is the verb, not the month. French, Spanish, Italian, Russian, German and
Portuguese weekdays, their months beside a day ("7 декабря", "7 de dezembro", "le 7 décembre", "am
7. Dezember", where no sentence ends) and after their own prepositions ("im November", "Anfang
Dezember", "en novembre", "a finales de noviembre", "alla fine di novembre"; "seit August", "depuis
juillet": since; after Italian "a" or "fine" only a month no English word spells: "a march" is
none; Russian "в ноябре", "в конце ноября", "с августа": since), "hier" ("ayer", "ieri", "вчера",
"накануне", "gestern", "ontem"; but in a German sentence "hier" is "here"), "сегодня" ("heute",
"hoje"), "неделю назад" and "en 2012" ("nel 2012") are read as their English words. A year after
"in", "during", "throughout", "by" or "for most of" ("throughout 2013", "خلال عام 2013") is that
year; after "since" ("منذ عام 2012", "depuis", "desde", "seit", "dal") it runs to the publication.

After "since" (منذ), a written day or weekday runs from it to the publication ("since December 1",
"منذ ليل السبت": since Saturday night), and so does a month after "since" and the event it dates
("under siege since the army cut off the road in early July"). A span up to now ("over the past
three days", "in the last 24 hours", "during the past two months", "في اليومين الماضيين": in the
past two days, "خلال الأيام الماضية": the past few days) runs from that far back to the publication;
it is read after the words of `tracker.extraction_words_time.RELATIVE_WINDOWS` ("over the past
couple of weeks").

A word of time inside a relative clause or a noun in apposition ("captured X, which rebels had held
since 2012", "X, which the army seized last week, ...", "recaptured X, a rebel stronghold since
2012"; "X, das (die) seit 2012 von Rebellen gehalten wurde", ", in mano ai ribelli dal 2012", Arabic "حي X
الذي كان تحت سيطرة المسلحين منذ عام 2012" with no comma, of holding or its change or of an event
there, "الذي شهد معارك عنيفة خلال الأسبوعين الماضيين", not of place)
dates that clause's verb only: outside, the clause is read as if it were not there; a verb in one
with none is the publication's ("Rebels, who hold X, attacked on Monday"). Likewise a coordinate
clause ("took X on Monday, and advanced into Y on Wednesday"; "but", "while", ";"; Arabic "، و",
"بينما", "فيما": "شنت هجوماً في منتصف نوفمبر، واستطاعت أمس السيطرة على X"; "for the first
time since rebels took it in 2012"; "since rebels captured X in 2012", a clause with a subject and a
past verb) that has a word of time of its own dates its own verbs, and so does a clause after
"after" or "before" that a comma opens ("took X on Monday, weeks after the offensive began in
October": Monday; German ", und", ", nachdem", ", als" ... alike); a holding in the present
("holds", "controls", "kontrolliert", "hält") whose own clause has no word of time is the
publication's ("The army holds X, after rebels came in July 2012": not July); a participle's aside ("retook X, lost to rebels last month") and a relative
clause of holding with no comma ("took X from rebels who had controlled it since March 2013") are
asides too, as is a clause in brackets ("Rebels (who have held X since 2012) lost Y on Tuesday":
Tuesday; not a time alone, "took X (on Monday)"); and a "first ... since" clause ("their first advance there since losing it in 2012")
never dates the deed before it. A word of time in the possessive ("last month's offensive") dates
the event it qualifies, not a holding in the present, by its verb or the words before it ("Rebels
hold X after last month's offensive", "X is still held by rebels despite Monday's assault": the
publication day), unless after "since" ("have held X since last month's offensive")."""

from __future__ import annotations

import calendar
import datetime
import re

from tracker import extraction_words as words
from tracker import extraction_words_numbers as numbers
from tracker import extraction_words_time as time_words
from tracker.extraction_nights import night_between
from tracker.extraction_numeric_dates import numeric_window
from tracker.extraction_patterns import word_pattern

WINDOW_PATTERNS = [(word_pattern(p), before, end) for p, before, end in time_words.RELATIVE_WINDOWS]
MONTH = "|".join(sorted(time_words.MONTHS, key=len, reverse=True))
# A month beside a day may be abbreviated ("Dec. 7", "7 Dec"; `_month_number` reads it).
DAY_MONTHS = (
    MONTH + "|(?:" + "|".join(sorted(time_words.MONTH_ABBREVIATIONS, key=len, reverse=True))
)
DAY_MONTHS += r")(?:\.|\b)"
ORDINAL = r"(?:st|nd|rd|th|\.(?=\s*[^\W\d]))?"  # "7th", German "7. Dezember"
YEAR_AFTER = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}}){ORDINAL}(?:\s*[-–]\s*(?P<day2>\d{{1,2}}){ORDINAL})?\s+(?:(?:of|de)\s+)?"
    rf"(?P<month>{DAY_MONTHS}){YEAR_AFTER}",
    re.I,
)
MONTH_DAY = re.compile(
    rf"\b(?P<month>{DAY_MONTHS})\s+(?P<day>\d{{1,2}}){ORDINAL}(?:\s*[-–]\s*(?P<day2>\d{{1,2}}))?\b"
    rf"{YEAR_AFTER}",
    re.I,
)
MONTH_YEAR = re.compile(
    rf"(?<!\w)(?P<since>(?:since|seit|depuis|desde|dal|منذ)\s+)?(?:(?:early|late|mid-?|the end of|the start of)\s+)?"
    rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
MONTH_ALONE = re.compile(
    rf"(?:\b|(?<=\b[وف]))(?P<prep>in|since|during|by|until|through|throughout|في|خلال|منذ"
    r"|(?:at|by)\s+the\s+(?:end|start|beginning)\s+of)\s+"
    rf"(?:(?:early|late|mid-?|(?:مطلع|[أا]وائل|بداية|منتصف|[أا]واخر|نهاية|شهر)\s)\s*)?"
    rf"(?P<month>{MONTH})\b(?!\s*\d)"
    # Another language's: "im November", "Anfang Dezember", "en mai", "début décembre", "a
    # finales de noviembre", "nel novembre", "alla fine di ottobre", "seit Oktober", "desde julio".
    r"|(?<!\w)(?:(?P<prep2>im|em|en|nel|seit|depuis|desde|dal|Anfang|Ende|Mitte|début|fin|mi-"
    r"|(?:a\s+)?(?:principios|finales|fines|mediados)\s+de|(?:all['’])?inizio\s+(?:di\s+)?"
    r"|alla\s+fine\s+(?:di\s+)?)\s*"
    rf"(?P<month2>{time_words.LATIN_MONTHS})|(?P<prep3>a|fine)\s+(?P<month3>{time_words.FOREIGN_MONTHS})"
    rf"|(?P<prep4>с|в(?:\s+(?:начале|конце|середине))?)\s+(?P<month4>{time_words.RUSSIAN_MONTHS}))\b(?!\s*\d)",
    re.I,
)
# "under siege since the army, aided by militias, cut off the road in early July": the month
# dates what began then; not a "since" of another clause ("held it since 2012 and the army
# retook it in July").
SINCE_CLAUSE = re.compile(r"\bsince\b(?:(?!\b(?:and|but|while)\b)[^.;\d])*$", re.I)
SINCE_BEFORE = re.compile(r"(?:\bsince|منذ)\s+(?:the\s+)?$", re.I)
# "since Saturday", "منذ ليل السبت" (since Saturday night): from that day to the publication.
SINCE_DAY = re.compile(
    r"(?:\bsince|منذ)\s+(?:(?:the\s+)?(?:night|morning|evening)\s+of\s+|(?:ليل|ليلة|صباح|مساء|فجر|يوم)\s+)?$",
    re.I,
)
# How many: digits (Arabic ones too), a number word of either language, or a few (three).
FEW = ("a few", "few", "several")
COUNT = (
    r"(?P<count>\d+|[٠-٩]+|an?|"
    + "|".join(sorted([*numbers.NUMBER_WORDS, *FEW], key=len, reverse=True))
    + ")"
)
AR_AGO = re.compile(
    rf"(?<!\w)(?:منذ|قبل)\s+(?:{COUNT}\s+)?"
    rf"(?P<unit>{'|'.join(sorted(time_words.AR_AGO_UNITS | time_words.AR_DUALS, key=len, reverse=True))})(?!\w)"
)
SPAN_TO_NOW = re.compile(
    rf"\b(?:over|in|during|within|for)\s+the\s+(?:past|last)\s+(?:{COUNT}\s+)?"
    r"(?P<unit>hour|day|week|month)s?\b",
    re.I,
)
# "في اليومين الماضيين" (in the past two days), "خلال الأيام الثلاثة الماضية", "خلال الأسابيع
# الأخيرة"
AR_SPAN_TO_NOW = re.compile(
    rf"(?<!\w)(?:في|خلال)\s+ال(?P<unit>{'|'.join(sorted(time_words.AR_SPAN_UNITS | time_words.AR_DUALS, key=len, reverse=True))})"
    rf"(?:\s+(?:ال)?{COUNT})?\s+ال(?:ماضي|أخير|اخير)\w*"
)
AGO = re.compile(rf"\b(?:{COUNT}\s+)?(?P<unit>day|week|month)(?P<plural>s)?\s+ago\b", re.I)
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}
# Russian: "неделю назад" (a week ago), "два дня назад", "месяц назад".
RU_AGO = re.compile(rf"(?:{COUNT}\s+)?(?P<unit>день|дн|недел|месяц)\w*\s+назад\b", re.I)
WEEKEND = re.compile(
    r"\b(?:at|over|during|on)\s+the\s+weekend\b|\b(?:last|this(?:\s+past)?)\s+weekend\b", re.I
)
# "in 2013", "during 2013", "throughout 2013", "by 2013", "for most of 2013", "خلال عام 2013":
# that year.
IN_YEAR = re.compile(
    r"(?:\b(?:in|en|nel|em|im|during|throughout|by|durante|durant|pendant|(?:for|in) (?:most|much"
    r"|all|the rest|the end|the start|the beginning) of|at the (?:end|start|beginning) of)"
    r" (?:early |late |mid-?)?|(?<!\w)(?:في|خلال|طوال)\s+(?:(?:عام|العام|سنة)\s+)?)"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
SINCE_YEAR = re.compile(
    r"(?:\bsince\b.*?|\b(?:depuis|desde|seit|dal)\s+(?:(?:el|l['’]|an|año|ano)\s+)?|(?<!\w)منذ\s+(?:(?:مطلع|بداية|أواخر|منتصف)\s+)?(?:(?:عام|العام|سنة)\s+)?)"
    r"\b(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
WEEKDAY = word_pattern("|".join(time_words.WEEKDAYS))
# A relative clause, a noun in apposition ("X, a rebel stronghold since 2012,") or a participle's
# clause ("X, held by rebels since 2012,", "X – besieged since July –"): an aside.
# In the other languages read, a relative pronoun or "in the hands of" after a comma ("Hanano, das
# seit 2012 von Rebellen gehalten wurde", ", in mano ai ribelli dal 2012"); in Arabic, الذي, التي,
# الذين with no comma ("حي X الذي كان تحت سيطرة المسلحين منذ عام 2012"), to the clause's end.
FOREIGN_OPENERS = (
    r"qui|que|dont|où|quien(?:es)?|donde|che|dove|das|der|dem|deren|dessen|welche[rsm]?"
    r"|die(?=\s+[a-zäöüß])"  # German "die" before a lower-case word: "Rebellen, die im Juli ..."
    r"|in\s+mano|en\s+manos|aux\s+mains|en\s+poder|nas\s+mãos|lost|taken|captured|seized|overrun"
)
# "took X from rebels who had controlled it since March 2013": a relative clause of holding with no
# comma.
HOLDING_RELATIVE = (
    r"\b(?:who|which)\s+(?:(?:had|have|has)\s+)?(?:\w+\s+)?(?:held|controlled)\b"
    r"(?:(?!\s(?:were|was|are|is)\s)[^,;:])*"  # to the main verb: "who held X since 2012 were ..."
)
RELATIVE_CLAUSE = re.compile(
    rf"(?:,|\s[-–—])\s+(?:{words.ASIDE_OPENERS}|an?|{FOREIGN_OPENERS})\b[^,;:–—]*?(?:[,;:–—]|\s-\s|$)"
    rf"|(?<!\w)(?:الذي|التي|الذين)\s+(?:{time_words.AR_CLAUSE_VERBS})\w*\s[^،,;:.]*|{HOLDING_RELATIVE}",
    re.I,
)
# "the first advance there since losing it in 2012", "for the first time since rebels took it in
# 2012": the time after "since" dates only what it tells, never the first deed before it.
FIRST_SINCE = re.compile(r"\bfirst\b[^,;.]{0,60}?\bsince\b[^,;]*", re.I)
PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:already|just|now|been)\s+)*\w+(?:ed|en)\b", re.I)


# "KurdWatch, August 16, 2016—On July 27, ...": a dateline's day ends at a dash.
DATELINE_END = re.compile(r"\s*[—–]|\s+-\s")
# What may come before a dateline's day: an outlet or a place, not a verb's "on" ("Rebels took X
# on 12 August 2016 – a day before the army retook it on 13 August").
DATELINE_OPENING = re.compile(
    r"(?:(?!\b(?:on|in|since|by|until|from|before|after)\b)[^.;]){0,40}", re.I
)


def window_find(sentence: str, published: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Rule 5: the days a sentence speaks of, from its words and the publication day."""
    return _window(sentence, published) or (published, published)


def _month_number(name: str) -> int:
    """The month a written name or abbreviation ("December", "Dec.") stands for."""
    name = name.lower().rstrip(".")
    return time_words.MONTHS.get(name) or time_words.MONTH_ABBREVIATIONS[name]


def _start(match: re.Match[str]) -> int:
    return match.start()


def _window(sentence: str, published: datetime.date) -> tuple[datetime.date, datetime.date] | None:
    """The days the sentence's words of time give, or None if it has none."""
    sentence = time_words.ordinal_days(sentence)  # "الثالث من كانون الأول": "3 كانون الأول"
    written_days = sorted(
        (m for p in (DAY_MONTH, MONTH_DAY) for m in p.finditer(sentence)), key=_start
    )
    # A dateline's day is passed over when a later day is written, in either order of words.
    later = (
        [m for m in written_days[1:] if m.start() >= written_days[0].end()] if written_days else []
    )
    opening = written_days and DATELINE_OPENING.fullmatch(sentence[: written_days[0].start()])
    skip = (
        written_days[0].end()
        if later and opening and DATELINE_END.match(sentence, written_days[0].end())
        else 0
    )
    for pattern in (DAY_MONTH, MONTH_DAY):
        written = [m for m in pattern.finditer(sentence) if m.start() >= skip]
        match = written[0] if written else None
        if match:
            month = _month_number(match["month"])
            year = int(match["year"]) if match["year"] else None
            day = _day(published, month, int(match["day"]), year)
            last = _day(published, month, int(match["day2"]), year) if match["day2"] else day
            if day and last and day <= last:
                since = SINCE_BEFORE.search(sentence[max(0, match.start() - 12) : match.start()])
                return (day, published) if since else (day, last)
    found = numeric_window(sentence, published) or _month_window(sentence, published)
    found = found or _counted_back(sentence, published)  # numeric: "27/11/2016", "on the 27th"
    if found:
        return found
    since = SINCE_YEAR.search(sentence)
    match = since or IN_YEAR.search(sentence)
    if match and int(match["year"]) < published.year:
        year = int(match["year"])
        return datetime.date(year, 1, 1), published if since else datetime.date(year, 12, 31)
    if night := night_between(sentence, published):
        return night  # "dans la nuit de vendredi à samedi": the night into Saturday
    match = WEEKDAY.search(sentence)
    if match and not time_words.TO_COME_BEFORE.search(sentence[: match.start()]):
        weekday = time_words.WEEKDAYS[match.group().lower()]
        day = published - datetime.timedelta(days=(published.weekday() - weekday) % 7)
        since = SINCE_DAY.search(sentence[max(0, match.start() - 20) : match.start()])
        return day, published if since else day
    for pattern, before, end in WINDOW_PATTERNS:
        if any(_relative(sentence, m.group()) for m in pattern.finditer(sentence)):
            start = published - datetime.timedelta(days=before)
            return start, published - datetime.timedelta(days=end)
    match = SPAN_TO_NOW.search(sentence)
    if match:
        days = max(1, round(_count(match["count"]) * UNIT_DAYS[match["unit"].lower()]))
        return published - datetime.timedelta(days=days), published
    if match := AR_SPAN_TO_NOW.search(sentence):
        unit, few = match["unit"], "few" if match["unit"] in time_words.FEW_AR else ""
        count = 2 if unit in time_words.AR_DUALS else _count(match["count"] or few)
        days = count * (time_words.AR_DUALS | time_words.AR_SPAN_UNITS)[unit]
        return published - datetime.timedelta(days=days), published
    if PAST_PERFECT.search(sentence):  # "the army had liberated X": before the report
        return published - datetime.timedelta(days=1), published
    return None


def _relative(sentence: str, word: str) -> bool:
    """A relative word of time as such: French "hier" (yesterday) is German "here" in a German
    sentence ("Hier kontrollieren die Rebellen X")."""
    return word.lower() != "hier" or not time_words.GERMAN.search(sentence)


def _month_window(
    sentence: str, published: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """A month with its year, a month after a preposition, this month, last month, or a season
    with its year."""
    match = MONTH_YEAR.search(sentence)
    if match:
        start = datetime.date(int(match["year"]), time_words.MONTHS[match["month"].lower()], 1)
        if start <= published:
            return start, published if match["since"] else min(_month_end(start), published)
    match = MONTH_ALONE.search(sentence)
    if match and match["month"] != "may":  # "in may be": the verb
        month = time_words.MONTHS[
            (match["month"] or match["month2"] or match["month3"] or match["month4"]).lower()
        ]
        year = published.year if month <= published.month else published.year - 1
        start = datetime.date(year, month, 1)
        prep = match["prep"] or match["prep2"] or match["prep3"] or match["prep4"]
        since = prep.lower() in time_words.SINCE_WORDS or bool(
            SINCE_CLAUSE.search(sentence[: match.start()])
        )
        return start, published if since else min(_month_end(start), published)
    if time_words.THIS_MONTH.search(sentence):
        return published.replace(day=1), published
    if time_words.LAST_MONTH.search(sentence):
        start = (published.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        return start, published  # what began then may go on: to the report
    match = time_words.SEASON_YEAR.search(sentence)
    if match:
        year, month = int(match["year"]), time_words.SEASONS[match["season"].lower()]
        start = datetime.date(year - (month == 12), month, 1)
        end = _month_end(
            datetime.date(year + 1, 2, 1) if month == 12 else start.replace(month=month + 2)
        )
        if start <= published:
            return start, min(end, published)
    return None


def _counted_back(
    sentence: str, published: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """ "two days ago", "three weeks ago", "неделю назад", "at the weekend"."""
    match = AGO.search(sentence)
    if match:
        count = _count(match["count"]) if match["count"] or not match["plural"] else 3
        unit = UNIT_DAYS[match["unit"].lower()]  # "days ago", with no number: a few
    elif match := RU_AGO.search(sentence):
        count, unit = _count(match["count"]), time_words.RU_AGO_UNITS[match["unit"].lower()]
    elif match := AR_AGO.search(sentence):
        dual = match["unit"] in time_words.AR_DUALS
        few = "few" if match["unit"] in time_words.FEW_AR else None
        count = 2 if dual else _count(match["count"] or few)
        unit = (
            time_words.AR_DUALS[match["unit"]] if dual else time_words.AR_AGO_UNITS[match["unit"]]
        )
    if match:
        day = published - datetime.timedelta(days=count * unit)
        spread = datetime.timedelta(days=unit // 2)
        return day - spread, published  # what began then may go on: to the report
    if WEEKEND.search(sentence):
        sunday = published - datetime.timedelta(days=(published.weekday() + 1) % 7)
        return sunday - datetime.timedelta(days=1), sunday
    return None


def _count(word: str | None) -> int:
    """ "two" -> 2, "24" or "٢٤" -> 24, "a few" -> 3, "a" or none -> 1."""
    if not word:
        return 1
    if word.lower() in FEW:
        return 3
    digits = word.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    return int(digits) if digits.isdigit() else numbers.NUMBER_WORDS.get(word.lower(), 1)


def _month_end(start: datetime.date) -> datetime.date:
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def clause_window(
    sentence: str, verb_start: int, published: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """Rule 5 for the verb at `verb_start`: the days, without relative clauses (or a "first ...
    since" clause) that hold neither it nor its place (blanked, so positions stay)."""
    kept = sentence
    asides = [*RELATIVE_CLAUSE.finditer(sentence), *FIRST_SINCE.finditer(sentence)]
    asides += time_words.BRACKETED_CLAUSE.finditer(sentence)  # "Rebels (who held X since 2012)"
    for clause in asides:
        if not clause.start() <= verb_start < clause.end():
            kept = kept[: clause.start()] + " " * len(clause.group()) + kept[clause.end() :]
    if any(c.start() < verb_start < c.end() and not _window(c[0], published) for c in asides):
        return published, published  # "Rebels, who hold X, attacked on Monday": not Monday
    present = time_words.PRESENT_BEFORE.search(sentence[max(0, verb_start - 30) : verb_start])
    if present or time_words.PRESENT_HOLDING.match(sentence, verb_start):  # "hold X after ..."
        for event in time_words.POSSESSIVE_TIME.finditer(kept):
            kept = kept[: event.start()] + " " * len(event.group()) + kept[event.end() :]
    start = max(
        (m.end() for m in time_words.COORDINATE.finditer(kept) if m.end() <= verb_start), default=0
    )
    ends = [m.start() for m in time_words.COORDINATE.finditer(kept) if m.start() >= verb_start]
    own = _window(kept[start : min(ends, default=len(kept))], published)
    if not own and (start or ends) and time_words.PRESENT_HOLDING.match(sentence, verb_start):
        return published, published  # "The army holds X, after rebels came in July 2012"
    return own or window_find(kept, published)


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
