"""Places of one enumeration (rule 1 of `tracker.extraction`): places written as one list
("Sakhur, Haydariya and Sheikh Khodr") share one verb, found for the list. A list runs on across
names not on the map written between its commas ("Haidariya, Ard al-Hamra, Sukhour"), or between
a comma and its "and" ("Haidariya, Ard al-Hamra and Sukhour": Sukhour is of the list too), and, in
Arabic, across "وصولاً إلى" (on as far as: "X، Y وصولاً إلى Z") and a noun of place repeated
before an item ("حي X وحي Y", "X والخالدية وشارع Y"); a place after ", and" with a verb
of its own, after one place alone, starts a new clause ("Rebels took X, and the Old City was
quiet"), not a list. A place of the list right after words of a part ("took X and parts of Y",
"X and pockets of Y remain under rebel control", "وأجزاء من الصاخور"; not "large parts of") is
contested, the others taken whole. A list runs on past a relative clause on an item, between
commas ("captured X, which rebels had held since 2012, and Y": Y captured too, not held), and
past the preposition of its first item said again ("regime positions in X and in Y"). The Kurds' own
district, Sheikh Maqsoud, is read apart from its list ("Rebels lost Sheikh Maqsoud and Bani Zeid":
the one is the Kurds', the other the government's; `tracker.extraction_recipient.kurds_other`).
"""

from __future__ import annotations

import re

from tracker import extraction_words as words
from tracker.extraction_places import Place, Span
from tracker.extraction_recipient import kurds_own

# A name not on the map inside an enumeration: capitalised words, maybe joined by an article.
OTHER_NAME = re.compile(
    r"\s*(?:and\s+)?(?:[A-Z][\w'’]*(?:[\s-]+(?:al|el|[A-Z][\w'’]*))*|districts?|neighbo(?:u)?rhoods?)\s*"
)
# Between two places of one enumeration: commas, "and", "as well as" (in the quotes' languages);
# Arabic "وصولاً إلى" (on as far as), maybe after a name not on the map: "X، Y، Z وصولاً لمنطقة W".
LIST_GAP = re.compile(
    r"[\s,،]*(?:(?:and|or|as well as|&|y|e|et|und|dan|și|и|va)\s+|و)?(?:the\s+)?"
    r"|[\s،]*(?:[^\s،,]+\s+){0,2}وصولا(?:ً)?\s+(?:إلى\s+|الى\s+|ل)(?:(?:منطقة|حي)\s+)?"
    # Arabic items each with its noun of place: "حي X وحي Y", "X وشارع Y", "X، ومنطقة Y".
    r"|[\s,،]*و?(?:حي|حيي|منطقة|شارع|دوار)\s+",
    re.I,
)


# The last name not on the map of an enumeration, before its "and": "X, Ard al-Hamra and Y".
OTHER_LAST = re.compile(
    r"\s*[A-Z][\w'’]*(?:[\s-]+(?:al|el|[A-Z][\w'’]*))*\s+(?:and|&|y|e|et|und|и|va)\s+(?:the\s+)?"
)
# "captured X, which the army had held, and Y": a relative clause on an item, between commas.
RELATIVE_ITEM = re.compile(r"\s*,\s+(?:which|that|whose|where)\b[^,;.()]{1,80}(?=,)", re.I)


def _list_gap(gap: str) -> bool:
    """Words between two places of one list: separators, or names not on the map between
    commas ("Haidariya, Ard al-Hamra, Sukhour") or between a comma and the list's "and"
    ("Haidariya, Ard al-Hamra and Sukhour"); "district" may follow a place; a relative clause on
    the item before, between commas ("captured X, which rebels had held, and Y")."""
    gap = gap[m.end() :] if (m := RELATIVE_ITEM.match(gap)) else gap
    *middle, last = re.split("[,،]", gap)
    return bool(LIST_GAP.fullmatch(last) or (middle and OTHER_LAST.fullmatch(last))) and all(
        item.strip() == "" or OTHER_NAME.fullmatch(item) for item in middle
    )


# "positions in X and in Y": the preposition the list's first item is after, said again.
PREPOSITION_AGAIN = re.compile(r"\s*,?\s+(?:and|or)\s+(in|at|inside|near)\s+(?:the\s+)?", re.I)
# "Rebels took X, and the Old City was quiet": a place after ", and" with its own verb.
SUBJECT_VERB_AFTER = re.compile(
    r"\s+(?:would|will|could|can|may|might|is|was|were|are|has|have|had|remains?|remained)\b", re.I
)


def place_lists(sentence: str, places: list[tuple[Span, Place]]) -> list[list[int]]:
    """Group the places written as one enumeration ("A, B and C"), by index, in order; a place
    after ", and" with a verb of its own after one place alone starts a new clause ("Rebels took
    X, and the Old City was quiet"), not a list."""
    groups: list[list[int]] = []
    for i, (span, _) in enumerate(places):
        if groups:
            previous = places[groups[-1][-1]][0]
            gap = sentence[previous.end : span.start]
            joined = gap.strip() != "" or span.text[:1] == "و"
            rest = gap[m.end() :] if (m := RELATIVE_ITEM.match(gap)) else gap
            clause = len(groups[-1]) == 1 and re.match(r"\s*,\s+and\s+(?:the\s+)?$", rest)
            if clause and SUBJECT_VERB_AFTER.match(sentence, span.end):
                groups.append([i])
                continue
            kurdish = kurds_own(places[i][1]) or kurds_own(places[groups[-1][-1]][1])
            if (
                not kurdish
                and (m := PREPOSITION_AGAIN.fullmatch(gap))
                and re.search(
                    rf"\b{m.group(1)}\s+(?:the\s+)?$",
                    sentence[: places[groups[-1][0]][0].start],
                    re.I,
                )
            ):
                groups[-1].append(i)  # "positions in X and in Y": the preposition said again
                continue
            if joined and _list_gap(gap) and not kurdish:
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


ITEM_PART = re.compile(
    r"(?:\b(?:parts?|some|half|pockets) of\s+(?:the\s+)?|(?<!\w)و?(?:أجزاء|جزء|نصف|ثلث|ربع)\s+من\s+(?:حي\s+)?)$"
)


def part_item(sentence: str, span: Span) -> bool:
    """Rule 2's partial gains in an enumeration: a place right after words of a part ("took X and
    parts of Y", "وأجزاء من الصاخور"; not "large parts of") is contested, the others whole."""
    before = sentence[max(0, span.start - 30) : span.start]
    return bool(ITEM_PART.search(before)) and not words.MAJORITY.search(before)
