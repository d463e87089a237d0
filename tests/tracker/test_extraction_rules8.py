"""The claim proposer's rules written from whole articles on the three-sided fighting around
Sheikh Maqsoud (tracker/extraction*.py): one scenario each, in sentences of our own, on the
shared small gazetteer."""

from tests.tracker.test_extraction_rules import propose


def test_a_place_handed_over_to_a_named_side_is_held_by_that_side():
    for text in (
        "The insurgents handed over Hanano to Kurdish fighters.",
        "Militants handed Hanano over to the YPG on Sunday.",
    ):
        assert propose(text) == [("hanano", "kurdish_ypg", "captured")], text
    text = "Kurdish fighters handed Bustan al-Basha back to the rebels."
    assert propose(text) == [("bustan-al-basha", "rebels", "captured")]


def test_a_sides_own_positions_handed_to_another_are_the_whole_place():
    text = "Regime troops handed their positions in Hanano to the Kurdish militia."
    assert propose(text) == [("hanano", "kurdish_ypg", "captured")]


def test_a_place_left_and_then_taken_by_a_named_side_is_that_sides():
    for text in (
        "Rebels pulled out of Hanano, which Kurdish fighters then seized.",
        "The army withdrew from Hanano, leaving it to the YPG.",
        "Rebels abandoned Hanano, which was later taken over by Kurdish fighters.",
        "Government forces withdrew from Hanano, allowing the YPG to move in.",
    ):
        assert propose(text) == [("hanano", "kurdish_ypg", "captured")], text


def test_a_withdrawal_with_no_side_named_after_it_still_leaves_the_place_to_the_other_side():
    """Guards: a side that is not the taker, or a place after "to", does not count."""
    assert propose("Rebels withdrew from Hanano, which the army had shelled for weeks.") == [
        ("hanano", "government", "lost")
    ]
    assert propose("Rebels withdrew from Hanano to Sheikh Saeed.") == [
        ("hanano", "government", "lost"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    assert propose("Rebels withdrew from Hanano to rebel-held areas.") == [
        ("hanano", "government", "lost")
    ]
