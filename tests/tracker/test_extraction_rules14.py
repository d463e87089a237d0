"""The claim proposer's rules written from whole German, French, Spanish, Italian, Russian and
Turkish articles: a holding said to be over yields to the taking around it, and an adjective of
siege to the clause's verb (`tracker.extraction_clauses`); German puts the verb of taking far after
"die Kontrolle über" (`tracker.extraction_words_intl`) and writes y as j ("-ija":
`tracker.extraction_readings`); Turkish "near" follows its noun (`tracker.extraction_incidental`
with `tracker.extraction_words_turkish`); German weekdays joined to a time of day and Turkish
weekdays date a deed (`tracker.extraction_words_time`); Spanish "se ha hecho con el control de"
takes (`tracker.extraction_words_intl`); a side's goal is no place it holds
(`tracker.extraction_presence`); a holding after a noun of areas is that noun's
(`tracker.extraction_verbs`); flight in the other languages is no holding
(`tracker.extraction_incidental`); Turkish "kontrol altına aldı", "geri aldı" take and "cihatçılar"
are rebels (`tracker.extraction_words_turkish`), whose "Askeri" is no place
(`tracker.extraction_places`); a sentence ends at a full stop with no space after any Latin or
Cyrillic letters (`tracker.extraction_patterns`); a night between two weekdays dates a deed
from the first to the second (`tracker.extraction_nights`), and a verb in a relative clause with no
word of time of its own is the publication's (`tracker.extraction_when`). One scenario each, in sentences of our own, with
their guards."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import OUTLET, SPELLED, propose
from tracker.extraction import Indexes, Place, claims_propose
from tracker.extraction_patterns import sentences_split

HAYDARIYEH = Place("al-haydariyeh", ("al-haydariyeh",))
INDEXES = Indexes.build([*SPELLED, ("al-Haydariyeh", HAYDARIYEH)], [])
propose14 = partial(propose, indexes=INDEXES)
PUBLISHED = date(2016, 12, 6)  # a Tuesday


def _days(text):
    (proposal,) = claims_propose(text, PUBLISHED, OUTLET, INDEXES)
    return proposal.date_from, proposal.date_to


def test_a_holding_said_to_be_over_yields_to_the_taking_around_it():
    text = "Die Regierungstruppen haben die Kontrolle über das bisher von Rebellen gehaltene Viertel Hanano erlangt."
    assert propose14(text) == [("hanano", "government", "captured")]
    # Guards: with no taking, a holding said to be over still claims nothing; a loss is no taking.
    assert propose14("Das bisher von Rebellen gehaltene Viertel Hanano liegt in Trümmern.") == []
    text = "Buses left with the last families from former rebel strongholds in Hanano."
    assert propose14(text) == []


def test_german_control_taken_with_the_verb_far_after_its_place():
    text = (
        "Die Armee hat die Kontrolle über das im Nordosten der Stadt gelegene und strategisch "
        "wichtige Viertel Hanano errungen."
    )
    assert propose14(text) == [("hanano", "government", "captured")]
    # Guard: a verb of taking past the clause's comma is not this phrase's.
    text = "Die Armee verlor die Kontrolle über Hanano, die Rebellen haben das Gebiet erlangt."
    assert ("hanano", "government", "captured") not in propose14(text)


def test_an_adjective_of_siege_yields_to_the_verb_of_its_clause():
    text = "Die Aufständischen haben die Hälfte des belagerten Ostteils verloren."
    assert propose14(text) == [("east-aleppo", "contested", "contested")]
    text = "Rebels clashed with troops in the besieged Hanano district."
    assert propose14(text) == [("hanano", "contested", "contested")]
    # Guards: alone, the adjective still says the besieger's enemy holds the place; the noun "the
    # siege of" is no adjective.
    assert propose14("The army tightened the noose around the besieged Hanano district.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose14("Rebels launched a battle to break the siege of East Aleppo.") == [
        ("east-aleppo", "rebels", "held")
    ]


def test_a_german_j_before_a_last_vowel_is_y():
    assert propose14("Die Armee hat das Viertel Haidarija erobert.") == [
        ("al-haydariyeh", "government", "captured")
    ]
    # Guard: a Spanish j is still kh ("Sheij Said").
    assert propose14("El ejército tomó el barrio de Sheij Saeed.") == [
        ("sheikh-saeed", "government", "captured")
    ]


def test_turkish_near_after_its_noun_makes_it_a_landmark():
    text = "Hanano askeri kışlası yakınındaki Şeyh Said mahallesinde çatışmalar sürüyor."
    assert propose14(text) == [("sheikh-saeed", "contested", "contested")]
    # Guard: a district with no "near" after it is the place of fighting.
    text = "Hanano mahallesinde çatışmalar sürüyor."
    assert propose14(text) == [("hanano", "contested", "contested")]


def test_a_german_weekday_joined_to_a_time_of_day_dates_the_deed():
    assert _days("Die Armee hat am Sonntagabend das Viertel Hanano erobert.") == (
        date(2016, 12, 4),
        date(2016, 12, 4),
    )


def test_turkish_weekdays_date_the_deed():
    assert _days("Muhalifler pazartesi günü Hanano'yu ele geçirdi.") == (
        date(2016, 12, 5),
        date(2016, 12, 5),
    )
    assert _days("Muhalifler pazar günü Hanano'yu ele geçirdi.") == (
        date(2016, 12, 4),
        date(2016, 12, 4),
    )
    # Guard: "pazar" alone is a market, no day.
    assert _days("Muhalifler Hanano'daki pazar yerini ele geçirdi.") == (PUBLISHED, PUBLISHED)


def test_spanish_control_made_ones_own_is_a_taking():
    text = "Las tropas sirias se han hecho con el control del barrio de Hanano."
    assert propose14(text) == [("hanano", "government", "captured")]
    assert propose14("Los rebeldes se hicieron con el control de Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]
    # Guard: control kept is a holding.
    assert propose14("El ejército mantiene el control de Hanano.") == [
        ("hanano", "government", "held")
    ]


def test_a_place_named_as_a_sides_goal_is_not_held_by_it():
    assert propose14("The next target of the rebels is Sheikh Saeed.") == []
    assert propose14("El próximo objetivo de las tropas gubernamentales es Hanano.") == []
    # Guard: a sentence about one side in a place, with no goal, still places it there.
    assert propose14("Rebels with rifles patrol Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "held")
    ]


def test_a_holding_after_a_noun_of_areas_describes_that_noun():
    assert propose14("The fall of Hanano split the zone held by the rebels in two.") == []
    assert propose14("La caduta di Hanano ha diviso la zona in mano ai ribelli.") == []
    # Guard: a place in the same enumeration as the areas is held with them.
    text = "Rebels defend Hanano and the other areas held by the opposition."
    assert ("hanano", "rebels", "held") in propose14(text)


def test_flight_in_other_languages_is_no_holding():
    assert propose14("Miles de civiles huyeron de Hanano hacia otros barrios rebeldes.") == []
    assert propose14("Des centaines de civils ont fui Hanano vers les quartiers rebelles.") == []
    # Guard: the one side named in a place with no move holds it.
    assert propose14("Los rebeldes dominan Hanano.") == [("hanano", "rebels", "held")]


def test_turkish_control_taken_under_and_taken_back_are_takings():
    assert propose14("Ordu güçleri Hanano mahallesini kontrol altına aldı.") == [
        ("hanano", "government", "captured")
    ]
    assert propose14("Cihatçılar Şeyh Said mahallesini geri aldı.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]
    # Guards: a failure and an aim say nothing of control.
    assert propose14("Suriye ordusu Hanano mahallesini kontrol altına alamadı.") == []
    text = "Muhalifler Hanano mahallesini geri almak için hazırlanıyor."
    assert propose14(text) == []


def test_a_turkish_common_word_at_a_sentences_start_is_no_place():
    sukkari = Place("as-sukkari", ("as-sukkari",))
    indexes = Indexes.build([*SPELLED, ("as-Sukkari", sukkari)], [])
    text = "Askeri kaynaklara göre muhalifler Hanano mahallesini kontrol ediyor."
    assert propose(text, indexes=indexes) == [("hanano", "rebels", "held")]
    # Guard: the district's own name is still read.
    text = "Muhalifler Sukkari mahallesini ele geçirdi."
    assert propose(text, indexes=indexes) == [("as-sukkari", "rebels", "captured")]


def test_a_sentence_ends_at_a_full_stop_with_no_space_in_any_latin_letters():
    text = "Muhalifler Hanano'dan çekildi.Ordu güçleri Şeyh Said'i kontrol ediyor."
    assert propose14(text) == [
        ("hanano", "government", "lost"),
        ("sheikh-saeed", "government", "held"),
    ]
    # Guard: an abbreviation with a capital before its full stop ends nothing ("Dr.Ahmed").
    assert len(sentences_split("Dr.Ahmed said rebels hold Hanano.")) == 1


def test_a_night_between_two_weekdays_dates_the_deed_from_the_first_to_the_second():
    night = (date(2016, 12, 2), date(2016, 12, 3))  # Friday into Saturday
    text = "L'armée a repris dans la nuit de vendredi à samedi le quartier de Hanano."
    assert _days(text) == night
    assert _days("Die Armee hat in der Nacht zum Samstag das Viertel Hanano erobert.") == night
    assert _days("Армия в ночь на субботу освободила квартал Ханано.") == night
    # Guard: a weekday alone is that day.
    assert _days("L'armée a repris vendredi le quartier de Hanano.") == (
        date(2016, 12, 2),
        date(2016, 12, 2),
    )


def test_a_verb_in_a_relative_clause_with_no_word_of_time_is_the_publications():
    text = "Les groupes rebelles, qui contrôlent Hanano, ont lancé le 28 novembre une offensive."
    assert _days(text) == (PUBLISHED, PUBLISHED)
    text = "Rebel groups, which control Hanano, launched an offensive on November 28."
    assert _days(text) == (PUBLISHED, PUBLISHED)
    # Guard: a word of time inside the clause dates its verb.
    text = "Rebel groups, which have controlled Hanano since 2012, launched an offensive."
    assert _days(text) == (date(2012, 1, 1), PUBLISHED)
