"""Rule 1 of the claim proposer (`tracker.extraction`): the places a sentence names.

A place is found by the longest run of up to six words, never across a comma, a colon or a quote
("al-Sakhour, i militari" is not as-Sakhour I), that is, in order of trust:

1. a spelling on record: its folded key (`districts.names.name_key`) is a name or alias of a
   district or region (an Arabic run may carry a leading و، ب، ل، ف, and ل before the article
   is written لل: "للصاخور"; a French or Italian one the elided word before a capital: "le
   quartier d'Achrafieh", "dell'Ashrafiyeh", "l'Achrafieh"), but not a common noun written without
   the article that the record's one-word name has ("في مشهدٍ", a scene, is not المشهد; but "حي
   مشهد" is: `tracker.extraction_spellings.bare_noun`);
2. for a run of Latin words written as a name (or Russian ones, read in their standard romanisation
   with дж as j, as a spelling on record first, "Шаар", then with х read as h, since it writes both
   خ and ح: "Масакин-Ханано", and в as w, "Хальвания"; or ones of another orthography, read in
   English letters by `tracker.extraction_readings`: German "Scheich Said", French "Cheikh
   Maqsoud", Kurdish "Şêx Meqsûd", Spanish "Jaldiya"), a transliteration: its skeleton
   (`districts.names.name_skeleton`) names exactly one place. The run's words are cut and folded by
   the importer's own function (`districts.names.spelling_words`: accents, every hyphen and dash,
   every apostrophe), so every spelling the importer matches is found ("al‑Ashrafiyah",
   "Ashrafiyé", "Ba’edin", "Ayn atTal"); as a name, its first word is capitalised and every other
   one too, but articles and the words the record writes in lower case inside a name ("Ancient City
   of Aleppo", "Hanano housing"). A lower-case run is never guessed: in prose "nearby" and "supply"
   share the skeletons of an-Nayrab and as-Sabil; nor is a run with an English word that a capital
   may begin ("Nearby, ...", "Initially, ..."; "Kurdish Areas In Aleppo": not New Aleppo);
3. likewise a looser skeleton (`loose_skeleton`: w and p spellings of Arabic و and ب, "Sheik" for
   "Sheikh"), again only when it names exactly one place, and only for a run of capitalised words:
   a lower-case word of the record lends it letters ("the Suweiqa area" is not as-Sukkari), not all
   in capitals (a dateline); never for a Russian run, whose п is not ب ("После" is not al-Besel).

A guessed place (2 or 3), a one-word spelling of `tracker.extraction_spellings` ("Zahara", "Shar";
or after a title: "commander Shar", "reporter Zahara"), or any spelling that begins with an article
("al-Sha'ar"), is a person or an outlet, not a place, when a capitalised word stands right beside
it ("Mustafa Sulaiman", "Minister Mohammad al-Sha'ar", "al-Mayadeen TV", "Nusra Front", "Ansar
as-Sharia": a capital after an article counts; a possessive such as "Aleppo's" or a Turkish case
ending, "Halep'in", or a noun of places in any language read, such as "Districts" or "Район", or of
a landmark named after its district, "al-Jazmati Roundabout", or a side's name, "YPG Şeyh
Maksud'u", "Muhalifler Şeyh Said'i", does not count; nor, for a one-word spelling, does the word
before it in a headline's Title Case, where every word is capitalised: "Syrian Army Takes Zahara"),
a guessed one is a person when it speaks ("Sulaiman said", "said Ahmed") or a role follows it
("Jalid, portavoz de los rebeldes": `tracker.extraction_incidental`), and none is ever a side's
own name. A spelling
followed by a capitalised name after its article ("Hallak Al-Fukani", "Siqor Al Jabal", "Ansar al-
Din": a space after the article's hyphen, as the monitors write) is part of a longer name not on
the map, and names no place; nor does a run ending in an article ("Siqor Al"), nor a unit's name
("the Salahuddin battalion", "the Shuhada Badr brigade", "katiba Selahaddin", "Liwa Salah al-Din")
or a title's holder ("le ministre Chaar"), nor one inside a side's longer name ("غرفة عمليات فتح
حلب", the Conquest of Aleppo operations room), nor a citadel, a park, an old city or an airport of
another city, nor an airport's road ("die Zitadelle von Damaskus", "the airport road":
`tracker.extraction_spellings`), nor a gloss in brackets of the place before it or of a name not on
the map ("Eşrefiye (Ashrafiya)", "Kobanî (Ain al-Arab)": `tracker.extraction_glosses`). An article
glued to a name ("alSakhur") is read apart. Halves of the city named by direction ("the rebel-held
east") are places too, and win over the city's name inside them; a quarter of the compass is not a
half ("the south-west side of the city" is not the west), nor is a direction from a place ("to the
east and north of the Old City", "a neighbourhood to the east"). Once a sentence names one half of
the city, "the eastern part" (side, half) alone is a half too ("The western part of the city is
under government control, while the rebels seized the eastern part"). In a sentence that names no
district, a side's districts in the plural ("opposition-held districts", "الأحياء الخاضعة لسيطرة
المعارضة") are its half of the divided city: the rebels' the east, the government's the west.
Places written as one enumeration form a list (`tracker.extraction_lists`).

A region that holds another place the sentence names is its setting, not a place claimed, and so
is a region placed after another place (`tracker.extraction_settings`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from districts.names import LATIN_ARTICLES, name_key, name_skeleton, spelling_words
from tracker import extraction_halves as halves
from tracker import extraction_spellings as spellings
from tracker.extraction_glosses import glossed
from tracker.extraction_incidental import a_person, said_before
from tracker.extraction_patterns import ARABIC_PREFIXES, ELIDED, word_pattern
from tracker.extraction_readings import CYRILLIC, cyrillic_readings, foreign_readings
from tracker.extraction_spellings import article_names, translit_spellings
from tracker.extraction_words_turkish import COMMON_WORDS as TURKISH_WORDS

MAX_PLACE_WORDS = 6
MAX_NAME_WORDS = 4  # a guessed name's words, its articles apart
# A word runs on across what the importer folds inside one: hyphens, apostrophes, accents
# written apart (combining marks), so a name's words count the same however it is spelt.
HYPHENS = "\\-‐‑"
NAME_BREAK = re.compile(r"[,;:«»“”\"]")
TOKEN = re.compile(f"[^\\W_][\\w'’‘`´{HYPHENS}\u0300-\u036f]*")
NOT_NAMES = spellings.ENGLISH_WORDS | TURKISH_WORDS  # "Askeri" (military) is not as-Sukkari
ADVERB = re.compile(r"[A-Za-z]{3,}ly")  # "Initially, ...": an English adverb, not Ayn at-Tal
SKELETON_MIN = 3  # a shorter skeleton ("hmd") matches personal names by chance
CITY_REGION = "aleppo-city"
LOOSE_FOLDS = (("w", ""), ("p", "b"), ("Sk", "SK"))
# "alSakhur", "Saif alDawla", "Ayn atTal": the article glued to a capitalised name is read
# apart (its first letter in either case: "ALEPPO" glues none).
_ARTICLES = sorted(LATIN_ARTICLES, key=len, reverse=True)
GLUED_ARTICLE = re.compile(
    r"\b(" + "|".join(f"[{a[0]}{a[0].upper()}]{a[1:]}" for a in _ARTICLES) + r")(?=[A-Z])"
)
# "Ansar as-Sharia": a name after its article ("as-", "al-") is capitalised all the same.
ARTICLE_PREFIX = re.compile(r"^(?:" + "|".join(_ARTICLES) + r")[" + HYPHENS + "]")
# "Hallak Al-Fukani": a capitalised name after its article right after a place's spelling
# makes a longer name (a part of the district, a village), not the place ("Soqor al- Jabal" too).
NAME_GOES_ON = re.compile(r"\s+(?:(?i:al|el|as|ash|ad|ar|at|az|an)[-‑] ?|[AaEe]l\s+)[A-Z]")
# "the Salahuddin battalion", "katiba Selahaddin", "Liwa Salah al-Din": a unit named after a
# place (or a hero) is a side, not the place; "le ministre Chaar" a person.
UNIT_BEFORE = re.compile(
    r"\b(?:katibat?|kata['’]?ib|liwa['’]?a?|brigade|battalion|brigada|batall[oó]n|bataillon"
    r"|brigata|battaglione|minist(?:er|re|ro)|général|general)\s+"
    r"(?:(?:of|de|del|des|du)\s+)?(?:(?:the|al|el)[\s-]+)?$",
    re.IGNORECASE,
)
# "the town of Hailan": a guessed name after a town's or a village's noun is not a district.
TOWN_BEFORE = re.compile(r"\b(?:towns?|villages?)\s+of\s+$", re.IGNORECASE)
UNIT_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*)?\s+(?i:battalions?|brigades?|katiba|kata['’]?ib|regiment)\b"
)
# A Turkish case ending after a place's own name ("Hanano'yu", "Hanano'da", "Hanano'dan").
TURKISH_ENDING = r"[nt]?[iıuü]n|n[iıuü]n|[dt][ea](?:ki|n)?|y?[eaiıuü]"
TURKISH_CASE = re.compile(rf"['’](?:{TURKISH_ENDING})$")
# "Aleppo's Saif al-Dawla district": a possessive before a place is not a person's name.
# "Aleppo's", and a Turkish case ending after an apostrophe ("Halep'in", "Halep'teki").
POSSESSIVE = re.compile(rf"['’](?:s|{TURKISH_ENDING})$")


@dataclass(frozen=True)
class Place:
    """What a spelling names: one district, or a region standing for its districts."""

    label: str
    districts: tuple[str, ...]
    region: str = ""


@dataclass(frozen=True)
class Speaker:
    name: str
    stance: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    value: str  # a side, a verb's meaning or a place's label
    text: str = ""
    side: str = ""  # a verb's fixed subject ("government-held")
    guessed: bool = False  # a place found by its skeleton, not by a spelling on record
    adjective: bool = False  # "rebel-held", "opposition neighbourhoods": qualifies a noun


def loose_skeleton(name: str) -> str:
    """The skeleton with rule 1.3's folds: w dropped, p read as b, "Sheik" as "Sheikh"."""
    skeleton = name_skeleton(name)
    for old, new in LOOSE_FOLDS:
        skeleton = skeleton.replace(old, new)
    return skeleton if len(skeleton) >= SKELETON_MIN else ""


