"""The claim proposer's Arabic words from one- and two-sentence quotes (`tracker.extraction`).

`tracker.extraction_words` holds most Arabic verbs beside the English ones; this table adds the
forms the quote-sized round found missing, appended after them (through
`tracker.extraction_words_intl`), so a pattern there that covers a stretch first keeps it. The
rules in words:

- An attack launched on a place ("شن الثوار هجوماً على حي X", "هاجمت قوات النظام حي X", "هجمات
  على X") is fighting there, `contested`: the noun with its accusative ending or a suffix, the
  verb in any person. It never gives the place to the attacker; an attack from afar (shelling,
  "استهدف", "قصف") stays no verb of control, and an attack on a side's positions in a place
  ("هجوم على مواقع قوات النظام في حي X") is fighting there too. An attack in any of these
  forms that a side repelled ("تصدى الثوار لهجمات قوات النظام على X") leaves X to the defender.
  Attacks a holding stood despite ("ما زالوا يسيطرون على X رغم الهجمات") are no fighting there:
  the rebels still hold X.
- A side that clashed ("اشتبكت وحدة من الجيش مع مسلحين في X") fights there; a place on the front
  line ("يقع X على خط الجبهة", "خطوط التماس في X") is fought over, and so is one whose control two
  sides share ("يسيطر الطرفان مناصفة على X", "يتقاسم الجيش والمعارضة السيطرة على X") or whose
  taking goes on ("تواصل وحدات الجيش عملية تطهير X", "واصل الثوار تحرير X").
- A side that cleansed or secured a place ("طهّرت القوات X من المسلحين", "تطهير X", "أمّنت
  الراموسة") takes it.
- A control after "before" or "after" ("قبل أن تسيطر عليه", "بعد أن يسيطروا على X": the
  subjunctive tells an event, not a lasting holding) or one a side managed ("تمكنت من السيطرة
  عليه") takes, so an attack launched on X and then its control is X's taking.
- A withdrawal written with its accusative ending ("نفذ الثوار انسحاباً من X") is a loss, and so is
  a place gone out of a side's control ("خرج حي X عن سيطرة النظام": the side after عن سيطرة lost
  it).
- A side spread in a place ("الجماعات المنتشرة في X") holds it, as "المتمركزين" does, even
  inside an attempt on it ("في محاولة لضرب المتمردين المتمركزين في X": they are there).
- "أحكمت القوات سيطرتها الكاملة" with the quote closing and one word (a day) before على takes.
- A partial withdrawal ("انسحاب جزئي من X") or a partial control ("سيطرة جزئية على X") leaves the
  place contested, as the other words of a part do.
- No place: "محافظة" without its article, the governorate in construct ("في محافظة حلب"), is not the
  district al-Muhafaza (المحافظة), nor is "المحافظة" after a word of the governorate's extent ("في
  عموم المحافظة", "ريف (أرياف) المحافظة"); a place lying between two others ("تلة الواقعة بين X و
  Y") or approached ("مع اقترابها من X") is a landmark; a place's name inside a unit's name ("كتيبة
  درع الشهباء", "لواء X") is the unit's.
- Egyptian spelling: "فى" is read as "في", and "علي" before a place or an article as "على"
  ("سيطرتها الكاملة علي حي X"), without changing the quote; "السورى" as "السوري" in sides.
- "الخاضعة لسيطرتها" (under its control): the possessive suffix is a side named before, never
  one after.

From quotes of the middle years (2013-2015):

- Clashes with the article or the hamza written under the alif ("لا تزال الاشتباكات مستمرة في
  محيط X", "الإشتباكات على جبهة X", "إشتباكات عنيفة في X") and battles with the article
  ("المعارك الدائرة في X") are fighting there, as the bare "اشتباكات" is.
- A denial ("نفى مصدر عسكري سيطرة المسلحين على X", "ينفي شائعات حول سيطرة الإرهابيين على X", "نفى
  صحة الأنباء التي تحدثت عن سيطرة المسلحين على X", "نفى صحة ما نشرته وسائل الإعلام عن سيطرة", "نفى
  الجيش أن يكون الثوار قد سيطروا") voids the control it denies, as "denied" does (a side that denies
  it holds the place: `tracker.extraction_kept.denied_by`) (`DENIAL_WORDS`, read through
  `tracker.extraction_words_intl`; a denied report, `DENIED_REPORT`, reaches its verb across "التي
  تحدثت عن"; and a denial "that it be" reaches its verb across its subject: "نفت وزارة الدفاع أن
  يكون الجيش قد خسر X"); so do conflicting reports ("تضاربت الأنباء الواردة من الطرفين بشأن السيطرة
  على X").
- A battle's or operation's name in quotes ("معركة أطلق عليها اسم «الثأر لشهداء X»", "عملية
  «X»") names no place, as a unit's name does.
- Freeing people ("تحرير السجناء في سجن X", "حرروا الأسرى"), unlike freeing a place, is no
  taking (the lookahead on تحرير and حرر in `tracker.extraction_words`), nor is managing to
  destroy, kill or strike ("تمكن الثوار من تدمير مقرات قوات النظام في X"; the lookahead on تمكن).
- A block or wide areas of a place ("انتزعوا كتلة من حي X", "سيطرت على مساحات (مساحة) واسعة من X")
  are a part of it: the place is contested.
- An advance in the accusative ("حقق الثوار تقدماً في حي X", "أحرز الجيش تقدما على جبهة X") is
  fighting there, as "تقدم" is: the advancing side does not hold the place yet.
- A side that hands a place over ("سلّم المسلحون حي X إلى الجيش", "تسليم X") loses it; a threat
  to do so ("هددت الكتائب بتسليم X") claims nothing, as an attempt does (`THREAT`); fighters who
  surrender themselves or their arms ("سلموا أنفسهم وأسلحتهم") hand over no place.
- The plural after "أن" ("استطاعوا أن يسيطروا على X": managed to take X) takes, as "سيطروا";
  not when negated, sought or wished for ("لم يستطع الثوار أن يسيطروا", "يسعى إلى أن يسيطروا",
  "يريد", "من المتوقع أن"), nor a control not managed ("لم تتمكن القوات من السيطرة على X"), nor
  one to come, a word of imminence right before it ("ابتهاجاً بقرب سيطرة الجيش على X", "على وشك
  السيطرة على X", "يقترب من السيطرة": `IMMINENT`; not "near": "قرب الجبهة إن القوات سيطرت").
- A verbal noun of control reaches its object past a subject of up to five words ("أدت سيطرة
  قوات النظام ووحدات الحماية الكردية على X": the first side's taking), not after "تحت".
- An advance repelled ("تصدى الثوار لتقدم قوات النظام في X") is an attack repelled: X is the
  repelling side's. Conflicting reports void only what they are about (حول، بشأن، عن before it):
  "تضاربت الأنباء حول حصيلة القتلى في اشتباكات X" leaves the clashes.

From whole articles (2012-2016):

- Wresting and getting back take ("انتزعت الفصائل X من قوات النظام", "استرجعت القوات X", "استرد
  الجيش X", their verbal nouns and presents); not breath, memories, money or bodies ("استرد
  الأهالي أنفاسهم"). Routing a side from a place takes it ("دحر الجيش المسلحين من X"), not
  routing an attack ("دحر هجوماً": repelled). A grip tightened on a place takes it ("أحكمت القوات
  قبضتها على X", as "سيطرتها على"); a place "في قبضة" a side is held by it, as by a verb of
  holding, which wins over a farther one ("مناطق تسيطر عليها المعارضة في X ... ومناطق في قبضة
  الحكومة في Y": Y the government's); not people fallen into it ("وقوعهم في قبضة الجيش").
- The regime's irregulars, "الشبيحة" ("شبيحة النظام"), are the government's side (`SIDES`), and
  so are fighters "loyal to" it ("المسلحون الموالون له", "الفصائل الموالية للنظام": `SIDES_FIRST`,
  read before the rebels' "المسلحون").
- Words of a part before a place (`PART_BEFORE`): a section in a direction before a district's
  noun ("القسم الجنوبي الشرقي لحي X", "الجزء الشمالي من حي X"), the edges ("سيطروا على أطراف X")
  "several of" right before it ("أعادت الأمن إلى عدد من الأحياء الشرقية") and buildings ("مبانٍ
  في X", "مبنى في X"): contested.
- A place "at the edges (entrance) of" which something else lies ("قرية عند أطراف حي X") is a
  landmark.
- A side in a clause after "قبل أن" or "بعد أن" is not the subject of a verb before it ("أعلنت
  قوات النظام السيطرة على X قبل أن يشن الثوار هجوماً": the announcer's control, `LATER_CLAUSE`).
- A verb followed by على and its own object does not reach back to a place before it
  (`AR_OBJECT_AFTER`), but على with a pronoun of most or all of the place ("حي X الذي تسيطر
  المعارضة على أغلبه", "على معظم أجزائه", "على كامله") takes up that place, as عليه does.
"""

