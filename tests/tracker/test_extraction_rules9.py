"""The claim proposer's rules written from whole articles of 2012 to mid-2016 (the first push
into the city, the stalemate, the Castello road), in sentences of our own: one scenario each, on
the shared small gazetteer."""

from tests.tracker.test_extraction_rules import propose
from tracker.extraction import sentences_split


def test_a_quotation_ending_a_sentence_ends_it_before_the_next_one():
    text = 'A commander said "the battle goes on." The Hanano district is quiet.'
    assert sentences_split(text) == [
        'A commander said "the battle goes on."',
        "The Hanano district is quiet.",
    ]
    assert propose(text) == []
    # an abbreviation inside a quotation still does not end it
    assert len(sentences_split('He said "we met Maj. Gen. Hassan." Then he left.')) == 2


def test_a_side_withdrawing_to_a_place_holds_it_though_a_side_is_named_after():
    text = "The army pulled back to Hanano after the rebels seized the hills outside it."
    assert propose(text)[0] == ("hanano", "government", "held")
    text = "The fighters withdrew to (nearby) Sheikh Saeed to regroup."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]


def test_a_guard_a_side_losing_a_place_to_another_still_gives_it_to_that_side():
    assert propose("The militants lost Hanano to the army.") == [
        ("hanano", "government", "captured")
    ]


def test_a_place_a_distance_away_from_is_a_landmark():
    text = "A checkpoint still in rebel hands stood 2 km (about a mile) away from Hanano."
    assert propose(text) == []
    text = "Rebels set up a base 500 metres from Sheikh Saeed, which the army holds."
    assert ("sheikh-saeed", "rebels", "held") not in propose(text)


def test_idioms_of_weapons_tolls_and_surroundings_are_no_verbs():
    text = "Rebels carrying assault rifles walked through the streets of Hanano."
    assert ("hanano", "contested", "contested") not in propose(text)
    assert propose("Years of war have taken a heavy toll on the Old City.") == []
    text = "The army withdrew to Hanano after the rebels took its surrounding areas."
    assert propose(text) == [("hanano", "government", "held")]


def test_battled_is_a_verb_of_fighting():
    text = "Rebels battled government troops for a second day in Sheikh Saeed on Monday."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]


def test_a_blast_is_an_attack_from_afar_and_places_no_side():
    assert propose("A rebel tunnel blast shakes Hanano") == []
    assert propose("A rebel explosion hit Sheikh Saeed overnight.") == []
    text = (
        "The regime and its opponents traded blame for the destruction of a mosque in the Old City."
    )
    assert propose(text) == []
    # guard: a side alone in a place with no attack still holds it
    assert propose("Rebel patrols walk the streets of Hanano") == [("hanano", "rebels", "held")]


def test_a_side_positioned_in_a_place_holds_it():
    text = "Rebels shelled army units positioned in Hanano with home-made rockets."
    assert propose(text) == [("hanano", "government", "held")]
    text = "Snipers of the regime deployed at Sheikh Saeed fired on the crossing."
    assert propose(text) == [("sheikh-saeed", "government", "held")]


def test_people_taken_to_hospital_is_no_verb_of_taking():
    text = "Government troops in Hanano said the wounded were taken to a field hospital."
    assert propose(text) == [("hanano", "government", "held")]


def test_the_city_after_outside_is_a_setting_not_an_object():
    assert propose("After capturing a base outside Aleppo, the rebels pressed on.") == []
    # guard: the city as a verb's direct object is still claimed
    assert propose("The rebels captured Aleppo.") == [("aleppo-city", "rebels", "captured")]


def test_the_loss_of_a_place_is_a_verb_of_losing_by_the_side_that_suffers_it():
    text = "The loss of Hanano was the heaviest defeat the rebels suffered that year."
    assert propose(text) == [("hanano", "government", "lost")]
    # the noun reaches only its object, not a place past a comma
    text = "After the loss of Hanano, the rebels regrouped in Sheikh Saeed."
    assert propose(text) == [("hanano", "government", "lost")]


def test_a_place_on_whose_doorstep_another_lies_is_a_landmark():
    text = "Troops are storming a hill that lies on the doorstep of the Hanano district."
    assert propose(text) == []


def test_conquered_is_a_verb_of_taking():
    text = "Fighters of the Free Syrian Army said they had conquered Hanano by nightfall."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_the_area_in_between_two_places_is_a_landmark_of_both():
    text = "Clashes raged in the area in between Hanano and Sheikh Saeed."
    assert propose(text) == []


