"""Spellings the claim proposer reads that are not on record as aliases (`tracker.extraction`).

Each is a real spelling of a place found in the shipped quotes the rules were written against
(the two thirds not held out) or in stored news pages (the outlet in the note), naming a district or
region by its slug: chiefly spellings no skeleton reaches, a name whose skeleton is too short
("Azizieh": al-'Aziziyeh's is "zz") or one written with other letters ("Sheij Nayar", "Sachur").
They are kept apart from `districts/data/aleppo_aliases.csv` so that the importer, which maps
claims to polygons, is not changed by the proposer's needs; `tracker.extraction_index` adds them
to its index. The military airfield beside the airport (مطار النيرب العسكري) is the airport's
polygon, by the village's name with a word for an airfield ("Nairab air base", "the Nayrab military
airfield"): the longer spelling wins over an-Nayrab, the neighbourhood, inside it.

A name of a kind every city has (a citadel, a public park, an old city) is another city's when a
name not on the map follows it after "of", "in", "von", "de" ("die Zitadelle von Damaskus", "the
Public Park in central Damascus") or before it in the possessive ("Damascus's old city"), or when it
is indefinite ("turned Bab Amr into a citadel"): `elsewhere`, read by rule 1
(`tracker.extraction_places`). The city may stand after its noun ("the citadel of the city of Homs",
"el casco viejo de la ciudad de Homs"); the capital is another city ("la vieille ville de la
capitale", "the international airport in the capital", "the Syrian capital's international
airport"). A citadel is a side's stronghold or a complex, not Aleppo's, after a side, a possessive
or "last" ("the rebels' last citadel", "their citadel"; not "its": "Aleppo and its citadel"), before
a side's or a complex's adjective ("la citadelle rebelle", "la ciudadela deportiva"), or "of" a
place that is not the city ("the rebel citadel of Hanano"). So is "the international airport",
Aleppo's in an article about Aleppo, when a capitalised name not on the map stands right before it
("Damascus International Airport"); and an airport's name followed by "road" or "highway" names the
road, no place ("the Aleppo airport road").

An Arabic word written without the article is a common noun, not the place whose one-word name
the record writes only with it (`bare_noun`): "في مشهدٍ" (in a scene) is not المشهد, "شعار" (a
slogan) not الشعار; a noun of districts before it makes it the place ("حي مشهد", "أحياء شعار").

Five folds of a spelling (`spelling_folds`): the article written "a-" before a name, as
Syria Direct and some wires write the assimilated al- ("Suleiman a-Halabi", "a-Sakhour"), is read
as "al-" (an English "a" stands apart, with no hyphen); and, only when the fold makes a spelling on
record, the housing society's word before a name (جمعية: "Jam'iyyat al-Zahraa", "Jamia al-Zahra")
is left out, so is the Arabic word for a city before a name and the adjective that follows it, the
adjective of a construct coming after its genitive ("أحياء مدينة حلب القديمة", the quarters of the old
city of Aleppo, is the Old City, حلب القديمة; "مدينة حلب" alone stays the city), a long final vowel
written twice ("Zahraa", for الزهراء) is written once, and a final
ة written "-ah" is read "-a" or "-eh" ("Halab al-Jadidah": حلب الجديدة, on record as "al-Jadida").
A capitalised name is read as a spelling on record, not guessed by its skeleton, when it is one
after a fold of transliteration on both sides (`translit_key`: k for q, i for ee, u for oo and
ou, a doubled consonant written once: "Sheikh Maksoud" is "Sheikh Maqsoud", so a capital beside
it, "Kurdish-held Sheikh Maksoud", does not make it a person's name), if that fold of the record
names one district only (no two districts of the gazetteer share one; never the city or a
region: "Alepo" is no spelling on record of Aleppo).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping
from typing import Any

from districts.names import name_key, spelling_words
from tracker.extraction_words import PREPOSITIONS

# English words a capital (a sentence's first word, a headline's) would let a skeleton read as a
# place: "Nearby" is not an-Nayrab, "Supply" not as-Sabil, "In Aleppo" not New Aleppo; nor are a
# weekday or a number ("Friday's" is not al-Fardos, "One Aleppo resident" not New Aleppo).
ENGLISH_WORDS = PREPOSITIONS | frozenset(
    ["for", "with", "until", "nearby", "supply", "supplies", "arms", "rooms", "kills", "deadline"]
    + ["one", "two", "three", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    + ["sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays"]
    + ["sundays"]  # "Friday's", its apostrophe folded
    + ["out", "pull", "pulls"]  # a headline's "Rebels Pull Out Of X": not al-Ballat
)
# Capitalised words that may stand beside a place's name without making it a person's name.
FUNCTION_WORDS = PREPOSITIONS | frozenset(
    # "both", "al", "el"; nouns of places: "Haydariyah Districts of Eastern Aleppo" is no person's.
    ["both", "al", "el", "district", "districts", "neighborhood", "neighborhoods", "neighbourhood"]
    + ["neighbourhoods", "quarter", "quarters", "area", "areas", "city"]
    # Landmarks named after their district ("al-Jazmati Roundabout"); not a road ("Ramouseh Road").
    + ["roundabout", "square"]
    # Directions: "in Northwest al-Zahra", "Eastern al-Sakhour".
    + ["north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast"]
    + ["northern", "southern", "eastern", "western", "central"]
    # The same nouns in the other languages read (German capitalises every noun).
    + ["район", "района", "районе", "районы", "районов", "квартал", "квартала", "кварталом"]
    + ["кварталы", "кварталов", "кварталами", "quartier", "quartiers", "barrio"]
    + ["barrios", "bairro", "bairros", "quartiere", "quartieri", "cartierul", "cartierele"]
    + ["stadtteil", "stadtteile", "stadtviertel", "viertel", "bezirk", "kawasan", "distrik"]
    + ["bezirke", "bezirks", "bezirkes", "mahalle", "mahalleleri"]  # Turkish "Mahallesi'nde":
    + [f"mahallesi{a}{e}" for a in ("", "'", "’") for e in ("", "nde", "ne", "ni", "nden")]
)

SPELLINGS: tuple[tuple[str, str, str], ...] = (
    ("Jdeide", "beit-muheb-jdeydeh", "the wires' spelling of al-Jdeydeh (الجديدة)"),
    ("Jdeideh", "beit-muheb-jdeydeh", "another spelling of الجديدة"),
    ("Amiriyah", "al-amiriyeh", "العامرية; the -ah ending is too short for the skeleton"),
    ("Ameriyeh", "al-amiriyeh", "another spelling of العامرية"),
    ("Sha'er", "ash-shaar", "الشعار with the ayn written as an apostrophe"),
    ("Aghiour", "aghyor", "أقيول as AP spells it"),
    ("Sheikh Makhsood", "ash-sheikh-maqsoud", "الشيخ مقصود with kh for q"),
    ("al-Siryan", "as-siryan-syriac-quarter", "السريان, the Syriac quarter"),
    ("Halab al-Jadida", "new-aleppo", "حلب الجديدة, New Aleppo's Arabic name"),
    ("Hanano barracks", "hanano-barrack", "the barracks, not the housing district"),
    ("Hanano military base", "hanano-barrack", "the barracks (AFP, SCMP)"),
    ("Hanano base", "hanano-barrack", "the same, short (AFP, SCMP)"),
    ("caserne de Hanano", "hanano-barrack", "the barracks in French (AFP, L'Orient-Le Jour)"),
    ("caserne d'Hanano", "hanano-barrack", "the same (AFP, L'Orient-Le Jour)"),
    ("caserne Hanano", "hanano-barrack", "the same (Al-Manar, in French)"),
    ("cuartel de Hanano", "hanano-barrack", "the barracks in Spanish (AFP, EFE)"),
    ("barracones de Hanano", "hanano-barrack", "the same (EFE)"),
    ("Hanano Youth Housing", "hanano", "مساكن هنانو, the Hanano housing district"),
    ("Youth Housing", "as-sakan-ash-shababi", "السكن الشبابي translated"),
    ("industrial city", "sheikh-najjar", "the Aleppo industrial city lies in Sheikh Najjar"),
    ("citadel", "aleppo-citadel", "the citadel of Aleppo"),
    ("old part of Aleppo", "old-city", "the Old City described"),
    ("old part of the city", "old-city", "the Old City described"),
    ("historical part of Aleppo", "old-city", "the Old City described (TASS)"),
    ("historic part of Aleppo", "old-city", "the same"),
    ("al-Jazmati", "karm-aj-jazmati", "الجزماتي, short for Karm al-Jazmati"),
    ("Huluk", "ayn-at-tal", "الهلك, as Hallak is (districts/data/aleppo_aliases.csv)"),
    ("Ashrafiyé", "al-ashrafiyeh", "الأشرفية in French spelling"),
    ("Alepo", "aleppo-city", "the city in Portuguese and Spanish"),
    ("Alep", "aleppo-city", "the city in French"),
    # The Old City by its name in the other languages read (Russian in its cases).
    ("Altstadt", "old-city", "the Old City in German"),
    ("città vecchia", "old-city", "the Old City in Italian"),
    ("centro storico", "old-city", "the historic centre, in Italian"),
    ("cidade velha", "old-city", "the Old City in Portuguese"),
    ("velha Aleppo", "old-city", "old Aleppo, in Portuguese (AP in Estadão)"),
    ("centro histórico", "old-city", "the historic centre, in Portuguese and Spanish"),
    ("Старый город", "old-city", "the Old City in Russian"),
    ("Старого города", "old-city", "the Old City, genitive"),
    ("vieille ville", "old-city", "the Old City in French (AFP, France Info)"),
    ("Ciudad Vieja", "old-city", "the Old City in Spanish (Reuters, Europa Press)"),
    ("Ciudad Antigua", "old-city", "the same (Reuters, in Spanish)"),
    ("Casco Viejo", "old-city", "the old quarter, in Spanish (AFP, Radio Habana Cuba)"),
    ("casco histórico", "old-city", "the historic quarter, in Spanish (Reuters)"),
    ("исторический центр", "old-city", "the historic centre, in Russian"),
    ("исторического центра", "old-city", "the historic centre, genitive"),
    ("историческая часть", "old-city", "the historic part, in Russian"),
    ("историческую часть", "old-city", "the historic part, accusative"),
    ("исторической части", "old-city", "the historic part, genitive and prepositional"),
    ("старые кварталы", "old-city", "the old quarters, in Russian"),
    ("старых кварталов", "old-city", "the old quarters, genitive"),
    ("старых кварталах", "old-city", "the old quarters, prepositional"),
    ("старинные кварталы", "old-city", "the ancient quarters, in Russian"),
    ("старинных кварталов", "old-city", "the ancient quarters, genitive"),
    ("старинных кварталах", "old-city", "the ancient quarters, prepositional"),
    # The airport, the Citadel and the Public Park by their short names, in the languages read.
    ("Aleppo airport", "aleppo-international-airport", "مطار حلب, its short English name"),
    ("airport of Aleppo", "aleppo-international-airport", "the same, written the other way"),
    ("aéroport d'Alep", "aleppo-international-airport", "French"),
    ("aéroport international d'Alep", "aleppo-international-airport", "French"),
    ("l'aéroport d'Alep", "aleppo-international-airport", "French, l' written onto the word"),
    ("l'aéroport international d'Alep", "aleppo-international-airport", "the same"),
    ("aeropuerto de Alepo", "aleppo-international-airport", "Spanish"),
    ("aeropuerto internacional de Alepo", "aleppo-international-airport", "Spanish"),
    ("aeroporto di Aleppo", "aleppo-international-airport", "Italian"),
    ("aeroporto internazionale di Aleppo", "aleppo-international-airport", "Italian"),
    ("Flughafen Aleppo", "aleppo-international-airport", "German"),
    ("Flughafen von Aleppo", "aleppo-international-airport", "German"),
    ("аэропорт Алеппо", "aleppo-international-airport", "Russian"),
    ("Aleppo castle", "aleppo-citadel", "قلعة حلب, as some English reports call it"),
    ("citadel of Aleppo", "aleppo-citadel", "the citadel written the other way"),
    ("citadelle d'Alep", "aleppo-citadel", "French"),
    ("ciudadela de Alepo", "aleppo-citadel", "Spanish"),
    ("cittadella di Aleppo", "aleppo-citadel", "Italian"),
    ("Zitadelle", "aleppo-citadel", "German, as 'the citadel' alone"),
    ("citadelle", "aleppo-citadel", "French, alone (AFP, France Info)"),
    ("ciudadela", "aleppo-citadel", "Spanish, alone (AFP, Radio Habana Cuba)"),
    ("cittadella", "aleppo-citadel", "Italian, alone (Con bagaglio leggero)"),
    ("Aleppo Public Park", "the-public-park", "الحديقة العامة"),
    ("Public Park", "the-public-park", "الحديقة العامة, without its article"),
    ("Chaar", "ash-shaar", "الشعار in French; too short a skeleton for rule 1.2"),
    # Spellings outlets use that neither the record's names nor a skeleton reach (outlet noted).
    ("international airport", "aleppo-international-airport", "Aleppo's, unless another's"),
    ("مطار النيرب", "aleppo-international-airport", "the Nairab airfield (مطار النيرب العسكري)"),
    ("Sachur", "as-sakhour", "الصاخور in German, ch for kh (rf-news)"),
    ("Sachour", "as-sakhour", "the same, ou for u (a German blog)"),
    ("Al-Hulagu", "ayn-at-tal", "SANA's spelling of الهلك, Hallak"),
    ("Sheij Nayar", "sheikh-najjar", "شيخ نجار, Spanish y for j (EFE)"),
    ("Scheich Maksut", "ash-sheikh-maqsoud", "الشيخ مقصود in German, t for d (rf-news)"),
    ("Şeyh Mahsud", "ash-sheikh-maqsoud", "الشيخ مقصود in Turkish, h for q (NTV)"),
    ("Karam al Qataryi", "karm-al-qaterji", "كرم القاطرجي, Spanish y for j (EFE)"),
    ("Masaranyía", "al-maasaraniyeh-youth-housing", "المعصرانية in Spanish (EFE)"),
    ("Halab Yadideh", "new-aleppo", "حلب الجديدة, y for j (Prensa Latina)"),
    ("Yamilie", "al-jamiliyeh", "الجميلية, y for j (Prensa Latina)"),
    ("Zahara", "az-zahra", "الزهراء in Italian (Interris)"),
    ("Share' al-Nile", "nile-street", "شارع النيل transliterated (Hawar)"),
    ("أغيور", "aghyor", "أقيول written as it is said (Al-Manar)"),
    ("al-Qsila", "al-asileh", "القصيلة as SOHR writes it"),
    ("Jandoul", "ayn-at-tal", "الجندول, on record for Ayn at-Tal (Al-Masdar)"),
    ("Jandul", "ayn-at-tal", "the same (AFP)"),
    ("al-Qaterrji", "karm-al-qaterji", "القاطرجي, on record (SouthFront)"),
    ("Karm al Kateriye", "karm-al-qaterji", "كرم القاطرجي (Prensa Latina)"),
    ("Mayssar", "karm-al-myassar", "الميسر, on record (Al-Watan)"),
    ("al-Miysar", "karm-al-myassar", "the same (SouthFront)"),
    ("Asila", "al-asileh", "القصيلة (Al Arabiya, in Spanish)"),
    ("Shar", "ash-shaar", "الشعار in Spanish (AFP, Radio Habana Cuba)"),
    ("Almidan", "al-midan", "الميدان, its article written on (Fides, in Spanish)"),
    ("Yabal Badro", "jabal-badro", "جبل بدرو, Spanish y for j (Al Mayadeen)"),
    ("Cebel Bedru", "jabal-badro", "جبل بدرو, Turkish c for j (T24)"),
    ("Sheij Nayyar", "sheikh-najjar", "شيخ نجار in Spanish (Al-Manar)"),
    ("Bustan al Bashra", "bustan-al-basha", "بستان الباشا as Al-Manar's Spanish writes it"),
    ("Jdeydeh", "beit-muheb-jdeydeh", "الجديدة, CSR's own spelling (a travel guide)"),
    ("Schdejde", "beit-muheb-jdeydeh", "الجديدة in German (News Front)"),
    ("al-Amariya", "al-amiriyeh", "العامرية (Reuters, in French)"),
    ("Al Surian", "as-siryan-syriac-quarter", "السريان (Fides)"),
    ("al-Serian", "as-siryan-syriac-quarter", "السريان (SANA, Al-Manar)"),
    ("Agyul", "aghyor", "أقيول, g for q (Pars Today)"),
    ("Kastel Mashtal", "qastal-mosht", "قسطل المشط, k for q (TASS)"),
    # The halves by the city's name and an adjective after it, as Spanish and Portuguese write them.
    ("Aleppo Oriental", "east-aleppo", "Portuguese (Sputnik Brasil)"),
    ("zona oriental de Alepo", "east-aleppo", "Spanish (Monitor de Oriente, IPS)"),
    ("Alepo occidental", "west-aleppo", "Spanish (HispanTV)"),
    ("Alepo Oeste", "west-aleppo", "Spanish, also written Alepo-Oeste (AFP)"),
    # Names whose skeleton is too short for rule 1.2 (al-'Aziziyeh, al-A'azamiyeh: "zz", "zm").
    ("Azizieh", "al-aziziyeh", "العزيزية (a travel guide)"),
    ("al-Azizyya", "al-aziziyeh", "العزيزية as SOHR writes it"),
    ("al-Aziziyyi", "al-aziziyeh", "the same, SOHR's Aleppine ending"),
    ("Aziziyya", "al-aziziyeh", "العزيزية (Fides)"),
    ("Azizeh", "al-aziziyeh", "العزيزية (CNEWA)"),
    ("Aziziye", "al-aziziyeh", "العزيزية, as Turkish and Armenian write it (Massis Post)"),
    ("al-Azameyeh", "al-aazamiyeh", "الأعظمية (SANA, Syria Times)"),
    ("Azamieh", "al-aazamiyeh", "الأعظمية (Prensa Latina)"),
    ("al-A'zamiyya", "al-aazamiyeh", "الأعظمية as SOHR writes it"),
    ("Аль-Аазамия", "al-aazamiyeh", "الأعظمية in Russian (TASS, SANA)"),
    ("Asrafiya", "al-ashrafiyeh", "الأشرفية with s for sh (Transnational Middle East Observer)"),
    ("جبل بدورو", "jabal-badro", "جبل بدرو with its u written long (Syrian Press Center)"),
    ("الحي السرياني", "as-siryan-syriac-quarter", "the Syriac quarter by its adjective (AFP)"),
    ("المدينة الصناعية", "sheikh-najjar", "the industrial city, in Arabic (Akhbar Al Aan)"),
)
# The military airfield beside the airport (مطار النيرب العسكري), by the village's name and a word
# for an airfield ("Nairab air base", "the Nayrab military airfield", "Neirab military airport",
# "Al Nyrab military airport"): the airport, and not an-Nayrab, the neighbourhood.
SPELLINGS += tuple(
    (f"{name} {airfield}", "aleppo-international-airport", "the Nairab military airfield")
    for name in ("Nairab", "Nayrab", "Neirab", "Nyrab")
    for airfield in ("airport", "air base", "airbase", "airfield")
    + ("military airport", "military air base", "military airbase", "military airfield")
)

COMMON_NAMES = frozenset(
    name_key(n)
    for n in ("citadel", "Zitadelle", "Public Park", "Altstadt", "città vecchia", "centro storico")
    + ("cidade velha", "centro histórico", "old part of the city", "old city", "vieille ville")
    + ("citadelle", "ciudadela", "Ciudad Vieja", "Ciudad Antigua", "Casco Viejo", "casco histórico")
    + ("cittadella",)
)
CITADELS = frozenset(
    name_key(n) for n in ("citadel", "Zitadelle", "citadelle", "ciudadela", "cittadella")
)
OF_A_CITY = re.compile(
    r"\s+(?:of|in|von|de|di|du|do|da|del|d['’])\s*(?:(?:the|central|zentral\w*|la|el|le|l['’]|a|o"
    r"|(?:city|town|ville|ciudad|città|cidade|stadt)\s+(?:of|de|d['’]|di|von))\s*)*"
    r"([A-Z][\w-]*(?:\s+[\w'’-]+){0,3}|(?i:(?:syrian\s+)?capital[e]?)\b)"
)
# "the rebels' last citadel", "la citadelle rebelle", "la ciudadela deportiva": a citadel that is a
# stronghold or a complex, not Aleppo's.
CITADEL_BEFORE = re.compile(
    r"\b(?:rebels?['’]?|opposition['’]?s?|insurgents?['’]?|jihadists?['’]?|islamists?['’]?|their|last"
    r"|final|dernière|leur|ultima|última)\s+(?:(?:rebel|opposition|jihadist|islamist"
    r"|remaining)\s+)?$",
    re.IGNORECASE,
)
CITADEL_AFTER = re.compile(
    r"\s+(?:rebelle|rebelde|ribelle|insurg\w+|jihadiste?|islamiste?|deportiva|sportiva"
    r"|universitari[ao]|universitaire|militare?|judicial|giudiziaria)\b",
    re.IGNORECASE,
)
# "the citadel of Hanano": a citadel of a place that is not the city is that place's stronghold.
CITY_NAMES = frozenset(name_key(n) for n in ("Aleppo", "Alep", "Alepo", "Halab", "Halep", "Old"))
CITY_BEFORE_NOUN = re.compile(r"\b(?:capital|country)['’]s?\s+(?:main\s+)?$", re.IGNORECASE)
# "a citadel", "une citadelle", "una ciudadela" (not "a cidade", Portuguese "the")
INDEFINITE = re.compile(r"\b(?:an?|eine[nmr]?|une?|una)\s+$", re.IGNORECASE)
CITY_BEFORE = re.compile(r"([A-Z][\w-]*)['’]s?\s+$")  # "Damascus's old city"
ARTICLE = re.compile(r"^(?:the|die|der|la|le|el|il|a|o)\s+", re.IGNORECASE)
# "Damascus International Airport": a generic airport's name after a name not on the map.
NAMED_KINDS = frozenset([name_key("international airport")])
NAME_BEFORE = re.compile(r"([A-Z][\w-]*)\s+$")
# "the Aleppo airport road": a road named after an airport, not the airport.
AIRPORT = re.compile(r"airport|air ?base|airfield|aéroport|aeropuerto|aeroporto|flughafen", re.I)
ROAD_AFTER = re.compile(r"\s+(?:road|highway)\b", re.IGNORECASE)


def elsewhere(sentence: str, start: int, end: int, places: Container[str]) -> bool:
    """A citadel, a park, an old city or an international airport of another city, or an
    indefinite one; or an airport's road."""
    if AIRPORT.search(sentence, start, end) and ROAD_AFTER.match(sentence, end):
        return True
    key = name_key(ARTICLE.sub("", sentence[start:end]))
    if key in NAMED_KINDS:
        name = NAME_BEFORE.search(sentence[max(0, start - 30) : start])
        if name and name.group(1).lower() not in PREPOSITIONS | {"its"}:
            return name_key(name.group(1)) not in places
    if key not in COMMON_NAMES | NAMED_KINDS:
        return False
    if CITY_BEFORE_NOUN.search(sentence[max(0, start - 30) : start]):
        return True  # "the Syrian capital's international airport"
    city = OF_A_CITY.match(sentence, end) or CITY_BEFORE.search(
        sentence[max(0, start - 30) : start]
    )
    names = city.group(1).split() if city else []  # "in the Old City", "of Bab al-Hadid": Aleppo's
    known = any(name_key(" ".join(names[:n]).rstrip("'’s")) in places for n in range(1, 5))
    if names and names[-1].lower().startswith("capital"):
        return True  # "la vieille ville de la capitale", "the international airport in the capital"
    if key in CITADELS and (
        CITADEL_BEFORE.search(sentence[max(0, start - 30) : start])
        or CITADEL_AFTER.match(sentence, end)
        or (city and OF_A_CITY.match(sentence, end) and name_key(names[0]) not in CITY_NAMES)
    ):
        return True  # "the rebels' last citadel", "la ciudadela deportiva", "the citadel of Hanano"
    return bool(city and not known) or bool(
        key in CITADELS and INDEFINITE.search(sentence[max(0, start - 8) : start])
    )


