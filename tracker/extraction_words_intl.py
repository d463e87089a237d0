"""The claim proposer's words in the other languages the shipped quotes use.

French, Spanish, Portuguese, Italian, German, Romanian, Russian, Indonesian and Vietnamese wire
copy and news sites report the battle in their own words. These tables spell the same sides and
the same verb meanings as `tracker.extraction_words` (which appends them to its own); they are
dictionary knowledge of each language, not phrases copied from a quote.

From whole French, Spanish, Italian and Portuguese articles: a side that abandons a district, or is
forced to ("ont abandonné X", "obligados a abandonar X"), loses it; an infinitive of taking after
words of success ("a fini par reprendre X", "logró recuperar X", "consiguieron expulsar a los
soldados de X") is a taking, even with up to three words between ("han logrado este jueves
recuperar X"), though alone ("pour reprendre X") it is an aim; a place "près de", "cerca de",
"vicino a", "perto de" or "à un kilomètre de" a district is not the district; ground gained or a
breakthrough in a district ("ganaron terreno en X", "une percée dans X") is fighting there, as is
entering it ("entraram em X", "sono entrate a X"); a percentage of a district ("el 60% de X") is a
part of it; French "contrôlent", "contrôlait", "contrôle désormais" hold, not the noun ("point de
contrôle"); a side that keeps districts ("los rebeldes conservan X") holds them; the noun of a
capture ("la prise de X", "la toma de X", "la reconquête de X") is a taking, as "the capture of X",
but not "prise d'otages"; participles of reconquest ("foram reconquistados pelo exército") take;
"curdas", "curdos" are the Kurdish forces; a side that "se había retirado" (had withdrawn) from a
district has lost it. German "kontrollieren", "hält", "hielten" and French "tiennent",
"tenaient" hold; a German infinitive after a modal ("die Armee will X erobern") or before one
("während die Armee X kontrollieren will") or after "zu" ("versucht, X zu erobern") is an aim.

From quotes of one or two sentences: a cessation of hostilities ("прекращения боевых действий") is
no fighting; a direction ("в направлении квартала X", "menuju selatan ke X") is a landmark, no place
of fighting; "assumiu completamente o controle" (an adverb between) and the noun of a reconquest
with a contracted article ("a reconquista do X", "la riconquista del X") take; German with the verb
second ("gewannen die Regierungstruppen die Kontrolle über X") takes; a fraction ("zwei Drittel
des", "две трети", "un tercio de"), a half ("die Hälfte von", "metà di", "metade de", "половину") or
an area ("una zona de X") is a part, so contested; a Russian flight from a place ("боевики бежали из
X") is its loss; Italian "ha preso X", "è stata presa", Spanish "cayó en manos de", French "est
tombé aux mains de" and German "fiel an" take, the side into whose hands X fell the taker; "tentara
pemerintah" (government soldiers) is the government; a participle of holding, siege or bombing
between commas ("X, controllato dai ribelli, è stato riconquistato dall'esercito", "X, controlado
por los rebeldes, fue tomado") is an aside, and the later verb is X's; Spanish "ha avanzado en X" is
fighting; a participle of holding with its agent ("contrôlés par les rebelles", "controlados por")
is "held by" that side; a Russian short participle of expelling goes without an auxiliary, an adverb
before it ("боевики полностью выбиты из X": driven out). Italian entering, penetrating, an advance
and an assault ("entra nel quartiere X", "riusciti a penetrare nel X", "la loro avanzata nei
quartieri di X", "l'assalto al X") are fighting; "vicino alla", "nei pressi della" are landmarks; an
agent after "dalla", "dalle" holds ("controllato dalle forze governative"); "soldati di Damasco",
"forze siriane" are the government; rockets, missiles and mortars ("colpito con razzi", "foguetes",
"roket", "havan") are an attack from afar, which places no side; Russian "незаконные вооружённые
формирования" (illegal armed formations) and "группировки" (not "группировка войск") are rebels.
French "avance", "progresse" and German "rückt in X vor" are fighting; "rückt aus X ab" is a loss.
From whole German and Spanish articles: "die Kontrolle über X erlangt" reaches its verb across a
long description of X ("über das im Nordosten gelegene Viertel X errungen"); a German article
before a participle of siege makes it an adjective ("des belagerten Ostteils"); Spanish "se ha
hecho con el control de X" (has taken control of X) takes.
Turkish words live in `tracker.extraction_words_turkish`.
"""

