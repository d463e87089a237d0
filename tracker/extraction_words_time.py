"""The words of time the claim proposer reads (`tracker.extraction_when`, rule 5 of
`tracker.extraction`): phrases relative to the publication day, weekdays and months, in English
and Arabic. Split from `tracker.extraction_words`, which spells the other rules' words."""

from __future__ import annotations

# When: phrases relative to the publication day, with the window (days before it) they mean.
RELATIVE_WINDOWS: tuple[tuple[str, int, int], ...] = (
    (
        r"over the past couple of weeks|in the past couple of weeks|past two weeks|last two weeks",
        14,
        0,
    ),
    (r"over the past week|in the past week|last week|this week|past few days|خلال الأسبوع", 7, 0),
    (r"overnight|last night|الليلة الماضية|ليل|(?:за )?прошедшие сутки|последние сутки", 1, 0),
    (r"yesterday|أمس|البارحة", 1, 1),
    (r"today(?: alone)?|earlier today|this morning|اليوم", 0, 0),
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
