"""The halves of the divided city as the claim proposer reads them (`tracker.extraction_places`):
the words that name the east and the west of Aleppo, in English, Arabic and the other languages
read. Split from `tracker.extraction_words`, whose tables they extend.

The province is not the city: the city or a half of it named as the province or its countryside
("villages in southern Aleppo province", "the Aleppo countryside", "rural Aleppo", "ريف حلب",
"بريف حلب الغربي") is no place of the map, and claims nothing.
"""

from __future__ import annotations

import re

# Halves of the city named by direction ("the rebel-held east", "الأحياء الشرقية", "eastern and
# central Aleppo": the half, with its centre or a quarter beside it, as a half): the
# region's own name follows, looked up among the spellings on record. A "part", "side" or "half"
# is the city's only when the city follows ("the eastern part of the city", not "of the district").
# Arabic: the hamza on the article's alef is often left unwritten (الاحياء for الأحياء); "west of
# the city of Aleppo" (غرب مدينة حلب) is its west, but "north-east of" (شمال شرقي) lies outside it.
OF_CITY = r"(?= of (?:the (?:divided )?city|aleppo))"
# A quarter of the compass is no half: "the south-west side of the city" is not the west.
COMPASS_BEFORE = re.compile(r"(?:north|south)[- ]$", re.IGNORECASE)
# "opposition-held districts", "الأحياء الخاضعة لسيطرة المعارضة": the districts a side of the
# divided city holds, in the plural and unnamed, are its half (the rebels' the east), in a
# sentence naming no district ("X, one of the last rebel-held neighbourhoods" is about X).
# "Areas" are not counted: they need not lie in the city ("rebel-held areas of the province").
HELD_PLURAL = r"(?:districts|neighbo(?:u)?rhoods|quarters)(?! of)"
AR_HELD_PLURAL = (
    r"(?:ال)?[أا]حياء(?: (?:ال)?سكنية)?(?= (?:ال)?(?:خاضعة|واقعة تحت) (?:ل)?سيطرة (?:ال)?"
)


PROVINCE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:province|countryside|governorate|region)\b", re.IGNORECASE
)
PROVINCE_BEFORE = re.compile(
    r"(?:\b(?:rural|(?:province|countryside|governorate) of)\s+(?:the\s+)?|(?<!\w)[وب]?(?:ريف|محافظة)\s+)$",
    re.IGNORECASE,
)


def beyond_city(sentence: str, span, place) -> bool:
    """The province, not the city: a region named as the province or its countryside."""
    return bool(place.region) and bool(
        PROVINCE_AFTER.match(sentence, span.end)
        or PROVINCE_BEFORE.search(sentence[max(0, span.start - 30) : span.start])
    )


def _held_by(sides: str) -> str:
    return "|".join(
        f"(?<={side}-{held} )" for side in sides.split() for held in ("held", "controlled")
    )


# A direction from a place ("the east of the citadel", "to the east and northeast of the Old
# City", "a neighbourhood to the east", "a police academy west of the city") is relative, not
# the city's half; "the west of the city" is the half.
RELATIVE = r" of| (?:and|or) \w+ of"
DIRECTIONS: tuple[tuple[str, str], ...] = (
    (
        r"(?:the |in the )east of the city|(?:the |in the )?east(?:ern)? (?:aleppo|(?:half|part|side|sector)"
        rf"{OF_CITY}|districts|neighbo(?:u)?rhoods|quarters|pocket)|(?<=held )east"
        rf"|(?<=controlled )east|(?<!to )the east(?!{RELATIVE})|eastern aleppo|east aleppo|quartieri (?:est|orientali)"
        r"|east(?:ern)? and (?:central|north(?:ern)?|south(?:ern)?) aleppo"
        rf"|(?<=rebel-held )(?:part|side|half){OF_CITY}|(?<=opposition-held )(?:part|side|half){OF_CITY}"
        r"|alep-est|est d['’]alep|parte oriental|wilayah timur aleppo|восточн\w* алеппо|ost-aleppo\w*|ostteil\w*|aleppo est|(?:região|zona|parte|lado) leste"
        r"|ال[أا]حياء الشرقية|القسم الشرقي|(?<!شمال )(?<!جنوب )شرق(?:ي)? (?:مدينة )?حلب|حلب الشرقية",
        "East Aleppo",
    ),
    (
        r"(?:the |in the )west of the city|(?:the |in the )?west(?:ern)? (?:aleppo|(?:half|part|side|sector)"
        rf"{OF_CITY}|districts|neighbo(?:u)?rhoods|quarters)|(?<=held )west"
        rf"|(?<=controlled )west|(?<!to )the west(?!{RELATIVE})|western aleppo|west aleppo"
        r"|west(?:ern)? and (?:central|north(?:ern)?|south(?:ern)?) aleppo"
        r"|quartieri (?:ovest|occidentali)|alep-ouest|ouest d['’]alep|parte ocidental"
        r"|западн\w* алеппо|west-aleppo\w*|westteil\w*|aleppo ovest|(?:região|zona|parte|lado) oeste|ال[أا]حياء الغربية|القسم الغربي|(?<!شمال )(?<!جنوب )غرب(?:ي)? (?:مدينة )?حلب"
        r"|حلب الغربية",
        "West Aleppo",
    ),
)
HELD_HALVES: tuple[tuple[str, str], ...] = (
    (
        rf"(?:{_held_by('rebel opposition insurgent')}){HELD_PLURAL}"
        rf"|{AR_HELD_PLURAL}(?:معارضة|ثوار|فصائل))",
        "East Aleppo",
    ),
    (
        rf"(?:{_held_by('government regime')}){HELD_PLURAL}|{AR_HELD_PLURAL}(?:نظام|دولة|جيش))",
        "West Aleppo",
    ),
)
# A half named alone ("the eastern part"), read as the city's only in a sentence that names a
# half of the city by the patterns above.
HALVES: tuple[tuple[str, str], ...] = (
    (r"the east(?:ern)? (?:half|part|side|sector)", "East Aleppo"),
    (r"the west(?:ern)? (?:half|part|side|sector)", "West Aleppo"),
)
