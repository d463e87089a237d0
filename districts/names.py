"""Fold place names so that the spellings sources use meet the names on the map.

`name_key` ignores case, accents, apostrophes, hyphens and spaces, the Arabic article in its
Latin spellings (al-, el-, as-, ash-, ad-, ...) and in Arabic (ال), Arabic diacritics, and the
letter variants that Arabic writers use interchangeably (أ/إ/آ/ا, ة/ه, ى/ي).
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


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        ch for ch in decomposed if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff"
    )


def name_key(name: str) -> str:
    """Return the folded form of `name` under which aliases are stored and looked up."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = ARABIC_MARKS.sub("", text).translate(ARABIC_FOLD)
    text = _strip_accents(text)
    text = APOSTROPHES.sub("", text)
    words = [w for w in SEPARATORS.split(text) if w]
    kept = []
    for word in words:
        if word in LATIN_ARTICLES:
            continue
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        kept.append(word)
    return "".join(kept or words)
