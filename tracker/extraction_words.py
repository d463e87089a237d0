"""The words the claim proposer reads (`tracker.extraction`): sides, verbs and numbers (the
words of time are in `tracker.extraction_words_time`).

Each list is a table of regular expressions (case-insensitive, matched on word boundaries) and
what the words mean, in English and Arabic. The meanings are the engine's, stated in
`tracker.extraction`'s docstring; this module only spells them.
"""

from __future__ import annotations

import re

from tracker import extraction_epithets as epithets
from tracker import extraction_idioms as idioms
from tracker import extraction_words_arabic as arabic
from tracker import extraction_words_gains as gains
from tracker import extraction_words_intl as intl
from tracker import extraction_words_kurdish as kurdish
from tracker.extraction_routes import DESTINATION as DESTINATION  # rule 2's: where a side went

# Who: the side a phrase names, longer phrases first ("Free (Syrian) Army" is not the army). Kurds
# by full names too (SDF, People's Protection (Defense) Units). The government's allies (Hezbollah,
# the NDF, Iranian-backed militias, "forces loyal to (Bashar Al) Assad", "Assad's force", "allied
# fighters", not "their allied fighters"); the Kurds': the YPJ, the Asayish, Jaysh al-Thuwar, "YPG
# (SDF-led) fighters", "الكردي" ("the Kurdish district"); the rebels': groups by name, "Islamists",
# the Kurdish press's "gangs", "mercenaries" (`tracker.extraction_words_kurdish`), "terrorist
# (militant) forces", "militant- (terrorist-)held", "revolutionaries", "fighters" (not "its (their)
# fighters": the side before); "ISIS (Nusra) fighters, Islamists, mercenaries" ISIS's (Nusra's);
# "Iranian (Assad's) mercenaries", the 4th Division, the Republican Guard the government's; "IS
# militants" (in capitals) ISIS's. Positions: "army checkpoints", "terrorist positions" (rebels').
POSITION_NOUNS = (
    r"(?:positions|strongholds|bases|defen[cs]es|headquarters|checkpoints|(?:out)?posts|hideouts)"
)
SIDES: tuple[tuple[str, str], ...] = (
    *epithets.SIDES,  # "regime fighters", "rebel militias": the adjective's side
    *arabic.SIDES_FIRST,
    *kurdish.SIDES_FIRST,
    (
        r"free syrian army|(?:the )?free army|fsa|الجيش (?:السور[يى] )?الحر|(?:the )?army of (?:conquest|islam|mujahideen)",
        "rebels",
    ),
    (
        r"(?:jabhat (?:al-)?nusra|al-nusra|nusra(?: front)?|jabhat fateh al-sham)(?: fighters| militants| gunmen| jihadists| islamists)?|النصرة|فتح الشام",
        "nusra",
    ),
    (
        r"(?:islamic state|isis|isil|daesh|(?-i:IS)(?= (?:fighters|militants|jihadists)))(?: fighters| militants| gunmen| jihadists| islamists| mercenaries)?"
        r"|داعش|تنظيم الدولة",
        "isis",
    ),
    (
        r"(?:ypg|ypj|sdf|pyd|kurdish)(?:-led)?(?: fighters| militants| gunmen)|ypg|sdf|pyd|democratic union party|syrian democratic forces|people['’]s (?:protection|defen[cs]e) units|kurdish (?:forces|fighters|militia|militants|units)|kurds|kurd fighters"
        r"|kurdish-led forces|ypj|women['’]s protection units|asa[yi]{1,2}sh|asayesh|ja[iy]sh al-thuwar|(?:al-)?thuwar army|army of revolutionaries|kurdish|الأكراد|الكردية|الكردي"
        r"|وحدات حماية الشعب|الوحدات الكردية|قسد|قوات سوري[اة] الديمقراطية",
        "kurdish_ypg",
    ),
    (
        r"pro-(?:assad|government|regime)(?:['’]s)?(?: forces| fighters| gunmen| militiam[ae]n| militias?| troops)?|(?:forces|troops|militias) (?:loyal|allied) (?:to|with) "
        r"(?:(?:the )?syrian )?(?:president )?(?:bashar )?"
        r"(?:al[- ])?assad|tiger forces|damascus|the state|الدولة السورية"
        r"|(?:pro-)?(?:syrian )?government(?: forces| troops)?|(?:pro-)?regime(?: forces)?"
        r"|syrian (?:arab )?army|saa|the army|army troops|syrian (?:armed )?forces|syrian troops"
        r"|(?<!turkish )(?<!russian )(?<!kurdish )(?<!iraqi )(?<!american )(?<!israeli )armed forces"
        r"|loyalists?|(?:fourth|4th) (?:armou?red )?division|republican guard|assad(?:['’]s)? forces?|government-allied forces|(?<!their )(?<!its )(?<!and )allied (?:forces|fighters)|state forces"
        r"|troops|(?:the |syrian |syria['’]s )military|soldiers|syria's army|syria’s army|army|(?:pro-government )?militias"
        r"|الجيش العربي السوري|الجيش السور[يى]|قوات النظام|القوات الحكومية|قوات الأسد|النظام|الجيش"
        r"|القوات النظامية|القوات السورية|الحكومة"
        r"|(?:hezbollah|hizbollah|hizbullah)(?: fighters| forces| militants)?"
        r"|national defen[cs]e forces|ndf|(?-i:GoS)|liwa al-quds|(?:iranian|afghan|shiite|shia|regime|assad['’]s) mercenar(?:y|ies)"
        r"|(?:iranian|iraqi|afghan|shiite|shia)(?:-backed)? militias?|حزب الله|الدفاع الوطني"
        # The opposition's words for the regime's allies ("الميليشيات الشيعية"; not "الكردية").
        r"|الميليشيات(?! الكردية| الانفصالية)(?: الشيعية| الإيرانية| العراقية| الأفغانية| الأجنبية)?|ميليشياته|الحرس الثوري"
        r"|ميليشيات (?:إيران|الأسد|النظام|شيعية|إيرانية|عراقية|أفغانية)|قوات نظامية",
        "government",
    ),
    (
        r"rebels?|opposition(?: fighters| forces| groups)?|insurgents|militants|terrorists"
        r"|jihadists|gunmen|armed groups|nsags?|(?<!its )(?<!their )fighters|ahrar al-sham|jaysh al-fatah|fatah halab"
        # SOHR's "the factions" (الفصائل), not "warring", "Palestinian" or loyalist ones.
        r"|(?<!warring )(?<!rival )(?<!palestinian )(?<!kurdish )(?<!loyalist )(?<!pro-government )"
        r"(?<!iraqi )(?<!shiite )(?<!both )factions"
        r"|islamists|islamist (?:factions|groups|fighters|militants|brigades)|(?<!isis )(?<!isil )(?<!daesh )gang(?: group)?s|(?<!isis )(?<!isil )(?<!daesh )mercenar(?:y|ies)"
        rf"|(?:militant|terrorist|jihadist|insurgent)(?=[-‑–](?:held|controlled)\b|\s+{POSITION_NOUNS}\b)"
        r"|ja[iy]sh al-fat[ae]h|army of conquest|fastaqim(?: kama umirt)?|revolutionaries|nour al-din al-zenki|(?:al-)?zenki|(?:al-)?zinki"
        r"|levant front|(?:jabhat al-)?shamiya(?: front)?|islamic front|(?:liwa )?al-tawh[ie]e?d"
        r"(?: brigade)?|jaish al-islam|faylaq al-sham|sultan murad|أحرار الشام|الجبهة الشامية"
        r"|نور الدين الزنكي|جيش الفتح|فيلق الشام|لواء التوحيد|الجبهة الإسلامية"
        r"|(?:غرفة عمليات )?فتح حلب|غرفة عمليات جيش الفتح|جيش المجاهدين|حركة حزم"
        r"|(?<!isis )(?<!isil )(?<!daesh )(?:terrorist|militant|jihadist) (?:groups?|organi[sz]ations?|forces|factions)|المتمردين|المتمردون|المعارضة|فصائل المعارضة|الفصائل|الثوار|ثوار|المسلحين|المسلحون|الإرهابيين|الارهابيين|الإرهابيون|الارهابيون|إرهابيين|ارهابيين|مسلحين|(?:المجموعات|الجماعات|التنظيمات) (?:الإرهابية|الارهابية|المسلحة)"
        r"|(?:ال)?معارض(?:ون|ين)|الفصائل الثورية|الكتائب(?: الثائرة)?(?: المقاتلة)?",
        "rebels",
    ),
    *intl.SIDES,
)

