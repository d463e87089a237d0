"""Sides named by epithet, as the claim proposer reads them (`tracker.extraction_words.SIDES`,
which tries these first). A noun of fighters ("fighters", "forces", "troops", "militias",
"militiamen", "gunmen", "units", "brigades", "battalions", "factions") takes its side from the
word before it, not from its own default: "regime fighters", "loyalist gunmen", "government-backed
fighters", "Shiite militiamen", "Liwa al-Quds fighters" are the government's; "rebel militias",
"Islamist units", "opposition troops", "Islamic battalions" and "anti-government (anti-Assad)
forces" the rebels' ("anti-government" is no government), as are "a government opposition group"
(opposed to it), "opponents of the regime", "the
government's opponents" and "army defectors". The shabiha (the regime's irregulars),
"security forces" and "regular forces" (not Kurdish, Turkish, American, rebel or opposition ones) and "Syrian ground
forces" are the government's, as is "the Syrian (Assad) regime" as one name ("under control of
the Syrian regime": its holding); the mujahideen and "Jaish al-Mujahideen" the rebels'.
"""

from __future__ import annotations

# The nouns of fighters an adjective of a side may stand before.
FIGHTERS = (
    r"(?: (?:fighters|forces|troops|soldiers|militias?|militiam[ae]n|gunmen|militants|units"
    r"|brigades|battalions|factions|groups|elements))"
)
GOVERNMENT = (
    r"(?:regime|government|loyalist|army|(?:government|regime|iranian|iran|russian)-backed"
    r"|shiite|shia|afghan|iraqi|liwa al-quds|baath)"
)
REBELS = (
    r"(?:rebel|opposition|islamist|islamic(?! state)|jihadist|insurgent|sunni"
    r"|(?:turkish|turkey)-backed)"
)
NOT_THEIRS = r"(?<!rebel )(?<!opposition )(?<!kurdish )(?<!turkish )(?<!american )(?<!us )(?<!u\.s\. )(?<!russian )"

SIDES: tuple[tuple[str, str], ...] = (
    (
        rf"anti-(?:government|regime|assad){FIGHTERS}?|{REBELS}{FIGHTERS}|government opposition{FIGHTERS}?"
        r"|opponents of (?:the )?(?:syrian |assad )?(?:regime|government)"
        r"|(?:syrian |assad )?(?:regime|government)['’]s opponents|(?:army|regime) defectors",
        "rebels",
    ),
    (
        rf"(?<!anti-)(?<!free syrian ){GOVERNMENT}{FIGHTERS}|shabb?iha(?: militiam[ae]n| militias?| gangs)?"
        rf"|{NOT_THEIRS}(?:security|regular) forces|syrian ground forces"
        r"|(?:syrian|assad|baathist) (?:regime|government)(?: forces| troops)?",
        "government",
    ),
    (r"(?:jaish |jaysh )?al-mujahideen|mujahideen", "rebels"),
)
