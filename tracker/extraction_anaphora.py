"""Rule 1's last resort (`tracker.extraction`): a place the next sentence takes up by its noun.

A sentence that names no place of its own but "the district" ("the neighbourhood", "the quarter",
"that district", "the same district", "الحي") takes up the one district the sentence before it
named: "Troops pushed into X on Sunday. The Observatory said troops now control most of the
district." The noun then stands for that district, and its claim is read as if the district were
named there; the quote is the sentence that says it. It takes up nothing when the sentence before
named no district or more than one (a region, a half or the city named beside the one district
does not count: "the district" is none of them); nor is a noun followed by what makes it another ("the district of Y", "the district council",
"the neighbourhood's residents", "the district next door", "the district to the south", "the quarter behind the hospital") or one
without the article ("a district", "every district"). "It" as the object of a verb of control
takes the district up as well ("The army said it had retaken X. Rebels insisted they still held
it"; not "took it as a sign", "lost it to"). Nor does a sentence that names another city or province of Syria ("In Homs, rebels still control
the district"). A place taken up is taken up again by the next sentence, as a place named would be.
"""

from __future__ import annotations

import re

from tracker.extraction_places import Place, Span

ANAPHOR = re.compile(
    r"\b(?:the|that|this)\s+(?:same\s+|whole\s+|entire\s+)?(?:district|neighbou?rhood|quarter)\b"
    r"(?!\s*(?:of\b|council|court|committee|police|hospital|['’]s))"
    # "the district next door", "the district to the south": another, placed by this one.
    r"(?!\s+(?:next\s+(?:door|to)|to\s+(?:the|its)\s+(?:north|south)?(?:east|west)?(?<!\s)\b|nearby|beside|opposite|across|adjacent"
    r"|bordering|beyond|behind|(?:north|south|east|west)(?:ward)?\s+of)\b)"
    r"|(?<!\w)(?:[وفب]?ال|[وف]?لل)حي(?!\w)(?!\s+ال)",  # not "الحي الشرقي": another
    re.IGNORECASE,
)


# "it" as the object of a verb of control ("Rebels insisted they still held it", "By evening
# troops controlled it", "lost it to the army"), not before "as", "that", "for" or "to" but to
# a side ("took it as a sign", "took it to the hospital").
IT_OBJECT = re.compile(
    r"\b(?:held|holds?|control(?:s|led)?|(?:re)?t(?:ook|ake[ns]?)|(?:re)?captured|lost|retain(?:s|ed)?"
    r"|kept|keeps?|seized|overran|abandoned|left)\s+(?P<it>it)\b(?!\s+(?:as|that|for|easy)\b)"
    r"(?!\s+to\s+(?!(?:the\s+)?(?:army|rebels|regime|government|opposition|Kurds|YPG|troops)\b))",
    re.IGNORECASE,
)


# Another city or province of Syria: "In Homs, rebels still control the district" is not ours.
OTHER_FRONT = re.compile(
    r"\b(?:Idlib|Idleb|Homs|Hama|Damascus|Raqqa|Deir\s+ez-?Zor|Latakia|Daraa|Deraa|Ghouta|Palmyra"
    r"|Azaz|Manbij|Kobani|Jarablus|Afrin|Tartus)\b|(?<!\w)(?:إدلب|ادلب|حمص|حماة|دمشق|الرقة|دير\s+الزور"
    r"|اللاذقية|درعا|الغوطة|تدمر)(?!\w)"
)


def taken_up(sentence: str, before: list[tuple[Span, Place]]) -> list[tuple[Span, Place]]:
    """The district the sentence before named, standing where this sentence says "the
    district" (written as it was named there), or nothing."""
    districts = {place.label: (span, place) for span, place in before if not place.region}
    if len(districts) != 1 or OTHER_FRONT.search(sentence):
        return []
    match = ANAPHOR.search(sentence)
    it = IT_OBJECT.search(sentence)
    if not match and not it:
        return []
    start, end = match.span() if match else it.span("it")  # type: ignore[union-attr]
    span, place = next(iter(districts.values()))
    return [(Span(start, end, place.label, span.text), place)]
