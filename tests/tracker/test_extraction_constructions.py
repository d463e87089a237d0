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


def test_where_a_side_is_holed_up_it_holds():
    assert propose("Hanano, where rebels are holed up, was bombed.") == [
        ("hanano", "rebels", "held")
    ]


def test_the_remaining_parts_of_a_place_taken_are_the_whole_of_it():
    # "the remaining parts of X", "the rest of X" complete a taking; "parts of X" do not.
    assert propose("Rebels retook the remaining parts of Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]
    assert propose("The army took the rest of Hanano.") == [("hanano", "government", "captured")]
    assert propose("The army took parts of Hanano.") == [("hanano", "contested", "contested")]


def test_a_side_forced_to_leave_lost_the_place_but_leaving_ruins_is_no_loss():
    assert propose("Rebels were forced to leave Hanano.") == [("hanano", "government", "lost")]
    assert propose("Air strikes pounded rebel-held Hanano, leaving it in ruins.") == [
        ("hanano", "rebels", "held")
    ]


def test_a_place_returned_to_government_control_was_taken_by_the_government():
    assert propose("Hanano returned to government control on Monday.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Hanano was restored to government control.") == [
        ("hanano", "government", "captured")
    ]


def test_a_rebel_army_named_army_is_the_rebels():
    # "The Army of Conquest" (Jaish al-Fatah) is a rebel alliance, not "the army".
    assert propose("The Army of Conquest took Hanano.") == [("hanano", "rebels", "captured")]
    assert propose("The army took Hanano.") == [("hanano", "government", "captured")]


def test_the_road_to_a_place_is_not_the_place():
    assert propose("The army took control of the road leading to Hanano.") == []
    assert propose("Rebels cut the road to Sheikh Saeed.") == []
    # A place described as held after the road still is ("the road into rebel-held X").
    assert propose("The army shelled the last road to rebel-held Hanano.") == [
        ("hanano", "rebels", "held")
    ]