# Each verb in its headline's present too ("Army reclaims X", "overruns", "storms", "encircles",
# "expels", "secures", "Rebels cede X", "evacuate X": not people evacuated), and a noun of losing
# ("the pullout from X"). Its meaning for its subject: "takes": it holds after ("entered X after the
# gangs withdrew", as "unopposed"); "loses": the other side holds; "holds": it held it then
# ("repelled the rebels' attack on X"); "fights": contested; "besieges": it surrounds the other's.
VERBS: tuple[tuple[str, str], ...] = (
    (idioms.IDIOMS, "none"),  # idioms of these verbs, of no control (`tracker.extraction_idioms`)
    (idioms.SHARED_CONTROL, "fights"),  # control held jointly: contested, as "split between"
    *gains.VERBS,  # taking around "control", "in the hands of"; "moved into"
    # "battling for control of X", "clashes (raged) over (for) control of X", "X changed hands",
    # "X is divided between rebels and the army", "control is split between" (not a city divided
    # into its halves), "lost (gained, gained new) ground in X" (not "lost X"): fighting over it.
    (
        r"(?:battl|fight|struggl|vy|vi|compet)(?:e|es|ed|ing|s)? for (?:full |the )?control"
        r"|(?:(?<=place )|(?<=clashes )|(?<=clashed )|(?<=fighting )|(?<=battle )|(?<=battles )|(?<=struggle )|(?<=erupted )|(?<=broke out )|(?<=raged ))(?:over|for) (?:full |the )?control"
        r"|(?<=for )(?:full |the )?control(?= of\b)|chang(?:ed|es|ing) hands"
        r"|(?:los|gain)(?:t|s|es|ed|ing)? (?:[a-z-]+ ){0,2}?ground\b"
        r"|(?:(?<=is |as )|control (?:is|was|remains) )(?:still |now )?(?:divided|split) between"
        r"(?![^.;]{0,80}\b(?:east|west)(?:ern)?\b)"
        # sides must follow: not "divided between those who support the uprising and ..."
        r"(?= (?:the )?(?:(?:two|warring|rival) (?:sides|parties|camps)|(?:[\w-]+ )?(?:rebels?|regime"
        r"|government|army|opposition|forces|troops|fighters|militants|insurgents|jihadists"
        r"|Kurd\w*|YPG|ISIS|IS|Nusra|FSA|SDF)\b))",
        "fights",
    ),
    # "فقدت فصائل المعارضة السيطرة على" (the opposition lost control of): the verb of loss
    # says it, and "السيطرة على" (control of) after it is no gain of its own.
    (
        "(?:"
        + "|".join(f"(?<={v} )" for v in ("فقد", "فقدت", "فقدوا", "خسر", "خسرت", "خسروا"))
        + r")(?:\S+ ){0,3}السيطرة على",
        "none",
    ),
    (r"(?:فقدان|خسارة) السيطرة على", "loses"),
    *intl.CONTROL_PHRASES,
    (
        r"(?:re-?)?captur(?:ed|es|e|ing)|seiz(?:e|ed|es|ing)(?: full)? control"
        r"|(?:full )?control (?:was|has been|had been|were) (?:established|restored|imposed)|(?:re-?)?took(?: back)?(?: full)? control|(?:take|takes|taking|taken) back(?: full)? control|(?:re-?)?tak(?:en|es|ing)"
        r"(?: full)? control|(?:re-?)?took|(?:re-?)?taken|(?:re-?)?tak(?:e|es|ing)|seiz(?:e|ed|es|ing)|(?:re-?)?conquer(?:ed|s|ing)?|liberat(?:ed|es|ing|ion)"
        r"|re-?gain(?:ed|s|ing)? (?:full |complete |total )?control|re-?gain(?:ed|s|ing)?|reclaim(?:ed|s|ing)?|retook|overr?[au]n(?:s|ning)?|clear(?:s|ing)?|(?:has |have )?won|cleared|secure[sd]|control(?:led)? all"
        r"|took over|taken over|take over|release of|fell to|fall to|falls to|fallen to|f[ae]ll(?:en|s)? into the hands of|handed over to"
        r"|(?:drove|driv(?:e|es|ing|en)|push(?:ed|ing)|forc(?:ed|ing)|kick(?:ed|ing))(?=(?:\s+[\w'’-]+){1,4}\s+out\b)|(?:drove|driv(?:e|es|ing|en(?!\s+(?:back|away|out|off)\b)))(?=(?:\s+[\w'’-]+){1,3}\s+from\b(?![^,.;]{0,20}\bhomes?\b))|wrest(?:ed|ing|s)?(?: control)?|establish(?:ed|es|ing)? (?:a )?(?:full )?control|restored control|expel(?:s|led|ling)?|dislodg(?:ed|ing)(?=(?:\s+[\w'’-]+){1,4}\s+from\b)|occupied|(?:swept|sweeps?|sweeping) (?:into|through)|(?:claw|wrest)(?:ed|s|ing)? back|w[oi]n(?:s|ning)? back|rais(?:ed|es|ing) (?:the |their )?(?:[\w-]+ )?flags? (?:over|above)|take-?overs? of"
        r"|(?:pushed|pushing|drove|forced|beat)(?=\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:rebels?|militants"
        r"|insurgents|jihadists|terrorists|gunmen|fighters|troops|forces|army|regime|militias?|enemy|units|soldiers|factions|groups)\s+back\b)"
        r"|(?:pushed|drove|driven|drive|forced|kicked|flushed) (?:out|back)|oust(?:ed|ing|s)?|rout(?:ed|ing|s)?|establish(?:ed|ing) (?:the )?security of|securing|purg(?:e|ed)|fell into the hands of|[يت]?طرد(?:ت|وا|ون)?(?=(?: \S+){1,5} من )"
        r"|restor(?:ed|es|ing|ation of) (?:the )?(?:security and stability|stability and security|security|stability) (?:to|in)"
        r"|(?:now |completely |entirely )?free(?:d)? of|emptied of|rid(?=(?:\s+[\w'’-]+){0,5}\s+of\b)|cleansed|entered(?=[^,.;]{0,40}\b(?:unopposed|without (?:a fight|any resistance|resistance)|after (?:the )?(?:[\w'’-]+ ){1,3}(?:had )?(?:fled|withdr[ae]wn?|pulled out|retreated|left)\b(?!\s+(?:from|\w+ing)\b)))"
        r"|impos(?:ed|es|ing) (?:its |their )?(?:full |complete |total )?control (?:over|on)"
        r"|(?:return(?:ed|s)?|restored|brought back) to(?= (?:the )?government(?:['’]s)? control)"
        r"|سيطر(?:ت|وا)?|سيطرت(?:هم|ه|ها)(?: ال(?:كاملة|تامة))?(?: بشكل (?:كامل|تام)| بالكامل)? على"
        r"|السيطرة(?: ال(?:كاملة|تامة))?(?: بشكل (?:كامل|تام)| بالكامل)? على"
        r"|سيطرة(?: (?:كاملة|تامة))? على|(?<!تحت )(?<!ل)سيطرة(?= (?:\S+ ){1,5}على )|استعاد(?:ت|وا)?|استعادت(?:هم|ه|ها)"
        r"|استعادة|(?:حرر(?:ت|وا)?|تحرير(?:هم|ه|ها)?)(?! (?:\S+ ){0,2}(?:ال)?(?:سجناء|أسرى|اسرى|رهائن|معتقل\S*|\S*مختطف\S*|\S*محتجز\S*)(?: |$))|تمكن(?! (?:\S+ ){0,3}?من (?:تدمير|قتل|استهداف|إسقاط|اسقاط|أسر|إعطاب|اعطاب|إجبار|اجبار|إصابة|تفجير|نسف|إحراق|احراق)(?: |$))"
        # A headline's present tense tells a deed done: "الجيش يحرر حي X", "يستعيد"; and the state
        # media's "أعادت وحدات من الجيش الأمن والاستقرار إلى X" (restored security to X).
        r"|[يت]حرر(?:ون|ان)?(?! (?:\S+ ){0,2}(?:ال)?(?:مدنيين|رهائن|أسرى|عائلات|أهالي|\S*محتجز\S*|\S*مختطف\S*)(?: |$))|[يت]ستعيد(?:ون|ان)?(?! (?:\S+ )?(?:حيا?ت\S*|الحياة|أنفاس\S*|نشاط\S*|ذكر\S*|عافيت\S*|الهدوء|الأمل|أمل\S*|ثقت\S*|توازن\S*|زمام)(?: |$))|سقط(?:ت)?(?! (?:\S+ )?(?:عدد|عشرات|قتلى|القتلى|ضحايا|الضحايا|شهداء|شهيد|جرحى|مدني\S*|طفل|أطفال|شاب|الشاب|جندي|جنود|عناصر|مقاتل\S*) )(?=(?: \S+){1,4} (?:بيد|بأيدي|في يد|في أيدي))"
        r"|(?:الأمن|الامن)(?: والاستقرار| والأمان| والهدوء)?(?= (?:بشكل (?:كامل|تام) )?(?:إلى|الى|ل))",
        "takes",
    ),
    (
        r"los(?:t|es|ing|e) (?:full |all )?control|lost|los(?:es|ing|e)|loss of|fall of(?=[^,.;:]{1,60}?\bto\b)|withdr(?:ew|awn|awal|aw|awing)|pull-?outs?(?= from| of)|(?:driven|dislodged) (?:away )?from|retreat(?:ed|s|ing)?|pulled out|pull(?:ing|s)? out(?= of| from)|pull(?:ed|ing|s)? back"
        r"|(?<!residents )(?<!civilians )(?<!families )(?<!people )(?<!thousands )evacuat(?:ed|ion|es?)(?! (?:the |their )?(?:wounded|civilians|residents|families|people|children))|left|leaves?|abandon(?:ed|s)?|surrender(?:ed|s|ing)?|ced(?:ed|es|ing|e)"
        r"|hand(?:ed|ing)(?: over| back)?|hands? (?:over|back)|turn(?:ed|s|ing)? over|g[ai]ve up|giv(?:es|ing) up"
        r"|(?:فقد(?:ت|وا)?|خسر(?:ت|وا)?)(?! (?:\S+ ){0,3}(?:عشرات|مئات|\S*مقاتل\S*|عناصر\S*|قائد\S*|قادة|جنود\S*|حيات\S*|أرواح\S*|الاتصال|منازل\S*|أبناء\S*)(?: |$))|انسحب(?:ت|وا)?|انسحاب(?:ها|هم)?|خروج",
        "loses",
    ),
    (
        r"(?:repel(?:led|s)?|foiled|thwarted|repuls(?:ed|es)|(?:fend(?:ed|s)?|fought|held|warded) off|beat(?:en)? back)"
        r" (?:an? |the )?(?:[\w'’-]+ ){0,2}?(?:attack|assault|offensive|attempt|advance|push|incursion|infiltration)s?(?: by(?: (?!to )[\w'’-]+){1,3})?"
        r"(?: to (?:advance|push|storm|enter|take|capture|seize|break|infiltrate|retake|recapture)(?: (?:on|into|in|towards?))?)?"
        r"|repel(?:led|s)?|repuls(?:ed|es)|(?:still )?holds?|holding|held|(?<!under )(?<!under the )controls?|remain(?:s|ed)? in"
        r"|prevent(?:ed|ing|s)?|defend(?:ed|ing|s)?|controll(?:ed|ing)|in (?:full )?control of"
        r"|stronghold|entrenched in|stationed in|positioned in|holed up in|barricaded in"
        r"|(?<!\ba )(?<!\bthe )patroll?(?:ed|ing|s)? (?:in|at|through)(?= )|(?:positioned|deployed) (?:in|at|on)(?= )"
        r"|(?:(?<=are )|(?<=were ))(?:holed up|entrenched|stationed|barricaded|besieged|trapped)(?! in)|(?:(?<=been )|(?<=remain ))(?:holed up|entrenched|stationed|barricaded)(?! in)|(?:are|were|is|was) (?:positioned|deployed)|تنتشر|ينتشر|تتمركز|يتمركز|(?:ال)?متمركز(?:ين|ون|ة)?|يتحصنون|متحصنين|انطلاق(?:ا|اً)? من|maintain(?:s|ed)? control|retained control"
        r"|صد(?:ت|وا|هم)?|أحبط(?:ت|وا)?|[يت]حبط|إحباط|تصد(?:ت|ى|وا)|تصدي|التصدي|(?<!قبل أن )(?<!بعد أن )[يت]سيطر(?:ون|ان)?|تحت سيطرة|(?<!وقوعهم )(?<!وقوعه )(?<!وقعوا )(?<!وقع )(?<!وقعت )(?<!أسرى )في قبضة|الخاضع(?:ة)? (?:ل|بمعظمه ل)سيطرة|الخاضع(?:ة)?(?= ل)|لسيطرة",
        "holds",
    ),
    # Fighting: clashes, storming, entering, breaking (pushing, pursued) into, "the fight for (over)
    # X", a stalemate or standoff in X, an attack, a counterattack, an "aggression" (the Kurdish
    # press's word) on a place; a front line (not "frontline" before a name: "Aleppo's frontline
    # Sheikh Maqsoud neighbourhood"); a front opened in it ("opened a new front in X"; "will...": no).
    (
        r"fighting|clash(?:es|ed|ing)?|battles?|battl(?:ed|ing)|stormed|storm(?:s|ing)?|entered|enter(?:s|ing)?"
        r"|fights|fought(?!\s+(?:on|off|back|to)\b)|gunfire|firefights?|skirmish(?:es)?|stalemate|stand-?offs?|street fighting|advanc(?:e|ed|es|ing) (?:deeper |further )?(?:into|inside|in|on|at|through|towards?)|(?:push(?:ed|ing)?|break(?:s|ing)?|broke) (?:deep(?:er)? |further )?into|(?:burst(?:s|ing)?|stormed) into"
        r"|(?:(?:counter-?)?attack(?:ed|s)?|assault|offensive)"
        r"(?! from (?:the |their |its )?(?:bases?|positions?|posts?) in\b)|aggression|contested|combates|fighting for|front lines?|front-?lines?(?! (?:(?-i:[A-Z])(?!(?:of|in|on|at|between|with)\b)\w|(?:district|neighbou?rhood|quarter|town|city|area|village|suburb)s?\b))"
        r"|fight(?= (?:for|over) (?:the )?(?-i:[A-Z]))|open(?:s|ed|ing)? (?:an? |the )?(?:new |second |fresh |two |several )?fronts? (?:in|on|at)"
        r"|(?:making|made|make) (?:their|its) way into|penetrated|infiltrat(?:e|ed)|(?:pursu|chas)(?:ed|ing|es?) (?:[\w'’-]+ ){0,2}?into"
        r"|(?:achiev|mak|made)(?:ed|es|ing|e)? (?:new |further |more |significant |major |big |rapid |some )?(?:progress|gains|advances?) in"
        r"|اشتباكات|اشتباك|معارك|مواجهات|تقدم(?:ت|ه|ها|هم)?|[تي]تقدم(?:ون)?|اقتحام|اقتحم(?:ت|وا)?|دخل(?:ت|وا)?|توغل(?:ت|وا)?|هجوم|قتال",
        "fights",
    ),
    (
        r"besieg(?:ed|es|ing)|under (?:an? )?(?:[\w-]+ )?siege|siege (?:of|on)|encircl(?:ed|es?|ing)|encirclement of"
        r"|surround(?:ed|ing|s)|cut(?:ting)? off|blockad(?:e|ed|es|ing)(?: on)?"
        r"|حاصر(?:ت)?|[يت]حاصر(?:ون)?|حصار|طوقا|طوقاً|يطوق|تطوق|(?:ال)?محاصر(?:ة|ين|ون)?",
        "besieges",
    ),
    *intl.VERBS,
)