def _unique(pairs: Iterable[tuple[str, Place]]) -> dict[str, Place]:
    """Keys that name exactly one place; a key shared by two places is dropped."""
    seen: dict[str, Place | None] = {}
    for key, place in pairs:
        if key:
            first = seen.get(key, place)
            seen[key] = place if first == place else None
    return {k: p for k, p in seen.items() if p is not None}


@dataclass
class Indexes:
    """Every spelling of every place and every name of every source, by folded key."""

    places: dict[str, Place]
    sources: dict[str, Speaker] = field(default_factory=dict)
    place_skeletons: dict[str, Place] = field(default_factory=dict)
    loose_skeletons: dict[str, Place] = field(default_factory=dict)
    # Words the record writes in lower case after a name's first word ("Ancient City of
    # Aleppo", "Hanano housing"): a guessed name may have them too.
    name_words: frozenset[str] = frozenset()
    # One-word Arabic names the record writes only with the article ("المشهد"): not "مشهد".
    article_names: frozenset[str] = frozenset()
    # A transliteration's fold of a district's spellings ("maksud": "sheikh maqsoud").
    translit: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, spellings: Iterable[tuple[str, Place]], sources: Iterable[tuple[str, Speaker]]):
        """Index (spelling, place) and (name, source) pairs; a skeleton shared by two places
        is dropped, so the fallback never guesses."""
        spellings = list(spellings)
        places = {name_key(spelling): place for spelling, place in spellings}
        return cls(
            places,
            {name_key(n): s for n, s in sources},
            _unique((name_skeleton(s), p) for s, p in spellings),
            _unique((loose_skeleton(s), p) for s, p in spellings),
            frozenset(w for s, _ in spellings for w in spelling_words(s)[1:] if w.islower()),
            article_names(s for s, _ in spellings),
            translit_spellings(places),
        )

    def resolve(self, name: str) -> Place | None:
        """What `name` names: by its folded key, else by its skeleton (as the importer does)."""
        return self.places.get(name_key(name)) or self.place_skeletons.get(name_skeleton(name))


