"""The claim proposer's rules of precision: what a careful analyst would not code. A side that fires
on a place does not hold it (`tracker.extraction_fire`); a bombardment is an attack from afar
(`tracker.extraction_words.ATTACK`); an attack on people is no fighting for a place, nor is
"control of X split between" sides a holding (`tracker.extraction_idioms`); ground gained is
fighting and a side pushed back has lost it (`tracker.extraction_words`); the countryside's
"rural parts" are no half of the city (`tracker.extraction_halves`); a word of time in the
possessive does not date a holding in the present (`tracker.extraction_when`); a siege with a
qualifier ("a partial siege") is a siege, and the bases an attack is launched from are the
attackers' (`tracker.extraction_words`); the departures from a place say nothing of it
(`tracker.extraction_incidental`); what a side is urged to do is no deed
(`tracker.extraction_idioms`); a capitalised adverb ("Initially") is no guessed name
(`tracker.extraction_places`); "frontline" before a name is no fighting, and the UN's "NSAG" and
"GoS" are sides (`tracker.extraction_words`); "pockets of X" are a part of it
(`tracker.extraction_lists`), and so is "another" neighbourhood of a half
(`tracker.extraction_verbs.partial_gain`). One scenario each, with its guards."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import OUTLET, SPELLED, propose
from tracker.extraction import Indexes, Place, claims_propose

MAQSOUD = Place("ash-sheikh-maqsoud", ("ash-sheikh-maqsoud",))
INDEXES = Indexes.build([*SPELLED, ("Sheikh Maqsoud", MAQSOUD)], [])
propose13 = partial(propose, indexes=INDEXES)
PUBLISHED = date(2016, 12, 6)


def _days(text):
    (proposal,) = claims_propose(text, PUBLISHED, OUTLET, INDEXES)
    return proposal.date_from, proposal.date_to


def test_a_present_holding_is_not_dated_by_an_event_in_the_possessive():
    assert _days("The rebels still hold Hanano after last month's counter-attack.") == (
        PUBLISHED,
        PUBLISHED,
    )
    assert _days("Government troops now control Sheikh Saeed following Sunday's assault.") == (
        PUBLISHED,
        PUBLISHED,
    )
    # A present told by the words before the verb: "is still held", "remains", "is now under".
    assert _days("Sheikh Saeed is still held by rebels despite last week's assault.") == (
        PUBLISHED,
        PUBLISHED,
    )
    assert _days("Hanano is now under army control following Saturday's assault.") == (
        PUBLISHED,
        PUBLISHED,
    )
    # Guards: a taking in that event is dated by it, and so is a holding "since" it.
    assert _days("Government troops took Hanano in last month's counter-attack.")[0] == date(
        2016, 11, 1
    )
    assert _days("The rebels have held Hanano since last month's counter-attack.")[0] == date(
        2016, 11, 1
    )


def test_a_side_that_only_shells_another_place_is_no_party_to_a_siege():
    text = "Islamist brigades encircled Sheikh Maqsoud as the army shelled Hanano."
    assert propose13(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    text = "Regime artillery pounded Sheikh Saeed while rebels besieged Sheikh Maqsoud."
    assert propose13(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    # Guard: a government side that takes part in the siege's clause still counts.
    text = "The army and its militias besieged Sheikh Maqsoud."
    assert propose13(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]


def test_a_side_under_whose_fire_a_place_came_does_not_hold_it():
    assert propose("Hanano came under rebel fire overnight.") == []
    assert propose("Sheikh Saeed came under intense government bombardment on Friday.") == []
    assert propose("For weeks Hanano has been under rebel siege.") == []
    # Guard: under a side's control, the side holds it.
    assert propose("Hanano is under rebel control.") == [("hanano", "rebels", "held")]


def test_a_bombardment_is_an_attack_from_afar():
    text = "A bombardment by government helicopters shook Sheikh Saeed overnight."
    assert propose(text) == []


def test_an_attack_on_people_is_no_fighting_for_the_place():
    assert propose("Militias carried out attacks on civilians in Hanano.") == []
    assert propose("Jets attacked a hospital in Sheikh Saeed at dawn.") == []
    # Guard: an attack on the place itself is fighting there.
    assert propose("Rebels attacked Hanano at dawn.") == [("hanano", "contested", "contested")]


def test_control_split_between_sides_is_fighting():
    text = "Control of Sheikh Saeed is split between the army and the rebels."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]
    text = "The shop stood in Hanano, where control is split between rebels and government troops."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_ground_gained_with_a_qualifier_is_fighting():
    text = "Government forces gained fresh ground in Hanano on Tuesday."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Rebels have gained significant ground in Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]


def test_a_side_pushed_back_in_a_place_leaves_it_to_the_subject():
    text = "Government troops pushed the rebels back in Hanano on Saturday."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "The rebels drove army units back in Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "captured")]
    # Guard: people sent back to a place are no side.
    assert propose("The army forced families back into Hanano.") == []


def test_rural_parts_of_a_half_are_the_countryside():
    text = "The convoy crossed the front line into rural parts of western Aleppo."
    assert propose(text) == []
    # Guard: the half itself is a place.
    text = "The convoy crossed the front line into western Aleppo."
    assert propose(text) == [("west-aleppo", "contested", "contested")]


def test_a_siege_with_a_qualifier_is_a_siege():
    text = "Sheikh Maqsoud has been under a partial siege by Islamist factions for months."
    assert propose13(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    text = "Hanano has lain under a crippling siege by government forces."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_the_base_an_attack_is_launched_from_is_the_attackers():
    text = "Rebel factions launched the assault from their positions in Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "Rebels began the attack from their bases in Sheikh Saeed before dawn."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    # Guard: an attack on a place is fighting there.
    text = "Rebels launched an attack on Sheikh Saeed before dawn."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]


def test_what_a_side_is_urged_to_do_is_no_deed():
    text = "Leaflets urged the rebels to lay down their arms and hand over Hanano to the army."
    assert propose(text) == []
    text = "Planes dropped leaflets over Sheikh Saeed, calling on rebels to feed civilians, quit"
    text += " the district and let residents go."
    assert propose(text) == []
    # Guard: a deed told after the request's clause is a deed.
    text = "The army urged families to stay indoors after it captured Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "An officer, who asked not to be named, said the army took Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "A resident who asked to stay anonymous said rebels took Hanano."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_a_capitalised_adverb_is_no_guessed_name():
    # "Intially" shares its skeleton with "Intal", a spelling of our own gazetteer.
    indexes = Indexes.build([*SPELLED, ("Intal", Place("ayn-at-tal", ("ayn-at-tal",)))], [])
    text = "Intially the army took control of the district, a monitor said."
    assert propose(text, indexes=indexes) == []
    # Guard: the name itself is still found.
    text = "The army took control of Intal, a monitor said."
    assert propose(text, indexes=indexes) == [("ayn-at-tal", "government", "captured")]


def test_departures_from_a_place_say_nothing_of_who_holds_it():
    text = "Army officers oversaw the departures from Sheikh Saeed."
    assert propose(text) == []
    # Guard: officers placed in it, with no move told, hold it.
    assert propose("Army officers patrol Sheikh Saeed.") == [("sheikh-saeed", "government", "held")]


def test_frontline_before_a_name_is_no_fighting_there():
    assert propose("A doctor from the frontline Hanano district spoke to us.") == []
    assert propose("Sheikh Saeed is a front-line neighbourhood of the city.") == []
    # Guard: a front line in a place, or running through it, is fighting there.
    text = "The front line runs through Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_the_un_reports_abbreviations_name_the_sides():
    text = "Only Hanano remains under NSAG control."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "The GoS regained control of Sheikh Saeed on Sunday."
    assert propose(text) == [("sheikh-saeed", "government", "captured")]


def test_pockets_of_a_place_are_a_part_of_it():
    text = "Only Hanano and pockets of Sheikh Saeed remain under rebel control."
    assert propose(text) == [
        ("hanano", "rebels", "held"),
        ("sheikh-saeed", "contested", "contested"),
    ]


def test_another_neighbourhood_of_a_half_is_a_part_of_it():
    text = "Troops took another large East Aleppo neighbourhood on Sunday."
    assert propose(text) == [("east-aleppo", "contested", "contested")]