# "government-held Siryan", "rebel-controlled east", "rebel held areas" (but "Rebels held most
# of X", "They controlled X", "rebels held Y": a verb; a plural before a name): the side before
# the word holds the place.
HELD_SUFFIX = re.compile(
    r"(?:[-‑–]|(?<!(?-i:[a-z])s)\s(?=\w+\s+(?-i:[A-Z]))|\s(?=\w+\s+(?:[\w-]+\s+)?(?:areas?|districts?"
    r"|neighbo(?:u)?rhoods?|quarters?|parts?|territor(?:y|ies)|east|west|north|south|side|enclave"
    r"|pocket)\b))(?:held|controlled|dominated|run)\b",
    re.IGNORECASE,
)
# "the opposition neighbourhoods of", "rebel districts": a side as an adjective of places.
SIDE_NOUN = re.compile(
    r"(?=\s+(?:neighbo(?:u)?rhoods?|districts?|quarters?|areas?|territory|side|enclaves?|pockets?"
    r"|bastions?)\b)",
    re.IGNORECASE,
)
# "the rebels hold the east and the regime the west": a side right before its place, after a
# conjunction (the verb left out); "repelled rebels in X" names the object, not a holder.
GAPPING_BEFORE = re.compile(r"(?:\b(?:and|while|whereas|but)|[,;])\s+(?:the\s+)?$", re.I)
SIDE_BEFORE_PLACE = re.compile(r",?\s+(?:(?:in|of|over)\s+)?(?:the\s+)?", re.IGNORECASE)
# "the terrorist groups' positions in", "positions of the rebels at": the side whose positions
# are in a place holds it, whatever is done to them there (an attack on them says so too).
POSITIONS_AFTER = re.compile(rf"(?:['’]s?)?\s+(?:military\s+)?{POSITION_NOUNS}\b", re.I)
POSITIONS_BEFORE = re.compile(rf"\b{POSITION_NOUNS} of\s+(?:the\s+)?$", re.IGNORECASE)
POSITIONS_IN = re.compile(
    r"\s+(?:in|at|inside)\s+(?:the\s+)?(?:(?:districts?|neighbo(?:u)?rhoods?|areas?|quarters?)"
    r"\s+of\s+)?(?:[\w'’-]+\s+)?",
    re.IGNORECASE,
)
# The words between a verb and an adjective inside its object: no clause break, a few words.
OBJECT_GAP = re.compile(
    r"(?:(?!\b(?:in|into|from|to|at(?! least| most)|along|towards?|on)\b)[^,;:.()–—]){0,60}",
    re.IGNORECASE,
)
# Words of an attack from afar ("a bombardment"): the side that makes it is not in the place it hits
# (Arabic: قصفت, واستهدف, القصف, قذائف, صواريخ; other languages: `intl.ATTACK_WORDS`).
ATTACK = re.compile(
    r"\b(?:shell(?:s|ed|ing)?|mortars?|rockets?|fire[sd]?|firing|strikes?|struck"
    r"|bomb(?:s|ed|ing|ardments?)?|blasts?|explosions?|detonat(?:ed|es|ing|ion)|destr(?:oy(?:s|ed|ing)?|uction)"
    r"|raids?|air ?strikes?|missiles?|snip(?:e|ers?|ing)|targeted|pounded|(?:[وفب]?ال|[وفبل])?(?:قصف|استهدا?ف|غار|قذائف|قذيفة|صواريخ|صاروخ|هاون)\w*"
    r"|удар\w*|обстрел\w*|bombarde\w*|obus|mortiers?|morteros?|cohetes?|roquettes?|beschoss\w*"
    rf"|beschuss|{intl.ATTACK_WORDS})\b",
    re.IGNORECASE,
)
# "Rebels encircled in eastern Aleppo": the side before a passive siege verb is besieged there.
BESIEGED_IN = re.compile(r"\s+(?:are\s+|were\s+|is\s+|was\s+|now\s+)*$", re.IGNORECASE)
# "Seif al-Dawla, one of the last rebel-held neighbourhoods", "X is on the rebel side": after X.
APPOSITION = re.compile(
    r"(?:\s+(?:district|neighbo(?:u)?rhood|quarter|area))?(?:,\s+(?:a|an|the|one of the"
    r"(?: last| few| main)?)(?:\s+[\w-]+)?|,?\s+(?:(?:is|are|lies|sits|remains|now|still)\s+)*on\s+the)\s+",
    re.IGNORECASE,
)
# "X is rebel-held", "X, which remains rebel-held", "X, now government-held": an adjective of
# holding as the place's predicate.
PREDICATE = re.compile(
    r",?\s+(?:(?:which|that)\s+)?(?:(?:is|are|was|were|remains?|remained|stays?|now|still"
    r"|largely|mostly|fully|firmly|(?:has|have|had)\s+been)\s+)+",
    re.IGNORECASE,
)
# "the Old City, which embraces the ancient citadel": a place named as a part of another.
CONTAINED_BEFORE = re.compile(
    r"\b(?:which|that)\s+(?:embraces|includes|contains|houses|encompasses|is home to)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "Bab" (باب) is a gate: "Bab al-Nayrab" is a gate of the old city, not the Nayrab district.
# A gate that is a district's own name ("Bab al-Hadid") is matched whole, before this applies.
GATE_BEFORE = re.compile(r"(?:\bbab|(?<!\w)باب)\s+$", re.IGNORECASE)
# "held by the rebels", "under (the) control of the regime" (not the verb "control" there, whose
# side is after it), "مناطق سيطرة قوات النظام" (the areas of the regime's control): the side after.
# (Not a side whose areas are left, nor an attacker: `tracker.extraction_fire.no_holder_after`.)
HELD_BY = re.compile(
    r"\b(?:held by|controlled by|occupied by|in the hands of|under (?:the )?control of|under|hands of"
    rf"|{intl.HELD_BY_WORDS}|(?<!\w)(?:مناطق|منطقة|أحياء) (?:سيطرة|نفوذ))\s+"
    r"(?:the\s+|l['’]|les\s+|los\s+|las\s+|os\s+|i\s+)?$",
    re.IGNORECASE,
)
# "Losing X would be disastrous": a modal whose subject is an -ing verb makes it hypothetical.
MODAL_AFTER = re.compile(
    r"\b(?:would|could|might|will|may|ser(?:ía|ían|ait|aient|ia|iam)|sarebbe(?:ro)?)\b", re.I
)
# "from X towards the Y District, controlled by Z": after a preposition, another noun than X.
ANOTHER_NOUN = re.compile(r"\b(?:towards?|to|into|from|near|at|in|on|with|by)\b", re.I)
# "the areas of X (that were) taken by rebels": a participle right after its place.
RELATIVE_GAP = re.compile(r"\s+(?:(?:that|which)\s+)?(?:(?:was|were|had been|have been)\s+)?", re.I)
# "X, which rebels seized in 2012, was recaptured": a relative clause between a place (and its
# noun of places: "X and Y districts of Aleppo, which ...") and its verb; "X, held by rebels since
# 2012, fell", "X, a rebel stronghold, fell", "X, besieged by the army, was taken", "X, the scene
# of fierce fighting, is now under army control": an aside.
# The words that open such an aside: a relative pronoun, a participle of holding or of an attack
# (in the languages read); rule 5 (`tracker.extraction_when`) blanks the same asides.
ASIDE_OPENERS = (
    r"which|who|whom|whose|where|one of|held|controlled|occupied|bombed|shelled|besieged"
    rf"|surrounded|encircled|{intl.ASIDE_PARTICIPLES}"
)
RELATIVE_AFTER = re.compile(
    r"(?:\s+(?:district|neighbou?rhood|quarter)s?(?:\s+of\s+[\w'’-]+)?)?,\s+(?:"
    rf"{ASIDE_OPENERS}"
    r"|(?:long|once|an?)\b(?=[^,;:()]*(?:held|controlled|stronghold|bastion))"
    # "X, the scene of fierce fighting, is now under army control": the fighting is the aside's.
    r"|(?:the|an?)\b(?=[^,;:()]*\b(?:scene|site|battleground|front\s*-?line|flashpoint|heart)\b))"
    r"\b[^,;:()]*,",
    re.IGNORECASE,
)
# "X and Y, were handed over to", "X was (finally) captured by", "X fell to", "X is now back in
# government hands", "X is now under army control", "the rebel-held X district fell": a subject.
SUBJECT_GAP = re.compile(
    r"[\s,]*(?:(?:district|neighbo(?:u)?rhood|quarter|area)s?\s+)?"
    r"(?:(?:was|were|is|are|has|have|had|been|being|now|then|later|back|still|again|firmly"
    r"|once|finally|fully|completely|eventually|reportedly|quickly|also|fue|foi|è|stat[oa]|wurde|a"
    r"|été|est)\s+)*(?:under\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3})?",
    re.IGNORECASE,
)
# A new clause: no verb reaches across ("withdrew from X, amid clashes in Y", "adding that", "،
# كما", and also), nor across words of exception ("lost all of the north, with the exception of
# X"; باستثناء).
CLAUSE_BREAK = re.compile(
    r"\b(?:amid(?:st)?|whereas|while|although|though|because|(?:adding|saying|noting) that"
    rf"|except|with the exception of|apart from|excluding|فيما|بينما|في حين|باستثناء|(?<=[،,]\s)كما(?!\s+(?:في|هو|هي|لو))|{intl.CLAUSE_WORDS})\b",
    re.I,
)
# Rule 2's limits: an article before "besieged" makes it an adjective; the words an adjective may
# reach its noun across; a negation, modal ("can", "unable to", "set to", "about to": not "about
# 400"; "need to", "must", "have to"; "on the verge (brink) of") or failed attempt before a verb
# voids it, as does a denial in another language ("desmentiram a notícia da tomada"), and so does a
# noun or verb of effort whose aim the verb states ("an offensive (a 'massive assault', on Sunday)
# to retake X", "fighting to take X", "vowed to retake X", "the beginning of liberating X"; Arabic
# فشلت، تحاول، بهدف، تهدف إلى، يسعى، لم يستطع أن; not لا يزال), a denial of the clause the verb is in
# ("denied that rebels retook X") or a condition ("if the army takes X", "whether", "unless",
# "Should the army take X"; an indirect question, "accounts about (unclear) who controls X"; "until"
# and "bisher": `tracker.extraction_verbs`); "not under full government control", "لم يعد حي X تحت
# سيطرة" (`extraction_recipient.not_under`).
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s+$", re.IGNORECASE)
ADJECTIVE_GAP = re.compile(
    r"\s*(?:(?:the|of|in|\w+ern|districts?|neighbo(?:u)?rhoods?|quarters?|areas?|including"
    r"|part|side|enclaves?|pockets?|bastions?|[A-Z][\w-]*['’]s|حي|أحياء)[\s,]+)*",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"(?:\b(?:not|no|never|failed|fails?|could|can|(?:un)?able|set(?=\s+to\b)|would|might|may|will|trying|tries|tried"
    r"|attempts?|attempted|attempting|bid|aims?|plans?|planned|possible|imminent|potential|looming|preparing|ready|about(?=\s+to\b)|denied|denies|deny"
    r"|hop(?:es?|ed|ing)|wants?|wanted|intends?|intended|expects?|expected|poised|prepar(?:es|ed)"
    r"|needs?(?=\s+to\b)|needed(?=\s+to\b)|must|ha(?:ve|s)(?=\s+to\b)"
    r"|(?<=\bon the )(?:verge|brink|point)(?=\s+of\b)"
    rf"|refus(?:e|es|ed|ing)|{intl.NEGATION_WORDS})(?!\s+(?:{intl.ONLY_WORDS})\b)"
    r"|n['’]t|(?<!\w)(?:لم|لن|لا)(?!\s+[يت]?زا?ل))(?:\s+to)?\s+(?:[\w'’\-]+\s+){0,2}$"
    r"|\bfear(?:s|ed|ing)?\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$"  # "rebels fear the loss of X", "a government takeover"
    r"|\b(?:not|no\s+longer)\s+(?:under|in)\s+(?:the\s+)?(?:full|complete|total)\s+(?:\S+\s+)?$|(?<!\w)لم\s+[يت]عد\s+(?:\S+\s+){0,4}$"
    rf"|(?<!\w)(?:فشل(?:ت|وا)?|[تي]حاول(?:ون)?|حاول(?:ت|وا)?|محاول(?:ة|ات)|[بل]?هدف(?:ه|ها|هم)?|[تي]هدف|بغية|(?:لم|لن)\s+[يت](?:ستطي?ع|تمكن)(?:وا)?|[يت]سعى|سع(?:ى|ت|وا)|[يت]ريد(?:ون)?|أراد(?:ت|وا)?|[يت]أمل(?:ون)?|يجب|ينبغي|(?:ال)?متوقع|{intl.ATTEMPT_WORDS})\s+(?:\S+\s+){{0,4}}$"
    rf"|{arabic.IMMINENT}|(?:\b(?:if|unless|whether)|^\s*should)\s+(?:[\w'’\-]+\s+){{0,3}}$|\b(?:about|over|as to|unclear|clear|know|knows|sure|dispute[sd]?)\s+who\s+(?:now\s+|still\s+|really\s+)?$"
    rf"|\b(?:{intl.DENIAL_WORDS})\s+(?:[\w'’\-]+\s+){{0,3}}$"
    r"|\b(?:offensive|counter-?offensive|(?:counter-?)?attack|assault|push|drive|campaign"
    r"|operation|effort|battle|fight|struggle|mission|order)s?['’\"”]?\s+(?:(?:on|last|this|early|late)\s+\w+\s+|(?:overnight|yesterday|today)\s+)?to\s+(?:[\w'’\-]+\s+)?$"
    r"|\b(?:fighting|battling|struggling|seeking|seeks?|sought|vow(?:s|ed)?|threaten(?:s|ed|ing)?)"
    r"\s+to\s+(?:[\w'’\-]+\s+)?$"
    r"|\b(?:beginning|start|prelude)\s+(?:of|to)\s+(?:[\w'’\-]+\s+)?[\"“]?$",
    re.IGNORECASE,
)
# Arabic verbal nouns with a possessive suffix ("صدهم": their repelling; "سيطرتهم": their
# control): the possessor, a side named before, is the subject.
POSSESSIVE_SUFFIX = re.compile(r"(?:هم|ها)(?: ال(?:كاملة|تامة))?(?: على)?$")
# The negations proper among those words: a siege to come is no denial of who holds a place.
DENIAL = re.compile(
    rf"(?:not|no|never|failed|fails?|denied|denies|deny|n['’]t|لم|لن|لا|{intl.DENIAL_WORDS})\b",
    re.IGNORECASE,
)
# A passive verb or "fell to", "handed over to": its subject is the side named after it (not
# "restored security to", whose "to" is the place's).
TO_END = re.compile(rf"(?<!security )(?<!stability )\b(?:to|hands of|{intl.FELL_TO_WORDS})$", re.I)
# "rebels were driven out of X", "troops, who had been repelled from X": a side as the subject of
# a passive verb of driving out or repelling (or besieging), or its relative's, is its patient.
PATIENT_GAP = re.compile(
    r"(?:\s+and\s+(?:its|their)\s+allies)?(?:,?\s+(?:who|which|that)(?:\s+[^,;:.()]{1,60}?)?)?"
    r"\s+(?:(?:have|has|had)\s+)?(?:was|were|been|being|are|is|got)"  # "who held X", "who were"
    r"\s+(?:\w+ly\s+)?"
    rf"|\s+(?:{intl.PASSIVE_AUXILIARIES})\s+",
    re.I,
)
# "X was lost to the army", "rebels surrendered X to the army": the side after "to" gains it.
LOST_TO = re.compile(r"(?:los|surrender|ced|fall of)", re.IGNORECASE)  # "the fall of X to Y"
TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
EXPELLING = re.compile(
    r"(?:driv|drove|push|forc|kick|flush|oust|expel|evict|clear|purg|repel|repuls|rout|dislodg"
    rf"|{intl.EXPELLING_STEMS})",
    re.I,
)
PASSIVE_AFTER = re.compile(rf"\s*(?:by|to|{intl.PASSIVE_WORDS})\b", re.IGNORECASE)

# Words between a verb and its place that make the claim partial, so contested: "took several
# buildings (new locations) in", "40 percent of", "the west (one side) of", "clawed back some
# ground in" (not "held their ground in"), "a district in" (not "every (last) district in"),
# "swathes of" (not "large swathes of", a majority).
PARTIAL = re.compile(
    r"\b(?:buildings?|positions?|locations? in|parts? of|(?<!\bthe )pockets of|blocks?|percent of|% of|most of|some of|(?<!from the )areas? of"
    r"|streets?|checkpoints?|(?:out)?posts?|hideouts?|edges?|outskirts|sections? of|half of|inside|parte d[eoa]|parte del|(?<!their )(?<!its )ground in"
    r"|the (?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)? (?:side )?of|one side of|swath(?:e)?s of"
    r"|(?<!every )(?<!each )(?<!last )district in"
    rf"|% da|% of|\d+ percent|(?:ال)?(?:أجزاء|جزء|مواقع|أبنية|نقاط|نقطت(?:ي|ين)|كتل|مناطق (?:عد\S*|من))|نصف|ثلث|ربع"
    rf"|(?:بال|في ال)(?:مئة|مائة)|{intl.PARTIAL_WORDS})\b",
    re.IGNORECASE,
)
# "seized positions, including X", "سيطر على مواقع ... من ابرزها X", "القسم الجنوبي من الأحياء
# وهي X": the places named after the words of an enumeration are the positions themselves, whole.
ENUMERATION = re.compile(
    r"\b(?:including|among them|notably|such as)\b|أبرزها|ابرزها|منها|(?<!\w)وه(?:ي|ما)(?!\w)", re.I
)
# A majority is control, not a partial gain: "captured most of", "large parts (swathes) of", "all
# (the) locations in"; so are all of a side's own positions ("handed their positions in X to the
# YPG") and the last of them ("seized the last rebel positions in X").
MAJORITY = re.compile(
    r"\b(?:most of|the (?:vast )?majority of|large (?:parts|swath(?:e)?s) of|much of|nearly all of|almost all of"
    r"|all (?:the |of the )?(?:areas|parts|neighbo(?:u)?rhoods|districts) of|all (?:the )?(?:locations|positions) in"
    r"|(?:the )?remaining (?:parts?|areas?|sections?|positions?) of|the rest of|the last (?:remaining )?(?:[\w-]+ )?(?:positions?|parts?|areas?|pockets?|sections?) (?:of|in|inside)"
    r"|(?:their|its) (?:remaining )?positions (?:in|inside)"
    r"|(?:ال)?(?:جزء|قسم) (?:الأكبر|كبير)|معظم|غالبية|أغلب|ثلثي|ثلثا|ثلاثة أرباع|(?:جميع|كل|كامل) (?!من )\w+)",
    re.IGNORECASE,
)
# English prepositions, and "the" and "and", capitalised at a sentence's or a headline's start.
PREPOSITIONS = frozenset(
    ["the", "in", "at", "of", "from", "into", "on", "near", "and", "to", "by", "over", "inside"]
    + ["around", "between"]
)
