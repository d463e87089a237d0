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
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
}
# A fraction of a territory ("half of the territory", "two-thirds of Aleppo"), as a share; not a
# half named by its direction ("the western half of the city"), which is a region, nor inside a
# word ("on behalf of the city", "أربع مناطق في حلب": four), nor an ordinal or a district before
# a noun or a preposition ("a third district in", "a quarter in eastern Aleppo", "half a dozen").
FRACTIONS = {"half": 50.0, "a third": 33.3, "one third": 33.3, "two thirds": 66.7}
FRACTIONS |= {"two-thirds": 66.7, "a quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0}
FRACTIONS |= {"نصف": 50.0, "ثلث": 33.3, "ثلثي": 66.7, "ربع": 25.0, "половину": 50.0}
# Italian, German, Portuguese and Russian: "un terzo", "zwei Drittel", "um terço", "две трети".
FRACTIONS |= {"la metà": 50.0, "un terzo": 33.3, "due terzi": 66.7, "die hälfte": 50.0}
FRACTIONS |= {"ein drittel": 33.3, "zwei drittel": 66.7, "metade": 50.0, "um terço": 33.3}
FRACTIONS |= {"dois terços": 66.7, "треть": 33.3, "две трети": 66.7}
FRACTION = (
    r"(?<!eastern )(?<!western )(?<!northern )(?<!southern )(?<![^\W\d_])(?P<number>"
    + "|".join(sorted(FRACTIONS, key=len, reverse=True))
    + r")\s+(?=(?:of|the|von|d(?:el|ella|ello|ei|elle|egli|es|er|em|a|o|as|os|e|i|u))\b"
    r"|[\u0400-\u04ff\u0600-\u06ff])(?:of\s+)?"
    r"(?:the\s+)?(?=(?:[\w-]+\s+){0,3}?(?:territory|territories|city|aleppo|east|sector|areas?"
    r"|districts|neighbo(?:u)?rhoods|parts?|حلب|المدينة|الأحياء|территории|città|stadt|ostteil\w*"
    r"|cidade|города|алеппо|alepo)\b)"
)
NUMBER = (
    r"(?P<number>\d+(?:[.,]\d+)?|[٠-٩]+|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + ")"
)
COUNT_NOUN = r"(?:new |more |other |further |additional |residential |eastern )*(?:districts?|neighbo(?:u)?rhoods?|quarters|areas)|أحياء|حيا|квартал(?:ов|а)?"
# Russian counts: an adjective may come between ("12 городских кварталов"), "районов" too; German,
# Italian and Portuguese nouns of districts.
COUNT_NOUN += r"|(?:\w+(?:их|ых) )?(?:квартал(?:ов|а)?|район(?:ов|а)?)|(?:stadt)?viertel|quartieri|bairros|distritos"
SHARE_SIGN = (
    r"\s?(?:%|percent|per cent|prozent|per cento|por cento|процент\w*|٪|بالمئة|في المئة|بالمائة)"
)
AREA_UNIT = r"\s?(?:km2|km²|sq\.? ?km|square kilomet(?:re|er)s?|كيلومتر(?:ات)? مربع(?:ة)?|كم2|كم²|кв\.? ?км|квадратн\w+ километр\w*)"
BOUNDS: tuple[tuple[str, str], ...] = (
    (r"less than|under|fewer than|at most|no more than|below|أقل من|не превыша\w+", "upper"),
    (r"more than|over|at least|upwards of|أكثر من|ما لا يقل عن", "lower"),
    # Russian, German, Italian and Portuguese: "менее", "не более"; "более", "свыше"; "около".
    (r"менее|меньше|не более|weniger als|meno di|menos de", "upper"),
    (r"более|больше|свыше|mehr als|über|più di|oltre|mais de", "lower"),
    (
        r"около|почти|примерно|порядка|приблизительно|rund|etwa|fast|circa|quasi|cerca de|quase",
        "approx",
    ),
    (
        r"about|around|nearly|almost|practically|some|approximately|roughly|close to|نحو|حوالي|قرابة|ما يقارب",
        "approx",
    ),
)
