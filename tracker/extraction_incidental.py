"""Places a sentence names incidentally, which claim nothing (rules 1 and 2 of
`tracker.extraction`):

- a place named as where people come from, live or fled to: "fighters from X joined the offensive",
  "reinforcements from X", "rebels, most of them (originally, coming) from X", "militants (gunmen)
  from X", "a native of X", "who lives in X", "qui habite à X", "que vive en X", "grew up in X",
  "born in X", "took Y, forcing families to flee to X", "civilians fled towards X", "families took
  shelter in X", Russian "боевики бежали в южные районы города: X, Y" (the list after a colon too),
  "отступили в X" (but a side driven, pushed or withdrawn "from X" lost it: "the army drove rebels
  from X", and one repelled from X failed to take it: "rebels repelled the army and allied
  militias from X"; and the place a side fired from is its base: "snipers fired at civilians from X",
  `tracker.extraction_presence`);
- in a sentence with no verb of control, a place that only a side's people died, were hurt or were
  buried in, or where a building or a tunnel was blown up ("Three rebels were killed in X", "Rebels
  blew up a building in X", "Rebel fighters dug a tunnel under X"): killing and casualties in a
  place, and a demolition, say nothing of who holds it; nor a place people moved towards, closed in
  on or left ("The army pushed towards X", "Rebels headed to X", "in the direction of X", "the army
  was closing in on X", "people fleeing X", "the departures from X", "a checkpoint between X and Y";
  forces sent there: "الجيش يدفع بقوات ومركبات مدرعة إلى حي X", "أرسلت تعزيزات عسكرية إلى X";
  "the army suffered heavy losses in X" is casualties too);
- a place a side heads towards ("the army advanced towards X", "تقدمت قوات النظام نحو حي X",
  "تتابع تقدمها باتجاه أحياء X وY", "نحو حيي X وY": the dual and plural of "district" too, and
  after و: "تقدمت في محور Z وباتجاه حي X",
  "avance vers X", "avanza hacia X", "rückt in Richtung X vor"), which no verb of fighting or
  taking reaches (`heading_to`), and the place a road or a way leads to ("the fall of X opened the
  way to Y");
- a place set against the verb's own by "not" ("took X, not Y, on Monday", "captured X but not Y"),
  or only locating another ("X, not far from Y"), and the origin of an attack repelled ("rebels
  repelled an army advance launched from X": `landmark`).

The words are read in French, Spanish, Italian, Portuguese and German too ("Trois rebelles ont été
tués à X", "Los rebeldes volaron un edificio en X", "des combattants venus de X", "vers X").

A guessed reading (rule 1.2: the Spanish j, the French ch) is a person's name, not a place, when a
comma and a role or an age follow it ("Jalid, portavoz de los rebeldes", "Chahba, un habitant",
"Salah, 35, a teacher") or a verb of saying in any language read ("Jalid dijo", "Chaker
raconte"), but not when the role is itself the subject of a verb of saying ("We took X, a rebel
commander said": the commander is the speaker, X the place); and a medium's, when a word of the
news follows it ("the pan-Arab al-Mayadeen news agency", "Al-Mayadeen TV"). Deaths told in a
clause of where after a place ("rebels hold X, where two civilians were killed", "où", "donde",
"wo") are not the place's own.

A place named as a landmark claims nothing either: "north of the citadel", "near X", "in the
vicinity of X", "near the mainly Kurdish neighbourhood of X", "within a kilometre of X", "the
districts that surround X", "a barracks located between X and Y", "a supply route between X and
Y", "drive a wedge between X and Y", either end of a road "linking X to (with) Y" or of "in between
X and Y" ("hills in between X and Y", `BETWEEN_SECOND` for Y), the end of a corridor or of a supply
("cut the supply to X", "a corridor to X"; not "to rebel-held X", which says who holds it), and the
Arabic ones of `tracker.extraction_words_arabic` ("الواقعة بين X"), and the ends of a road
("restored control of a road leading from X to Y", "the highway from X": the road was taken, not X
or Y; but "from government-held X" still says who holds X, and "advanced along the road from X to
Y" heads for Y). Nor does the target of an attack the sentence says was launched from another
place ("gangs began an assault on X from the areas of Y"): the attackers are in Y, and of X the
sentence says only that it was attacked (`landmark`).

Read by `tracker.extraction` and `tracker.extraction_places` (`landmark`; the latter `a_person`
too) and `tracker.extraction_presence` (`no_holding_told`, in its `sole_side`).
"""