# A one-word spelling of the table ("Zahara", "Shar", "Jandul", "Mayssar") may be a person's name:
# read as the guessed names are (`tracker.extraction_places`), and after a title ("commander Shar",
# "reporter Zahara"; not "called", "known as": a district may be called so).
LONE_SPELLINGS = frozenset(
    name_key(n)
    for n, slug, _ in SPELLINGS
    if " " not in n and slug not in ("aleppo-city", "old-city", "aleppo-citadel")
)
TITLE_BEFORE = re.compile(
    r"\b(?:commander|reporter|activist|spokes(?:man|woman)|journalist|comandante|commandant|Mr|Mrs"
    r"|Ms)\.?\s+$",
    re.IGNORECASE,
)


def lone_spelling(sentence: str, start: int, end: int) -> bool:
    """Whether the phrase is one of the table's one-word spellings (not the city's, the Old City's
    or the citadel's), which a capital beside it or a title before it makes a person's name."""
    return name_key(sentence[start:end]) in LONE_SPELLINGS


def title_case(sentence: str) -> bool:
    """A headline's Title Case: three or more words of four letters or more, each capitalised."""
    long = re.findall(r"\b[^\W\d_]{4,}\b", sentence)
    return len(long) >= 3 and all(w[:1].isupper() and not w.isupper() for w in long)


