"""Propose claims from an article's text, for an analyst to confirm, edit or drop.

The proposer is pure: it reads a text, its publication day and its source, with two indexes
(every spelling of every place, every name of every source), and returns proposals. Nothing is
saved; the document page shows the proposals and saves only what the analyst confirms. The
words it reads are listed in `tracker.extraction_words`. The rules, sentence by sentence:

1. **Places** are found by their names and aliases, as the importer matches them, then by
   transliteration (`tracker.extraction_places`, whose docstring states the steps: spellings on
   record and the proposer's own, skeletons, Russian romanised, names of people set aside,
   directions such as "the rebel-held east"). A region's name gives one proposal listing its
   districts. The city as a whole is claimed only as a verb's object ("retook Aleppo", "Aleppo was
   retaken"), never by an adjective, never after a preposition of place ("a base in Aleppo") and
   never when the sentence divides it between sides. The city or a half of it named as the province
   or its countryside ("southern Aleppo province", "rural Aleppo", "ريف حلب") is no place
   (`tracker.extraction_halves`). A region that holds another place the sentence names is its
   setting ("Bani Zaid in the eastern part of Aleppo") and is not claimed, as is a region written
   right after another place ("Bani Zaid district in the eastern part of Aleppo") or after a name
   not on the map and a comma or a facility ("a school in west Aleppo"), and a region some of whose
   parts are counted ("three Christian quarters of the Old City") or in the possessive before a name
   ("western Aleppo's Dahiyet al-Assad"). A place no verb reaches, inside a setting the sentence
   describes as held ("rebel-held east Aleppo's al-Marjah"), is held by that side. A place named as
   a part of another ("the Old City, which embraces the citadel"), as a landmark ("north of the
   citadel", "near X", "linking X to", "a road leading from X to Y", "barracks located between X
   and Y", "في محيط X", "طريق X") or as an origin or a home ("fighters from X":
   `tracker.extraction_incidental`) is not claimed, unless a relative clause of holding in the
   present follows it ("near X, which the regime holds": `tracker.extraction_clauses`).
   A name right after "Bab" (باب, a gate: "Bab al-Nayrab") is the gate, not the district, unless
   the whole is a spelling on record ("Bab al-Hadid"), and a transliteration after "the town
   (village) of" is a town's ("the town of Hailan" is not al-Helwaniyeh). Places of one enumeration
   ("Sakhur, Haydariya and Sheikh Khodr") share one verb, found for the list; one after words of a
   part ("and parts of Y") is contested (`tracker.extraction_lists`). A sentence naming no place but
   "the district" takes up the one the sentence before named (`tracker.extraction_anaphora`).
2. **What happened** (limits and last resorts in `tracker.extraction_verbs`) is the verb nearest the
   place (a "Kurdish neighbourhood" of people, "fled to areas held by": `tracker.extraction_nouns`),
   looking first before it (one three times as far after the place loses to one before it; fighting
   after "after" that follows the place, "سيطر الجيش على X بعد معارك", "took X after clashes",
   tells how the verb before was done and loses to it; fighting on a place named twice yields to a
   side's later verb on it: `tracker.extraction_later`); but a place followed by a relative
   clause, a participle's or an apposition between commas and a verb ("X, which rebels seized in
   2012, was recaptured by the army", "X, held by rebels since 2012, fell to the army") is that
   verb's subject. A verb means, for its subject: *takes* (captured, took control, seized,
   liberated, entered "unopposed", "pushed X out of (back in)", "drove (طرد) X from", fell to, "the
   fall of X to", restored security to ..., a headline's present "الجيش يحرر X", "يستعيد", "أعادت
   الأمن والاستقرار إلى X", "سقط X بيد"; "السيطرة بشكل كامل على": the subject holds after it, a
   `captured` claim); *loses* (lost, the loss of, withdrew from, pull out of, pullout ...: the other
   side holds, `lost`; but a place withdrawn to, "from X to Y", "to (nearby) Y", "into Y", "باتجاه
   ... Y", the subject holds, after the first "to" only: `tracker.extraction_routes`; a place lost
   "to" a side, that side, not "a blow to" one); *holds* (repelled, held off, "أحبط", "تصدى",
   "repelled an attempt by X to advance on", held, "positioned in", "patrol in" (not "a patrol
   in"), "government-held", "under rebel control" (not "under rebel fire":
   `tracker.extraction_fire`), "انطلاقاً من X": `held`); *fights* (fighting in, broke into,
   clashes, stormed, made progress in, entered, advanced in, battling for control of, changed
   hands, divided between sides, a stalemate (standoff) in X: `contested`); *besieges* (besieged, surrounded, the encirclement
   of, cut off: the other side holds it, `held`; a side besieged, "rebels in X are besieged", holds
   it; but a side that breaks the siege of a place holds it). The other side of the government is
   the rebels; of anyone else, the government, unless the sentence names the Kurds and no
   government side (`tracker.extraction_recipient`). Words of partial gains between the verb and
   the place ("several buildings in", "parts of", "the west of", "a district in", "40 percent of"),
   or just before a place the verb follows ("Parts of X were captured"), make the claim contested
   ("85 بالمئة من", "ثلث", "جزء من"); a majority ("most of", "large parts of", "جزء كبير", "ثلثي")
   does not, nor do they before an enumeration ("seized positions, including X": X whole). An
   adjective ("rebel-held", "the opposition neighbourhoods of", "the besieged", Arabic's "X المحاصر"
   after its noun) qualifies only the noun right after it, or a place it stands in apposition to
   ("X, one of the last rebel-held neighbourhoods"), whose predicate it is ("X is rebel-held", "X,
   which remains rebel-held") or that lies on it ("X on the government side of the city"); such a
   description of holding ("Salaheddin, a rebel stronghold") wins over a nearer verb, though a
   participle after a comma ("entered X, held by rebels") yields to fighting before X; but inside
   the direct object of a verb of taking or losing ("seized half of a rebel-held quarter of X"), or
   in apposition to that object ("captured X, a rebel stronghold"), it says who held it before, and
   the verb wins. A place taken up again by "it" after it ("stormed X and took it", "a rebel
   stronghold until the army took it", "وسيطر عليه") is the object of the verb "it" follows
   (`tracker.extraction_pronouns`). A verb after a negation, a modal or an attempt or hope ("did not
   take", "could retake", "hopes to take", "refused to leave", "fear the loss of", "denied (hit back
   at claims) that rebels took", "if the army takes"), or whose noun is the subject of a modal ("the
   capture (loss) of X would be a victory"), or stating the aim of an effort ("an offensive to
   retake X", "fighting to take X", "هجوماً لاستعادة X"), claims nothing (but a side that denies the
   other side's taking, or its own loss, holds the place: "Rebels denied that the army took X"; so
   does a side a loss would harm: "Losing X would be a blow to the rebels",
   `tracker.extraction_kept`); a siege to come ("will be under siege by the regime") still says
   who holds the place now, so only a denial voids it (Arabic لم, لن, لا only as words of their own,
   not before زال, "still"; فشلت "failed", تحاول "tries" a few words before the word holding the
   verb: "تحاول التقدم"). The verbs of French, Spanish, Portuguese, Italian, German, Romanian,
   Russian, Indonesian and Vietnamese are read too (`tracker.extraction_words_intl`), and Arabic
   forms that `tracker.extraction_words_arabic` states ("شن الثوار هجوماً على X" is fighting
   there). Idioms ("took advantage", "took place", "left dead", "taken a toll", "assault rifles",
   control of the situation, "el control de la situación",
   `tracker.extraction_idioms`; a verb whose object is no place: "held talks in X", "cleared X of
   mines"), a loss of people or contact ("فقد الثوار عشرات المقاتلين في X"), victims falling by a
   hand ("سقط عدد من الضحايا بيد"), life or breath regained ("يستعيد الأهالي حياتهم"), people freed
   ("الجيش يحرر المدنيين المحتجزين في X") and an attack by air or mortar ("attaqué par l'aviation")
   are not verbs of control, nor is "كل من" (each of) a majority, nor a capitalised verb inside a
   name ("the Operations Center for the Liberation of Aleppo"). A place no verb reaches is held by a
   side placed in it ("rebels in the east", "militants in al-Laramon", "قضت وحدات من الجيش على
   إرهابيين في حي X"), if any. A side right before a siege verb and "in" is the besieged one, and
   holds the place ("rebels encircled in the east"). In a sentence with no verb of control at all, a
   side that is the only one the sentence names holds the place ("rebels with rifles patrol the Bab
   al-Hadeed area"), unless the sentence tells of an attack from afar (shelling, mortar fire,
   strikes, a blast, destruction), of deaths, wounds, a demolition or people moving ("three rebels
   were killed in X", "the army pushed towards X": `tracker.extraction_incidental`). A side's
   positions in a place ("attacked the terrorist groups' positions (posts) in X"; "shelled their
   positions in X": the side the attacker fights) say that side holds it, over a nearer verb and
   whatever is planned against them ("preparing to strike the rebels' bases in X").
3. **Whose verb** (`tracker.extraction_subject`): a side named in "-held"/"-controlled" before the
   place, after "held by", "under the control of", "مناطق سيطرة" (the areas of its control), or
   between "in" and "hands" ("in rebel hands"), holds it. Otherwise the subject of a passive verb or
   a verb ending in "to" ("fell to", "handed over to") is the side after it; in Arabic (verb first)
   the side right after the verb, not past على in its object ("سيطرة الأكراد على X": the Kurds'
   taking; "سيطر على X الخاضع لسيطرة المعارضة": who held X before), and a verb with على and its
   object after it does not reach a place before it ("X، وسيطرة الأكراد على Y"); but a verbal noun
   with a possessive suffix ("أعلن الثوار صدهم هجوماً": their repelling), or a noun with its
   accusative tanween written ("تفرض قوات النظام طوقاً": a siege, the object of a verb before it),
   is the side's named before it; in English the side nearest before the verb (but a participle
   after "after", "while", "by" ... or a comma has the main clause's subject, the first side:
   "forces clashed with rebels after taking X"), else the first after it; failing all, for a verb of
   taking, the speaker's own side (a government outlet's "liberated" is the government's; its "still
   maintain control" is more often the enemy's, so no one's). A holding verb followed by a side
   after a conjunction and then the place gives the place to that side ("the rebels hold the east
   and the regime the west"; not "repelled rebels in X"). Sides joined as one subject ("the PYD and
   the FSA took") are led by the first named, but pair with places in order before "respectively"
   (`tracker.extraction_respectively`). "They" opening a sentence that names no side is the
   side the sentence before named first (not after "said"). A side in a new clause after the verb
   ("X was captured, while rebels hold Y") is not its subject, nor a side inside a parenthesis or
   between dashes ("Kurdish militants – in coordination with government forces – took"), nor a
   side's people after a word of degree ("the predominantly Kurdish district", "inhabited by Kurds",
   who live there). A verb with no side and no speaker's side proposes nothing, except fighting,
   which needs no side. Voice and attachment are stated by `tracker.extraction_subject`: the side
   a place was taken "from", a passive of driving out or besieging, an assault repulsed, a
   relative pronoun's antecedent, the object of "with", "against" or a verb done to a side.
4. **Who says so** (`tracker.extraction_speaker`): a source named beside a verb of speech, else
   the document's source. Two sides saying their own in clauses of their own ("The army said it
   took X, but rebels said they held it") are read apart, each in its side's voice (`_voices`).
5. **When** (`tracker.extraction_when`): a date written in the sentence ("11 December", "December
   11", "11 كانون الأول", with its year if written, "November 26 - 27" as two days); else a month
   with its year ("in July 2012") or after a preposition ("in July": the last July begun by then),
   "earlier this month", "two days ago", "at the weekend"; else a year before the publication's ("in
   2012", "during 2012", "by 2012": that whole year; "since mid-2012": from then to publication);
   else a weekday ("on Monday": the last Monday on or before publication; "منذ ليل السبت", since: to
   publication); else a relative phrase ("today", "yesterday", "overnight": the day before to the
   day; "over the past couple of weeks", "في اليومين الماضيين": that far back to the day); else the
   publication day, and the day before it when the sentence tells in the past perfect ("the army had
   liberated X"). A word of time inside a relative clause (", which rebels had held since 2012")
   dates only its verb; one in a coordinate clause (", and advanced into Y on Wednesday") its own.
6. **Numbers** make quantitative proposals: a count of districts ("five new districts", "35
   neighbourhoods") is `districts_taken` when a taking verb is in the sentence, else
   `districts_held`; a percentage is `share_held`; square kilometres are `area_held_km2`. The scope
   is the east when the sentence speaks of the east or of rebel-held areas, or counts districts the
   government took (what it took, the rebels held: the east); else the city. "less than"/"under"
   make an upper bound, "more than"/"at least" a lower one, "about"/"nearly" an approximate value;
   otherwise exact. The side is as in rule 3. A sentence's clauses ("X reported ..., while Y says
   ...") are read apart, each with its own speaker and days (`tracker.extraction_quantities`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from tracker import extraction_nouns as nouns
from tracker import extraction_subject as who
from tracker import extraction_verbs as verbs_rules
from tracker import extraction_words as words
from tracker.extraction_anaphora import taken_up
from tracker.extraction_clauses import circumstance_out, held_before, landmark_held, main_verb
from tracker.extraction_fire import no_holder_after
from tracker.extraction_halves import beyond_city
from tracker.extraction_incidental import landmark
from tracker.extraction_kept import denied_by, loss_foreseen
from tracker.extraction_later import later_stronger
from tracker.extraction_lists import part_item, place_lists
from tracker.extraction_patterns import quote_around, sentences_split, word_pattern
from tracker.extraction_places import (
    CITY_REGION,
    Indexes,
    Place,
    Span,
    Speaker,
    places_find,
    spans_overlap,
)
from tracker.extraction_presence import presence, sole_side
from tracker.extraction_pronouns import other_object, pronoun_object, pronoun_positions, they_sides
from tracker.extraction_recipient import kept_from, not_under, siege_broken, taken_over
from tracker.extraction_respectively import respective, respective_days
from tracker.extraction_settings import a_setting, located
from tracker.extraction_speaker import speaker_find
from tracker.extraction_third import third
from tracker.extraction_voices import voiced
from tracker.extraction_when import MONTH, clause_window, window_find

__all__ = ["CITY_REGION", "Indexes", "Place", "Proposal", "Span", "Speaker", "claims_propose"]
__all__ += ["sentences_split", "window_find"]

AFTER_WEIGHT = 3  # a verb after the place counts as this many times farther than one before

SIDE_PATTERNS = [(word_pattern(p), side) for p, side in words.SIDES]
VERB_PATTERNS = [(word_pattern(p), meaning) for p, meaning in words.VERBS]
MONTH_NAMES = word_pattern(MONTH)


@dataclass(frozen=True)
class Proposal:
    """A proposed district claim: the place as written, what it names, who holds, when."""

    place_text: str
    place: Place
    controller: str
    claim_type: str
    speaker: Speaker
    date_from: datetime.date
    date_to: datetime.date
    quote: str
    rule: str


def spans_find(patterns, sentence: str) -> list[Span]:
    """Matches of the first pattern that covers each stretch of the sentence, in order."""
    found: list[Span] = []
    for pattern, value in patterns:
        for match in pattern.finditer(sentence):
            if not any(s.start < match.end() and match.start() < s.end for s in found):
                found.append(Span(match.start(), match.end(), value, match.group()))
    return sorted(found, key=lambda s: s.start)


def _verbs_find(sentence: str, sides: list[Span]) -> list[Span]:
    """Rules 2 and 3: verbs with their meanings, and the sides that "-held" or "held by" fix."""
    found = spans_find(VERB_PATTERNS, sentence) + pronoun_positions(sentence, sides)
    verbs = [v for v in found if v.value != "none" and not verbs_rules.in_a_name(sentence, v)]
    for side in sides:
        suffix = words.HELD_SUFFIX.match(sentence, side.end) or words.SIDE_NOUN.match(
            sentence, side.end
        )
        if suffix:
            text = sentence[side.start : suffix.end()]
            verbs.append(Span(side.start, suffix.end(), "holds", text, side.value, adjective=True))
            verbs = [v for v in verbs if not spans_overlap(v, verbs[-1]) or v is verbs[-1]]
        elif (hands := nouns.in_hands(sentence, side)) is not None:
            verbs.append(hands)  # "X in rebel hands": the side holds X
        elif words.HELD_BY.search(
            sentence[max(0, side.start - 40) : side.start]
        ) and not no_holder_after(sentence, side.end):
            verbs.append(Span(side.start, side.end, "holds", side.text, side.value))
        positions = words.POSITIONS_AFTER.match(sentence, side.end)
        if positions or words.POSITIONS_BEFORE.search(
            sentence[max(0, side.start - 40) : side.start]
        ):
            end = positions.end() if positions else side.end
            verbs.append(Span(side.start, end, "holds", sentence[side.start : end], side.value))
    return sorted(verbs, key=lambda s: s.start)


def _nearest(place: Span, verbs: list[Span]) -> Span | None:
    def distance(verb: Span) -> int:
        if verb.end <= place.start:
            return place.start - verb.end
        if verb.start >= place.end:
            return (verb.start - place.end) * AFTER_WEIGHT
        return 0

    return min(verbs, key=distance, default=None)


def _claim_for(
    sentence, span, place, verbs, sides, speaker, places=()
) -> tuple[tuple[str, str], Span] | None:
    """Rules 2 and 3 for one place (or the first of a list): (controller, claim type), verb;
    `places` are the sentence's other places, which a pronoun after them would name."""
    if landmark(sentence, span.start, span.end):  # "north of the citadel": no claim, but ...
        return landmark_held(sentence, span, sides)  # "near X, which the regime holds": held
    reaching = [v for v in verbs if verbs_rules.reaches(sentence, v, span)]
    reaching = [v for v in reaching if not other_object(sentence, v, span, list(places))]
    reaching = nouns.with_nouns(sentence, verbs, circumstance_out(sentence, reaching, span), span)
    described = [
        v
        for v in reaching
        if v.value == "holds"
        and (
            words.APPOSITION.fullmatch(sentence[span.end : v.start])
            or (v.adjective and words.PREDICATE.fullmatch(sentence[span.end : v.start]))
        )
    ]
    positions = [
        v for v in reaching if v.side and words.POSITIONS_IN.fullmatch(sentence[v.end : span.start])
    ]
    main = main_verb(sentence, verbs, span)  # "X, which ..., fell to"
    verb = (described or positions or main or [_nearest(span, reaching)])[0]
    if described:  # "took X, a rebel stronghold", "X, a rebel stronghold, fell": held before
        verb = verbs_rules.taken_object(sentence, reaching, span) or next(iter(main), verb)
    if verb is not None and not described:
        changed = verbs_rules.changing(sentence, verb, verbs, span)
        verb = changed or verbs_rules.fought_over(sentence, verb, verbs, span) or verb
        verb = held_before(sentence, verb, verbs, span) or verb  # "left X they held"
    it = pronoun_object(sentence, verbs, span, list(places))  # "stormed X and took it"
    if it is not None and not verbs_rules.negated(sentence, it):
        verb = it
    if verb is None:
        return presence(sentence, span, place, sides) or (
            None if spans_find(VERB_PATTERNS, sentence) else sole_side(sentence, span, place, sides)
        )
    if verbs_rules.negated(sentence, verb) or who.repelled_attack(sentence, verb, sides) == "":
        if place.region == CITY_REGION:  # "failed to take X from the Kurds"; not the city
            return None
        return (
            kept_from(sentence, verb, span, sides)
            or not_under(sentence, verb, span, place, sides, speaker)
            or denied_by(sentence, verb, sides)
            or loss_foreseen(sentence, verb, span, sides)  # "Losing X would be a blow to rebels"
        )
    if place.region == CITY_REGION and not verbs_rules.city_object(sentence, span, verb):
        return None
    subject = who.subject_of(sentence, verb, sides, speaker, own=verb.value == "takes")
    between = [
        s
        for s in sides
        if verb.end <= s.start
        and words.SIDE_BEFORE_PLACE.fullmatch(sentence[s.end : span.start])
        and words.GAPPING_BEFORE.search(sentence[verb.end : s.start])
    ]
    if verb.value == "holds" and not verb.side and between:
        subject = between[-1].value  # "rebels hold the east and the regime the west"
    claim = (
        who.driven_out(sentence, verb, sides, span)
        or verbs_rules.destination(sentence, verb, span, subject, sides)
        or siege_broken(sentence, verb, subject, sides)
        or third(
            verbs_rules.meaning_claim(verb.value, subject), subject, sides, speaker, sentence, place
        )
    )
    besieged = [
        s
        for s in sides
        if verb.value == "besieges" and words.BESIEGED_IN.fullmatch(sentence[s.end : verb.start])
    ]
    if besieged and re.match(r"\s+(?:in|inside)\b", sentence[verb.end :]):
        claim = (besieged[-1].value, "held")  # "rebels encircled in eastern Aleppo"
    if claim and verbs_rules.partial_gain(sentence, verb, span, place):
        claim = ("contested", "contested")
    return (claim, verb) if claim else None