from __future__ import annotations

import re

from tracker import extraction_words_arabic as arabic
from tracker import extraction_words_intl as intl
from tracker import extraction_words_turkish as turkish

# A landmark is no claim: "north of the citadel", "to the north of X" (but "the north of X" is a
# part of X), "near Nairab airport", "in the vicinity of X", "near the mainly Kurdish
# neighbourhood of X", "the gap (route, a wedge) between X and Y", "linking X to Y" (both ends),
# "2 km (a mile) away from X", "on the doorstep of
# X", "within a (few) kilometre(s) (a few hundred metres) of X", "districts (hills) that surround
# X", "districts surrounding X" (not a side's troops); Arabic غرب، قرب، محيط "around", المحاذي
# "adjacent", جهة، طريق "road", سكان "residents of".
LANDMARK = re.compile(
    r"(?:\b(?:near|beside|next to|close to|adjacent to|(?:in )?the vicinity of|linking|overlooking|above"
    r"|(?<!(?<!\bto )the )(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)? of"
    rf"|(?:area|zone|land|ground|road|line|gap|route|wedge)s? (?:in )?between|{intl.LANDMARK_WORDS}"
    r"|\blinking\s+(?:[\w'’-]+\s+){1,5}(?:to|with)"
    r"|(?:road|highway|route|way|path|gateway|corridor|suppl(?:y|ies)(?: (?:line|route))?)s?"
    r" (?:leading |heading )?to(?!\s+(?:the\s+)?(?:[\w'’]+-(?:held|controlled)|besieged)\b)"
    r"|\d*(?:km|kilomet(?:er|re)s?|met(?:er|re)s?|miles?|yards)\b[^.,;]{0,20}\b(?:away )?from|doorsteps? of)"
    r"|(?<!\w)(?:(?:إلى |الى )?ال(?:غرب|شرق|شمال|جنوب) من|(?:غرب|شرق|شمال|جنوب)ي?|قرب|بالقرب من|بجوار|(?:في )?محيط|المحيط(?:ة)?|جهة|طريق|[أا]وت[و]?ستراد|و?المحاذي(?:ة)?|سكان|أهالي)"
    # "within a kilometre of X", "the districts (Aqyul) that surround X": X only locates them.
    r"|\bwithin\s+(?:a\s+few|a|an|one|two|three|several|\d+)\s+(?:(?:hundred|thousand)\s+)?"
    r"(?:km|kilomet(?:er|re)s?|met(?:er|re)s?"
    r"|miles?)\s+of|\b(?:districts?|neighbo(?:u)?rhoods?|quarters?|areas?|hills?|villages?|suburbs?"
    r"|(?-i:(?!(?:Army|Forces|Troops|Soldiers|Rebels|Fighters|Militants|Militias|Units)\b)[A-Z][\w'’-]*))"
    r"\s+(?:(?:that|which)\s+surround(?:s|ed)?|surrounding))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}"
    # "near the mainly Kurdish neighbourhood of X": a noun of places and its words before X.
    r"(?:(?:[\w'’-]+\s+){0,2}(?:neighbou?rhood|district|quarter|area|suburb)\s+of\s+)?$",
    re.IGNORECASE,
)
# "Fighters from X", "Rebel reinforcements from X": people named by where they come from.
PEOPLE = (
    r"(?:fighters?|rebels?|soldiers?|troops|reinforcements|militiamen|militias?|men|families"
    r"|people|civilians|residents|volunteers|recruits|youths?|members|units|brigades?|groups"
    r"|commanders?|militants|gunmen|jihadists)"
)
ORIGIN_BEFORE = re.compile(
    rf"\b{PEOPLE},?\s+(?:who\s+(?:came|come|comes)\s+|originally\s+|(?:com|arriv)ing\s+"
    r"|(?:most|many|some|all)\s+of\s+them\s+)?from\s+(?:the\s+)?$|\ben\s+provenance\s+d(?:e\s+|['’])"
    r"|\b(?:venus|venues|venidos|llegados"
    r"|procedentes|provenientes|originarios|originaires|venuti|provenienti|vindos|oriundos)"
    r"\s+(?:de|d['’]|da|di|do)\s*(?:l[ao]s?\s+|l['’])?$",
    re.I,
)
# "the army drove (pushed, expelled) rebels from X", "rebels repelled the army and allied militias
# from X": the side lost X (or failed to take it), not an origin.
DRIVEN_BEFORE = re.compile(
    r"\b(?:dr[io]v\w*|push\w*|expel\w*|oust\w*|chas\w*|clear\w*|forc\w*|evict\w*|kick\w*"
    r"|rout\w*|flush\w*|purg\w*|withdr[ae]w\w*|pull\w*|retreat\w*|evacuat\w*|withdrawal"
    r"|repel\w*|repuls\w*)\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)
# "snipers fired at civilians from the citadel", "rebels shelled X from Y": where the fire came
# from; not where the people fired at were fleeing or coming from ("shelled rebels fleeing from X").
FIRED_FROM_BEFORE = re.compile(
    r"\b(?:fir(?:e|ed|es|ing)|shell(?:ed|s|ing)?|snip(?:e|ed|es|ing)|launch(?:ed|es|ing)"
    r"|lob(?:s|bed|bing)|pound(?:ed|s|ing)|bomb(?:ed|s|ing)|target(?:ed|s|ing))\b"
    r"(?:(?!\b(?:and|but|while|as|after|before|fle(?:e|es|eing|d)|escap\w*|arriv\w*|com(?:e|es|ing)"
    r"|return\w*|retreat\w*|head(?:ed|ing|s)|withdr\w*|leav\w*|mov(?:e|ed|es|ing)|travel\w*"
    r"|evacuat\w*)\b)[^,;.]){0,60}?"
    r"\bfrom\s+(?:(?:the|their|its)\s+)?(?:(?:positions?|bases?|posts?)\s+in\s+(?:the\s+)?)?"
    r"(?:(?:neighbo(?:u)?ring|nearby|adjacent)\s+)?$",
    re.IGNORECASE,
)
# "a native of X", "who lives in X", "grew up in X", "born in X": where a person lives.
RESIDENCE_BEFORE = re.compile(
    r"\b(?:li(?:ves?|ving|ved)|grew\s+up|born|raised|native\s+of|hails?\s+from"
    r"|(?:his|her|their)\s+home(?:town)?)\s+(?:in\s+|at\s+)?(?:the\s+)?$"
    # French, Spanish, Italian, Portuguese: "qui habite à X", "que vive en X", "che vive a X".
    r"|\b(?:habit(?:e|ent|ait)|vit|viv(?:e|en|ía|eva)|mora(?:m|va)?|resid(?:e|en))"
    r"\s+(?:à|au|en|a|em|no|na|in)\s+(?:l[ao]s?\s+|l['’])?$",
    re.I,
)
# "forcing families to flee to X", "civilians fled towards X", "driving civilians into X": where
# people fled, which no verb of control before it reaches.
FLED_TO_BEFORE = re.compile(
    r"\b(?:fle(?:e|es|eing|d)|escap(?:e|es|ed|ing)|displaced|(?:civilians|families|residents"
    r"|people|children))\s+(?:(?:back|away)\s+)?(?:to|towards?|into)\s+(?:the\s+)?$"
    r"|\b(?:took|tak(?:e|es|ing|en)|sought|seek(?:s|ing)?|found|find(?:s|ing)?)\s+(?:shelter"
    r"|refuge|cover)\s+(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
# Russian: "боевики бежали в южные районы города: X и Y", "отступили в X": where a side fled or
# fell back to, even past a colon that opens the list of its places.
FLED_TO_RUSSIAN = re.compile(
    r"(?<!\w)(?:бежал\w*|бегут|отступ(?:или|ил|ила|ают|ает)|отош(?:ли|ёл|ел|ла))\s+(?:в|во|к|на)\s"
    r"[^.;:]{0,40}(?::[^.;]{0,40})?$",
    re.I,
)
# Killing, casualties ("suffered heavy losses"), the dead and the wounded, an execution, a
# burial, a body; a building or a tunnel blown up or dug.
CASUALTY = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:ed|ies|y|ing)|died|dies|dead|deaths?"
    r"|death toll|casualt(?:y|ies)|(?:heavy )?losses|bod(?:y|ies)|execut(?:ed|ing|ions?)|massacr(?:e|ed|es)"
    r"|buried|mourn(?:s|ed|ing)?|treat(?:s|ed|ing)|blew up|blown up|blow(?:s|ing)? up"
    r"|tunnels?|demolish(?:ed|es|ing)?|bulldoz(?:ed|es|ing)|martyr(?:ed|s)?|slain|shot dead"
    # French, Spanish, Italian, Portuguese, German: killed, died, dead, wounded, blown up.
    r"|tu[ée]e?s?|morte?s?|bless[ée]e?s?|fait sauter|murieron|muert[oa]s?|herid[oa]s?|asesinad[oa]s?"
    r"|volaron|uccis[io]|mort[io]|ferit[io]|morreram|mort[oa]s|ferid[oa]s|getötet|tote|verletzt"
    r"|gesprengt|sprengten|f(?:ait|aire|ont) exploser|(?:hicieron|hizo) (?:estallar|explotar)"
    r"|fatto (?:saltare|esplodere)|explodiram|(?:fizeram|fez) explodir"
    # Arabic: killed, martyred, met his death, wounded, the dead; blew up (not فجر, dawn: "فجر
    # اليوم", "منذ فجر السبت"), destroyed.
    r"|[وف]?(?:قتل|قُتل|مقتل|قتلى|استشهد|استشهاد|مصرع\w*|جرح|جرحى|أصيب|فجّر|تفجير|دمر|دمّر|تدمير"
    r"|(?<!منذ )(?<!عند )(?<!مع )فجر(?!\s+(?:اليوم|يوم|أمس|الأحد|ال[اإ]ثنين|الثلاثاء|الأربعاء"
    r"|الخميس|الجمعة|السبت)))"
    r"(?:ت|وا|ا)?)\b",
    re.I,
)
# "The army pushed towards X", "Rebels headed to X", "people fleeing X", "between X and Y":
# where people moved, or a point between places.
TOWARDS_BEFORE = re.compile(
    r"(?<!\w)و?(?:باتجاه|نحو|صوب)\s+(?:(?:حي|حيي|[أا]حياء)\s+)?$"
    # "الجيش يدفع بقوات ومركبات إلى حي X", "أرسلت تعزيزات إلى X": forces sent to a place.
    r"|(?<!\w)(?:[يت]?دفع(?:ت|وا)?\s+ب|[يت]رسل(?:ون)?\s+|أرسل(?:ت|وا)?\s+|[يت]?ستقدم(?:ت|وا)?\s+"
    r"|استقدم(?:ت|وا)?\s+|تعزيزات\s+)(?:\S+\s+){0,4}?(?:إلى|الى)\s+(?:حي\s+)?$"
    r"|\b(?:towards?|hacia|vers|verso|in richtung|rumo a|em direção a|(?:head(?:ed|ing|s)?|mov(?:ed|ing|es?)|march(?:ed|ing|es)?|sen[dt]|road|way"
    r"|route)\s+(?:to|for|on)|through|via|past|between|fle(?:e|es|eing|d)(?:\s+from)?"
    r"|escap(?:e|ed|ing)(?:\s+from)?|leav(?:e|es|ing)|left|in\s+the\s+direction\s+of"
    r"|(?:departures?|exodus|evacuees|displaced(?:\s+people)?)\s+(?:from|to|into)"
    r"|(?:clos|mov)(?:e|es|ed|ing)\s+in\s+on"
    # Flight in the other languages: "han huido de X", "ont fui X", "sono fuggiti da X".
    r"|(?:huid[oa]s?|huy(?:en|eron|ó|endo)|fui(?:r|s|t)?|fuient|fuyant|enfui(?:e|s|es)?"
    r"|fuggit[oiae]|fugg(?:ono|ivano|endo))"
    r"(?:\s+(?:de(?:l)?|du|des|d['’]|da|dal|dall['’]|dalla|dalle|dai))?)\s+(?:the\s+)?$",
    re.I,
)


