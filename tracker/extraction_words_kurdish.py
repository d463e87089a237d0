"""Names of sides in and about the Kurdish press, read before the general ones
(`tracker.extraction_words`).

The Kurdish outlets (Hawar, ANF, Rudaw, ARA News) name the rebels by their patron: "Turkish-backed
(Turkey-backed) groups (factions, gangs)", "groups affiliated to the Turkish state" are the rebels'.
Kurdish units named with a noun of people after them ("Jaysh al-Thuwar fighters", "Asayish
members", "the Asayish forces") are the Kurds', read as one name so that the noun ("fighters",
"militants", the rebels' in the general list) is not a side of its own; so are the other spellings
of Jaysh al-Thuwar ("al-Thowwar Army", "Jaish al-Thowar": not the army), the Asayish spelt
"Asyaish", the Kurdish Front (Jabhat al-Akrad), and the names their enemies give the Kurds: the PKK
("PKK militants", "the terrorist PKK party") and the SDF's Arabic initials ("QSD", "Qasad
militias").
"""

from __future__ import annotations

KURDISH_UNITS = (
    r"(?:ja[iy]sh al-th[ou]w{1,2}a?r|(?:al-)?th[ou]w{1,2}a?r army|army of revolutionaries"
    r"|asa[yi]{1,2}sh|asyaish|asayesh|jabhat al-akrad|pkk|qsd|qasad)"
)
SIDES_FIRST: tuple[tuple[str, str], ...] = (
    (
        KURDISH_UNITS + r"(?: (?:fighters|forces|members|units|militants|militias|troops"
        r"|terrorists|gunmen|party))?",
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
