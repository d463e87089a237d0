"""Verbs of control the main table (`tracker.extraction_words.VERBS`) reads first, before its own:
forms of taking and advancing whose words lie around the noun "control" or a preposition.

- Control taken with a possessive or a degree between the verb and "control" is a taking, not the
  holding that "control" alone says: "the army regained its control of X", "rebels seized total
  control of X", "took back their full control of X" (`captured`).
- A place fallen "in (into) the hands of" a side is that side's taking ("X was the first to fall
  in the hands of the rebels"), as "fell into the hands of" is.
- Control of a place won back, regained or restored in the passive is a taking: "Complete control
  of X has been won back from the gunmen" (the side it was won back from lost it).
- A side that "moved into" X (deeper, further) advanced into it: fighting there (`contested`), as
  "advanced into" and "entered" are; not people moving ("families moved into X").
"""

from __future__ import annotations

VERBS: tuple[tuple[str, str], ...] = (
    # "take up positions in", "are positioned", "have been (remain) entrenched": there, holding it
    # (moved here from `tracker.extraction_words`, whose table reads this one first).
    (r"(?:took|tak(?:e|es|ing|en))(?: up)? positions", "holds"),
    (
        r"(?:re-?gain(?:ed|s|ing)?|seiz(?:e|ed|es|ing)|wrest(?:ed|s|ing)?"
        r"|(?:re-?)?took|(?:re-?)?tak(?:e|es|en|ing))(?: back)? (?:their|its|his|the) (?:(?:full|complete"
        r"|total|absolute|effective|overall) )?control(?! of the situation)"
        r"|seiz(?:e|ed|es|ing) (?:complete|total|absolute|effective|overall) control"
        r"|f[ae]ll(?:s|en|ing)? in(?:to)? the hands of"
        r"|control(?= of [^,.;]{1,60}? (?:has been|have been|had been|was|were) (?:won back|wrested back"
        r"|clawed back|regained|restored|re-?established|retaken|recaptured|reimposed)\b)",
        "takes",
    ),
    (
        r"(?<!people )(?<!families )(?<!residents )(?<!civilians )(?<!displaced )(?<!refugees )"
        r"mov(?:e|ed|es|ing) (?:deeper |further )?(?:into|inside)",
        "fights",
    ),
)
