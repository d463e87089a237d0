"""The words of time the claim proposer reads (`tracker.extraction_when`, rule 5 of
`tracker.extraction`): phrases relative to the publication day, weekdays and months, in English,
Arabic and the other languages read ("الأسبوع الماضي": last week; "أول أمس", "أمس الأول": the day
before yesterday; a day written as an ordinal, "الثالث من كانون الأول", read as its digits). German
joins a time of day to its weekday ("am Montagabend": on Monday evening, Monday); Turkish weekdays
("pazartesi günü", "cumartesi"; "pazar", also a market, only as "pazar günü") are read too. Split
from `tracker.extraction_words`, which spells the other rules' words."""

from __future__ import annotations

import re

# "Rebels hold X after last month's offensive": a holding in the present, which a word of time
# in the possessive (not after "since") does not date; the event it qualifies is past.
PRESENT_HOLDING = re.compile(
    r"(?:still |now )?(?:holds?|controls?|remains? in|in (?:full )?control"
    r"|kontrollier(?:t|en)|hält|halten|beherrsch(?:t|en))\b",
    re.I,
)
# "X is still held by", "X remains rebel-held", "X is now under army control", "Rebels are still
# in control of X": a holding in the present told by the words before its verb.
PRESENT_BEFORE = re.compile(
    r"\b(?:is|are|remains?|stays?)\s+(?:still\s+|now\s+|firmly\s+)?(?:under\s+(?:the\s+)?)?$", re.I
)
POSSESSIVE_TIME = re.compile(
    r"(?<!\bsince )\b(?:(?:last|this|past) (?:week|month|year|weekend|night)|yesterday|today"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s?\b",
    re.I,
)
# German words that open a clause after a comma, as ", and", ", but", ", after": "Die Armee hält X,
# nachdem die Rebellen im Juli 2012 ...": the month dates the clause after "nachdem" only.
CLAUSE_OPENERS_DE = r"und|aber|doch|jedoch|nachdem|bevor|als|weil|seitdem|während"
# A coordinate clause's start: a time after it dates that clause's verbs (`extraction_when`).
COORDINATE = re.compile(
    rf";|,?\s+(?:but|while|whereas)\s+|,\s+(?:and|{CLAUSE_OPENERS_DE})\s+"
    r"|\s+for the first time since\s+"
    r"|[،,]\s*و(?=[\u0621-\u064a])|(?<!\w)(?:بينما|فيما)\s+"  # "، واستطاعت أمس", "فيما"
    # "contested since rebels captured X in 2012": a clause after "since" with a subject and a
    # verb in the past dates its own verb (the main clause reads it as before).
    r"|\s+since\s+(?=(?:the\s+)?[\w'’-]+\s+(?:\w+ed|took|fell|seized|lost|won|overran|retook)\b)"
    # "took X on Monday, weeks after the offensive began in October": the clause after "after".
    r"|,\s+(?:(?:days|weeks|months|hours|a\s+day|a\s+week|a\s+month|shortly|soon|just)\s+)?"
    r"(?:after|before)\s+",
    re.I,
)
# A clause in brackets ("Rebels (who have held X since 2012) lost Y on Tuesday", "(in control
# since 2012)", "(seit 2012 ...)"): an aside; a time alone in brackets ("took X (on Monday)") is not.
BRACKETED_CLAUSE = re.compile(
    r"\((?=[^()]*\b(?:since|who|which|seit|depuis|desde|dal|die|das|der|qui|que|che)\b)[^()]*\)"
    r"|\((?=[^()]*منذ)[^()]*\)",
    re.I,
)