from __future__ import annotations

import re

from tracker import extraction_words_arabic as arabic
from tracker import extraction_words_turkish as turkish

SIDES: tuple[tuple[str, str], ...] = (
    (
        r"armée syrienne libre|ejército (?:sirio )?libre(?: sirio)?|esercito (?:siriano )?libero"
        r"|exército (?:sírio )?livre",
        "rebels",
    ),
    (r"(?:front )?al-nosra|nosra", "nusra"),
    (
        r"kurdes|milices? kurdes?|kurdas?|kurdos|curd[oa]s|unidades kurdas|curd[oiae]|milizia curda"
        r"|kurden|kurdische(?:n)? (?:miliz|einheiten|kämpfer|kräfte(?:n)?)|курд\w*|курдск\w+ \w+",
        "kurdish_ypg",
    ),
    (
        r"l['’]armée(?: syrienne| arabe syrienne)?|armée syrienne|forces (?:gouvernementales"
        r"|du régime|loyalistes|militaires|syriennes)|troupes (?:gouvernementales|syriennes|du régime)"
        r"|(?:les |des )militaires(?! turcs| américains)|le régime|(?:le )?gouvernement(?: syrien)?"
        r"|gobierno(?: sirio)?|governo(?: siriano)?|tropas (?:sirias|gubernamentales|leales|del régimen)|ejército(?: sirio| árabe sirio)?|fuerzas (?:sirias"
        r"|gubernamentales|del régimen|leales)|régimen|exército(?: sírio| de assad)?"
        r"|forças (?:governamentais|do regime|sírias|de assad)|(?:o )?regime(?: de assad| sírio)?|esercito(?: siriano| governativo)?"
        r"|truppe governative|truppe (?:del presidente|del regime|di assad|siriane|lealiste)|soldati (?:di assad|di damasco|siriani|governativi)|forze (?:siriane|militari siriane|armate siriane)|lealisti|governativi|forze di (?:damasco|assad)|forze (?:governative|del regime|lealiste)|armata siriana|armata"
        r"|syrische(?:n)? (?:armee|streitkräfte|truppen|regierungstruppen)|streitkräfte"
        r"|regierungstruppen|armee|сирийск\w+ арми\w+|сирийск\w+ власт\w+|правительственн\w+ (?:войск"
        r"\w*|сил\w*)|арми(?:я|и|ей|ю)|сирийск\w+ (?:войск\w*|военн\w+|сил\w*)|сил\w* (?:режима|асада)"
        r"|(?<!турецкие )(?<!американские )войск\w*(?! оппозиции| турци\w*| сша)|режим\w*(?! (?:прекращения|тишины|перемирия))|ополчен\w*|tentara (?:suriah|pemerintah)|pasukan (?:pemerintah|suriah)|rezim|quân đội(?: syria)?",
        "government",
    ),
    (
        r"rebelles|insurgés|terroristes|djihadistes|rebeldes|renbeldes|insurgentes|terroristas"
        r"|extremistas|yihadistas|grupos armados|irregulares armados"
        r"|ribelli|insorti|jihadisti|rebellen|aufständische(?:n)?|terroristen|rebeli(?:i)?"
        r"|militanten(?: kräfte)?|islamisten|dschihadisten|militante (?:gruppe|kräfte)"
        r"|боевик\w*|террорист\w*|повстанц\w*|джихадист\w*|оппозици\w*|бандформировани\w*|мятежник\w*|незаконн\w+ (?:вооруж[её]нн\w+ )?формировани\w*"
        r"|группировк\w*(?! войск| российск| ввс| вкс)|pemberontak|oposisi|phiến quân",
        "rebels",
    ),
    *turkish.SIDES,
    *arabic.SIDES,
)