def titled(sentence: str, start: int) -> bool:
    """A title right before a name ("commander Shar", "known as Jandul"): a person's name."""
    return bool(TITLE_BEFORE.search(sentence[max(0, start - 30) : start]))


# "Suleiman a-Halabi", "a-Sakhour": the assimilated article written "a-" before a name.
SHORT_ARTICLE = re.compile(r"(?<![\w'’-])[Aa]-(?=[A-Z])")
# "Jam'iyyat al-Zahraa", "Jam'eyyit al- Zahraa", "Jamia al-Zahra": a housing society's word.
SOCIETY = re.compile(r"^Jam['’`]?[iey]{1,3}[aei]?[th]?\s+(?=(?:al|el|az)-)", re.IGNORECASE)
DOUBLED_END = re.compile(r"(?<=[a-z])aa$")
TA_END = re.compile(r"(?<=[a-z])ah$")  # "al-Jadidah": ة written -ah
# "مدينة حلب القديمة" (the old city of Aleppo): the word for a city before the name it governs.
CITY_NOUN = re.compile(r"^[وبلف]?مدينة\s+(?=\S+\s+\S)")


def translit_key(key: str) -> str:
    """A folded key (`districts.names.name_key`) with k for q, i for ee, u for oo and ou, and a
    doubled consonant written once: two transliterations of one Arabic name share it."""
    key = key.replace("q", "k").replace("ee", "i").replace("oo", "u").replace("ou", "u")
    return DOUBLED_CONSONANT.sub(r"\1", key)


DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-xz])\1+")


def translit_spellings(places: Mapping[str, Any]) -> dict[str, str]:
    """Each `translit_key` that exactly one district's spellings fold to, with one of those
    spellings (a district's, not the city's, "Alepo", nor a region's): read once, by
    `tracker.extraction_places.Indexes.build`."""
    folded: dict[str, set] = {}
    for key, place in places.items():
        if not place.region:
            folded.setdefault(translit_key(key), set()).add((key, place.label))
    return {k: min(v)[0] for k, v in folded.items() if len({label for _, label in v}) == 1}


def spelling_folds(phrase: str, places: Container[str], translit: Mapping[str, str]) -> str:
    """The phrase with "a-" read as "al-", and a housing society's word or the Arabic word for a
    city before a name and its adjective left out, a doubled final vowel written once or a final
    "-ah" read "-a" or "-eh" when that makes a spelling on record; a capitalised Latin name not on
    record, the spelling it folds to in `translit` (`translit_spellings`)."""
    phrase = SHORT_ARTICLE.sub("al-", phrase)
    bare = CITY_NOUN.sub("", SOCIETY.sub("", phrase))
    for folded in (bare, DOUBLED_END.sub("a", bare), *(TA_END.sub(e, bare) for e in ("a", "eh"))):
        if folded != phrase and name_key(folded) in places:
            return folded
    if name_key(phrase) not in places and phrase[:1].isupper() and phrase.isascii():
        return translit.get(translit_key(name_key(phrase)), phrase)  # "Sheikh Maksoud": "Maqsoud"
    return phrase


ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
# "حي مشهد", "أحياء شعار": a noun of districts before a name written without its article.
DISTRICT_NOUN_BEFORE = re.compile(r"(?<!\w)[وبلف]?(?:حي|حيي|[أا]حياء|منطقة|منطقتي)\s+$")


