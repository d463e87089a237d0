"""Names of sides in the Kurdish press, read before the general ones (`tracker.extraction_words`).

The Kurdish outlets (Hawar, ANF, Rudaw, ARA News) name the rebels by their patron: "Turkish-backed
(Turkey-backed) groups (factions, gangs)", "groups affiliated to the Turkish state" are the rebels'.
Kurdish units named with a noun of people after them ("Jaysh al-Thuwar fighters", "Asayish members",
"the Asayish forces") are the Kurds', read as one name so that the noun ("fighters", the rebels' in
the general list) is not a side of its own.
"""

from __future__ import annotations

SIDES_FIRST: tuple[tuple[str, str], ...] = (
    (
        r"(?:ja[iy]sh al-thuwar|(?:al-)?thuwar army|army of revolutionaries|asa[yi]{1,2}sh|asayesh)"
        r" (?:fighters|forces|members|units|militants|troops)",
        "kurdish_ypg",
    ),
    (
        r"(?:turk(?:ish|ey)|ankara)[-‑ ](?:backed|supported|affiliated) (?:armed )?(?:groups|factions"
        r"|gangs?|gang groups|militias|mercenaries|militants|fighters|rebels|brigades)"
        r"|(?:armed )?(?:groups|factions|gangs|gang groups|mercenaries) (?:affiliated|linked|allied)"
        r" (?:to|with) (?:the )?turkish (?:state|government|army|occupation)",
        "rebels",
    ),
)