# A taking told as a success ("a fini par reprendre", "a réussi à prendre", "logró recuperar",
# "è riuscito a riprendere", "conseguiu retomar"): the infinitive alone is an aim ("pour
# reprendre"), so only these words of success before it make it a verb of taking.
SUCCESS_WORDS = (
    r"(?:a|ont|avait|avaient) (?:fini par|réussi à)|(?:est|sont) parvenue?s? à|logr(?:ó|aron)"
    r"|consigui(?:ó|eron)|(?:ha|han|había|habían) (?:logrado|conseguido)|(?:tem|têm|tinha|tinham) conseguido|(?:è|sono) riuscit[oaie] a|(?:ha|hanno) finito per|consegui(?:u|ram)"
)
TAKING_INFINITIVES = (
    r"(?:re)?prendre|(?:re)?conquérir|libérer|s['’]emparer|(?:re)?tomar|recuperar|(?:re)?conquistar"
    r"|liberar|(?:ri)?prendere|(?:ri)?conquistare|liberare|chasser|expulser|expulsar|desalojar"
    r"|cacciare|espellere"
)

# Control taken or lost, read before the English "control" (a verb of holding) can claim the
# noun: "tomó el control de" (took control of), "se ha hecho con el control de", "se hizo con el
# control de" (has taken, took control of), "perdieron el control de" (lost control of),
# "die Kontrolle über X erlangt" (the verb last, after its place and any words describing it,
# "über die bisher von Rebellen kontrollierten Viertel X und Y gewonnen"; also "die \"vollständige
# Kontrolle\" über X erlangt", and the verb second: "gewannen ... die Kontrolle über X"), "zogen
# sich aus X zurück", "rückte aus X ab" (moved off; "rückte" alone advances). Attacks by air or by
# mortar ("attaqué par l'aviation", "ataques aéreos") are not fighting there.
CONTROL_PHRASES: tuple[tuple[str, str], ...] = (
    (
        r"(?:tom(?:ó|aron|ad[oa]s?)|(?:re)?cuper(?:ó|aron|ado)|(?:ha|han|había|habían) hecho con"
        r"|hi(?:zo|cieron) con) el control(?! de la situación)"
        rf"|(?:{SUCCESS_WORDS}) (?:[\w-]+ ){{0,3}}?(?:{TAKING_INFINITIVES}) (?:el|il|o) control(?:lo|e)?"
        r"(?! de la situación)"
        r"|(?:die )?[\"„“]?(?:(?:vollständige|volle|komplette|totale) )?kontrolle[\"“”]? über"
        r"(?=[^,.;]{0,100}\b(?:erlangt|übernommen|gewonnen|errungen)\b)"
        r"|(?:gewann|erlangte|übernahm|errang)(?:en|n)?(?=[^,.;]{0,50}\bdie kontrolle über)",
        "takes",
    ),
    (
        r"perdi(?:ó|eron|do) el control(?! de la situación)|perde(?:u|ram) o controle|(?:ha|hanno) perso il controllo"
        r"|zog(?:en)? sich(?=[^,.;]{0,60}\bzurück\b)|rückt(?:e|en)(?=[^,.;]{0,40}\bab\b)",
        "loses",
    ),
)

