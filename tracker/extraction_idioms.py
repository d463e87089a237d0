"""English idioms built on the proposer's verbs of control that say nothing of control (rule 2 of
`tracker.extraction`): "took advantage", "took place", "took shelter (refuge) in X", "taken a toll",
"assault rifles", "its surrounding areas", "taken to field hospitals"; "the fall of X" with no "to"
and its taker (whose fall it was is not said); "fighting ended". A verb whose object is no place is
none either: "held talks (a rally, a ceremony) in X", "held captive in X", "hostages held in X",
"what was left of X", "regime controlled media", "held the rebels responsible", "cleared X of
mines", "cleared of wrongdoing", "lost dozens of fighters (a commander) in X", "pulled out of (withdrew
from) talks over X", "handed over the bodies", "leaves
no doubt", "captured two soldiers in X", "rebels were captured in X" (people taken, in the
passive) (not "captured X while rebels ...": the people read no
further than a conjunction), "evacuated the wounded from X" ("evacuates a dead baby"), "helped civilians leave X", "called on
civilians to leave X", "the photo, taken in 2013"; control of the situation ("el control de la
situación", "die Kontrolle über die Lage"); "celebratory gunfire", "gunfire into the air", and
"fighting (fought) alongside" an ally with no place of their own in the clause; a wire verb whose
object or subject is no side's and no place: "gave up hope (five prisoners, their weapons)", "broke
into homes", "panic (a wave of displacement) swept through X"; an attack on people or on a building
of theirs, not on a place or a side ("attacks on civilians in X", "attacked a hospital in X", "the
attack on the convoy"); "control of X is split between" sides (which is fighting); a request ("urged
rebels to put down their arms and surrender X", "called on them to leave X"); the Arabic control
shared ("يتقاسم الطرفان السيطرة على X": no taking, the sharing is fighting) and a taking still going
on ("تواصل القوات عملية تطهير X": fighting). Control held jointly ("X is held jointly by the YPG
and government forces", "under the joint control of", "jointly controlled", "the two sides share
control of X"; "سيطرة مشتركة", "sous le contrôle conjoint", "bajo control conjunto", "gemeinsam
kontrolliert") is shared control, coded as fighting is, contested: no one side holds it alone. A demand that a side leave a place has not been met:
"rebels urged (ordered, warned, told, asked, called on) the YPG to withdraw from X", "demanded that
the YPG withdraw", "gave the YPG 24 hours to leave X" claim no loss (but "told AFP rebels were
forced to withdraw" tells of one). An attack from afar is no fighting in the place: "an air (barrel
bomb, rocket, mortar, artillery) attack on X", "warplanes (helicopters) attacked X", "attacked X
with barrel bombs (artillery)", "an attack using explosive-laden barrels"; not "a suicide car bomb
attack", nor "rebels attacked X". People of no side entering a place is no fighting there:
"maintenance teams have entered X", "an aid convoy entered X", "journalists went into X",
"دخلت ورشات الصيانة (قافلة مساعدات) إلى حي X". A
German infinitive of control after "zu" or before a modal ("versucht, X zu erobern", "während die
Armee X kontrollieren will") is an aim, no deed. Read by `tracker.extraction_words`, first among its verbs."""

# People, not fighters: evacuating them is no withdrawal ("evacuated the wounded from X").
_CIVILIANS = (
    r"civilians|people|men|women|children|families|wounded|injured|sick|residents|bab(?:y|ies)"
    r"|child|victims|bodies|dead|patients|orphans"
)
# People of no side, whose entering a place is no fighting there.
_NO_SIDE = (
    "teams", "team", "workers", "crews", "crew", "residents", "civilians", "families", "people",
    "convoys", "convoy", "trucks", "lorries", "journalists", "reporters", "inspectors", "engineers",
    "volunteers", "ambulances", "medics", "monitors", "observers", "delegation", "staff",
)  # fmt: skip
_COUNT = r"dozens of |hundreds of |a number of |scores of "
_WORD = r"(?:(?!(?:from|in|inside|at|to|after|with|by|and|near|of|on|while|as|but|when|where)\b)\w[\w-]* )"

