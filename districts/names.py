"""Fold place names so that the spellings sources use meet the names on the map.

One pipeline (`_words`) cuts a name into folded words; two keys are built from it:

- `name_key` ignores only spelling noise: case, accents, apostrophes, hyphens and spaces, the
  Arabic article in its Latin spellings (al-, el-, as-, ash-, ad-, ...) and in Arabic (ال),
  Arabic diacritics, and the letter variants that Arabic writers use interchangeably (أ/إ/آ/ا,
  ة/ه, ى/ي). Aliases are stored and looked up under it: one key names one place.
- `name_skeleton` also ignores how Arabic was transliterated: vowels and the semivowel y
  (ee/i, ou/u/oo, e/a, iyeh/iya), a final -h after a vowel (ta marbuta: -eh, -ah), doubled
  letters, q/k, and the digraphs dh/d, th/t, gh/g, ph/f, dj/j. It keeps kh and sh apart from k
  and s (Sakhour is not Sukkari) and roman numerals apart from each other (al-Hamdaniyeh I is
  not al-Hamdaniyeh II). It is coarse on purpose, so it is only a fallback: a name is matched
  by skeleton only when the skeleton points at exactly one place (`districts.selectors`).
"""

import re
import unicodedata

LATIN_ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "as",
        "es",
        "ash",
        "esh",
        "ad",
        "ed",
        "adh",
        "ath",
        "an",
        "en",
        "ar",
        "er",
        "at",
        "et",
        "az",
        "ez",
        "aj",
        "ej",
    ]
)
ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": None,  # tatweel
    }
)
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
APOSTROPHES = re.compile("['’‘`´ʿʾ\"“”]")
SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,;:()\[\]]+")

ROMAN_NUMERALS = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}
# Applied in order, after the final -h of a ta marbuta is dropped; capitals keep kh and sh apart.
TRANSLITERATION_FOLDS = (
    ("kh", "K"),
    ("sh", "S"),
    ("dj", "j"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("ph", "f"),
    ("q", "k"),
)
TA_MARBUTA = re.compile(r"(?<=[aeiouy])h$")
VOWELS = re.compile("[aeiouy]")
DOUBLED = re.compile(r"(.)\1+")
# Shorter skeletons (two consonants) match too many unrelated names to be a fallback.
SKELETON_MIN_LENGTH = 3


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        ch for ch in decomposed if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff"
    )


def spelling_words(name: str, fold_case: bool = False) -> list[str]:
    """Cut `name` into words folded as `name_key` folds them, articles kept: compatibility
    forms, Arabic marks and letter variants, accents and apostrophes are folded, and hyphens,
    dashes, spaces and punctuation separate words; case too when `fold_case`. The claim
    proposer (`tracker.extraction_places`) reads a run of words in a text with it, keeping
    case to tell names from words, so that it finds a place by every spelling the importer
    matches."""
    text = unicodedata.normalize("NFKC", name)
    if fold_case:
        text = text.casefold()
    text = ARABIC_MARKS.sub("", text).translate(ARABIC_FOLD)
    text = _strip_accents(text)
    text = APOSTROPHES.sub("", text)
    return [w for w in SEPARATORS.split(text) if w]


def _words(name: str) -> list[str]:
    """Cut `name` into words folded for case, accents and Arabic variants, articles removed."""
    words = spelling_words(name, fold_case=True)
    kept = []
    for word in words:
        if word in LATIN_ARTICLES:
            continue
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        kept.append(word)
    return kept or words


def name_key(name: str) -> str:
    """Return the folded form of `name` under which aliases are stored and looked up."""
    return "".join(_words(name))


def _word_skeleton(word: str) -> str:
    if word in ROMAN_NUMERALS:
        return ROMAN_NUMERALS[word]
    if not word.isascii():
        return word  # Arabic script: `_words` already folded its letter variants.
    word = TA_MARBUTA.sub("", word)
    for spelling, folded in TRANSLITERATION_FOLDS:
        word = word.replace(spelling, folded)
    return VOWELS.sub("", word)


def name_skeleton(name: str) -> str:
    """Return the transliteration-blind form of `name`, or "" when too short to be telling."""
    skeleton = DOUBLED.sub(r"\1", "".join(_word_skeleton(w) for w in _words(name)))
    return skeleton if len(skeleton) >= SKELETON_MIN_LENGTH else ""
