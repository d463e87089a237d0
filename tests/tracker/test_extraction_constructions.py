"""The claim proposer's rules for constructions of ordinary news prose (tracker/extraction*.py),
found by running it on batteries of sentences of our own, one construction each: who is cleared
out of a place, a side's enclave or pocket, a district divided between sides."""

from tests.tracker.test_extraction_rules import propose


def test_the_side_a_place_is_cleared_of_is_the_side_that_lost_it():
    # The side after "of" following a verb of clearing lost the place, as after "from".
    assert propose("Hanano was cleared of rebels.") == [("hanano", "government", "captured")]
    assert propose("The army cleared Hanano of terrorists.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Hanano is now free of terrorists.") == [("hanano", "government", "captured")]
    assert propose("Rebels rid Sheikh Saeed of regime forces.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]
    # "from" still works as before, and a side before the verb is still its subject.
    assert propose("The army cleared Hanano after rebels withdrew.") == [
        ("hanano", "government", "captured")
    ]


def test_a_sides_enclave_or_pocket_is_held_by_that_side():
    assert propose("The army shelled the rebel pocket of Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "held")
    ]
    assert propose("Air strikes hit the opposition enclave of Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "held")
    ]


def test_a_district_divided_between_sides_is_contested():
    assert propose("Hanano is divided between rebels and the army.") == [
        ("hanano", "contested", "contested")
    ]
    # The city divided into its halves gives each half its holder, not a contested half.
    assert propose("Aleppo is divided between rebels in the east and the army in the west.") == [
        ("east-aleppo", "rebels", "held"),
        ("west-aleppo", "government", "held"),
    ]


def test_a_hope_an_intention_or_a_preparation_claims_nothing():
    assert propose("The army hopes to take Hanano before winter.") == []
    assert propose("Rebels want to recapture Sheikh Saeed.") == []
    assert propose("The army is poised to take Hanano.") == []
    assert propose("The army prepared an assault on Sheikh Saeed.") == []
    # What happened after the hope still claims.
    assert propose("The army, which had hoped for a quick win, took Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_fighting_that_ended_does_not_make_a_place_contested():
    assert propose("Families returned to Hanano after the fighting ended.") == []
    assert propose("Fighting raged in Hanano.") == [("hanano", "contested", "contested")]


def test_state_media_words_of_taking_and_holding():
    # "imposed (full) control over X": the subject took it; "SAA" is the Syrian Arab Army.
    assert propose("Units of the army imposed full control over Hanano.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("The SAA imposed control over the Sheikh Saeed neighborhood.") == [
        ("sheikh-saeed", "government", "captured")
    ]
    # "positioned in X": stationed there, so holding it; "terrorist organizations" are rebels.
    text = "Terrorist organizations positioned in Sheikh Saeed fired shells at the city."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
