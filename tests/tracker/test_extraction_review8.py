"""Eighth review: the holder the proposer gives, on wire-style sentences of our own about who
attacks, repels, heads towards or takes what; one scenario per rule, with a guard beside each
rule that could reach too far."""

from tests.tracker.test_extraction_arabic_quotes import propose_ar
from tests.tracker.test_extraction_rules import propose


def test_a_sides_checkpoints_posts_and_hideouts_in_a_place_are_its_positions():
    text = "Insurgents stormed government checkpoints in Hanano overnight."
    assert propose(text) == [("hanano", "government", "held")]
    text = "Gunmen raided army posts in Sheikh Saeed before dawn."
    assert propose(text) == [("sheikh-saeed", "government", "held")]
    text = "Jets pounded insurgent hideouts in Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "Army units destroyed terrorist positions in Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    # Pure guard of current behaviour: "terrorist" alone, not before positions, is no side.
    assert propose("A terrorist was arrested in Hanano.") == []


def test_a_sides_positions_taken_in_a_place_are_a_part_of_it():
    text = "Rebels overran several army positions in Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "The army seized rebel checkpoints in Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]
    # Guard: positions attacked, not taken, still say who holds the place.
    text = "Rebels attacked army positions in Hanano."
    assert propose(text) == [("hanano", "government", "held")]


def test_an_attack_repelled_with_no_side_named_claims_nothing():
    assert propose("An attack on Hanano was repelled on Sunday.") == []
    assert propose("The assault on Sheikh Saeed was repulsed.") == []
    # Guard: with its attacker named, before or after the noun, the other side holds it.
    text = "An attack by rebels on Hanano was repelled."
    assert propose(text) == [("hanano", "government", "held")]
    text = "A rebel attack on Hanano was repelled."
    assert propose(text) == [("hanano", "government", "held")]


def test_fending_off_or_thwarting_an_advance_is_holding():
    text = "Troops fended off an insurgent push into Hanano."
    assert propose(text) == [("hanano", "government", "held")]
    text = "Rebels thwarted an army advance in Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    text = "The army foiled a rebel infiltration attempt in Hanano."
    assert propose(text) == [("hanano", "government", "held")]
    text = "Rebels beat back an army assault on Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_ground_lost_or_gained_in_a_place_is_fighting_there():
    text = "Rebels lost ground in Sheikh Saeed after days of bombing."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]
    text = "The army gained ground in Hanano on Monday."
    assert propose(text) == [("hanano", "contested", "contested")]
    # Guard: a place lost is still lost.
    assert propose("Rebels lost Hanano on Monday.") == [("hanano", "government", "lost")]


def test_a_place_a_side_advances_towards_is_no_fighting_there():
    assert propose("Government troops advanced towards Hanano.") == []
    assert propose_ar("تقدمت قوات النظام نحو حي هنانو.") == []
    text = "The army advanced towards Sheikh Saeed after seizing Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "سيطر الثوار على حي الشيخ سعيد وتقدموا نحو حي هنانو."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "captured")]
    # Guards: a side withdrawing towards a place holds it; a place taken after heading to it.
    text = "Rebels withdrew from Hanano towards Sheikh Saeed."
    assert propose(text) == [("hanano", "government", "lost"), ("sheikh-saeed", "rebels", "held")]
    text = "تقدمت قوات النظام نحو حي هنانو وسيطرت عليه."
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_breaking_into_a_place_is_fighting_and_an_attempt_claims_nothing():
    assert propose("Loyalist militias broke into Hanano.") == [("hanano", "contested", "contested")]
    assert propose("Loyalist militias attempted to break into Hanano.") == []


def test_heavy_losses_in_a_place_are_casualties_not_holding():
    assert propose("The army suffered heavy losses in Hanano.") == []
    # Guard: the sole side with no verb and no casualties still holds.
    assert propose("Rebels with rifles patrol Hanano.") == [("hanano", "rebels", "held")]


def test_the_place_a_way_leads_to_is_a_landmark():
    text = "The fall of Hanano to the army opened the way to Sheikh Saeed."
    assert propose(text) == [("hanano", "government", "captured")]


