"""Rules from running the proposer on one- and two-sentence English quotes of 2012 to 2015 (wire
stories, a monitor's daily reports, a think tank's updates), each in sentences of our own, with
guards where a rule could over-reach."""

from functools import partial

from tests.tracker.test_extraction_rules import HANANO, SHEIKH_SAEED, propose
from tracker.extraction import Indexes
from tracker.extraction_places import Place


def _place(slug):
    return Place(slug, (slug,))


ANSARI, SUKKARI = _place("al-ansari"), _place("as-sukkari")
SALAH, ASHRAFIYEH = _place("salah-ad-deen"), _place("al-ashrafiyeh")
SAKHOUR, NILE, ABU_BAKR = _place("as-sakhour"), _place("nile-street"), _place("sheikh-abu-bakr")
BUSTAN_QASR, KALLASEH = _place("bustan-al-qaser"), _place("al-kallaseh")
INDEXES = Indexes.build(
    [
        ("Ansari", ANSARI),
        ("Sukkari", SUKKARI),
        ("Salah al-Din", SALAH),
        ("Ashrafiyeh", ASHRAFIYEH),
        ("Sakhour", SAKHOUR),
        ("Nile Street", NILE),
        ("Sheikh Abu Bakr", ABU_BAKR),
        ("Bustan al-Qasr", BUSTAN_QASR),
        ("Kallaseh", KALLASEH),
        ("Sheikh Saeed", SHEIKH_SAEED),
        ("Hanano", HANANO),
    ],
    [],
)
propose_e = partial(propose, indexes=INDEXES)


def test_a_name_after_an_article_written_with_a_space_goes_on_as_a_groups_name():
    text = "Fighters of the Ansar al- Din Front clashed with troops in Salah al- Din."
    assert propose_e(text) == [("salah-ad-deen", "contested", "contested")]
    text = "Men of the Soqor al- Jabal Brigade clashed with troops near the orphanage."
    assert propose_e(text) == []
    # A place's own name written the same way is still the place.
    text = "Clashes broke out in Ansari and in Salah al- Din on Monday."
    assert propose_e(text) == [
        ("al-ansari", "contested", "contested"),
        ("salah-ad-deen", "contested", "contested"),
    ]


def test_a_quoted_sides_man_speaks_for_his_side():
    text = '"We have just taken Sheikh Saeed," a rebel commander told reporters.'
    assert propose_e(text) == [("sheikh-saeed", "rebels", "captured")]
    text = '"We have recaptured Hanano," said an army officer.'
    assert propose_e(text) == [("hanano", "government", "captured")]
    # A resident speaks for no side; a side named with the verb is still the verb's.
    assert propose_e('"We have just taken Sheikh Saeed," a resident said.') == []
    text = "The army took Hanano on Sunday, a rebel commander said."
    assert propose_e(text) == [("hanano", "government", "captured")]


def test_a_peoples_adjective_of_places_yields_to_a_verb_of_control():
    text = "Rebels entered the Kurdish district of Ashrafiyeh overnight."
    assert propose_e(text) == [("al-ashrafiyeh", "contested", "contested")]
    text = "Government troops captured the Kurdish neighbourhood of Ashrafiyeh."
    assert propose_e(text) == [("al-ashrafiyeh", "government", "captured")]
    # With no other verb it still says who is there, and a holding written out stays.
    text = "The Kurdish district of Ashrafiyeh sits on a hill."
    assert propose_e(text) == [("al-ashrafiyeh", "kurdish_ypg", "held")]
    text = "Rebels entered the Kurdish-held district of Ashrafiyeh."
    assert ("al-ashrafiyeh", "kurdish_ypg", "held") in propose_e(text)


def test_a_holding_of_a_noun_of_places_after_a_preposition_is_that_nouns():
    text = "Families from Bustan al-Qasr and Kallaseh fled to areas controlled by the army."
    assert propose_e(text) == []
    text = "Residents of Sakhour escaped towards neighbourhoods held by government forces."
    assert propose_e(text) == []
    text = 'Residents of Sakhour were leaving for "districts controlled by the army," it said.'
    assert propose_e(text) == []
    # In apposition, or after "other", the noun is the place's.
    text = "Bustan al-Qasr and Kallaseh, areas controlled by the rebels, were shelled."
    assert propose_e(text) == [
        ("bustan-al-qaser", "rebels", "held"),
        ("al-kallaseh", "rebels", "held"),
    ]
    text = "Shells hit Sakhour and other areas controlled by the rebels."
    assert propose_e(text) == [("as-sakhour", "rebels", "held")]


def test_fighting_a_relative_clause_tells_of_another_noun_leaves_the_place_to_the_main_verb():
    text = (
        "Opposition fighters have taken several areas that have seen weeks of clashes, "
        "including the neighbourhoods of Salah al-Din and Sukkari."
    )
    assert propose_e(text) == [
        ("salah-ad-deen", "rebels", "captured"),
        ("as-sukkari", "rebels", "captured"),
    ]
    text = (
        "Ashrafiyeh overlooks the road to the centre, which has been the scene of fierce fighting."
    )
    assert propose_e(text) == []
    # The place as the antecedent is fought over.
    text = "Salah al-Din, which has seen fierce clashes for weeks, lies in the southwest."
    assert propose_e(text) == [("salah-ad-deen", "contested", "contested")]