def _setting_held(
    sentence, place, places, verbs, sides, speaker
) -> tuple[tuple[str, str], Span] | None:
    """Rule 1's setting passes on its description: a place no verb reaches, inside a region
    the sentence describes as held ("rebel-held east Aleppo's al-Marjah", "the Furqan
    neighbourhood of the government-held side of west Aleppo"), is held by the same side."""
    for span, region in places:
        if region.region and region != place and set(place.districts) < set(region.districts):
            found = _claim_for(sentence, span, region, verbs, sides, speaker)
            if found and found[1].adjective and found[0][1] == "held":
                return found
    return None


def claims_propose(
    text: str, published: datetime.date, source: Speaker, indexes: Indexes
) -> list[Proposal]:
    """Return the district claims `text` makes (rules 1 to 5), one per place and holder."""
    proposals: list[Proposal] = []
    seen: set[tuple[str, str]] = set()
    prior: list[Span] = []  # "Rebels attacked. They took X": the sides "they" may be
    previous: list[tuple[Span, Place]] = []
    for written, sentence, voice in voiced(sentences_split(text), indexes):  # "فى": "في"
        all_sides, prior = they_sides(sentence, spans_find(SIDE_PATTERNS, sentence), prior)
        places = places_find(sentence, indexes, all_sides) or taken_up(sentence, previous)
        previous = places  # "Troops entered X. They now hold the district": X, taken up
        if not places:
            continue
        months = spans_find([(MONTH_NAMES, "")], sentence)
        places = [
            (s, p)
            for s, p in places
            if not any(spans_overlap(s, m) for m in months)
            and not words.GATE_BEFORE.search(sentence[max(0, s.start - 6) : s.start])
            and not beyond_city(sentence, s, p)
            and not words.CONTAINED_BEFORE.search(sentence[max(0, s.start - 60) : s.start])
        ]
        sides = [s for s in all_sides if not any(spans_overlap(s, p) for p, _ in places)]
        verbs = _verbs_find(sentence, all_sides)
        speaker = speaker_find(sentence, indexes, Speaker(source.name, voice or source.stance))
        spans = [s for s, _ in places]
        for group in place_lists(sentence, places):
            first, first_place = places[group[0]]
            if first_place.region == CITY_REGION or len(group) == 1:
                found = _claim_for(sentence, first, first_place, verbs, sides, speaker, spans)
            else:
                whole = Span(first.start, places[group[-1]][0].end, "", first.text)
                outside = [v for v in verbs if not whole.start < v.start < whole.end]  # ", which"
                found = _claim_for(sentence, whole, first_place, outside, sides, speaker, spans)
            if found is None:
                found = _setting_held(sentence, first_place, places, verbs, sides, speaker)
            if found is None:
                continue
            claim, verb = found
            date_from, date_to = clause_window(sentence, verb.start, published)
            others = [pair for j, pair in enumerate(places) if j not in group]  # not its own list
            for span, place in (places[i] for i in group):
                if a_setting(sentence, place, others) or located(sentence, span, place, places):
                    continue
                own = respective(sentence, span, spans, sides, verb, claim)
                days = respective_days(sentence, span, spans, published) or (date_from, date_to)
                item = ("contested",) * 2 if part_item(sentence, span) else own
                key = (place.label, item[0])
                if (place.region == CITY_REGION and len(group) > 1) or key in seen:
                    continue
                seen.add(key)
                proposals.append(
                    Proposal(
                        span.text,
                        place,
                        *item,
                        speaker,
                        *days,
                        quote_around(written, span),
                        f"{verb.value}: “{verb.text}”",
                    )
                )
    return later_stronger(taken_over(proposals))
