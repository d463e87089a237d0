"""The claim proposer's rules for who holds a place, from the English wires of the battle's first
years (2012 to 2014): "the Free Army" is the rebels, "forces loyal to Bashar Al Assad" (no hyphen)
and "Assad's force" the government (`tracker.extraction_words`); a pullout from a place is its loss
(`tracker.extraction_words`); a denial before a copula voids the holding it denies ("denied the army
was in control of X"; `tracker.extraction_verbs`); "inhabited by Syrian Kurds" names who lives
there (`tracker.extraction_pronouns`); both ends of a road "linking X to Y" and of a "route
between X and Y" are landmarks (`tracker.extraction_incidental`); a front opened in a place is
fighting there, and one still to be opened is nothing (`tracker.extraction_words`); "one side of X"
is a part of it (`tracker.extraction_words`); a verb does not reach into a relative clause that
describes its object (`tracker.extraction_verbs.reaches`); a holding after "used to" is over
(`tracker.extraction_formerly`); a side pursued into a place is fought over there
(`tracker.extraction_words`); a landmark whose holder a relative clause after it tells is that
holder's (`tracker.extraction_incidental.landmark_told_held`); new locations in a place are a part of
it (`tracker.extraction_words`); what ISIS loses is the rebels' when the sentence names them and no
government side (`tracker.extraction_recipient.kurds_other`); the city before a facility ("the
Aleppo headquarters") is its adjective (`tracker.extraction_halves.city_object`); "a government
opposition group" is the rebels (`tracker.extraction_epithets`). One scenario each, with its
guards."""

from functools import partial

from tests.tracker.test_extraction_rules import SPELLED, propose
from tracker.extraction import Indexes, Place

MAQSOUD = Place("ash-sheikh-maqsoud", ("ash-sheikh-maqsoud",))
AIRPORT = Place("aleppo-international-airport", ("aleppo-international-airport",))
INDEXES = Indexes.build(
    [*SPELLED, ("Sheikh Maqsoud", MAQSOUD), ("international airport", AIRPORT)], []
)
propose18 = partial(propose, indexes=INDEXES)


def test_the_free_army_is_the_rebels():
    assert propose18("Hanano is under the control of the Free Army, a resident told us.") == [
        ("hanano", "rebels", "held")
    ]
    # Guards: the army alone is still the government, and a place taken from the Free Army is
    # the taker's.
    assert propose18("The army holds Hanano.") == [("hanano", "government", "held")]
    assert propose18("Troops retook Sheikh Saeed from the Free Army on Friday.") == [
        ("sheikh-saeed", "government", "captured")
    ]


def test_forces_loyal_to_bashar_al_assad_unhyphenated_are_the_government():
    assert propose18(
        "Forces loyal to President Bashar Al Assad seized Hanano, killing dozens of rebels there."
    ) == [("hanano", "government", "captured")]
    assert propose18("Assad's force has regained control of Sheikh Saeed.") == [
        ("sheikh-saeed", "government", "captured")
    ]


def test_a_pullout_from_a_place_is_its_loss():
    assert propose18("Rebels announce pullout from Hanano") == [("hanano", "government", "lost")]
    # Guard: the army's pullout is the army's loss.
    assert propose18("The army confirmed the pullout of its units from Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "lost")
    ]


def test_a_denial_before_a_copula_voids_the_holding_denied():
    assert propose18("A rebel commander denied the army was in full control of Hanano.") == []
    # Guard: a denial does not reach past what the denier said after it.
    assert propose18(
        "The army denied it was under pressure and said its troops were in control of Hanano."
    ) == [("hanano", "government", "held")]


def test_inhabited_by_syrian_kurds_is_who_lives_there():
    assert propose18("Sheikh Maqsoud is largely inhabited by Syrian Kurds.") == []
    # Guard: held by them is still their holding.
    assert propose18("Sheikh Maqsoud is held by Syrian Kurds.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "held")
    ]


def test_both_ends_of_a_road_linking_two_places_are_landmarks():
    assert propose18("Rebels secured the road linking the city to its international airport.") == []
    assert propose18(
        "Rebels stormed Hanano to cut the supply route between the international airport and a "
        "large army base."
    ) == [("hanano", "contested", "contested")]
    # Guard: a place after the road's sentence is still reached by its own verb.
    assert propose18(
        "Troops took the road linking Hanano to the airport and then stormed Sheikh Saeed."
    ) == [("sheikh-saeed", "contested", "contested")]