def test_a_sides_areas_in_an_enumeration_qualify_every_place_named():
    text = (
        "Mortar rounds hit the government-held areas in al- Mogambo, Nile Street and the "
        "neighbourhood of Sheikh Abu Bakr."
    )
    assert propose_e(text) == [
        ("nile-street", "government", "held"),
        ("sheikh-abu-bakr", "government", "held"),
    ]
    # Not a place past the clause, with its own verb.
    text = "Rebels shelled government-held areas and then stormed Sakhour."
    assert propose_e(text) == [("as-sakhour", "contested", "contested")]


def test_an_attempt_driven_back_leaves_the_place_to_the_defender():
    text = "About a hundred soldiers tried to enter Salah al-Din but were pushed back."
    assert propose_e(text) == [("salah-ad-deen", "rebels", "held")]
    text = "Rebels attempted to storm Ashrafiyeh, but were repelled by Kurdish fighters."
    assert propose_e(text) == [("al-ashrafiyeh", "kurdish_ypg", "held")]
    # An attempt that is not driven back still claims nothing.
    assert propose_e("Troops tried to storm Sakhour and fighting went on all night.") == []


def test_a_capitalised_verb_after_a_dateline_opens_the_sentence():
    text = "BEIRUT (AP) – Clashes flared up on Tuesday in Salah al-Din."
    assert propose_e(text) == [("salah-ad-deen", "contested", "contested")]
    text = "Aleppo Province: Clashes took place in Sakhour after midnight."
    assert propose_e(text) == [("as-sakhour", "contested", "contested")]
    # Inside a name that is not a dateline, a capitalised verb is still the name's.
    assert propose_e("The Operations Room for the Liberation of Sakhour met on Monday.") == []


def test_a_side_labelling_a_medium_or_its_people_holds_nothing():
    text = "Sakhour is a gateway to the centre, an editor of a pro-opposition news site said."
    assert propose_e(text) == []
    assert propose_e("Sakhour was quiet on Friday, opposition activists said.") == []
    # A side's fighters still hold where they patrol.
    text = "Rebels with rifles patrol the streets of Sakhour."
    assert propose_e(text) == [("as-sakhour", "rebels", "held")]


HELWANIYEH, NEW_ALEPPO = _place("al-helwaniyeh"), _place("new-aleppo")
TOWNS = Indexes.build(
    [("Helwaniyeh", HELWANIYEH), ("New Aleppo", NEW_ALEPPO), ("Hanano", HANANO)], []
)
propose_t = partial(propose, indexes=TOWNS)


def test_a_transliteration_after_the_town_of_is_a_towns_name_not_a_district():
    assert propose_t("State media said troops had taken the town of Hailan by the prison.") == []
    assert propose_t("Rebels seized two villages of Hilwan province on Monday.") == []
    # The district itself, or a name on record after "town of", is still the place.
    assert propose_t("Troops captured Helwaniyeh on Monday.") == [
        ("al-helwaniyeh", "government", "captured")
    ]


def test_a_facility_located_between_two_places_names_them_as_landmarks():
    text = "Clashes raged at the barracks located between Hanano and New Aleppo on Monday."
    assert propose_t(text) == []
    # Fighting in the places themselves is still theirs.
    assert propose_t("Clashes raged in Hanano and New Aleppo on Monday.") == [
        ("hanano", "contested", "contested"),
        ("new-aleppo", "contested", "contested"),
    ]


SULEIMAN = _place("suleiman-al-halabi")
ARTICLES = Indexes.build([("Suleiman al-Halabi", SULEIMAN), ("Sakhour", SAKHOUR)], [])


def test_the_article_written_a_hyphen_before_a_name_is_read_as_al():
    text = "Rebels said they had taken the neighbourhood of Suleiman a-Halabi."
    assert propose(text, indexes=ARTICLES) == [("suleiman-al-halabi", "rebels", "captured")]
    # An English "a" stands apart from the name, with no hyphen.
    assert propose("Rebels seized a Sakhour checkpoint.", indexes=ARTICLES) == [
        ("as-sakhour", "rebels", "captured")
    ]


def test_an_appositive_description_is_its_own_nouns_not_a_place_before_it():
    text = "Aid reached Hanano on Monday and then Maysar, a rebel stronghold."
    assert propose_e(text) == []
    text = "Aid reached Hanano on Monday and then Sakhour, a rebel stronghold."
    assert propose_e(text) == [("as-sakhour", "rebels", "held")]
    # The place's own appositive, after its noun of places, is still the place's.
    text = "Troops shelled the Sakhour district, one of the last rebel-held districts."
    assert propose_e(text) == [("as-sakhour", "rebels", "held")]


ZAHRA, JADIDA = _place("az-zahra"), _place("new-aleppo")
SOCIETIES = Indexes.build([("al-Zahra", ZAHRA), ("Halab al-Jadida", JADIDA)], [])


def test_a_housing_societys_word_a_doubled_final_vowel_and_ah_fold_to_a_spelling_on_record():
    text = "Clashes went on in the neighbourhood of Jam'iyyat al- Zahraa after midnight."
    assert propose(text, indexes=SOCIETIES) == [("az-zahra", "contested", "contested")]
    text = "Rebels attacked Jamia al-Zahra on Thursday."
    assert propose(text, indexes=SOCIETIES) == [("az-zahra", "contested", "contested")]
    text = "Shells fell on the regime-held neighbourhood of Halab al- Jadidah."
    assert propose(text, indexes=SOCIETIES) == [("new-aleppo", "government", "held")]
    # A fold that makes no spelling on record leaves the name alone: no place.
    assert propose("Clashes went on in Jam'iyyat al-Nour.", indexes=SOCIETIES) == []
