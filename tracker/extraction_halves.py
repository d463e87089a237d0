"""The halves of the divided city as the claim proposer reads them (`tracker.extraction_places`):
the words that name the east and the west of Aleppo, in English, Arabic and the other languages
read. Split from `tracker.extraction_words`, whose tables they extend. A part, side or half of
the city named by its holder is that holder's half ("the rebel-held part of the city" is the east,
"the government-held side of the city" the west), as are its parts or portions in the plural
("the western portions of Aleppo" are the west), but not a part of one district ("a
government-held part of Aleppo's Salaheddin neighbourhood").

The province is not the city: the city or a half of it named as the province or its countryside
("villages in southern Aleppo province", "the Aleppo countryside", "rural Aleppo", "rural parts
of western Aleppo", "ريف حلب",
"بريف حلب الغربي") is no place of the map, and claims nothing; nor is a district's name given to
a Kurdish canton ("the Shahba canton", "el cantón Al Shahba"), nor to a region, an area or a
countryside that the sentence places by a direction from the city ("the Shahba region north of
Aleppo", "the Shahba area in the northern countryside"). The whole city is claimed only as
a verb's direct object (`city_object`, whose docstring states its limits), or as the subject of a
passive verb of taking right after it ("Aleppo has been fully recaptured", "Aleppo fell to the
army": `city_subject`; not "parts of Aleppo were retaken"), never as the modifier of a noun of
places ("Rebels Take over Aleppo Kurdish Area"). "The east of Aleppo" is the half, as "the east
of the city" is, but not "to the east of Aleppo", a direction from it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracker import extraction_words_arabic as arabic
from tracker import extraction_words_intl as intl

if TYPE_CHECKING:
    from tracker.extraction_places import Span

# Halves of the city named by direction ("the rebel-held east", "a rebel-held eastern zone" or
# "enclave", "Aleppo's eastern half", "الأحياء الشرقية", "eastern and
# central Aleppo": the half, with its centre or a quarter beside it, as a half): the
# region's own name follows, looked up among the spellings on record. A "part", "side" or "half"
# is the city's only when the city follows ("the eastern part of the city", not "of the district").
# Other languages: "восточная часть Алеппо" (not "северо-восточная"), "o leste de Aleppo" (not "a
# leste de", to the east of), "el este de Alepo", "la partie orientale de la ville d'Alep", "der
# von Rebellen gehaltene Osten", "Aleppo timur"; French "l'Est" bare, held ("l'Est tenu par les
# rebelles"; not "vers l'est", "à l'est de"); the half "of the city" in each ("l'ouest de la ville",
# "el oeste de la ciudad", "den Westen der Stadt", "la metà orientale di Aleppo", "восточную
# половину Алеппо"; not "al oeste de la ciudad", "à l'ouest de la ville": beside it).
# Arabic: the hamza on the article's alef is often left unwritten (الاحياء for الأحياء); "west of
# the city of Aleppo" (غرب مدينة حلب) is its west, but "north-east of" (شمال شرقي) lies outside it;
# the sector and the half ("القطاع الشرقي", "الشطر الغربي") are halves as "القسم" is.
# "the eastern part (half, side, sector)", in the plural too ("the western portions of Aleppo").
PART = r"(?:halves|half|parts?|portions?|sides?|sectors?)"
OF_CITY = r"(?= of (?:the (?:divided )?city|aleppo(?!['’]s\b)))"
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
    # "rural Aleppo", "rural parts of western Aleppo", "the province of", "ريف حلب"
    r"(?:\b(?:rural(?:\s+(?:parts|areas|regions|outskirts)\s+of)?"
    r"|(?:province|countryside|governorate) of)\s+(?:the\s+)?|(?<!\w)[وب]?(?:ريف|محافظة)\s+)$",
    re.IGNORECASE,
)


# "the Shahba region north of Aleppo", "the Shahba area, in the northern countryside": a name
# of an area placed by a direction from the city lies outside it.
AREA_OUTSIDE = re.compile(
    r"\s+(?:region|area|countryside|plain|pocket|enclave)\b,?\s+(?:(?:just|some|about|[\d.]+\s*"
    r"(?:km|kilomet(?:er|re)s?|miles?))\s+)*(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?"
    r"\s+of\s+(?:the\s+city|aleppo)|(?:in|of)\s+(?:the\s+)?(?:aleppo['’]s\s+)?(?:north|south|east"
    r"|west)(?:[- ]?(?:east|west))?ern\s+(?:aleppo\s+)?(?:countryside|province|outskirts))\b",
    re.I,
)


def beyond_city(sentence: str, span, place) -> bool:
    """The province, not the city: a region named as the province or its countryside; and any
    place's name given to a canton ("the Shahba canton", "el cantón Al Shahba") or to an area
    placed by a direction from the city ("the Shahba region north of Aleppo")."""
    canton = (
        CANTON_AFTER.match(sentence, span.end)
        or CANTON_BEFORE.search(sentence[max(0, span.start - 20) : span.start])
        or AREA_OUTSIDE.match(sentence, span.end)
    )
    return (
        bool(canton)
        or arabic.governorate(sentence, span.start, span.end)  # "في محافظة حلب", "عموم المحافظة"
        or bool(place.region)
        and bool(
            PROVINCE_AFTER.match(sentence, span.end)
            or PROVINCE_BEFORE.search(sentence[max(0, span.start - 30) : span.start])
        )
    )


CANTON_AFTER = re.compile(r"\s+(?i:cantons?|cant[oó]n)\b")
CANTON_BEFORE = re.compile(r"\b(?:cantons?|cant[oó]n|cantão)\s+(?:(?:of|de|du|del)\s+)?$", re.I)


def _held_by(sides: str) -> str:
    return "|".join(
        f"(?<={side}-{held} )" for side in sides.split() for held in ("held", "controlled")
    )


# A direction from a place ("the east of the citadel", "to the east and northeast of the Old
# City", "a neighbourhood to the east", "a police academy west of the city", "advanced to the east
# of Aleppo") is relative, not the city's half; "the west of the city", "the east of Aleppo" is
# the half (not "the east of Aleppo province": `beyond_city`).
RELATIVE = r" of| (?:and|or) \w+ of"
DIRECTIONS: tuple[tuple[str, str], ...] = (
    (
        r"(?<!to )(?:the |in the )east of (?:the city|aleppo(?![\w'’]))|"
        rf"(?:the |in the )?east(?:ern)? (?:aleppo|{PART}"
        rf"{OF_CITY}|districts|neighbo(?:u)?rhoods|quarters|pocket)|(?<=held )east(?:ern (?:zone|enclave))?"
        rf"|(?<=controlled )east|(?<!to )the east(?!{RELATIVE})|eastern aleppo|east aleppo|quartieri (?:est|orientali)"
        r"|(?<=aleppo['’]s )east(?:ern)? (?:half|part|side|sector)"
        r"|east(?:ern)? and (?:central|north(?:ern)?|south(?:ern)?) aleppo"
        rf"|(?:{_held_by('rebel opposition insurgent')}){PART}{OF_CITY}"
        r"|alep-est|est d['’]alep|parte oriental|wilayah timur aleppo|(?<!-)восточн\w* (?:(?:част|половин|квартал|район)\w* (?:город\w* )?)?алеппо|ost-aleppo\w*|ostteil\w*|aleppo est|(?:região|zona|parte|lado) leste"
        r"|(?<=\bo )leste (?:de alepp?o|da cidade)|(?<=\bdo )leste de alepp?o|(?<=\bno )leste de alepp?o|(?<=el )este de (?:alepp?o|la ciudad)|(?<=del )este de alepp?o|partie orientale(?= de la ville| d['’]alep)"
        r"|(?<=gehaltenen )osten|(?<=kontrollierten )osten|aleppo timur|bagian timur aleppo"
        r"|(?:(?<=den )|(?<=der )|(?<=im ))osten(?= der stadt| aleppos)|(?<!à )(?<!vers )l['’]est(?= de la ville)"
        r"|(?:metà|parte|zona) orientale(?= di aleppo| della città)|(?:metade|mitad) oriental(?= de alepp?o| de la ciudad| da cidade)"
        r"|(?<!vers )(?<!à )l['’]est(?= tenu| contrôlé| sous| aux mains| rebelle)"
        r"|ال[أا]حياء الشرقية|القسم الشرقي|(?:القطاع|الشطر) الشرقي|(?<!شمال )(?<!جنوب )شرق(?:ي)? (?:مدينة )?حلب|حلب الشرقية",
        "East Aleppo",
    ),
    (
        r"(?<!to )(?:the |in the )west of (?:the city|aleppo(?![\w'’]))|"
        rf"(?:the |in the )?west(?:ern)? (?:aleppo|{PART}"
        rf"{OF_CITY}|districts|neighbo(?:u)?rhoods|quarters)|(?<=held )west(?:ern (?:zone|enclave))?"
        rf"|(?:{_held_by('government regime army')}){PART}{OF_CITY}"
        rf"|(?<=controlled )west|(?<!to )the west(?!{RELATIVE})|western aleppo|west aleppo"
        r"|(?<=aleppo['’]s )west(?:ern)? (?:half|part|side|sector)"
        r"|west(?:ern)? and (?:central|north(?:ern)?|south(?:ern)?) aleppo"
        r"|quartieri (?:ovest|occidentali)|alep-ouest|ouest d['’]alep|parte ocidental"
        r"|(?<=\bo )oeste (?:de alepp?o|da cidade)|(?<=\bdo )oeste de alepp?o|(?<=\bno )oeste de alepp?o|(?<=el )oeste de (?:alepp?o|la ciudad)|(?<=del )oeste de alepp?o"
        r"|partie occidentale(?= de la ville| d['’]alep)|(?<=gehaltenen )westen|(?<=kontrollierten )westen|aleppo barat"
        r"|(?:(?<=den )|(?<=der )|(?<=im ))westen(?= der stadt| aleppos)|(?<!à )(?<!vers )l['’]ouest(?= de la ville)"
        r"|(?:metà|parte|zona) occidentale(?= di aleppo| della città)|(?:metade|mitad) occidental(?= de alepp?o| de la ciudad| da cidade)"
        r"|bagian barat aleppo|(?<!-)западн\w* (?:(?:част|половин|квартал|район)\w* (?:город\w* )?)?алеппо|west-aleppo\w*|westteil\w*|aleppo ovest|(?:região|zona|parte|lado) oeste|ال[أا]حياء الغربية|القسم الغربي|(?:القطاع|الشطر) الغربي|(?<!شمال )(?<!جنوب )غرب(?:ي)? (?:مدينة )?حلب"
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
    (rf"the east(?:ern)? {PART}", "East Aleppo"),
    (rf"the west(?:ern)? {PART}", "West Aleppo"),
)

CITY_OBJECT_GAP = 30  # the city is a place only as the direct object of a verb this close
# Russian: the words that may stand between a verb and the city as its object ("взяли под
# контроль весь город Алеппо"); after any other noun the city is in the genitive, "of Aleppo".
CITY_GAP_RU = re.compile(r"\s*(?:(?:над|весь|всем|всей|город\w*|полностью)\s+)*", re.I)
# "Rebels Take over Aleppo Kurdish Area", "seized Aleppo's ... ", "seize Aleppo stronghold": the
# city as the modifier of a noun of places, an adjective or two between, is no object of the verb.
CITY_MODIFIES = re.compile(
    r"\s+(?:(?!(?:and|or|in|on|at|from|after|with|to|by|for|as|the)\b)[\w-]+\s+){0,2}?"
    r"(?:neighbo(?:u)?rhoods?|districts?|quarters?|suburbs?|areas?|enclaves?|heart|outskirts"
    r"|headquarters|hq|bases?|prison|hospital|branch|offices?|strongholds?|bastions?)\b",
    re.I,
)

# "liberated the facility in (outside) Aleppo", "في مدينة حلب", "a key district of Aleppo": a
# preposition of place (or "district of") makes the city a setting, not an object (Italian "ad").
IN_CITY = re.compile(
    r"(?:\b(?:in|inside|outside|at|across|ad|à|en|em|în|(?:district|neighbo(?:u)?rhood|quarter|suburb)s?\s+of)|(?<!\w)(?:في|داخل))\s+(?:the\s+)?"
    r"(?:(?:city|town) of\s+)?(?:(?:north|south|east|west)[\w-]*\s+)?$",
    re.IGNORECASE,
)
# The city "divided" or "split" between sides is claimed by no one as a whole.
DIVIDED = re.compile(r"\b(?:divided|split)(?: \w+)? (?:between|among|in half)\b", re.IGNORECASE)


# "Aleppo has been fully recaptured from rebels", "Aleppo was retaken by the army", "Aleppo fell
# to": the city as the subject of a passive verb (or "fell") right after it.
PASSIVE_AFTER = re.compile(
    r"\s+(?:has|have|had|was|were|is)\s+(?:now\s+)?(?:been\s+)?(?:(?:fully|completely|entirely"
    r"|totally|finally|now)\s+)?",
    re.IGNORECASE,
)
# "parts of Aleppo were retaken", "the outskirts of Aleppo": the city as a noun's complement.
OF_BEFORE = re.compile(r"\b(?!(?:whole|all|entirety|city)\b)\w+\s+of\s+(?:the\s+)?$", re.I)


def city_subject(sentence: str, place: Span, verb: Span) -> bool:
    """The city as the subject of a passive verb right after it ("Aleppo has been fully
    recaptured from rebels", "the whole of Aleppo was retaken", "Aleppo fell to the army"); not
    as a noun's complement ("parts of Aleppo were retaken") or a setting ("in Aleppo")."""
    before = sentence[max(0, place.start - 30) : place.start]
    gap = sentence[place.end : verb.start] if place.end <= verb.start else "-"
    passive = PASSIVE_AFTER.fullmatch(gap) and re.match(r"\w+(?:ed|en)\b", verb.text)
    fell = not gap.strip() and verb.text.lower().startswith("fell")
    return bool(passive or fell) and not (
        IN_CITY.search(before) or OF_BEFORE.search(before) or DIVIDED.search(sentence)
    )


def city_object(sentence: str, place: Span, verb: Span) -> bool:
    """Rule 1's exception: the whole city is claimed only as a verb's direct object ("retook
    Aleppo", "controls the whole of Aleppo"), never as "Aleppo's" or a mere setting ("in
    Aleppo", "في مدينة حلب", "بحلب", "ad Aleppo", "a key district of Aleppo": a preposition of
    place (or a noun of a district and "of") before it, even one the spelling took for an article,
    or a direction between: "areas in southwestern Aleppo"), nor as the end of a name ("the Great
    Prophet Mosque of Aleppo"), nor as the adjective of places in it ("regained an important
    Aleppo district", "takes back Aleppo districts", "recaptures Aleppo heart") or of a facility in
    it ("seized the Aleppo headquarters of ISIS", "overran its Aleppo base"), nor as the adjective
    of a side's stronghold ("troops seize Aleppo stronghold": one stronghold in it, not the city).
    A Russian name is the object only right after the verb, or after "над", "весь" or "город"
    ("освободили Алеппо"): after another noun it is in the genitive, "of Aleppo" ("центр
    Алеппо")."""
    possessive = sentence[place.end : place.end + 2] in ("'s", "’s")
    close = verb.end <= place.start and place.start - verb.end <= CITY_OBJECT_GAP
    divided = DIVIDED.search(sentence)  # "Aleppo is divided between ..."
    # A preposition read as the name's article ("ad Aleppo": Italian "in") stays a preposition.
    lead = re.match(r"\w+\s+", place.text)
    before = sentence[max(0, place.start - 20) : place.start]
    setting = IN_CITY.search(before) or (lead and IN_CITY.search(lead.group()))
    setting = setting or re.match(r"[وف]?ب[\u0621-\u064a]", place.text)  # "بحلب", in Aleppo
    named = re.search(r"\b[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$", sentence[: place.start])
    object_ = close and not possessive and not verb.adjective and not divided and not setting
    object_ = object_ and not named  # "the Great Prophet Mosque of Aleppo": a name
    object_ = object_ and not CITY_MODIFIES.match(sentence, place.end)  # "an Aleppo district"
    if intl.CYRILLIC.search(place.text):  # "центр Алеппо", "кварталов Алеппо": of the city
        object_ = object_ and bool(CITY_GAP_RU.fullmatch(sentence[verb.end : place.start]))
    object_ = object_ or (verb.value == "takes" and city_subject(sentence, place, verb))
    return bool(object_) and verb.value in ("takes", "holds")
