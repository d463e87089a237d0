"""How rule 1.2 of the claim proposer (`tracker.extraction_places`) reads a spelling written in
another script or orthography: in the English letters of its sounds, so that its skeleton can name a
place on record. A Russian spelling by its standard romanisation (with дж as j, then х as h and в as
w); a Latin one by the first orthography its letters tell: German by its sch ("Scheich",
"Dschabal") or its j for y in an ending "-ija", "-ije" ("Haidarija"), French by a ch without s ("Cheikh", "Chaar"), Kurdish or Turkish by ş, ç or x ("Şêx
Meqsûd", "Seken Şebab", "Şeyh Said", its h after y the sheikh's kh), Spanish by its j, which is kh
("Jaldiya", "Sheij"). An English spelling is always looked up first, so its j stays j ("Jabal
Badro").
"""

from __future__ import annotations

import re

# Rule 1.2 reads a Russian spelling by its standard romanisation ("Каласе" is "Kalase").
CYRILLIC = re.compile("[\u0400-\u04ff]")


def _pairs(letters: str) -> tuple[tuple[str, str], ...]:
    words = letters.split()
    return tuple(zip(words[::2], words[1::2], strict=True))


# Each orthography: the letters that tell it, and its letters in English (replaced in order).
ORTHOGRAPHIES = (
    # German: its sch, or its j for y before a word's last vowel ("Haidarija", "Hamdanije").
    (re.compile(r"[sS]ch|ij[ae]h?\b"), _pairs("j y J Y dsch j Dsch J sch sh Sch Sh ch kh Ch Kh")),
    (re.compile("(?<![sS])[cC]h"), _pairs("ch sh Ch Sh")),  # French
    # Kurdish, Turkish; Turkish writes the sheikh's kh as h after y ("Şeyh").
    (re.compile("[şŞçÇxX]"), _pairs("ş sh Ş Sh ç ch Ç Ch x kh X Kh eyh eikh")),
    (re.compile("[jJ]"), _pairs("j kh J Kh")),  # Spanish
)
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
CYRILLIC_LATIN = str.maketrans(
    {
        **{k: v.strip("_") for k, v in _CYRILLIC.items()},
        **{k.upper(): v.strip("_").capitalize() for k, v in _CYRILLIC.items()},
    }
)


def cyrillic_readings(phrase: str) -> tuple[str, list[str]]:
    """A Russian spelling read in its standard romanisation, but with дж as j (Arabic ج:
    "Джабаль"), then with х as h (it writes both خ and ح: "Ханано") and в as w (Arabic و:
    "Хальвания")."""
    latin = phrase.replace("дж", "j").replace("Дж", "J").translate(CYRILLIC_LATIN)
    h = latin.replace("kh", "h").replace("Kh", "H")
    return latin, [latin, h, h.replace("v", "w").replace("V", "W")]


def foreign_readings(phrase: str) -> list[str]:
    """The phrase in English letters by the first orthography its letters tell ("Scheich" is
    "Sheikh", "Cheikh" is "Sheikh", "Şêx" is "Shekh", "Jaldiya" is "Khaldiya")."""
    for known, letters in ORTHOGRAPHIES:
        if known.search(phrase):
            for foreign, english in letters:
                phrase = phrase.replace(foreign, english)
            return [phrase]
    return []