# "advanced towards X", "تقدمت قوات النظام نحو حي X": where a side heads, not where it fights.
# In the other languages read: "avance vers X", "avanza hacia X", "rückt in Richtung X vor".
HEADING_TO = re.compile(
    r"(?:\b(?:towards?|hacia|vers|verso|in richtung|rumo a|em direção a)|(?<!\w)و?(?:نحو|صوب|باتجاه))"
    r"\s+(?:the\s+)?(?:(?:حي|حيي|[أا]حياء)\s+)?$",
    re.I,
)


def heading_to(sentence: str, start: int) -> bool:
    """A place at `start` after "towards" (نحو، صوب، باتجاه, vers, hacia, verso) is where a side heads, which a verb
    of fighting or taking does not reach (read by rule 2's `reaches`)."""
    return bool(HEADING_TO.search(sentence[max(0, start - 30) : start]))


def named_incidentally(sentence: str, start: int) -> bool:
    """A place at `start` named as where people come from ("fighters from X"), live ("who lives
    in X", "a native of X") or fled to ("civilians fled to X"); not a side driven "from X", nor
    the place a side fired from ("snipers fired at civilians from X")."""
    before = sentence[max(0, start - 80) : start]
    origin = ORIGIN_BEFORE.search(before)
    if origin and not DRIVEN_BEFORE.search(before[: origin.start()]):
        return not FIRED_FROM_BEFORE.search(before)  # "fired at civilians from X": its base
    return bool(
        RESIDENCE_BEFORE.search(before)
        or FLED_TO_BEFORE.search(before)
        or FLED_TO_RUSSIAN.search(before)
    )