# Control held jointly by two sides: contested, as control split between them (`SHARED_CONTROL`
# leads the fighting verbs of `tracker.extraction_words`).
SHARED_CONTROL = (
    r"(?:held|controlled|run|administered) jointly|jointly (?:held|controlled|run|administered|hold|holds|control|controls)"
    r"|(?:under|in) (?:the )?joint (?:control|administration)|joint control of"
    r"|shar(?:e|es|ed|ing) (?:the )?control(?= of\b)|(?:ال)?سيطرة (?:ال)?مشتركة"
    # "sous le contrôle conjoint", "bajo control conjunto", "controllo congiunto", "gemeinsam ...
    # kontrolliert", "gemeinsame Kontrolle".
    r"|(?:(?:sous|bajo|sotto) (?:le |el |il )?)?(?:contrôle|control|controllo) (?:conjoint|commun"
    r"|conjunto|compartido|congiunto|condiviso)|gemeinsam(?:e[nr]?)? (?:\S+ ){0,6}?(?:kontrolliert"
    r"|Kontrolle|gehalten)"
)
IDIOMS = (
    r"(?:took|tak(?:e|es|ing|en)) (?:advantage|place|part(?! of)|off|shelter|refuge|cover)|left (?:dead|behind|wounded)"
    r"|los(?:t|ing) (?:their|his|her) lives|assault rifles?|(?:took|tak(?:e|es|en|ing)) (?:a|its|their)"
    r"(?: heavy)? toll|(?:(?<=the )|(?<=its )|(?<=their ))surrounding"
    r"|taken to (?:a |the )?(?:[\w-]+ ){0,2}(?:hospitals?|clinics?|shelters?)|fall of(?![^,.;:]{1,60}?\bto\b)"
    r"|leav(?:e|es|ing)(?= [^,.;]{0,60}\b(?:in ruins|dead|wounded|without|homeless|destroyed))"
    r"|(?:the )?fighting (?:had )?(?:ended|stopped|ceased|subsided|died down)|end of (?:the )?fighting"
    # "celebratory gunfire", "gunfire into the air"; "forces fighting alongside the army" (no place
    # of their own follows in the clause): joy, and an ally, are no fighting in a place.
    r"|(?<=celebratory )gunfire|gunfire(?= (?:in)?to the air)"
    r"|f(?:ighting|ought|ights?) (?:alongside|on the side of)(?![^,.;]{0,50}\b(?:in|inside|at|for|over)\b)"
    # "held talks/a rally in X", "cleared X of mines", "cleared of wrongdoing", "lost dozens of
    # fighters in X", "handed over the bodies", "leaves no doubt": the verb's object is no place.
    r"|held(?= (?:a |an |the |its |their |several |two |three )?(?:[\w-]+ ){0,2}(?:ceremon(?:y|ies)"
    r"|talks|meetings?|rall(?:y|ies)|funerals?|elections?|(?:press |news )?conferences?"
    r"|protests?|demonstrations?|prayers|negotiations|vote|referendum|celebrations?|parades?)\b)"
    r"|clear(?:ed|ing|s)?(?= [^,.;]{0,50}?\bof (?:the )?(?:(?:land)?mines|rubble|debris"
    r"|explosives|unexploded|booby[- ]traps|bodies|rubbish|garbage|snow|(?:any |all )?(?:wrongdoing"
    r"|charges|allegations|accusations))\b)"
    r"|los(?:t|e|es|ing)(?= (?:(?-i:[a-z0-9][\w-]*) ){0,3}(?:fighters|men|soldiers|troops"
    r"|members|comrades|commanders?|leaders?|officers|tanks|vehicles|aircraft|jets?|helicopters?)\b)"
    # "pulled out of (withdrew from) talks over X": the talks are left, not the place.
    r"|(?:pull(?:ed|s|ing)? out of|withdr(?:ew|aw|aws|awn|awing) from)(?= (?:the )?(?:[\w-]+ )?"
    r"(?:talks|negotiations|deal|agreement|truce|ceasefire|cease-fire|accord|process)\b)"
    r"|hand(?:ed|ing|s)? (?:over|back)(?= (?:the )?(?:(?-i:[a-z0-9][\w-]*) ){0,2}(?:bodies"
    r"|remains|prisoners|detainees|hostages|captives|weapons|arms)\b)"
    r"|(?:leav(?:e|es|ing)|left) (?:no|little) (?:doubt|room|choice)"
    r"|held (?:captive|hostage|prisoners?|incommunicado|in (?:detention|custody))"
    r"|held(?= (?:[\w'’-]+ ){0,3}(?:responsible|accountable|liable)\b)"
    r"|(?:(?<=hostages )|(?<=prisoners )|(?<=detainees )|(?<=captives )|(?<=civilians ))held"
    r"|(?:(?<=was )|(?<=is ))left(?= of\b)"
    r"|(?:held|controlled|run)(?= (?:media|press|television|TV|radio|newspapers?|news agency)\b)"
    # Control of the situation, not of a place: "perdieron el control de la situación".
    r"|(?:(?:perdi|tom|recuper|perde)\w* )?(?:el control de la situación|o controle da situação)"
    r"|die kontrolle über die lage(?:[^,.;]{0,60}?\bverloren\b)?"
    # "The photo, taken in 2013", "footage taken by"; "captured two soldiers", "evacuated the
    # wounded from X", "helped civilians leave X": a picture, or people, taken or moved.
    r"|(?:(?<=photo, )|(?<=photo )|(?<=photos )|(?<=picture, )|(?<=picture )|(?<=image, )"
    r"|(?<=image )|(?<=video, )|(?<=video )|(?<=footage )|(?<=footage, ))taken"
    rf"|(?:captur|seiz)(?:e|es|ed|ing)(?= (?:{_COUNT})?{_WORD}{{0,2}}(?:soldiers|fighters|rebels"
    r"|militants|members|officers|prisoners|hostages|commander|soldier|fighter|pilot"
    rf"|{_CIVILIANS})\b(?!['’]))"
    r"|(?:soldiers?|fighters?|rebels?|militants?|troops|members|officers?|gunmen|militiam[ae]n"
    r"|terrorists|jihadists|insurgents|pilots?|commanders?) (?:were|was|(?:had|have|has) been)"
    r" (?:captured|seized|taken (?:prisoner|captive|alive))"
    rf"|evacuat(?:e|es|ed|ing)(?= (?:{_COUNT})?{_WORD}{{0,2}}(?:{_CIVILIANS})\b(?!['’]))"
    r"|(?:(?<=civilians )|(?<=residents )|(?<=families )|(?<=people )|(?<=children ))"
    r"(?:to )?(?:leave|left|leaving)"
    # "an air (a barrel bomb) attack on X", "warplanes attacked X", "attacked X with artillery".
    r"|(?:(?<=air )|(?<=aerial )|(?<=barrel )|(?<=barrel-bomb )|(?<=barrel bomb )|(?<=rocket )"
    r"|(?<=missile )|(?<=mortar )|(?<=artillery )|(?<=drone )|(?<=chemical )|(?<=gas )"
    r"|(?<=warplanes )|(?<=helicopters )|(?<=jets )|(?<=aircraft )|(?<=planes )|(?<=drones )"
    r"|(?<=warplane )|(?<=helicopter ))attack(?:s|ed|ing)?"
    r"|attack(?:s|ed|ing)?(?=[^,.;]{0,40}?\b(?:with|using)\s+(?:[\w-]+\s+){0,2}(?:barrels?|barrel"
    r" bombs?|bombs|rockets?|missiles?|mortars?|shells?|artillery|warplanes|aircraft|helicopters"
    r"|drones?|chemicals?|chlorine|gas|air ?strikes?)\b)"
    # "während die Armee X kontrollieren will", "versucht, X zu erobern": a German aim, no deed.
    r"|(?:(?<=zu )(?:kontrollieren|halten|erobern|zurückerobern|einnehmen|befreien)"
    r"|(?:kontrollieren|halten|erobern|zurückerobern|einnehmen|befreien)(?= (?:will|wollen|wollte"
    r"|wollten|möchten?|kann|können|konnte|konnten|könnte|könnten|soll(?:en|te|ten)?|muss|müssen)\b))"
    # "Maintenance teams have entered X", "an aid convoy entered X": people of no side entering.
    # Not when a side is joined to them: "rebel fighters and journalists entered X".
    r"|"
    + "".join(f"(?<!and {n} )" for n in _NO_SIDE)
    + "(?:"
    + "|".join(f"(?<={n} )" for n in _NO_SIDE)
    + r")(?:(?:have|has|had) (?:also )?)?"
    r"(?:enter(?:ed|s|ing)?|(?:went|gone|moved) into)\b"
    # Arabic, the verb first: "دخلت ورشات الصيانة (قافلة مساعدات) إلى حي X".
    r"|(?<!\w)دخل(?:ت|وا)?(?= (?:ال)?(?:ورش|ورشات|فرق|قافلة|قوافل|شاحنات|طواقم|عمال|وفد|أهالي|مدنيون"
    r"|سكان|صحفيون|صحفيين|سيارات|لجنة|منظمة|فريق)(?!\w))"
    # "urged the YPG to withdraw from X", "demanded that the army leave X": a demand, unmet.
    r"|(?:(?:urg|order|warn|ask|call(?:ed|s|ing)? on|giv|gave|give)\w*|told|tells?|telling)"
    r"(?: (?!(?:that|who|which|were|was|had|have|has|been|are|is|forced|said)\b)[\w'’-]+){1,6}?"
    r" to (?:withdraw|leave|pull out|surrender|hand over|evacuate|quit|abandon)\b"
    r"|demand(?:ed|s|ing)? that (?:[\w'’-]+ ){1,4}?(?:withdraw|leave|pull out|surrender|hand over)\b"
    # "gave up hope (five prisoners, their weapons)", "broke into homes", "panic swept through X":
    # a wire verb whose object, or subject, is no side's and no place.
    r"|(?:g[ai]ve|giv(?:es|ing)) up(?= (?:\d|(?:[\w-]+ ){0,2}(?:hopes?|weapons|arms|prisoners"
    r"|hostages|captives|bodies|posts?|attempts?|plans?|efforts?|bid)\b))"
    r"|(?:broke|break(?:s|ing)?|burst(?:s|ing)?) into(?= (?:[\w-]+ )?(?:homes?|houses?|shops?"
    r"|stores?|warehouses?|offices?|apartments?|flats?|tears|laughter|song|applause)\b)"
    # "urged rebels to put down their arms and surrender X", "called on them to leave X": a
    # request, and what it asks for (to the clause's end), is no deed.
    r"|(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:on|upon)|demand(?:s|ed|ing)?|ask(?:s|ed|ing)?"
    r"|appeal(?:s|ed|ing)? to) (?!not )(?:[\w'’-]+ ){1,3}?to (?:(?!(?:after|before|when|while|as"
    r"|since|because|but|which|who|said|says|saying|told|adding|according)\b)[^.;:()]){1,80}"
    # "Control of X is split between": no side's control, fighting ("split between", fights).
    r"|control(?= of [^,.;]{1,60}? (?:is|was|remains) (?:still |now )?(?:divided|split) between)"
    # "attacks on civilians in X", "attacked a hospital in X": people, or a building, attacked.
    r"|(?:counter-?)?attack(?:ed|s|ing)?(?= (?:on |against )?(?:the |a |an |unarmed |innocent "
    r"|fleeing |its |their )?(?:[\w-]+ )?(?:civilians|residents|people|children|families|hospitals?"
    r"|clinics?|schools?|markets?|mosques?|baker(?:y|ies)|convoys?|ambulances?|aid workers"
    r"|medics|journalists|homes|houses)\b)"
    r"|(?:(?<=panic )|(?<=fear )|(?<=terror )|(?<=chaos )|(?<=displacement )|(?<=violence )"
    r"|(?<=flames )|(?<=fire )|(?<=jubilation )|(?<=celebrations )|(?<=protests )|(?<=rumours )"
    r"|(?<=news )|(?<=disease )|(?<=cholera ))swept"
    # Arabic control shared ("يتقاسم الطرفان السيطرة على X"): no taking; the sharing verb is
    # fighting (`tracker.extraction_words_arabic`).
    r"|(?:"
    + "|".join(
        f"(?<={v} )" for v in ("يتقاسم", "تتقاسم", "يتقاسمان", "يتقاسمون", "تقاسم", "تقاسمت")
    )
    + r")(?:\S+ ){0,4}?(?:ال)?سيطرة على"
    # An Arabic taking still going on ("تواصل وحدات الجيش عملية تطهير X"): no taking yet; the
    # continuing is fighting (`tracker.extraction_words_arabic`).
    r"|(?:"
    + "|".join(f"(?<={v} )" for v in ("تواصل", "يواصل", "واصل", "واصلت", "تتابع", "يتابع"))
    + r")(?:(?!بعد |عقب |إثر |اثر |قبل )\S+ ){0,7}?(?:عملي(?:ة|ات|اتها|اته) )?(?:تطهير|تحرير|استعادة)"
)
