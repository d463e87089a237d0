"""Spellings the claim proposer reads that are not on record as aliases (`tracker.extraction`).

Each is a real spelling of a place found in the shipped quotes the rules were written against
(the two thirds not held out), naming a district or region by its slug. They are kept apart
from `districts/data/aleppo_aliases.csv` so that the importer, which maps claims to polygons,
is not changed by the proposer's needs; `tracker.extraction_index` adds them to its index.

A name of a kind every city has (a citadel, a public park, an old city) is another city's when a
name not on the map follows it after "of", "in", "von", "de" ("die Zitadelle von Damaskus", "the
Public Park in central Damascus") or before it in the possessive ("Damascus's old city"), or when it
is indefinite ("turned Bab Amr into a citadel"): `elsewhere`, read by rule 1
(`tracker.extraction_places`).

Four folds of a transliteration (`spelling_folds`): the article written "a-" before a name, as
Syria Direct and some wires write the assimilated al- ("Suleiman a-Halabi", "a-Sakhour"), is read
as "al-" (an English "a" stands apart, with no hyphen); and, only when the fold makes a spelling on
record, the housing society's word before a name (جمعية: "Jam'iyyat al-Zahraa", "Jamia al-Zahra")
is left out, a long final vowel written twice ("Zahraa", for الزهراء) is written once, and a final
ة written "-ah" is read "-a" or "-eh" ("Halab al-Jadidah": حلب الجديدة, on record as "al-Jadida").
"""

from __future__ import annotations

import re
from collections.abc import Container

from districts.names import name_key

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
    ("Hanano Youth Housing", "hanano", "مساكن هنانو, the Hanano housing district"),
    ("Youth Housing", "as-sakan-ash-shababi", "السكن الشبابي translated"),
    ("industrial city", "sheikh-najjar", "the Aleppo industrial city lies in Sheikh Najjar"),
    ("citadel", "aleppo-citadel", "the citadel of Aleppo"),
    ("old part of Aleppo", "old-city", "the Old City described"),
    ("old part of the city", "old-city", "the Old City described"),
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
    ("centro histórico", "old-city", "the historic centre, in Portuguese and Spanish"),
    ("Старый город", "old-city", "the Old City in Russian"),
    ("Старого города", "old-city", "the Old City, genitive"),
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
    ("Aleppo Public Park", "the-public-park", "الحديقة العامة"),
    ("Public Park", "the-public-park", "الحديقة العامة, without its article"),
    ("Chaar", "ash-shaar", "الشعار in French; too short a skeleton for rule 1.2"),
)

COMMON_NAMES = frozenset(
    name_key(n)
    for n in ("citadel", "Zitadelle", "Public Park", "Altstadt", "città vecchia", "centro storico")
    + ("cidade velha", "centro histórico", "old part of the city", "old city", "vieille ville")
)
CITADELS = frozenset(name_key(n) for n in ("citadel", "Zitadelle"))
OF_A_CITY = re.compile(
    r"\s+(?:of|in|von|de|di|du|do|da|del|d['’])\s*(?:(?:the|central|zentral\w*)\s+)*"
    r"([A-Z][\w-]*(?:\s+[\w'’-]+){0,3})"
)
INDEFINITE = re.compile(r"\b(?:an?|eine[nmr]?)\s+$", re.IGNORECASE)  # "a citadel" (not "a cidade")
CITY_BEFORE = re.compile(r"([A-Z][\w-]*)['’]s?\s+$")  # "Damascus's old city"
ARTICLE = re.compile(r"^(?:the|die|der|la|le|el|il|a|o)\s+", re.IGNORECASE)


def elsewhere(sentence: str, start: int, end: int, places: Container[str]) -> bool:
    """A citadel, a park or an old city of another city, or an indefinite one."""
    key = name_key(ARTICLE.sub("", sentence[start:end]))
    if key not in COMMON_NAMES:
        return False
    city = OF_A_CITY.match(sentence, end) or CITY_BEFORE.search(
        sentence[max(0, start - 30) : start]
    )
    names = city.group(1).split() if city else []  # "in the Old City", "of Bab al-Hadid": Aleppo's
    known = any(name_key(" ".join(names[:n]).rstrip("'’s")) in places for n in range(1, 5))
    return bool(city and not known) or bool(
        key in CITADELS and INDEFINITE.search(sentence[max(0, start - 8) : start])
    )


# "Suleiman a-Halabi", "a-Sakhour": the assimilated article written "a-" before a name.
SHORT_ARTICLE = re.compile(r"(?<![\w'’-])[Aa]-(?=[A-Z])")
# "Jam'iyyat al-Zahraa", "Jam'eyyit al- Zahraa", "Jamia al-Zahra": a housing society's word.
SOCIETY = re.compile(r"^Jam['’`]?[iey]{1,3}[aei]?[th]?\s+(?=(?:al|el|az)-)", re.IGNORECASE)
DOUBLED_END = re.compile(r"(?<=[a-z])aa$")
TA_END = re.compile(r"(?<=[a-z])ah$")  # "al-Jadidah": ة written -ah


def spelling_folds(phrase: str, places: Container[str]) -> str:
    """The phrase with "a-" read as "al-", and a housing society's word left out, a doubled final
    vowel written once or a final "-ah" read "-a" or "-eh" when that makes a spelling on record."""
    phrase = SHORT_ARTICLE.sub("al-", phrase)
    bare = SOCIETY.sub("", phrase)
    for folded in (bare, DOUBLED_END.sub("a", bare), *(TA_END.sub(e, bare) for e in ("a", "eh"))):
        if folded != phrase and name_key(folded) in places:
            return folded
    return phrase