def test_an_attack_on_a_place_that_was_repelled_leaves_it_to_the_defender():
    assert propose("An army assault on Hanano was repulsed at dawn.") == [
        ("hanano", "rebels", "held")
    ]
    text = "A militant offensive against Sheikh Saeed has been thwarted by government troops."
    assert propose(text) == [("sheikh-saeed", "government", "held")]
    text = "Rebels' Attack on Hanano Is Foiled"
    assert propose(text) == [("hanano", "government", "held")]


def test_a_guard_an_attack_not_repelled_is_still_fighting():
    text = "An army assault on Hanano was launched at dawn."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_a_place_a_distance_from_without_away_is_a_landmark_too():
    text = "A rebel checkpoint stood about 1km from the Hanano district's entrance."
    assert propose(text) == []


def test_their_positions_attacked_are_held_by_the_side_the_attacker_fights():
    text = "Rebels shelled their positions in Hanano overnight."
    assert propose(text) == [("hanano", "government", "held")]
    text = "After the militants withdrew from Hanano, the air force pounded their positions at the Sheikh Saeed district."
    assert ("sheikh-saeed", "rebels", "held") in propose(text)


def test_the_fall_of_a_place_to_a_side_is_that_sides_taking():
    text = "The fall of Hanano to the army was a heavy blow to the opposition."
    assert propose(text) == [("hanano", "government", "captured")]
    # guard: the fall of a place with no taker says nothing of who took it
    assert propose("Since the fall of Hanano, the rebels have regrouped.") == []


def test_the_city_before_a_noun_of_its_parts_is_no_object():
    assert propose("Army takes back Aleppo districts after heavy fighting") == []
    assert propose("Troops Recapture Aleppo Heart From Rebels") == []
    # guard: the city alone after the verb is still its object
    assert propose("Troops recaptured Aleppo from rebels.") == [
        ("aleppo-city", "government", "captured")
    ]


def test_a_side_a_place_is_inhabited_by_is_its_people_not_its_holder():
    text = "Hanano, which is largely inhabited by minority Kurds, sits on a hill."
    assert propose(text) == []


def test_a_side_patrolling_a_place_holds_it():
    text = "Loyalist troops patrol at Hanano after clashes with the rebels."
    assert propose(text) == [("hanano", "government", "held")]


def test_a_participle_right_after_a_noun_of_fighters_does_not_reach_back():
    text = "Hanano is an entry point into the city, lying between the army and militias defending the airport."
    assert propose(text) == []
    # guard: a participle of the place's own sentence still reaches it
    assert propose("Rebels are defending Hanano.") == [("hanano", "rebels", "held")]


def test_a_region_after_a_facility_and_in_is_the_facilitys_setting():
    text = "Clashes broke out around the intelligence building in West Aleppo."
    assert propose(text) == []
    # guard: fighting in the region itself is still claimed
    assert propose("Clashes broke out in West Aleppo.") == [
        ("west-aleppo", "contested", "contested")
    ]


def test_a_place_with_a_relative_clause_is_the_subject_of_being_back_in_a_sides_hands():
    text = "Hanano, which the rebels overran in 2012, is now back in government hands."
    assert ("hanano", "government", "held") in propose(text)
    text = "Hanano, which the rebels overran in 2012, is now under army control."
    assert ("hanano", "government", "held") in propose(text)


def test_pushing_or_forcing_a_side_out_of_a_place_is_taking_it():
    assert propose("Rebels pushed the army out of Hanano.") == [("hanano", "rebels", "captured")]
    text = "Government troops forced the militants out of Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "government", "captured")]
    # guard: the noun "forces" before "out" is no verb
    text = "Gunfire between rebels and security forces broke out in Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_they_opening_a_sentence_with_no_side_is_the_side_the_sentence_before_named_first():
    text = "Rebels launched an offensive on Monday. They captured Hanano after a day of fighting."
    assert propose(text) == [("hanano", "rebels", "captured")]
    text = "Government troops advanced overnight. By morning they controlled most of Hanano."
    assert propose(text) == [("hanano", "government", "held")]
    # guard: "they say" is the speakers, not a side
    text = "Rebels launched an offensive. They say Hanano is calm."
    assert propose(text) == []


def test_a_side_then_held_or_controlled_is_a_verb_unless_a_place_noun_follows():
    assert propose("Rebels held most of Hanano for four years.") == [("hanano", "rebels", "held")]
    # guard: "rebel held areas" and "government controlled Hanano" are adjectives
    assert propose("Shells fell on the rebel held district of Hanano.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Fighting hit the government controlled Sheikh Saeed district.") == [
        ("sheikh-saeed", "government", "held")
    ]