VERBS: tuple[tuple[str, str], ...] = (
    (
        r"(?:ont |a )?(?:pris|repris|libéré(?:e|s)?|reconquis|conquis|capturé(?:e|s|es)?)(?: le contrôle)?"
        r"|s['’]est emparée?|se sont emparés|prise de contrôle|(?:la )?(?:prise|reconquête) d(?:e|es|u)\b"
        r"|(?:la )?(?:toma|reconquista) de\b|(?:la )?presa di\b|(?:a )?(?:reconquista|retomada) d[oa]s?\b"
        r"|(?:la )?riconquista (?:di|del|della|dei)\b"
        r"|tom(?:ó|aron|ad[oa]s?)(?: el control)?|cay(?:ó|eron)(?= en manos)|recuper(?:ó|aron|ado)|liber(?:ó|aron|ado)"
        r"|conquist(?:ó|aron|ou|aram|ato|ata|ati)|(?:re)?conquistad[oa]s?|captur(?:ó|aron|ou|aram|ad[oa]s?)|se hicieron con|(?:se )?ha(?:n)? hecho con"
        r"|assum(?:iu|iram)(?: \w+mente)? (?:o )?controle|tom(?:ou|aram)|retom(?:ou|aram)|libert(?:ou|aram)|tomada"
        r"|(?:ri)?pres[oi] il controllo|strapp(?:ano|ato|ata|ati|ate|ò)|(?:è|sono|era|erano) cadut[oaie](?= (?:nelle mani|in mano|sotto))|rimesso le mani su|retomad[oa]s?|ripres[oi]|riconquist(?:ato|ata)|liberat[oi]"
        # Italian "ha preso X" (took X; not "preso parte", took part), "è stata presa" (was taken).
        r"|(?:ha|hanno) preso(?! (?:parte|atto|posizione|di mira|il controllo))|(?:è|sono) stat[oaie] pres[oaie]"
        r"|(?:est|sont) tombée?s? aux mains d(?:e|es|u)|fiel(?:en)? (?:an|in die hände (?:der|des|von))"
        r"|erobert(?:e|en)?|zurückerobert|eingenommen|befreit|übernommen|(?:zurück)?erobern"
        r"|(?:re)?cucerit|eliberat|preluat controlul"
        r"|освобо[дж]\w*|взял\w* под контроль|захвач\w+|верн\w+ (?:себе )?контроль|выби(?:л|в|т)\w*|вытесни\w*|установ\w* (?:полный )?контроль|занял\w*|захватил\w*|овладел\w*|отбил\w*"
        r"|merebut|direbut|jatuh ke tangan|đánh chiếm|giải phóng"
        r"|chass(?:é|és|ée|ées|ent|èrent)|expuls(?:é|és|ée|ées|ad[oa]s?|aron|ó|aram|ou|at[io]|[oa]s?)"
        r"|desalojad[oa]s?|desaloj(?:ó|aron)|cacciat[io]|vertrieben|vertrieb"
        rf"|(?:{SUCCESS_WORDS}) (?:[\w-]+ ){{0,3}}?(?:{TAKING_INFINITIVES})"
        r"(?: (?:el|le|il|o) (?:control|contrôle|controllo|controle))?",
        "takes",
    ),
    (
        r"perdu|retir(?:é|és|ée|ent)|évacué|perdi(?:ó|eron)|(?:se )?retir(?:ó|aron|ada)"
        r"|(?:la )?perte de|(?:la )?pérdida de|(?:a )?perda de|(?:la )?perdita di"
        r"|perde(?:u|ram)|retira(?:ram|da)|retirad[oa]s?|pers[oi]|ritirat[io]|ritiro|verloren"
        r"|abandonn(?:ée?s?|ent|èrent)|abandon(?:ó|aron|ad[oa]s?|ou|aram)|abbandon(?:at[oaie]|ò|arono)"
        r"|(?:contraint|obligé|forcé|obligad|forzad|forçad|costrett)\w* (?:d['’]|a |ad )(?:abandonner|abandonar|abbandonare)"
        r"|zurückgezogen|abgezogen|eingebüßt|rück(?:t|te|ten|en)(?=[^,.;]{0,40}\bab\b)|потерял\w*|отступил\w*|бежал\w*(?= из )|покинул\w*|оставил\w*|ушл[иа]|ушёл|mundur|kehilangan",
        "loses",
    ),
    (
        r"contrôlée?s? par|sous (?:le )?contrôle|tenue?s? par|controlad[oa]s? por"
        r"|bajo (?:el )?control|controla(?:n|m)?|conserv(?:a|an|aba|aban|am|avam|ano|ent|aient|ait)\b|contrôl(?:ent|ait|aient)"
        r"|contrôle(?= (?:désormais|toujours|encore|actuellement|déjà|\d))|mantiene(?:n)?|controlad[oa]s? pel[oa]s?"
        r"|sob (?:o )?controle|ocupad[oa]|controllat[oaie]|sotto (?:il )?controllo|occupano"
        r"|controlla(?:no)?|kontrolliert(?:e|en)?|unter (?:der )?kontrolle|controlat[ăe]?"
        r"|sub controlul|gehalten(?:e|en)?|контролир\w*|под контролем|оста[её]тся|остаются|dikuasai|menguasai|kiểm soát"
        # German "kontrollieren", "hält", "hielten" and French "tiennent", "tenaient" hold; not "für
        # wichtig halten", "hielt fest" (detained), "se tient" (takes place), "tient compte".
        r"|kontrollieren|(?:hält|halten|hielt|hielten)(?![^,.;]{0,60}\b(?:für|fest|an|ab|aus|inne)\b)"
        r"|(?<!se )(?<!s['’])(?:tiennent|tenaient|tient|tenait)(?! (?:compte|à|au|aux|bon|parole|tête)\b)",
        "holds",
    ),
    (
        r"combats?|affrontements?|offensive|avanc(?:é|ent|ée|e)|avançai(?:t|ent)|progress(?:é|ent|e)"
        r"|entrée?s? dans"
        r"|combat(?:es|iendo|en|endo)|enfrentamientos?|ofensiva|avanz(?:a|an|aron|ó|ado|ando)|entraron"
        r"|(?:atac(?:ó|aron|an|ando)|ataques?|attaqu(?:ée?s?|ent|ant)|attaques?)"
        r"(?![^,.;]{0,30}\b(?:a[ée]r\w*|aviation|aviación|mortier|morteros?|cohetes?|roquettes?|obus|drones?)\b)|pénétr(?:ée?s?|ent|ant)"
        r"|gagné du terrain|gana(?:ron|do) terreno|guadagnato terreno|ganha(?:ram|do) terreno"
        r"|percée|entr(?:aram|ou) (?:em|n[oa]s?)\b|entrat[ie] (?:a|in|nel|nei|nella)\b|confrontos|enfrentamentos?|avanç(?:ou|aram|am|a)|combattimenti|scontri|avanza(?:no|re)?"
        r"|kämpfe(?:n)?|gekämpft|gefechte|operierten|vorgerückt|rück(?:t|te|ten|en)(?![^,.;]{0,40}\bab\b)|lupte|ofensiv[ăa]|patruns"
        r"|entr(?:a|ano|are) (?:a|in|nel|nella|nei|negli)\b|penetrare|avanzata|(?:l['’])?assalt[oi]"
        r"|бои|(?<!прекращени. )боев(?!ик)\w*|столкновени\w*|прорыв\w*|прорвал\w*|penetrat[ie] (?:in|nei|nel|nella)|наступлени\w*|штурм\w*|pertempuran|bentrokan",
        "fights",
    ),
    (
        r"assiég\w*|encercl\w*|asediad\w*|sitiad\w*|cercad\w*|assediat\w*|accerchiat\w*"
        r"|belager\w*|eingekesselt|umzingel\w*|окруж\w*|блокад\w*|осажд\w*|dikepung",
        "besieges",
    ),
    *arabic.VERBS,
    *turkish.VERBS,
)

