"""The claim proposer's words of number (`tracker.extraction_quantities`, and the counts of
`tracker.extraction_when`): number words of English and Arabic, and the words that make a count
of districts, a share or an area, with the words that bound a number. Split from
`tracker.extraction_words`, whose tables they extend."""

from __future__ import annotations

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "a dozen": 12,
    "dozens of": 24,
    "واحد": 1,
    "اثنين": 2,
    "ثلاثة": 3,
    "أربعة": 4,
    "خمسة": 5,
    "ستة": 6,
    "سبعة": 7,
    "ثمانية": 8,
    "تسعة": 9,
    "عشرة": 10,
}
NUMBER = (
    r"(?P<number>\d+(?:[.,]\d+)?|[٠-٩]+|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + ")"
)
COUNT_NOUN = r"(?:new |more |other |further |additional |residential |eastern )*(?:districts?|neighbo(?:u)?rhoods?|quarters|areas)|أحياء|حيا"
SHARE_SIGN = r"\s?(?:%|percent|per cent|٪|بالمئة|في المئة|بالمائة)"
AREA_UNIT = r"\s?(?:km2|km²|sq\.? ?km|square kilomet(?:re|er)s?|كيلومتر(?:ات)? مربع(?:ة)?|كم2|كم²)"
BOUNDS: tuple[tuple[str, str], ...] = (
    (r"less than|under|fewer than|at most|no more than|below|أقل من", "upper"),
    (r"more than|over|at least|upwards of|أكثر من|ما لا يقل عن", "lower"),
    (
        r"about|around|nearly|almost|some|approximately|roughly|close to|نحو|حوالي|قرابة|ما يقارب",
        "approx",
    ),
)
