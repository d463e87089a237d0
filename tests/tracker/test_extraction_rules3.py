"""The claim proposer's rules of the third round (tracker/extraction.py and its word lists):
one scenario each, written from a development-set construction or made up, on a small
gazetteer of their own."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import BUSTAN, HANANO, OUTLET, SHEIKH_SAEED, SPELLED
from tests.tracker.test_extraction_rules import propose as rules_propose
from tracker.extraction import Indexes, Place, Speaker, claims_propose

MIDAN = Place("midan", ("midan",))
SHAAR = Place("ash-shaar", ("ash-shaar",))
SOUQ = Place("souq", ("souq",))
WEST = Place("west-aleppo", ("midan", "souq"), "west-aleppo")  # two districts, one named
ARABIC = [
    ("هنانو", HANANO),
    ("الشيخ سعيد", SHEIKH_SAEED),
    ("بستان الباشا", BUSTAN),
    ("السوق", SOUQ),
]
INDEXES = Indexes.build(
    [*SPELLED, ("West Aleppo", WEST), ("Midan", MIDAN), ("al-Shaar", SHAAR), *ARABIC], []
)


propose = partial(rules_propose, indexes=INDEXES)


def test_the_area_between_two_places_is_neither_of_them():
    assert propose("Clashes are taking place in the area between Hanano and Sheikh Saeed.") == []
    assert propose("Clashes are taking place in Hanano.") == [("hanano", "contested", "contested")]


def test_a_place_west_of_or_near_another_in_arabic_is_a_landmark():
    assert propose("وتخضع نقاط أخرى لسيطرة المعارضة، إلى الغرب من حي هنانو") == []
    assert propose("وتخضع نقاط أخرى قرب حي هنانو لسيطرة المعارضة") == []
    assert propose("ويخضع حي هنانو لسيطرة المعارضة") == [("hanano", "rebels", "held")]


def test_a_quarter_of_the_compass_is_not_a_half_of_the_city():
    text = "Fighting raged in Hanano, on the south-west side of the city."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Fighting raged in Hanano, on the west side of the city."
    assert ("west-aleppo", "contested", "contested") in propose(text)


def test_a_verb_does_not_reach_a_place_across_the_start_of_a_new_clause():
    text = "Rebels withdrew from Hanano, amid confusion in the Old City."
    assert propose(text) == [("hanano", "government", "lost")]
    text = "Rebels withdrew from Hanano and the Old City."
    assert ("old-city", "government", "lost") in propose(text)


def test_a_verb_does_not_reach_the_target_of_an_attack_from_afar():
    text = "The rebels, who were entrenched in Hanano, fired rockets on Midan neighbourhood."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "The rebels, who were entrenched in Hanano and Midan, rested."
    assert ("midan", "rebels", "held") in propose(text)


def test_a_guessed_place_before_a_name_after_its_article_is_part_of_that_name():
    text = "Fatah Halab and Sheikh Saed as-Sharia said they are in full control of the complex."
    assert propose(text) == []
    text = "Rebels are in full control of Sheikh Saed."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]


def test_an_opening_ing_verb_that_a_modal_follows_is_hypothetical():
    # No loss is claimed; the side the loss would harm holds the place now (rules20).
    assert propose("Losing Hanano would be disastrous for the rebels.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Losing Hanano, the rebels fell back.") == [("hanano", "government", "lost")]


def test_a_participle_after_a_comma_describes_the_noun_right_before_it():
    text = "Rebels moved from Hanano towards the Midan district, controlled by the army."
    assert propose(text) == [("midan", "government", "held")]
    text = "Rebels moved from Hanano towards the Midan district, held by the army."
    assert propose(text) == [("midan", "government", "held")]


def test_a_preposition_the_spelling_took_for_an_article_keeps_the_city_a_setting():
    assert propose("Un raid su località controllate dai ribelli ad Aleppo.") == []
    assert propose("Rebels control Aleppo.") == [("aleppo-city", "rebels", "held")]


def test_advancing_inside_a_place_is_fighting_there_and_seizing_control_is_taking_it():
    text = "The army is quickly advancing inside Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "The army seized control of Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_participle_after_the_object_of_a_taking_verb_yields_to_that_verb():
    text = "Government forces recaptured all the areas of Hanano taken by rebels last month."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("Hanano was taken by rebels.") == [("hanano", "rebels", "captured")]
    text = "The army captured all the areas of Hanano."  # all of it: control, not a part
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_place_described_as_held_that_is_handed_over_goes_to_the_side_it_went_to():
    text = "The adjacent SDF-held areas, Hanano and Midan, were handed over to regime forces."
    assert propose(text) == [
        ("hanano", "government", "captured"),
        ("midan", "government", "captured"),
    ]
    text = "The adjacent SDF-held areas, Hanano and Midan, were calm."
    assert propose(text) == [("hanano", "kurdish_ypg", "held"), ("midan", "kurdish_ypg", "held")]


def test_a_sentence_in_the_past_perfect_opens_its_window_the_day_before_publication():
    published = date(2016, 12, 7)
    (had,) = claims_propose("The army had liberated Hanano.", published, OUTLET, INDEXES)
    assert (had.date_from, had.date_to) == (date(2016, 12, 6), published)
    (now,) = claims_propose("The army liberated Hanano.", published, OUTLET, INDEXES)
    assert (now.date_from, now.date_to) == (published, published)


def test_words_of_a_part_in_other_languages_make_the_claim_contested():
    text = "quân đội Syria đánh chiếm một nửa diện tích quận Hanano"
    assert propose(text) == [("hanano", "contested", "contested")]
    assert propose("quân đội Syria đánh chiếm quận Hanano") == [
        ("hanano", "government", "captured")
    ]


def test_a_denial_in_other_languages_voids_the_verb():
    text = "O governo desmentiu a notícia da tomada de Hanano pelos rebeldes."
    # The taking is void; the side denying it holds the place, as in English (rules20).
    assert propose(text) == [("hanano", "government", "held")]
    text = "O governo confirmou a notícia da tomada de Hanano pelos rebeldes."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_a_spelling_beginning_with_an_article_beside_a_name_is_a_persons_name():
    assert propose("Minister Mohammad al-Shaar said the army holds it.") == []
    assert propose("The army holds al-Shaar.") == [("ash-shaar", "government", "held")]


def test_a_spelling_followed_by_a_name_after_its_article_is_part_of_a_longer_name():
    text = "The army seized control of the Hanano Al-Fukani and Midan districts."
    assert propose(text) == [("midan", "government", "captured")]
    text = "The army seized control of the Hanano and Midan districts."
    assert propose(text)[0] == ("hanano", "government", "captured")


def test_a_capitalised_noun_of_places_beside_a_guessed_name_does_not_make_it_a_persons():
    text = "Pro-regime forces seized the Hanano and Sheikh Saed Districts."
    assert ("sheikh-saeed", "government", "captured") in propose(text)
    assert propose("Pro-regime forces seized Sheikh Saed Mansour.") == []


def test_a_half_named_with_the_centre_beside_it_is_that_half():
    text = "Rebels control most of eastern and central Aleppo."
    assert propose(text) == [("east-aleppo", "rebels", "held")]


def test_once_a_half_of_the_city_is_named_the_other_part_named_alone_is_the_other_half():
    text = "The western part of the city is under government control, while the rebels seized the eastern part."
    assert ("east-aleppo", "rebels", "captured") in propose(text)
    assert propose("The rebels seized the eastern part.") == []


def test_a_region_in_the_same_arabic_enumeration_as_a_place_is_no_setting_of_it():
    text = "ما يشكل خطرا على حي السوق والاحياء الغربية الاخرى الواقعة تحت سيطرة النظام"
    assert propose(text) == [("souq", "government", "held"), ("west-aleppo", "government", "held")]
    text = "ما يشكل خطرا على حي السوق في الاحياء الغربية الواقعة تحت سيطرة النظام"
    assert ("west-aleppo", "government", "held") not in propose(text)


def test_only_a_verb_of_taking_falls_back_on_the_speakers_own_side():
    outlet = Speaker("State outlet", "government")

    def said(text):
        found = claims_propose(text, date(2016, 12, 6), outlet, INDEXES)
        return [(p.place.label, p.controller, p.claim_type) for p in found]

    assert said("still maintain control over Hanano and Midan.") == []
    assert said("liberated Hanano.") == [("hanano", "government", "captured")]
    assert said("Earlier, control was established over Hanano.") == [
        ("hanano", "government", "captured")
    ]