# A side driven out as a passive's subject: "les rebelles ont été chassés de X", "los rebeldes
# fueron expulsados de X", "die Rebellen wurden aus X vertrieben" (the verb last, the gap longer).
PASSIVE_AUXILIARIES = (
    r"ont été|a été|sont|furent|fueron|fue|han sido|foram|foi|sono stat[ie]|è stato"
    r"|(?:wurden|wurde)\s+[^,;]{0,40}?|был[иао]?"
    # Russian short participles go without an auxiliary, an adverb between ("боевики полностью
    # выбиты из X").
    r"|(?:был[иао]?\s+)?(?:полностью|окончательно)"
)
EXPELLING_STEMS = r"chass|expuls|desaloj|cacci|vertrieb|выби|вытесн"
# The agent after a passive verb ("libéré par l'armée", "controlado por los rebeldes"), and the
# side into whose hands a place fell ("è caduto nelle mani dell'esercito", "cayó en manos del").
PASSIVE_WORDS = (
    r"par|por|pel[oa]s?|dai|dal|dalla|dalle|dall['’]|dagli|da|von|durch|de|oleh"
    r"|nelle mani d(?:el|ella|ei|egli|ell['’])|en manos d(?:e|el)|nas mãos d[oa]s?"
)
# "aux mains des rebelles", "en manos de", "nas mãos dos", "in mano agli", "in der Hand der".
HELD_BY_WORDS = (
    r"aux mains des?|en manos de|nas mãos d[oa]s?|in mano (?:a|ai|agli|al)|in der hand (?:der|des|von)"
    # Participles of holding with their agent, as "held by": "contrôlés par", "tenue par",
    # "controlados por", "controlate dai", "controlados pelos", "dikuasai oleh".
    r"|contrôlée?s? par|tenue?s? par|controlad[oa]s? por|controlad[oa]s? pel[oa]s?"
    r"|controllat[oaie] (?:da|dai|dagli|dal|dalla|dalle|dall['’])|dikuasai oleh"
)
# Words of an attempt or a threat before a verb, as "trying" (`tracker.extraction_words.NEGATION`):
# the Arabic threat ("هددت الكتائب بتسليم X") of `tracker.extraction_words_arabic.THREAT`.
ATTEMPT_WORDS = arabic.THREAT
# Words of denial: "desmentiram a notícia da tomada" (denied the news of the capture), "nie".
# A fall ending in its taker ("est tombé aux mains de l'armée", "fiel an die Armee", "fiel in die
# Hände der Rebellen"), as "fell to": its subject is the side named after it.
FELL_TO_WORDS = r"aux mains d(?:e|es|u)|an|in die hände (?:der|des|von)"
# A negation right before a verb, as "not": "não tomou X", "n'a pas repris", "non ha preso", "hat
# nicht die Kontrolle über X", "не освободила", "tidak merebut", "gagal merebut" (Spanish "no" is
# English's).
NEGATION_WORDS = r"não|nunca|pas|jamais|non|nicht|keine?n?|не|tidak|belum|gagal"
# German modals before an infinitive, as "will", "could": "die Rebellen wollen X erobern".
NEGATION_WORDS += r"|wollen|wollte|wollten|möchten?|können|könnte|könnten|soll(?:en|te|ten)?"
# "not only took X", "не только освободила", "nicht nur", "não só": no negation of the verb.
ONLY_WORDS = r"only|just|merely|nur|solo|sólo|só|somente|seulement|только|hanya"
DENIAL_WORDS = (
    r"desm(?:ent|int|ient)\w+|neg(?:ou|aram|ó|aron)|dément\w*|démenti\w*|smentit\w*|опроверг\w*"
    rf"|{arabic.DENIAL_WORDS}"
)
# Words of an attack from afar, as ATTACK: rockets, missiles, mortars, air strikes ("colpito con
# razzi il quartiere X", "bombardamenti", "foguetes", "Raketen", "roket", "havan", "ракетами").
ATTACK_WORDS = (
    r"razz[io]|missil[ei]|mortai|bombarda\w*|foguetes?|morteiros?|raketen?|granaten?|roket|mortir"
    r"|serangan udara|havan\w*|bombala\w*|ракет\w*|миномё?е?т\w*"
)
# Words of a part, as PARTIAL: "một nửa diện tích" (half the area of), "la mitad de", "la moitié",
# "часть" (a part; "большую часть", the greater part, is a majority).
PARTIAL_WORDS = (
    r"một nửa|một phần|la mitad|la moitié|metà|metade|hälfte|половин[уаы]|parte di|частично"
    r"|(?<!большую )част[ьи]"
    # "один квартал в восточном Алеппо", "5 районов в": a district in a region, as "a district in".
    r"|(?:квартал|район)\w* в|% территории|\d+ (?:prozent|per cento|por cento|процент\w*)"
    # "60% du quartier", "el 60% de", "il 40% di", "70% dos bairros", "60 pour cent".
    r"|% (?:de|du|des|del|dei|della|delle|do|dos|das|di)|\d+ (?:pour cent|por ciento)"
    rf"|{arabic.PARTIAL_WORDS}"
    r"|posições|posiciones|posizioni|(?:un|una|une|uma|un['’]) ?(?:área|zona|zone|secteur|sector|area)"
    # Fractions and halves: "zwei Drittel des", "un tiers de", "dos tercios de", "due terzi di",
    # "die Hälfte von", "(la) metà di", "(a) metade de", "половину", "dois terços de", "две трети",
    # "треть", "sepertiga", "separuh", "setengah"; "60% Aleppo".
    r"|(?:zwei |ein )drittel|(?:deux |un )tiers|(?:dos |un )terci?os?|(?:due |un )terz[io]"
    r"|(?:dois |um )terços?|две трети|трет[ьи]|sepertiga|dua pertiga|separuh|setengah|\d+ ?% (?=\w)"
)
CYRILLIC = re.compile("[\u0400-\u04ff]")
# Landmarks, as "near", "the airport of": "около", "возле", "рядом с", "аэропорту ... в X".
# French, Spanish, Italian and Portuguese "near" and distances ("près de X", "cerca de X", "vicino
# a X", "perto de X", "à un kilomètre de X", "a 2 km de X", "a pochi chilometri da X"; "non loin
# de X", "no lejos de X": not far from).
LANDMARK_WORDS = (
    r"около|возле|вблизи|рядом с|аэропорт\w*|шоссе|près de|à proximité de|aux abords de"
    r"|cerca de|junto a|vicino (?:a|al|alla|allo|ai|agli|alle)|nei pressi (?:di|del|della|dei)"
    r"|perto de|próximo (?:a|de)|(?:non|pas|no|não) (?:loin|lejos|lontano|longe) d\w*"
    # A direction: "в направлении X", "в сторону X", "menuju X", "menuju timur laut ke X".
    r"|в направлении|по направлению к|в сторону|ke arah|menuju(?: \w+){0,2}? ke|menuju"
    r"|(?:km|kilomètres?|kilómetros?|chilometri|quil[ôó]metros?|mètres|metros|metri)\b[^.,;]{0,20}\b(?:de|da|di)"
)
# Participles of holding or siege that open an aside between commas ("X, controllato dai ribelli,
# è stato riconquistato", "X, controlado por los rebeldes, fue tomado": the later verb is X's).
ASIDE_PARTICIPLES = (
    r"controllat[oaie]|controlad[oa]s?|contrôlée?s?|tenue?s?|assediat[oaie]|sitiad[oa]s?"
    r"|assiégée?s?|bombardat[oaie]|bombardead[oa]s?|bombardée?s?"
)
# A holding said to be over ("das bisher von Rebellen gehaltene Viertel": held until now, as a
# verb of taking's object) claims nothing (`tracker.extraction_verbs`; a taking after them does).
FORMERLY_WORDS = r"bisher|zuvor|ehemals|прежде"
# A German article before a participle of siege makes it an adjective ("des belagerten Ostteils":
# of the besieged east), as English "the besieged" (`tracker.extraction_words.ARTICLE_BEFORE`).
ARTICLE_BEFORE = re.compile(r"\b(?:der|die|das|den|dem|des|im|vom|zum|am)\s+$", re.I)
# Words that open a new clause, as "while": "mentre", "enquanto", "während", "в то время как".
CLAUSE_WORDS = r"mentre|enquanto|während|в то время как|тогда как"
