"""Guards from the review of this stop's rules (the English round of 02844df..7980c2a): ordinary
sentences of our own on which a rule added that day over-reached, with the rule's own reading
kept beside each as a guard the other way. One scenario each, on the shared small gazetteer."""

from tests.tracker.test_extraction_rules import propose


def test_held_with_an_event_as_its_object_is_no_verb_of_control():
    assert propose("The army held a ceremony in Hanano.") == []
    assert propose("The army held talks with rebel leaders in Hanano.") == []
    assert propose("The rebels held a meeting in Sheikh Saeed to discuss the truce.") == []
    assert propose("Fighters held captive in Hanano were released.") == []
    # guard: "held" with a place after it is still the verb
    assert propose("Rebels held Hanano for four years.") == [("hanano", "rebels", "held")]


def test_the_loss_of_a_place_as_the_subject_of_a_modal_claims_no_loss():
    # No loss is claimed; the side the loss would harm holds the place now (rules20).
    assert propose("The loss of Sheikh Saeed would be a blow to the rebels.") == [
        ("sheikh-saeed", "rebels", "held")
    ]


def test_a_blow_to_a_side_after_the_loss_of_a_place_names_no_taker():
    text = "The loss of Sheikh Saeed was a blow to the rebels."
    assert propose(text) == [("sheikh-saeed", "government", "lost")]
    # guard: the side right after "to" is still the taker
    text = "The fall of Hanano to the army followed weeks of bombardment."
    assert propose(text) == [("hanano", "government", "captured")]


def test_fearing_the_loss_of_a_place_claims_nothing():
    assert propose("Rebels fear the loss of Hanano.") == []
    # guard: fear several words before a verb does not void it
    assert propose("Residents fled in fear as rebels took Hanano.") == [
        ("hanano", "rebels", "captured")
    ]


def test_refusing_to_leave_a_place_claims_nothing():
    assert propose("Rebels refused to leave Hanano.") == []
    assert propose("The army refused to withdraw from Sheikh Saeed.") == []


def test_leaves_no_doubt_is_no_verb_of_losing():
    text = "The army leaves no doubt that it will push on toward Hanano."
    assert propose(text) == []


def test_clearing_a_place_of_mines_or_rubble_is_no_taking():
    text = "Activists said Hanano was cleared of mines by Kurdish volunteers."
    assert propose(text) == []
    assert propose("Engineers cleared Hanano of explosives left behind by the rebels.") == []
    # guard: cleared of a side is still a taking
    assert propose("The army cleared Hanano of terrorists.") == [
        ("hanano", "government", "captured")
    ]


def test_losing_fighters_or_handing_over_bodies_in_a_place_is_no_loss_of_it():
    text = "Rebels lost dozens of men in Hanano to regime barrel bombs."
    assert propose(text) == []
    text = "The army handed over the bodies of rebels killed in Hanano to the Red Crescent."
    assert propose(text) == []
    # guard: a place lost to a side is still that side's
    assert propose("The rebels lost Hanano to the army.") == [("hanano", "government", "captured")]


def test_divided_between_needs_sides_after_it():
    text = "Hanano is divided between those who support the uprising and those who fear it."
    assert propose(text) == []
    text = "Opinion in Hanano is divided between support for the rebels and fear of the army."
    assert propose(text) == []
    # guard: divided between sides is still contested
    for text in (
        "Hanano is divided between rebels and the army, residents said.",
        "Hanano is divided between the two sides.",
    ):
        assert propose(text) == [("hanano", "contested", "contested")]


def test_a_side_positioned_on_hills_above_a_place_does_not_hold_it():
    text = "Army units positioned on the hills above Sheikh Saeed shelled the district."
    assert propose(text) == []
    # guard: positioned in a place still holds it
    assert propose("Troops positioned in Hanano fired on the rebels.") == [
        ("hanano", "government", "held")
    ]


def test_a_patrol_as_a_noun_is_not_the_side_after_it():
    assert propose("A patrol in Hanano came under fire from regime snipers.") == []
    # guard: a side that patrols in a place holds it
    assert propose("Rebels patrol in Hanano at night.") == [("hanano", "rebels", "held")]


def test_a_place_withdrawn_to_has_no_recipient_in_the_next_clause():
    text = "The rebels withdrew to Hanano and the army entered Sheikh Saeed."
    assert propose(text) == [
        ("hanano", "rebels", "held"),
        ("sheikh-saeed", "contested", "contested"),
    ]
    # guard: a place withdrawn from, then entered by a side, is that side's
    text = "The rebels withdrew from Hanano, which the army then took."
    assert propose(text) == [("hanano", "government", "captured")]


def test_an_assault_not_repulsed_leaves_no_defender_holding():
    text = "Rebels said their assault on Hanano was not repulsed."
    assert propose(text) == [("hanano", "contested", "contested")]
    # guard: an assault repulsed by a side leaves the place to it
    text = "An army assault on Hanano was repulsed by rebels."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_hostages_held_in_a_place_say_nothing_of_who_holds_it():
    assert propose("The army freed hostages held in Hanano.") == []


def test_what_was_left_of_a_place_is_no_leaving_of_it():
    assert propose("Rebels controlled what was left of Hanano.") == [("hanano", "rebels", "held")]
    # guard: a side that left a place lost it
    assert propose("The rebels left Hanano on Tuesday.") == [("hanano", "government", "lost")]


def test_controlled_before_a_word_of_media_is_an_adjective_of_the_media():
    assert propose("The regime controlled media said Hanano was calm.") == []
    # guard: controlled before a place is the verb
    assert propose("The regime controlled Hanano until 2012.") == [("hanano", "government", "held")]


def test_they_after_a_verb_of_speech_is_the_speakers_not_the_side_before():
    text = "Rebels captured Hanano. Residents said they welcomed them in Sheikh Saeed."
    assert propose(text) == [("hanano", "rebels", "captured")]
    # guard: "they" opening a sentence is still the side the sentence before named first
    text = "Rebels launched an offensive. By morning they controlled Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]


def test_hitting_back_at_claims_denies_them():
    assert propose("The army hit back at claims it had lost Hanano.") == []
    text = "Rebels hit back at the army's claims that it had taken Sheikh Saeed."
    assert propose(text) == []
    # guard: hitting back at a side is no denial
    text = "The army hit back at rebels who had seized Hanano."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_cleared_of_wrongdoing_is_no_taking():
    assert propose("The rebels were cleared of any wrongdoing in Hanano.") == []
