"""The claim proposer's rules from English pages on the 2016 battle: a verb after "need to",
"must" or "have to" states a necessity, and one "on the verge (brink) of" happening a thing
not yet done, not an event (`tracker.extraction_words.NEGATION`); the
city named as the adjective of a stronghold is not taken as a whole ("troops seize Aleppo
stronghold": `tracker.extraction_halves.city_object`); the end of a corridor or of a supply is a
landmark ("threatens the supply to X": `tracker.extraction_incidental`); and only the first "to"
after a verb of withdrawing names where the side went, a later one belonging to another clause
(`tracker.extraction_routes`); a rescuer who evacuates a baby, a child or the dead moves people,
not a side (`tracker.extraction_idioms`); a place named as one side of "a wedge between" two is a
landmark (`tracker.extraction_incidental`); "swathes of" a place is a partial gain, contested,
but "large swathes of" a majority (`tracker.extraction_words.PARTIAL`, `MAJORITY`). One scenario
each, with its guards."""

from tests.tracker.test_extraction_rules import propose


def test_a_verb_after_need_to_or_must_claims_nothing():
    assert propose("Hanano is the district the army needs to seize before winter.") == []
    assert propose("To reach the centre, the rebels must capture Sheikh Saeed first.") == []
    assert propose("The regime has to retake Hanano to secure the airport road.") == []


def test_a_verb_on_the_verge_of_happening_claims_nothing():
    assert propose("The rebels seemed on the verge of being pushed out of Hanano.") == []
    assert propose("The army is on the brink of retaking Sheikh Saeed.") == []


def test_on_the_verge_guard_a_side_on_the_verge_of_collapse_still_loses_the_place_it_lost():
    assert propose("The rebels, on the verge of collapse, lost Hanano.") == [
        ("hanano", "government", "lost")
    ]


def test_a_verb_after_need_to_guard_a_plain_taking_still_proposes():
    assert propose("Hanano is the district the army seized before winter.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("The army has retaken Hanano.") == [("hanano", "government", "captured")]


def test_the_city_as_the_adjective_of_a_stronghold_is_not_taken():
    assert propose("Government troops seize Aleppo stronghold from the insurgents.") == []
    assert propose("The army captured an Aleppo rebel bastion on Friday.") == []


def test_the_city_as_the_adjective_of_a_stronghold_guard_the_city_taken_still_proposes():
    assert propose("Government troops seize Aleppo from the insurgents.") == [
        ("aleppo-city", "government", "captured")
    ]


def test_the_end_of_a_supply_or_a_corridor_is_a_landmark():
    assert propose("The fall of the hill cut the supply to Sheikh Saeed on Monday.") == []
    assert propose("Rebels opened a corridor to Sheikh Saeed after the battle.") == []


def test_the_end_of_a_supply_guard_a_holder_named_before_it_still_says_who_holds_it():
    assert propose("The army cut the supplies to rebel-held Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "held")
    ]
    assert propose("Rebels captured Sheikh Saeed after the battle.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]


def test_only_the_first_to_after_a_withdrawal_names_where_the_side_went():
    text = (
        "The evacuation of the fighters from the valley was brought to a halt, "
        "and the army sent fresh troops to Hanano."
    )
    assert ("hanano", "rebels", "held") not in propose(text)


def test_the_first_to_after_a_withdrawal_guard_the_destination_is_still_held():
    assert propose("The rebels withdrew from the valley to Hanano.") == [
        ("hanano", "rebels", "held")
    ]


def test_evacuating_a_baby_a_child_or_the_dead_is_no_withdrawal():
    text = "A medic evacuates a small baby from a house in East Aleppo after regime jets struck it."
    assert propose(text) == []
    assert propose("Rescuers evacuated two bodies from Hanano after rebel shelling.") == []


def test_evacuating_the_dead_guard_fighters_evacuating_a_district_still_lose_it():
    assert propose("The rebels evacuated Hanano on Tuesday.") == [("hanano", "government", "lost")]


def test_a_place_on_either_side_of_a_wedge_is_a_landmark():
    text = (
        "After capturing Bustan al-Basha, the army drove a wedge between Hanano and Sheikh Saeed."
    )
    assert propose(text) == [("bustan-al-basha", "government", "captured")]


def test_a_wedge_guard_places_taken_in_the_same_shape_still_propose():
    text = "After capturing Bustan al-Basha, the army took both Hanano and Sheikh Saeed."
    assert ("hanano", "government", "captured") in propose(text)


def test_swathes_of_a_place_are_a_partial_gain():
    assert propose("After capturing swathes of East Aleppo, the troops halted.") == [
        ("east-aleppo", "contested", "contested")
    ]


def test_swathes_guard_large_swathes_are_a_majority():
    assert propose("The troops captured large swathes of East Aleppo.") == [
        ("east-aleppo", "government", "captured")
    ]