def test_a_front_opened_in_a_place_is_fighting_there():
    assert propose18("Rebels opened a new front in Hanano on Sunday.") == [
        ("hanano", "contested", "contested")
    ]
    # Guard: a front still to be opened is nothing yet, not the speaker's holding.
    assert propose18('"We will open new fronts in Hanano," the FSA commander said.') == []


def test_one_side_of_a_place_is_a_part_of_it():
    assert propose18("Troops are positioned on one side of Hanano but have not gone in.") == [
        ("hanano", "contested", "contested")
    ]
    # Guard: a place on a side of the city is still wholly held.
    assert propose18("Troops are deployed in Hanano, on the government side of the city.") == [
        ("hanano", "government", "held")
    ]


def test_a_verb_does_not_reach_into_a_relative_clause_describing_its_object():
    assert (
        propose18("Rebels seized the base, which protected the international airport, in March.")
        == []
    )
    # Guards: a relative clause's own verb, and the main verb after it, still read their place.
    assert propose18("Hanano, which rebels seized in 2012, was retaken by the army.") == [
        ("hanano", "government", "captured")
    ]
    assert propose18("The army recaptured Hanano, which rebels had seized in 2012.") == [
        ("hanano", "government", "captured")
    ]


def test_a_holding_after_used_to_is_over():
    assert propose18("Sheikh Maqsoud used to be controlled by the PYD, a blogger wrote.") == []
    # Guard: a verb of taking after "used to" is not a holding, and the holding now still counts.
    assert propose18(
        "The YPG, which used to share Sheikh Maqsoud with rebels, now controls it."
    ) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]


def test_a_side_pursued_into_a_place_is_fought_over_there():
    assert propose18(
        "The rebels had withdrawn from Hanano and were being pursued into the Sheikh Saeed "
        "district by troops."
    ) == [("hanano", "government", "lost"), ("sheikh-saeed", "contested", "contested")]
    # Guard: a side that withdrew into a place, with no pursuit, holds it.
    assert propose18("Rebels withdrew from Hanano into Sheikh Saeed.") == [
        ("hanano", "government", "lost"),
        ("sheikh-saeed", "rebels", "held"),
    ]


def test_a_landmark_whose_holder_a_relative_clause_tells_is_that_holders():
    assert propose18(
        "The rebels were pushed out of the base next to the international airport, which is still "
        "under government control."
    ) == [("aleppo-international-airport", "government", "held")]
    # Guards: the verb before the landmark does not take it, a landmark alone claims nothing,
    # and a place that is no landmark keeps its verb over the clause of who held it before.
    assert propose18("Rebels took a base near Hanano, which is held by the army.") == [
        ("hanano", "government", "held")
    ]
    assert propose18("Rebels took a base near Hanano, which is under heavy fire.") == []
    assert propose18("The army captured Hanano, which was held by rebels.") == [
        ("hanano", "government", "captured")
    ]


def test_new_locations_in_a_place_are_a_part_of_it():
    assert propose18("Rebels Control New Locations in Hanano") == [
        ("hanano", "contested", "contested")
    ]
    # Guard: all the locations in a place are the whole of it.
    assert propose18("The army holds all locations in Hanano.") == [
        ("hanano", "government", "held")
    ]


def test_what_isis_loses_is_the_rebels_when_no_government_side_is_named():
    assert propose18("ISIS withdrew from Hanano after days of clashes with rebels.") == [
        ("hanano", "rebels", "lost")
    ]
    # Guard: with the army named, the army holds what ISIS lost.
    assert propose18("ISIS withdrew from Hanano after days of clashes with the army.") == [
        ("hanano", "government", "lost")
    ]


def test_the_city_before_a_facility_is_its_adjective():
    assert propose18("Rebels overran the Aleppo headquarters of the jihadists on Wednesday.") == []
    assert propose18("Islamist brigades seize Aleppo base of rival group") == []
    # Guard: the city as the verb's own object is still claimed.
    assert propose18("The army retook Aleppo on Thursday.") == [
        ("aleppo-city", "government", "captured")
    ]


def test_a_government_opposition_group_is_the_rebels():
    assert propose18(
        "ISIS pulled out of Hanano before the Islamic Front, a government opposition group, "
        "moved in."
    ) == [("hanano", "rebels", "lost")]
    # Guard: the government alone is still the government.
    assert propose18("Government forces took Hanano from an opposition group.") == [
        ("hanano", "government", "captured")
    ]