from __future__ import annotations

import re

# "قبل أن" (before), "بعد أن" (after): a later or earlier clause with its own subject; a side in it
# is not the subject of a verb before it (`tracker.extraction_subject`).
LATER_CLAUSE = re.compile(r"(?<!\w)(?:قبل|بعد|عقب|إثر|اثر) أن(?!\w)")
# An Arabic verb of control followed, a few words on, by على and its object ("X، وسيطرة الأكراد
# على Y"), or by where it heads ("وتقدمت نحو Y"); not على with a pronoun
# of most or all of the place before it ("الذي تسيطر المعارضة على أغلبه": X's).
AR_MOST_OF_IT = r"(?:(?:أغلب|معظم|غالبية|كامل)(?:ه|ها)|(?:أغلب|معظم|غالبية) أجزائ(?:ه|ها))(?!\w)"
AR_OBJECT_AFTER = re.compile(
    r"[\u0600-\u06ff][^.,،;:]{0,40}?(?<!\w)(?:على(?!\s+"
    + AR_MOST_OF_IT
    + r")|نحو|صوب|باتجاه)(?!\w)"
)

VERBS: tuple[tuple[str, str], ...] = (
    (
        r"هجوم(?:اً|ًا|ا|ه|ها|هم)|(?<!رغم ال)(?<!رغم )(?:هجمات|هجمة)"
        r"|هجمت(?:ها|هم)|هاجم(?:ت|وا)?|[يت]هاجم(?:ون)?"
        r"|اشتبك(?:ت|وا)?|[يت]شتبك(?:ون)?|خط(?:وط)? (?:ال)?(?:جبهة|تماس)"
        r"|(?:ال)?إشتباك(?:ات)?|ال[اإ]شتباك(?:ات)?|ال(?:معارك|مواجهات)|تقدم(?:اً|ًا|ا)"
        # Control shared: "يسيطر الطرفان مناصفة على X", "يتقاسم الطرفان السيطرة على X".
        r"|مناصفة|(?:[يت]تقاسم(?:ان|ون)?|تقاسم(?:ت|وا|ا)?)(?=(?: \S+){0,4} (?:ال)?سيطرة)"
        # A taking still going on: "تواصل وحدات الجيش عملية تطهير X" (`tracker.extraction_idioms`).
        r"|(?:[يت]?واصل(?:ت)?|تواصل|[يت]تابع)"
        r"(?=(?: (?!بعد |عقب |إثر |اثر |قبل )\S+){0,7}? (?:عملي(?:ة|ات|اتها|اته) )?(?:تطهير|تحرير|استعادة))",
        "fights",
    ),
    (r"انسحاب(?:اً|ًا|ا)", "loses"),
    # A place gone out of a side's control: "خرج حي X عن سيطرة النظام" (the regime lost it).
    (r"(?:خرج(?:ت)?|[يت]خرج)(?=(?: \S+){1,4} عن سيطرة)", "loses"),
    (r"(?<=(?:قبل|بعد) )أن [يت]سيطر(?:وا|ون|ا)?|تمكن(?:ت|وا)? من (?:ال)?سيطرة", "takes"),
    (r"(?:ال)?منتشر(?:ة|ين|ون)", "holds"),
    (r"[يت]سيطروا", "takes"),
    (
        r"(?:سل(?:ّ)?م(?:ت|وا)?|[يت]سل(?:ّ)?م(?:ون)?|تسليم(?:ه|ها|هم)?)"
        r"(?! (?:\S+ ){0,2}(?:أنفس\S*|نفس\S*|سلاح\S*|أسلحت\S*|الأسلحة|السلاح)(?: |$))",
        "loses",
    ),
    (r"سيطرت(?:هم|ه|ها)(?: ال(?:كاملة|تامة))?[\"”»] (?:\S+ )?على", "takes"),
    (r"طه(?:ّ)?ر(?:ت|وا)?|[يت]طه(?:ّ)?ر(?:ون)?|تطهير|أم(?:ّ)?نت|أم(?:ّ)?نوا|أمّن", "takes"),
    # Wresting, getting back, routing: "انتزع الثوار X", "استرجعت القوات X", "استرد الجيش X",
    # "دحر الجيش المسلحين من X" (not "دحر هجوماً": an attack repelled); "أحكمت قبضتها على X".
    (
        r"(?:انتزع(?:ت|وا)?|[يت]نتزع(?:ون)?|انتزاع|استرجع(?:ت|وا)?|[يت]سترجع(?:ون)?|استرجاع"
        r"|استرد(?:ت|وا)?|[يت]سترد(?:ون)?|استرداد)(?! (?:\S+ )?(?:أنفاس\S*|ذكر\S*|أموال\S*|جثث\S*|جثامين\S*)(?: |$))"
        r"|(?:دحر(?:ت|وا)?|[يت]دحر(?:ون)?)(?! (?:\S+ ){0,2}(?:هجوم\S*|هجمات|هجمة|محاول\S*))(?=(?: \S+){1,5} من )"
        r"|(?<!في )قبضت(?:هم|ه|ها)(?: ال(?:كاملة|تامة)| الحديدية)?(?: بشكل (?:كامل|تام)| بالكامل)? على",
        "takes",
    ),
)
# The regime's irregulars, in the opposition's word: "الشبيحة" (read through
# `tracker.extraction_words_intl.SIDES`).
SIDES: tuple[tuple[str, str], ...] = ((r"(?:ال)?شبيحة(?: النظام| الأسد)?", "government"),)
# Fighters "loyal to" the regime ("المسلحون الموالون له", "الميليشيات الموالية للنظام"): the
# government's, read before the rebels' "المسلحون" (`tracker.extraction_words.SIDES` opens with it).
SIDES_FIRST: tuple[tuple[str, str], ...] = (
    (
        r"(?:ال)?(?:مسلح(?:ون|ين)|مقاتل(?:ون|ين)|ميليشيات|مليشيات|مجموعات|جماعات|فصائل|عناصر)"
        r" (?:ال)?موال(?:ون|ين|ية|ي)(?: (?:له|لها|لهم|للنظام|للحكومة|للأسد|لدمشق|للجيش))",
        "government",
    ),
)
# Part words of Arabic written before a place, read by `PARTIAL_WORDS`: a section in a direction
# before a district's noun ("القسم الجنوبي الشرقي لحي X", "الجزء الشمالي من حي X"; not "القسم
# الجنوبي من المدينة", a region), the edges ("أطراف X"), "several of" right before the place
# ("عدد من الأحياء الشرقية") and buildings ("سيطروا على مبانٍ في X", as "buildings in").
PART_BEFORE = (
    r"(?:ال)?(?:قسم|جزء|طرف|جهة|شطر) ال(?:شمالي|جنوبي|شرقي|غربي)(?:ة)?"
    r"(?: ال(?:شرقي|غربي)(?:ة)?)?(?= (?:من )?[لب]?(?:حي|[أا]حياء|منطقة)(?!\w))"
    r"|(?:ال)?[أا]طراف|عدد من(?= (?:(?:ال)?[أا]حياء )?$)|(?:ال)?(?:مبان\S*|مبنى|بنايات|عمارات)"
)
# The nouns of an attack ("هجوم", "هجوماً", "هجمات", "هجمة"), for an attack repelled.
ATTACK_NOUN = re.compile(r"هجوم|هجم(?:ات|ة)|تقدم")
# Words of a part (`tracker.extraction_words.PARTIAL`): "انسحاب جزئي", "سيطرة جزئية".
PARTIAL_WORDS = r"جزئ(?:ي|ى|ية|يا|ياً)|كتلة|مساحات(?: واسعة)?|مساحة واسعة|" + PART_BEFORE
# Imminence right before a verb or its noun (`tracker.extraction_words.NEGATION`): "بقرب سيطرة",
# "اقتراب", "على وشك (أن)", "يقترب من"; "قرب" with words between is the preposition "near".
IMMINENT = r"(?<!\w)(?:[بل]?(?:قرب|اقتراب)|(?:على\s+)?وشك(?:\s+أن)?|[يت]قترب(?:ون)?\s+من)\s+$"
# Words of a denial (`tracker.extraction_words_intl.DENIAL_WORDS`): "نفى", "ينفي", "نافياً".
DENIAL_WORDS = r"[يت]?نف(?:ي|ى)|نفت|نفوا|نافي(?:اً|ًا|ا)?"
# A denied report (`tracker.extraction_kept.DENIED_CLAUSE`), its verb up to four words on: "نفى
# مصدر عسكري صحة الأنباء التي تحدثت أيضاً عن سيطرة ...", "ينفي شائعات حول سيطرة ...".
DENIED_REPORT = (
    rf"(?<!\w)(?:{DENIAL_WORDS})\s+(?:\S+\s+){{0,6}}?(?:صحة\s+)?(?:ال)?"
    r"(?:أنباء|انباء|أخبار|اخبار|شائعات|إشاعات|اشاعات|تقارير|رواية)\s+(?:\S+\s+){0,4}$"
    # What was published about it: "نفى صحة ما نشرته وسائل الإعلام عن سيطرة ...".
    # A denial "that it be": "نفت وزارة الدفاع أن يكون الجيش قد خسر X".
    rf"|(?<!\w)(?:{DENIAL_WORDS})\s+(?:\S+\s+){{0,5}}?[أا]ن\s+[يت]كون(?:وا)?\s+(?:\S+\s+){{0,4}}$"
    rf"|(?<!\w)(?:{DENIAL_WORDS})\s+(?:\S+\s+){{0,6}}?(?:صحة\s+)?ما\s+"
    r"(?:تداول|تناقل|نشر|روج|أشاع|اشاع|زعم|ادع)\S*\s+(?:[^\s،,]+\s+){0,4}?(?:عن|حول|بشأن)\s+$"
    # A denial of a clause: "نفى الجيش أن يكون الثوار قد سيطروا على X".
    rf"|(?<!\w)(?:{DENIAL_WORDS})\s+(?:[^\s،,]+\s+){{0,2}}?أن\s+(?:[^\s،,]+\s+){{0,4}}$"
    # Conflicting reports claim nothing: "تضاربت الأنباء الواردة من الطرفين بشأن السيطرة على X".
    r"|(?<!\w)[وف]?تضارب(?:ت)?\s+(?:ال)?(?:أنباء|انباء|روايات|معلومات|تصريحات)\s+(?:\S+\s+){0,7}?"
    r"(?:حول|بشأن|عن|حيال|بخصوص)\s+$"
)
# The governorate in construct ("محافظة حلب"), not the district المحافظة.
GOVERNORATE = re.compile(r"[وبل]?محافظة")
# The governorate with its article after a word of its extent ("في عموم المحافظة", "ريف
# المحافظة", "أنحاء المحافظة"), not the district المحافظة.
GOVERNORATE_WHOLE = re.compile(
    r"(?<!\w)(?:عموم|كامل|أنحاء|انحاء|أرجاء|ارجاء|ريف|أرياف|ارياف|مدن|قرى|مناطق)\s+[وبلف]?المحافظة$"
)