def test_is_in_capitals_before_its_fighters_the_fourth_division_and_fastaqim_are_sides():
    assert propose("IS militants captured Hanano.") == [("hanano", "isis", "captured")]
    text = "The Fourth Division took Sheikh Saeed on Saturday."
    assert propose(text) == [("sheikh-saeed", "government", "captured")]
    assert propose("Fastaqim fighters hold Hanano.") == [("hanano", "rebels", "held")]
    # Guard: "is" in lower case is the verb, and militants after it are the rebels.
    assert propose("Hanano is held by militants.") == [("hanano", "rebels", "held")]


def test_an_arabic_verb_of_expelling_a_side_from_a_place_is_taking():
    text = "طرد الثوار قوات النظام من حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "captured")]
    text = "طردت قوات النظام المسلحين من حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    text = "طردت وحدات من الجيش العربي السوري المسلحين من حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_a_plural_side_before_held_and_a_name_is_a_verb_not_an_adjective():
    text = "The army captured Hanano and rebels held Sheikh Saeed."
    assert propose(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    # Guard: a singular side before "held" and a name is still the adjective.
    text = "Jets struck rebel held Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]


def test_a_capture_followed_by_a_conjunction_and_a_side_is_of_the_place_not_of_people():
    text = "The army captured Hanano while rebels shelled Sheikh Saeed."
    assert propose(text) == [("hanano", "government", "captured")]
    # Pure guard of current behaviour: a capture of fighters is no capture of a place.
    assert ("hanano", "government", "captured") not in propose(
        "The army captured two rebels in Hanano."
    )


def test_battles_raging_for_control_of_a_place_are_fighting_there():
    text = "Battles raged for control of Sheikh Saeed on Friday."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]


def test_a_sides_outposts_taken_in_a_place_are_a_part_of_it():
    text = "Government forces captured several rebel outposts in Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]
    text = "Rebels seized a number of army positions in Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_an_attempt_to_infiltrate_a_place_thwarted_is_holding_it():
    text = "The army thwarted an attempt by militants to infiltrate Hanano."
    assert propose(text) == [("hanano", "government", "held")]


def test_a_side_fought_for_control_of_a_place_is_fighting_there_not_holding():
    text = "The army battled rebels for control of Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]
    # Guard: control held is still holding.
    text = "Rebels are in control of Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]


def test_an_arabic_withdrawal_towards_a_district_is_to_where_the_side_holds():
    text = "انسحب الثوار من حي الشيخ سعيد نحو حي هنانو."
    assert propose_ar(text) == [
        ("sheikh-saeed", "government", "lost"),
        ("hanano", "rebels", "held"),
    ]
    # Guard: نحو before a number is "about", no destination.
    text = "انسحب الثوار من حي الشيخ سعيد بعد نحو شهر من المعارك."
    assert propose_ar(text) == [("sheikh-saeed", "government", "lost")]


def test_positions_reach_no_place_before_them():
    text = "Rebels in Hanano fired on Kurdish positions in Sheikh Saeed."
    assert propose(text) == [("hanano", "rebels", "held"), ("sheikh-saeed", "kurdish_ypg", "held")]


def test_pushing_deeper_into_a_place_is_fighting_there():
    text = "The army pushed deeper into Hanano on Monday."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Rebels advanced further into Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]


def test_a_side_unable_or_set_to_act_claims_nothing():
    assert propose("Rebels have been unable to hold Hanano.") == []
    assert propose("Loyalist troops are set to attack Sheikh Saeed.") == []
    # Guard: "set" not before "to" is no modal.
    assert propose("Rebels set up positions in Hanano.") == [("hanano", "rebels", "held")]


def test_a_push_into_a_place_halted_by_a_side_is_held_by_that_side():
    text = "An army push into Hanano was halted by rebels."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_a_side_dislodged_from_a_place_lost_it():
    text = "The insurgents were dislodged from Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "government", "lost")]
    text = "The army dislodged the insurgents from Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_an_arabic_expelling_is_the_taking_of_the_side_before_it_in_subject_first_order():
    text = "قوات النظام تطرد المسلحين من حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    text = "الثوار طردوا قوات النظام من حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "captured")]


def test_an_arabic_side_after_bad_is_not_the_subject_of_the_verb_before_it():
    text = "استعادت قوات النظام السيطرة على حي هنانو بعد انسحاب الفصائل."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    # Guard: a side right after the verb is still its subject.
    text = "سيطر الثوار على حي الشيخ سعيد بعد معارك عنيفة."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "captured")]


def test_the_revolutionaries_are_the_rebels():
    text = "Revolutionaries repelled an attempt by Assad's militias to storm Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