# When: phrases relative to the publication day, with the window (days before it) they mean.
RELATIVE_WINDOWS: tuple[tuple[str, int, int], ...] = (
    (
        r"over the past couple of weeks|in the past couple of weeks|past two weeks|last two weeks",
        14,
        0,
    ),
    (
        r"over the past week|in the past week|last week|this week|past few days|خلال الأسبوع"
        r"|(?:الأسبوع|الاسبوع) (?:الماضي|المنصرم|الفائت)",
        7,
        0,
    ),
    (r"in recent days|over recent days", 7, 0),
    (r"in recent weeks|over recent weeks", 21, 0),
    (
        r"overnight|last night|الليلة الماضية|ليل|(?:за )?прошедшие сутки|последние сутки|за сутки"
        r"|ночью|in der nacht|nella notte|durante a noite",
        1,
        0,
    ),
    # The day before yesterday: "أول أمس", "أمس الأول", "أول من أمس".
    (r"(?:أول|اول)(?: من)? (?:أمس|امس)|(?:أمس|امس) الأول", 2, 2),
    (r"yesterday|أمس|امس|بالأمس|بالامس|البارحة|hier|ayer|ieri|вчера|накануне|gestern|ontem", 1, 1),
    (
        r"today(?: alone)?|earlier today|this morning|اليوم|aujourd['’]hui|hoy|oggi|сегодня|heute|hoje",
        0,
        0,
    ),
)
# "a deadline of 9:00 am Thursday", "next Thursday": a weekday still to come dates nothing.
TO_COME_BEFORE = re.compile(
    r"\b(?:deadlines?|ultimatum|next|coming)\b(?:\s+(?:of|until|by|expiring|at|on|this))?"
    r"(?:\s+[\d:.]+\s*(?:[ap]\.?m\.?)?)?\s+$",
    re.IGNORECASE,
)
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    # French, Spanish and Italian wire copy names the day too ("repris samedi", "el jueves").
    **dict.fromkeys(("lundi", "lunes", "lunedì"), 0),
    **dict.fromkeys(("mardi", "martes", "martedì"), 1),
    **dict.fromkeys(("mercredi", "miércoles", "mercoledì"), 2),
    **dict.fromkeys(("jeudi", "jueves", "giovedì"), 3),
    **dict.fromkeys(("vendredi", "viernes", "venerdì"), 4),
    **dict.fromkeys(("samedi", "sábado", "sabato"), 5),
    **dict.fromkeys(("dimanche", "domingo", "domenica"), 6),
    # Russian (in the accusative of "в понедельник"), German and Portuguese weekdays.
    **dict.fromkeys(("понедельник", "montag", "segunda-feira"), 0),
    **dict.fromkeys(("вторник", "dienstag", "terça-feira"), 1),
    **dict.fromkeys(("среду", "mittwoch", "quarta-feira"), 2),
    **dict.fromkeys(("четверг", "donnerstag", "quinta-feira"), 3),
    **dict.fromkeys(("пятницу", "freitag", "sexta-feira"), 4),
    **dict.fromkeys(("субботу", "samstag", "sábado"), 5),
    **dict.fromkeys(("воскресенье", "sonntag"), 6),
    # Turkish ("pazartesi günü"); "pazar" (also a market) only with "günü", day.
    **{
        d: n
        for n, d in enumerate(["pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi"])
    },
    "pazar günü": 6,
}
# German joins a time of day to the weekday: "am Montagabend", "Sonntagmorgen", "Dienstagnacht".
GERMAN_DAY_PARTS = ("abend", "morgen", "nacht", "nachmittag", "vormittag", "mittag", "früh")
WEEKDAYS |= {
    day + part: number
    for day, number in list(WEEKDAYS.items())
    if day.endswith("tag") or day == "mittwoch"
    for part in GERMAN_DAY_PARTS
}
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "كانون الثاني": 1,
    "يناير": 1,
    "شباط": 2,
    "فبراير": 2,
    "آذار": 3,
    "مارس": 3,
    "نيسان": 4,
    "أبريل": 4,
    "أيار": 5,
    "مايو": 5,
    "حزيران": 6,
    "يونيو": 6,
    "تموز": 7,
    "يوليو": 7,
    "آب": 8,
    "أغسطس": 8,
    "أيلول": 9,
    "سبتمبر": 9,
    "تشرين الأول": 10,
    "أكتوبر": 10,
    "تشرين الثاني": 11,
    "نوفمبر": 11,
    "كانون الأول": 12,
    "ديسمبر": 12,
}
# Russian (in the genitive of "7 декабря", "в конце ноября", "с августа"; after "в" in the
# prepositional: "в ноябре"), German, Italian, Portuguese, French (with the accents the wires may
# leave out) and Spanish months ("le 7 décembre", "el 7 de diciembre", "en novembre").
MONTHS |= {
    name: number
    for number, names in enumerate(
        (
            "января январе januar gennaio janeiro janvier enero",
            "февраля феврале februar febbraio fevereiro février fevrier febrero",
            "марта марте märz marzo março mars",
            "апреля апреле aprile abril avril",
            "мая мае mai maggio maio mayo",
            "июня июне juni giugno junho juin junio",
            "июля июле juli luglio julho juillet julio",
            "августа августе agosto août aout",
            "сентября сентябре settembre setembro septembre septiembre",
            "октября октябре oktober ottobre outubro octobre octubre",
            "ноября ноябре novembre novembro noviembre",
            "декабря декабре dezember dicembre dezembro décembre decembre diciembre",
        ),
        start=1,
    )
    for name in names.split()
}
ENGLISH_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
# Alternations of the months by script: the Latin ones, the Russian ones, and those no English
# word spells, read after another language's preposition where an English month would be a word
# ("a march" is not Italian "a marzo").
LATIN_MONTHS = "|".join(sorted((m for m in MONTHS if m[0] < "\u0400"), key=len, reverse=True))
RUSSIAN_MONTHS = "|".join(m for m in MONTHS if "\u0400" <= m[0] <= "\u04ff")
FOREIGN_MONTHS = "|".join(
    sorted(set(LATIN_MONTHS.split("|")) - ENGLISH_MONTHS, key=len, reverse=True)
)
# The wires' abbreviations, read only beside a day ("Dec. 7", "7 Dec 2016"): alone, "Mar" or "Jun"
# may be a word or a name.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# No sentence ends after an abbreviated month ("Dec. 7"): a pattern of one width, for a lookbehind.
MONTH_ABBREVIATED = "(?:" + "|".join(m.title() for m in MONTH_ABBREVIATIONS if len(m) == 3) + ")"
# An Arabic relative clause of holding or its change ("الذي كان تحت سيطرة", "الذي خسره"), or of an
# event there ("الذي شهد معارك عنيفة", "الذي تعرض للقصف", "الذي دارت فيه"), whose time is its own
# (`tracker.extraction_when`): not one of place ("الذي يقع شرق المدينة خلال عام 2013" runs on into
# the main clause's time).
AR_CLAUSE_VERBS = (
    r"كان|كانت|خسر|فقد|[يت]?سيطر|استعاد|احتل|دخل|انسحب|[يت]خضع|خضع|ظل|بقي|حوصر|[يت]حاصر|حاصر"
    r"|شهد|تعرض|دار|اندلع|قتل|قصف|استهدف"
)
# The words of "since" in the languages read, whose month runs to the publication.
SINCE_WORDS = ("since", "منذ", "seit", "depuis", "desde", "dal", "с")
# The seasons, by the month they begin in the north (`tracker.extraction_when`).
SEASONS = {"spring": 3, "printemps": 3, "ربيع": 3, "summer": 6, "été": 6, "صيف": 6}
SEASONS |= {"autumn": 9, "fall": 9, "automne": 9, "خريف": 9, "winter": 12, "hiver": 12, "شتاء": 12}
# A season with its year ("in the summer of 2012", "durant l'été 2012", "صيف عام 2012"): its
# three months in the north. Winter straddles two years, and writers count it in either: "the
# winter of 2013" is read from December 2012 to February 2014, the wider window.
SEASON_YEAR = re.compile(
    rf"(?:\b(?:the\s+)?(?:(?:early|late|mid-?)\s*)?|l['’]|(?<!\w)(?:ال)?)"
    rf"(?P<season>{'|'.join(SEASONS)})(?:\s+(?:of|de|عام))?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
# Arabic units of "منذ ... أيام" (days ago), its duals, and its plurals with no number (a few).
AR_AGO_UNITS = {"يوم": 1, "أيام": 1, "أسبوع": 7, "أسابيع": 7, "شهر": 30, "أشهر": 30}
AR_DUALS = {"يومين": 1, "أسبوعين": 7, "شهرين": 30}  # two days, two weeks, two months
FEW_AR = ("أيام", "أسابيع", "أشهر")  # a plural with no number: a few
# Arabic units of "في الأيام الماضية" (in the past days) and Russian ones of "назад" (ago).
AR_SPAN_UNITS = {"أيام": 1, "أسابيع": 7, "أشهر": 30, "يوم": 1, "أسبوع": 7, "شهر": 30}
RU_AGO_UNITS = {"дн": 1, "день": 1, "недел": 7, "месяц": 30}

# Arabic days written as ordinals before "من" and a month ("في الثالث من كانون الأول", "السابع
# والعشرين من أيلول"): read as the day's digits ("3 كانون الأول") by `ordinal_days`.
AR_ORDINAL_UNITS = (
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
)  # fmt: skip
AR_ORDINAL_DAY = re.compile(
    r"(?<!\w)(?:(?P<unit>الحادي|" + "|".join(AR_ORDINAL_UNITS) + r")"
    r"(?:\s+(?P<teen>عشر)|\s+و(?P<tens>العشرين|الثلاثين))?|(?P<round>العشرين|الثلاثين))"
    r"\s+من\s+(?=(?:"
    + "|".join(name for name in MONTHS if re.match("[\u0600-\u06ff]", name))
    + r")(?!\w))"
)


def ordinal_days(sentence: str) -> str:
    """The sentence with Arabic ordinal days before a month written in digits: "الثالث من
    كانون الأول" reads "3 كانون الأول"."""

    def digits(match: re.Match[str]) -> str:
        tens = {"العشرين": 20, "الثلاثين": 30}
        if match["round"]:
            return f"{tens[match['round']]} "
        unit = 1 if match["unit"] == "الحادي" else AR_ORDINAL_UNITS.index(match["unit"]) + 1
        if match["teen"]:
            return f"{10 + unit} "
        return f"{tens[match['tens']] + unit if match['tens'] else unit} "

    return AR_ORDINAL_DAY.sub(digits, sentence)


# "this month", "هذا الشهر", "مطلع الشهر" (early this month): the days of this one.
THIS_MONTH = re.compile(
    r"\b(?:earlier )?this month\b|هذا الشهر|الشهر الجاري|الشهر الحالي"
    r"|(?:مطلع|بداية|أوائل) الشهر(?!\w)(?!\s+(?:الماضي|المقبل|القادم|السابق|الفائت|المنصرم))",
    re.I,
)
# "last month", "الشهر الماضي", "le mois dernier": from the month before the publication's.
LAST_MONTH = re.compile(
    r"\blast month\b|الشهر الماضي|\ble mois dernier\b|\bel mes pasado\b|\bil mese scorso\b"
    r"|\bв прошлом месяце\b|\bletzten Monat\b|\bno mês passado\b",
    re.I,
)
# A German sentence, in which French "hier" (yesterday) is "here".
GERMAN = re.compile(r"\b(?:der|die|das|und|ist|sind|hat|haben|wird|wurde|wurden|nicht)\b", re.I)