# "a road leading from X to Y", "the highway from X": the ends of a road only locate it (not one
# written with a side's adjective of holding: "from government-held X" is held); but the end a
# movement heads for along a road ("advanced along the road from X to Y") is that movement's.
ROAD_ENDS = re.compile(
    r"\b(?:road|highway|route|supply (?:line|route))s?\s+(?:(?:leading|heading|running)\s+)?from\s+"
    r"(?:[^,.;:]{1,60}?\sto\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
ALONG_ROAD_TO = re.compile(
    r"\b(?:along|down|up)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+)?(?:road|highway|route)s?\s+from\s+"
    r"[^,.;:]{1,60}?\sto\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the barracks located between X and Y": a facility between two places names them as landmarks;
# so does "in between X and Y", and a noun of ground between them (the second end: Y).
LOCATED_BETWEEN = re.compile(
    r"\b(?:located|lies|lying|situated|sits)\s+between\s+(?:\S+\s+){0,3}$|\bin\s+between\s+(?:the\s+)?$",
    re.I,
)
BETWEEN_SECOND = re.compile(
    r"\b(?:in|(?:area|zone|land|ground|road|line|gap|route|hill|position)s?)\s+between\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){1,4}?(?:and|&)\s+(?:the\s+)?$",
    re.I,
)


# "an assault on X from the areas of Y": the target of an attack launched from elsewhere.
ATTACK_ON = re.compile(r"\b(?:attacks?|aggression|assaults?|offensive)\s+on\s+(?:the\s+)?$", re.I)
FROM_AFTER = re.compile(r"(?:\s+(?:neighbou?rhood|district|quarter))?\s+from\s", re.I)
# "took X, not Y, on Monday", "captured X but not Y": a place set against the verb's own;
# "X, not far from Y": Y only locates X.
NOT_PLACE = re.compile(
    r"(?:,|\bbut)\s+not\s+(?!only\b|just\b|even\b|merely\b)(?:the\s+)?$|\bnot\s+far\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "rebels repelled an army advance (launched) from X", "repelled an incursion from X into Y": the
# origin of an attack repelled is the attacker's, not the place defended.
REPELLED_FROM = re.compile(
    r"\b(?:repel\w*|repuls\w*|foil\w*|thwart\w*)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+)?"
    r"(?:attack|assault|offensive|attempt|advance|incursion|infiltration)s?\b[^,;.]{0,40}?"
    r"\bfrom\s+(?:the\s+)?$",
    re.I,
)


# "near X, which is still under government control": the clause tells X's own holder.
HOLDER_CLAUSE_AFTER = re.compile(
    r",?\s+(?:which|that)\s+(?:is|was|are|were|remains?|has\s+been|had\s+been)\s+"
    r"(?:(?:still|now|largely|firmly|fully)\s+)*(?:under\s+(?!(?:heavy\s+|constant\s+)?(?:fire|attack"
    r"|siege|bombardment|shelling)\b)|held\s+by|in\s+(?:the\s+)?hands|controlled\s+by|[\w-]+-(?:held|controlled)\b)",
    re.I,
)


def landmark_told_held(sentence: str, start: int, end: int) -> bool:
    """A landmark ("next to X") whose own holder a relative clause right after it tells ("X,
    which is still under government control"): that clause's verb alone reaches it."""
    before = sentence[max(0, start - 60) : start]
    return bool(HOLDER_CLAUSE_AFTER.match(sentence, end) and LANDMARK.search(before))


def landmark(sentence: str, start: int, end: int = -1) -> bool:
    """A place at `start` named as a landmark ("near X", "located between X and Y", "الواقعة بين
    X", Turkish "X yakınındaki", "a road leading from X to Y"), as an origin or a home ("fighters from X"), as the target of an attack launched from
    another place ("an assault on X from Y"), as the origin of an attack repelled ("rebels
    repelled an army advance launched from X"), or set against the verb's own place by "not"
    ("took X, not Y", "captured X but not Y"; "X, not far from Y"). Not a landmark whose own
    holder a relative clause right after it tells ("next to X, which is still under government
    control": X is the government's)."""
    if end >= 0 and landmark_told_held(sentence, start, end):
        return False
    before = sentence[max(0, start - 60) : start]
    if any(p.search(before) for p in (LANDMARK, arabic.LANDMARK, LOCATED_BETWEEN, BETWEEN_SECOND)):
        return True
    road = sentence[max(0, start - 120) : start]
    if ROAD_ENDS.search(road) and not ALONG_ROAD_TO.search(road):
        return True  # "a road leading from X to Y": the road's ends
    if end >= 0 and turkish.NEAR_AFTER.match(sentence, end):
        return True  # "X askeri havaalanı yakınındaki Y": Turkish "near" after its noun
    if end >= 0 and ATTACK_ON.search(before) and FROM_AFTER.match(sentence, end):
        return True
    if REPELLED_FROM.search(before):
        return True  # "rebels repelled an army advance from X": the attacker's origin
    if NOT_PLACE.search(before):
        return True  # "took X, not Y", "but not Y": a place set against the verb's own
    return named_incidentally(sentence, start)


def no_holding_told(sentence: str, start: int) -> bool:
    """In a sentence with no verb of control: one that tells of deaths, wounds or a demolition,
    or a place people moved towards, through or away from, says nothing of who holds it."""
    where = WHERE_AFTER.search(sentence, start)  # "X, où deux civils ont été tués": not X's
    return bool(
        CASUALTY.search(sentence[: where.start()] if where else sentence)
        or TOWARDS_BEFORE.search(sentence[max(0, start - 40) : start])
    )


# "holds X, where two civilians were killed": deaths told in a clause of where, after the place.
WHERE_AFTER = re.compile(r",\s+(?:where|où|donde|en donde|wo|dove|onde|in which)\b", re.I)


# "Jalid dijo", "Chaker raconte", "Salah said": a verb of saying after a guessed name.
SAYS_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|ha\s+|a\s+|hat\s+)?(?:said|says|told|tells|added|explained|stated"
    r"|declared|recalled|recounted|dijo|dice|dicho|explic[óo]|afirm[óoa]|asegur[óoa]|declar[óoa]"
    r"|señal[óoa]|cont[óoa]|cuenta|relata|relat[óo]|dit|raconte|racont[ée]|affirm[ée]|explique"
    r"|expliqu[ée]|déclar[ée]|témoigne|disse|diz|afirmou|contou|detto|spiega|racconta|sagte|sagt"
    r"|erzählt|erklärte)\b",
    re.I,
)
# "X, a rebel commander said": a role saying, the sentence's speaker, not a name's apposition.
SPEAKER_AFTER = re.compile(r"(?:\s+[\w-]+)?" + SAYS_AFTER.pattern, re.I)
# "Jalid, portavoz de los rebeldes", "Chahba, un habitant", "Salah, 35, a teacher": a role or
# an age after a comma.
ROLE_AFTER = re.compile(
    r"\s*,\s+(?:(?:de\s+)?\d{1,3}(?:\s+(?:años|ans|anos|anni|jahre))?\s*,?\s+)?"
    r"(?:(?:a|an|the|un|una|une|um|uma|ein|eine|el|la|le|il|o)\s+)?(?:[\w-]+\s+)?"
    r"(?:spokes(?:man|woman|person)|residents?|commander|activist|fighter|doctor|nurse|teacher"
    r"|father|mother|student|journalist|official|member|leader|engineer|volunteer|\d+-year-old"
    r"|portavoz|vocero|habitante|vecin[oa]|comandante|activista|combatiente|médico|residente"
    r"|miembro|líder|habitant|porte-parole|commandant|militant|combattant|médecin|membre"
    r"|résident|morador|porta-voz|portavoce|abitante|sprecher|bewohner|kommandeur|aktivist|arzt)\b"
    r"|\s*,\s+(?:de\s+)?\d{1,3}(?:\s+(?:years|años|ans|anos|anni|jahre))?\s*,",
    re.I,
)


# "the pan-Arab al-Mayadeen news agency", "Al-Mayadeen TV": a medium's name.
MEDIUM_AFTER = re.compile(
    r"\s+(?:news(?:\s+agency)?|tv|television|channel|network|newspaper|daily|broadcaster)\b", re.I
)


def a_person(sentence: str, end: int) -> bool:
    """A guessed name ending at `end` is a person's (a role, an age or a verb of saying follows;
    not a role that is itself the subject of a verb of saying: "We took X, a rebel commander
    said", the commander speaks of X) or a medium's (a word of the news: "the al-Mayadeen news
    agency", "Al-Mayadeen TV")."""
    role = ROLE_AFTER.match(sentence, end)
    if role and not role.group().endswith(",") and SPEAKER_AFTER.match(sentence, role.end()):
        role = None
    return bool(SAYS_AFTER.match(sentence, end) or role or MEDIUM_AFTER.match(sentence, end))


# "said Ahmed", "according to Ahmed": a guessed name right after a verb of saying is its speaker.
SAID_BEFORE = re.compile(r"\b(?:said|says|added|told|according\s+to)\s+$", re.I)


def said_before(sentence: str, start: int) -> bool:
    """A guessed name starting at `start` right after a verb of saying ("said Ahmed"): a person."""
    return bool(SAID_BEFORE.search(sentence, max(0, start - 20), start))