def governorate(sentence: str, start: int, end: int) -> bool:
    """The governorate, not the district al-Muhafaza: "محافظة" in construct ("في محافظة حلب"), or
    "المحافظة" after a word of its extent ("أحصن موقع في عموم المحافظة")."""
    return bool(GOVERNORATE.fullmatch(sentence[start:end])) or bool(
        GOVERNORATE_WHOLE.search(sentence[max(0, start - 12) : end])
    )


# A landmark, written before the place: between two places, approached, or a unit's name.
LANDMARK = re.compile(
    r"(?<!\w)(?:(?:ال)?واقع(?:ة)?|[يت]قع)\s+بين\s+(?:\S+\s+){0,4}[\"«]?$"
    r"|(?<!\w)(?:[وب]?اقتراب(?:ها|ه|هم)?|[يت]قترب(?:ون)?)\s+من\s+(?:\S+\s+)?$"
    # "at the edges (entrance, approaches) of X": where something else lies ("قرية عند أطراف X").
    r"|(?<!\w)عند\s+(?:[أا]طراف|مدخل|مداخل|مشارف)\s+(?:(?:حي|أحياء|احياء|منطقة)\s+)?$"
    r"|(?<!\w)[وب]?(?:كتيبة|كتائب|لواء|ألوية|فوج|تجمع)\s+(?:(?!في|من|على)\S+\s+)?[\"«]?$"
    # A battle's name in quotes: "معركة أطلق عليها اسم «الثأر لشهداء X»", "عملية «X»".
    r"|(?<!\w)(?:[وب]?(?:معركة|معركه|عملية|غزوة)\s+|اسم\s+)[\"«“][^\"«“”»]{0,40}$"
)
# "الأحياء الخاضعة لسيطرتها": a holding whose side is a possessive suffix.
HELD_BY_PRONOUN = re.compile(r"\s+ل?سيطرت(?:ها|هم|ه|هما)(?!\w)")
# Egyptian spellings of two prepositions, read (same length) as the standard ones.
EGYPTIAN_FI = re.compile(r"(?<!\w)([وف]?)فى(?!\w)")
EGYPTIAN_ALA = re.compile(r"(?<!\w)([وف]?)علي(?=\s+(?:حي|حى|أحياء|احياء|ال))")


def normalised(sentence: str) -> str:
    """The sentence with "فى" read as "في" and "علي" before a place as "على" (same length, so
    every span found in it is a span of the sentence as written)."""
    return EGYPTIAN_ALA.sub(r"\1على", EGYPTIAN_FI.sub(r"\1في", sentence))


# "في محاولة لضرب المتمردين المتمركزين في X": a participle of being stationed describes its side
# there, whatever attempt or negation comes before it.
STATIONED = re.compile(r"(?:ال)?(?:متمركز|منتشر)(?:ة|ين|ون)?")
# A threat voids the verb it governs, as an attempt does ("هددت الكتائب بتسليم X", "يهدد
# باقتحام X"), read with the attempts of `tracker.extraction_words.NEGATION` (through
# `tracker.extraction_words_intl.ATTEMPT_WORDS`).
# Only a threat to do something, its verbal noun with بـ (the verb read, or one before it, within
# two words): "تهدد القذائف مدارس حي X" (endangers) is none, nor is "يهدد بلدة X".
THREAT = r"(?:هدد(?:ت|وا)?|[تي]هدد(?:ون)?)(?=\s+(?:\S+\s+){0,2}?(?:ب(?!لد)|$))"