def spans_overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def places_find(sentence: str, indexes: Indexes, sides: list[Span]) -> list[tuple[Span, Place]]:
    """Rule 1: the places a sentence names, longest spelling first, without overlaps."""
    tokens = list(TOKEN.finditer(sentence))
    found: list[tuple[Span, Place]] = []
    i = 0
    while i < len(tokens):
        for n in range(min(MAX_PLACE_WORDS, len(tokens) - i), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            start += len(elided[0]) if (elided := ELIDED.match(sentence, start, end)) else 0
            if NAME_BREAK.search(sentence, start, end):
                continue  # "al-Sakhour, i militari": no name runs on past a comma
            looked = _place_lookup(sentence[start:end], indexes)
            case = TURKISH_CASE.search(sentence, start, end) if looked is None else None
            if case:  # "Hanano'yu ele geçirdi": the name before its case ending
                end = case.start()
                looked = _place_lookup(sentence[start:end], indexes)
            if looked is None:
                continue
            place, guessed = looked
            span = Span(start, end, place.label, sentence[start:end], guessed=guessed)
            lone = spellings.lone_spelling(sentence, start, end)  # "Zahara Ahmed", "commander Shar"
            if (guessed or lone or ARTICLE_PREFIX.match(span.text)) and (
                _beside_a_name(sentence, span, sides, lone)
                or (lone and spellings.titled(sentence, start))
                or any(spans_overlap(span, s) for s in sides)
                or (guessed and TOWN_BEFORE.search(sentence[max(0, start - 20) : start]))
            ):
                continue  # "Mustafa Sulaiman", "Minister Mohammad al-Sha'ar": a person's name
            if (
                NAME_GOES_ON.match(sentence, end)
                or UNIT_BEFORE.search(sentence[max(0, start - 30) : start])
                or spellings.elsewhere(sentence, start, end, indexes.places)
                or spellings.bare_noun(sentence, start, end, indexes.article_names)
                or UNIT_AFTER.match(sentence, end)
                or glossed(sentence, start, place.label, found, guessed)  # "Eşrefiye (Ashrafiya)"
                or any(
                    s.start <= start and end <= s.end and s.end - s.start > end - start
                    for s in sides
                )
            ):
                i += n  # "Hallak Al-Fukani": a longer name, not on the map; "فتح حلب": a side's
                break
            found.append((span, place))
            i += n
            break
        else:
            i += 1
    named = any(p.region != CITY_REGION for _, p in found)
    for span in _directions(sentence, named):
        half = indexes.places.get(name_key(span.value))
        if half is None:
            continue
        overlapping = [(s, p) for s, p in found if spans_overlap(s, span)]
        if all(p.region == CITY_REGION for _, p in overlapping):
            found = [pair for pair in found if pair not in overlapping]
            found.append((Span(span.start, span.end, half.label, span.text), half))
    return sorted(found, key=lambda pair: pair[0].start)


def _directions(sentence: str, named: bool) -> list[Span]:
    found: list[Span] = []
    patterns = DIRECTION_PATTERNS
    if any(p.search(sentence) for p, _ in DIRECTION_PATTERNS):
        patterns = patterns + HALF_PATTERNS  # "the western part of the city ..., the eastern part"
    if not named:
        patterns = patterns + HELD_HALF_PATTERNS  # "opposition-held districts": the east
    for pattern, spelling in patterns:
        for match in pattern.finditer(sentence):
            if halves.COMPASS_BEFORE.search(sentence[max(0, match.start() - 6) : match.start()]):
                continue  # "the south-west side of the city": a quarter, not the west
            if not any(s.start < match.end() and match.start() < s.end for s in found):
                found.append(Span(match.start(), match.end(), spelling, match.group()))
    return found


def _place_lookup(phrase: str, indexes: Indexes) -> tuple[Place, bool] | None:
    phrase = spellings.spelling_folds(
        GLUED_ARTICLE.sub(r"\1-", phrase), indexes.places, indexes.translit
    )
    key = name_key(phrase)
    if len(key) < 3:
        return None
    if key in indexes.places:
        return indexes.places[key], False
    if phrase[0] in ARABIC_PREFIXES and len(phrase) > 3 and phrase[1:2] != " ":
        for stripped in (name_key(phrase[1:]), name_key("ا" + phrase[1:])):  # "للصاخور": ل + ال
            if stripped in indexes.places:
                return indexes.places[stripped], False
    readings, cyrillic = [phrase], bool(CYRILLIC.search(phrase))
    if cyrillic:
        phrase, readings = cyrillic_readings(phrase)
        keys = [k for k in map(name_key, readings) if k in indexes.places]
        if keys:  # "Шаар", "Ханано" are "Shaar", "Hanano", spellings on record
            return indexes.places[keys[0]], True
    else:  # "Scheich Said", "Cheikh Maqsoud", "Seken Şebab", "Jaldiya"
        readings += foreign_readings(phrase)
    if not _a_name(phrase, indexes.name_words):
        return None
    for reading in dict.fromkeys(readings):
        skeleton = name_skeleton(reading)
        if len(skeleton) >= SKELETON_MIN and skeleton in indexes.place_skeletons:
            return indexes.place_skeletons[skeleton], True
        # Russian п is never Arabic ب, so the looser p-for-b fold misreads it ("После").
        loose = (
            not cyrillic
            and _capitalised(reading)
            and indexes.loose_skeletons.get(loose_skeleton(reading))
        )
        if loose:
            return loose, True
    return None


def _a_name(phrase: str, name_words: frozenset[str]) -> bool:
    """A run of Latin words, folded as the importer folds them (accents, hyphens, apostrophes),
    is a name a transliteration may spell if its first word is capitalised, and each other one
    too, unless it is an article or a word that the record writes in lower case inside a name
    ("Ancient Citi of Aleppo", "Henano housing")."""
    words = spelling_words(phrase)
    named = [w for w in words if w.casefold() not in LATIN_ARTICLES]
    return (
        0 < len(named) <= MAX_NAME_WORDS
        and not any(
            w[:1].isupper() and (w.casefold() in NOT_NAMES or ADVERB.fullmatch(w)) for w in named
        )
        and words[-1].casefold() not in LATIN_ARTICLES  # "Siqor Al Jabal": not "Siqor Al"
        and all(w.isascii() for w in words)
        and named[0][:1].isupper()
        and all(w[:1].isupper() or w in name_words for w in named)
    )


def _capitalised(phrase: str) -> bool:
    """Every word but the articles is capitalised: a run the looser skeleton may read, since a
    lower-case word of the record lends it letters ("the Suweiqa area" is not as-Sukkari); but
    not all in capitals, as a dateline is ("SÃO PAULO, SP -" is not as-Sabil)."""
    words = [w for w in spelling_words(phrase) if w.casefold() not in LATIN_ARTICLES]
    return all(w[:1].isupper() for w in words) and not all(w.isupper() for w in words)


def _beside_a_name(sentence: str, span: Span, sides: list[Span], lone: bool = False) -> bool:
    """A guessed place (or a `lone` one-word spelling of the table) with a capitalised word right
    before or after it is part of a name, and one that speaks ("Sulaiman said") is a person."""
    if (
        (span.guessed or lone)
        and a_person(sentence, span.end)
        or span.guessed
        and said_before(sentence, span.start)
    ):
        return True  # "Sulaiman said", "Jalid, portavoz de los rebeldes"
    before = re.search(r"([^\W\d_][\w'’\-]*)\s+$", sentence[: span.start])
    if lone and spellings.title_case(sentence):
        before = None  # "Syrian Army Takes Zahara": in a headline every word has its capital
    after = re.compile(r"\s+([^\W\d_][\w'’\-]*)").match(sentence, span.end)
    return any(
        m
        and ARTICLE_PREFIX.sub("", m.group(1))[:1].isupper()
        and m.group(1).lower() not in spellings.FUNCTION_WORDS
        and not POSSESSIVE.search(m.group(1))
        and not any(s.start <= m.start(1) and m.end(1) <= s.end for s in sides)  # "YPG Şeyh Said"
        for m in (before, after)
    )


DIRECTION_PATTERNS = [(word_pattern(p), spelling) for p, spelling in halves.DIRECTIONS]
HALF_PATTERNS = [(word_pattern(p), spelling) for p, spelling in halves.HALVES]
HELD_HALF_PATTERNS = [(word_pattern(p), spelling) for p, spelling in halves.HELD_HALVES]
