"""Word patterns of the claim proposer (`tracker.extraction`): a word-bounded alternation that
reads Arabic words with their one-letter prefixes and the preposition ل before an article.
Split from `tracker.extraction_places`, whose name-finding rules it serves with the others; and
the head a sentence may open with, a dateline, read by `tracker.extraction_verbs`; and where a
sentence ends (`sentences_split`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracker import extraction_words_time as time_words

if TYPE_CHECKING:
    from tracker.extraction_places import Span

ARABIC_PREFIXES = "وبلف"
# A sentence's head before its first word: nothing, or a wire story's or a monitor's dateline
# ("BEIRUT (AP) —", "ANTAKYA, Turkey –", "Aleppo Province:"): capitalised words, a date, an
# agency, a dash or a colon. A capitalised verb right after it opens the sentence ("BEIRUT –
# Clashes erupted"): it is no name's word.
HEAD = re.compile(r"\s*(?:(?:(?:[A-Z][\w.'’]*|\d+|\([A-Z]\w*\))[,\s]*){1,6}[-–—:])?\s*$")


def word_pattern(alternatives: str) -> re.Pattern[str]:
    """A word-bounded, case-insensitive pattern; Arabic words may carry a one-letter prefix, and
    after the preposition ل an alternative's article ال is written ل ("للجيش": for the army)."""
    elided = "|".join(a[1:] for a in _top_level(alternatives) if a.startswith("ال"))
    after_la = rf"|(?:(?<=(?<![^\W\d_])ل)|(?<=(?<![^\W\d_])[وف]ل))(?:{elided})" if elided else ""
    return re.compile(
        rf"(?:(?:(?<![^\W\d_])|(?<=[{ARABIC_PREFIXES}]))(?:{alternatives}){after_la})(?!\w)", re.I
    )


def _top_level(alternatives: str) -> list[str]:
    """The alternatives of a pattern split at its `|` outside groups and classes."""
    parts, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, char in enumerate(alternatives):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(alternatives[start:i])
            start = i + 1
    return [*parts, alternatives[start:]]


# German writes a day with a full stop ("am 7. Dezember"): no sentence ends there.
GERMAN_MONTHS = "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
# An hour's "a.m." ("p.m.") ends no sentence when the sentence goes on after it: a lower-case
# word, a day or a zone ("at 5:00 a.m. Tuesday morning", "at 9 p.m. local time").
CLOCK_GOES_ON = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|GMT|UTC|local\b|Damascus time"
# No sentence ends after these (patterns): "3 sq. km", "8,5 кв. км", "Maj. Gen. Igor", "U.S.".
ABBREVIATIONS = ("sq", "кв", "Gen", "Maj", "Col", "Lt", "Brig", "Mr", "Dr", "St", "No", "[A-Z]")
# Lower and upper case letters of the Latin and Cyrillic languages read ("aldı.Haydariye").
LOWER = "a-zß-öø-ÿışğçа-яё"
UPPER = "A-ZÀ-ÖØ-ÞİŞĞÇА-ЯЁ"
SENTENCE_END = re.compile(
    r"(?<=[.!?؟])"
    + "".join(rf"(?<!\b{a}\.)" for a in (*ABBREVIATIONS, time_words.MONTH_ABBREVIATED))
    + rf"(?!(?<=\d\.)\s+(?i:{GERMAN_MONTHS})\b)"  # "am 7. Dezember"
    + rf"(?!(?<=\b[ap]\.m\.)\s+(?:[a-z]|{CLOCK_GOES_ON}))"  # "at 5 a.m. Tuesday"
    + r"\s+|\n+"
    r"|(?:(?<=[^\W\d]{2}[.!?؟])|(?<=[^\W\d]{2}[.!?؟][\"”»]))(?=[\u0621-\u064a])"
    rf"|(?:(?<=[{LOWER}]{{2}}[.!?])|(?<=[{LOWER}]{{2}}[.!?][\"”»])\s*)(?=[{UPPER}])"
)


def sentences_split(text: str) -> list[str]:
    """Cut `text` into sentences at . ! ? ؟ and line breaks, not after an abbreviation ("Maj.
    Gen.": `ABBREVIATIONS`; an abbreviated month: "Dec. 7"; a German day: "7. Dezember"; an hour's
    "a.m." before the rest of its sentence: "at 5 a.m. Tuesday"); after a quote's end, or with no
    space ("city.Rebels", "aldı.Haydariye": in any Latin or Cyrillic letters) too."""
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


# French and Italian elide a word before a vowel: "le quartier d'Achrafieh", "dell'Ashrafiyeh".
ELIDED = re.compile(r"(?:[dlDL]|[dn]ell|dall|all|sull|qu)['’](?=[A-ZÀ-Ý])")
QUOTE_MAX = 200


def quote_around(sentence: str, around: Span) -> str:
    """The sentence, or the 200 characters of it centred on the place."""
    if len(sentence) <= QUOTE_MAX:
        return sentence
    start = max(0, min(around.start - QUOTE_MAX // 2, len(sentence) - QUOTE_MAX))
    return sentence[start : start + QUOTE_MAX].strip()