def article_names(names: Iterable[str]) -> frozenset[str]:
    """The keys of the one-word Arabic names on record that are written only with the article
    ("المشهد", never "مشهد"; "هنانو" has none)."""
    arabic = [n.strip() for n in names if ARABIC_WORD.match(n.strip())]
    bare = {name_key(n) for n in arabic if not n.startswith("ال")}
    return frozenset(name_key(n) for n in arabic if n.startswith("ال")) - bare


def bare_noun(sentence: str, start: int, end: int, names: Container[str]) -> bool:
    """An Arabic word (after و، ب، ل، ف) without the article whose place's name on record has it
    ("في مشهدٍ" is a scene, not المشهد), unless a noun of districts stands before it."""
    word = "".join(spelling_words(sentence[start:end]))  # "ألشعار": the article with a hamza
    if not ARABIC_WORD.match(word) or word.startswith(("ال", "لل")):
        return False
    if word[0] in "وبلف" and word[1:].startswith(("ال", "لل")):
        return False  # "والمشهد", "بالمشهد", "للمشهد": the article after a prefix
    keys = {name_key(word)} | ({name_key(word[1:])} if word[0] in "وبلف" else set())
    return any(k in names for k in keys) and not DISTRICT_NOUN_BEFORE.search(
        sentence[max(0, start - 12) : start]
    )
