"""The claim proposer's rules written from whole English articles pasted as an analyst would
(tracker/extraction*.py): one scenario each, on the shared small gazetteer, in sentences of
our own."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import INDEXES, OUTLET, SPELLED, propose
from tracker.extraction import Indexes, Speaker, claims_propose
from tracker.extraction_places import Place

SUKKARI = Place("as-sukkari", ("as-sukkari",))
# "Bab al-Hadid area" puts "area" among the words the record writes in lower case in a name.
GAZETTEER = Indexes.build([*SPELLED, ("as-Sukkari", SUKKARI), ("Hanano area", SPELLED[0][1])], [])
propose_here = partial(propose, indexes=GAZETTEER)


def test_a_loose_skeleton_is_read_only_from_capitalised_words():
    """ "Suweiqa area" has the looser skeleton of Sukkari only with the letters of "area"."""
    assert propose_here("There were clashes in the Suweiqa area of the city.") == []
    # The name alone, capitalised, still reads by the looser skeleton; "area" after it is kept.
    assert propose_here("There were clashes in Sukkary.") == [
        ("as-sukkari", "contested", "contested")
    ]
    assert propose_here("There were clashes in the Sukkary area.") == [
        ("as-sukkari", "contested", "contested")
    ]


def test_a_direction_from_a_place_is_not_the_half_of_the_city():
    assert propose("The areas captured lie to the east and north of the Old City.") == []
    assert propose("The army seized a neighbourhood to the east.") == []
    # "the east of X" is a part of X, taken by a verb of taking: contested.
    assert propose("The army seized the east of the Old City.") == [
        ("old-city", "contested", "contested")
    ]
    # The half itself is still read.
    assert propose("The army seized the east.") == [("east-aleppo", "government", "captured")]
    assert propose("Rebels hold the east and the army the west.") == [
        ("east-aleppo", "rebels", "held"),
        ("west-aleppo", "government", "held"),
    ]


def test_the_noun_of_a_verb_of_taking_as_the_subject_of_a_modal_claims_nothing():
    assert propose("The capture of Hanano, a rebel stronghold, would be a great victory.") == []
    assert propose("The fall of Hanano will open the road north.") == []
    # The noun of a verb that happened is still read.
    assert propose("The capture of Hanano by the army was confirmed.") == [
        ("hanano", "government", "captured")
    ]


def test_a_place_at_one_end_of_a_gap_is_a_landmark():
    text = (
        "Closing the gap between Hanano and Sheikh Saeed would seal off a pocket of rebel control."
    )
    assert propose(text) == []


def test_a_side_in_an_adjective_of_holding_is_not_the_subject_of_a_later_verb():
    text = "The army advanced into a rebel-held area, days after it seized control of Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    # A verb of holding still takes its side from the adjective right before it.
    assert propose("Rebel-held Hanano was quiet.") == [("hanano", "rebels", "held")]


def test_a_direction_with_its_article_is_a_part_of_the_place_not_a_landmark():
    assert propose("Troops stormed the west of Hanano.") == [("hanano", "contested", "contested")]
    assert propose("Troops stormed a village west of Hanano.") == []


def test_a_guessed_name_that_speaks_is_a_person():
    """ "Sukary" is read as as-Sukkari by its skeleton, unless it is the one who speaks."""
    assert propose_here("Rebels withdrew from Sukary, Sukary said.") == [
        ("as-sukkari", "government", "lost")
    ]
    assert propose_here("Hanano was captured by the army, Sukary said.") == [
        ("hanano", "government", "captured")
    ]
    assert propose_here("The army withdrew, Sukary told AFP.") == []
    # A name before a closing quote and "said" is not the speaker.
    assert propose_here('"The army retook Hanano and Sukary," said the monitor.') == [
        ("hanano", "government", "captured"),
        ("as-sukkari", "government", "captured"),
    ]
    # A spelling on record is not guessed, and stays a place.
    assert propose_here("Fighting in as-Sukkari, Reuters said.") == [
        ("as-sukkari", "contested", "contested")
    ]


def test_the_first_person_nearer_the_verb_than_any_side_is_the_speakers_side():
    text = "Our fight is against the regime forces, that is why we withdrew from Hanano."
    # Not the regime's withdrawal: the one quoted speaks for their own side, here unknown.
    assert propose(text) == []
    # For a verb of taking, that side is the speaker's own, as rule 3 says of any subject.
    took = "Our fight is against the regime forces, that is why we took Hanano."
    assert propose(took) == []
    rebel_outlet = Speaker("Rebel outlet", "opposition")
    assert propose(took, source=rebel_outlet) == [("hanano", "rebels", "captured")]
    # A side named after the first person is the subject again.
    assert propose("We saw that the army withdrew from Hanano.") == [("hanano", "rebels", "lost")]


def test_wresting_and_establishing_control_are_verbs_of_taking():
    assert propose("The army succeeded in wresting control of Hanano.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("The army has established a full control over Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_french_soldiers_are_the_government():
    text = "Les militaires de Bachar el-Assad avaient reconquis le quartier de Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_district_taken_in_a_region_is_a_partial_gain_there():
    assert propose("The army seized full control of a key district in East Aleppo.") == [
        ("east-aleppo", "contested", "contested")
    ]


def test_a_verb_does_not_reach_across_reported_speech_that_begins_a_new_clause():
    text = (
        "The monitor said troops now control most of the district, adding that Hanano was the"
        " first neighbourhood to fall into the hands of rebels."
    )
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_french_captured_by_a_side_is_that_sides_taking():
    text = "Hanano a été le premier quartier capturé par les rebelles."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_restoring_security_and_stability_to_a_place_is_taking_it():
    """The government's own idiom: "to" is the place's, not a passive's agent."""
    text = "Army units restored security and stability to Hanano after killing many terrorists."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "A military source announced the restoration of stability to Hanano."
    sana = Speaker("SANA", "government")
    assert propose(text, source=sana) == [("hanano", "government", "captured")]


def test_a_side_in_a_participles_clause_after_the_verb_is_its_object():
    text = "The source announced the capture of Hanano after eliminating dozens of terrorists."
    assert propose(text) == []
    assert propose(text, source=Speaker("SANA", "government")) == [
        ("hanano", "government", "captured")
    ]


def test_progress_made_in_a_place_is_fighting_there():
    text = "Army units achieved new progress in Hanano against the terrorists."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_a_landmark_named_after_its_district_is_in_it():
    text = "The army restored control over the as-Sukkari Roundabout."
    assert propose_here(text) == [("as-sukkari", "government", "captured")]


def test_taking_part_of_a_place_is_a_partial_gain_not_the_idiom_took_part():
    assert propose("Rebels said they took part of the academy in Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Rebels took part in talks on Hanano.") == []


def test_the_syrian_military_is_the_government():
    assert propose("The Syrian military claimed the capture of Hanano on Friday.") == [
        ("hanano", "government", "captured")
    ]


def test_spanish_armed_extremists_are_rebels_and_tomada_is_taken():
    text = "Durante dos años Hanano permaneció tomada por grupos de extremistas islámicos."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_a_denial_reported_further_back_voids_the_clause():
    # The taking is void; the side denying it holds the place (`denied_by`).
    assert propose("Rebels denied the army had taken Hanano.") == [("hanano", "rebels", "held")]
    # One mechanism for every word of denial, near the verb or far.
    text = "The army dismissed claims that rebels had retaken Hanano."
    assert propose(text) == [("hanano", "government", "held")]
    text = "Rebels rejected reports that the army took Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = (
        "A rebel leader is disputing a military official's account to Reuters that the"
        " government has retaken control of Hanano."
    )
    assert propose(text) == []
    # A denial of something else does not reach a later verb of its own clause.
    assert propose("The army denied the claims and then retook Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_regaining_control_is_taking():
    assert propose("The army advanced, regaining complete control of Hanano on Monday.") == [
        ("hanano", "government", "captured")
    ]


def test_a_place_after_words_of_exception_is_not_the_verbs_object():
    text = (
        "The rebels have lost almost all of the east, with the exception of the Hanano"
        " neighbourhood, where heavy clashes were reported."
    )
    assert ("hanano", "contested", "contested") in propose(text)
    assert ("hanano", "government", "lost") not in propose(text)


def test_a_region_named_as_the_adjective_of_one_place_in_it_is_a_partial_gain():
    text = "Government forces captured a major East Aleppo neighbourhood on Monday."
    assert propose(text) == [("east-aleppo", "contested", "contested")]


def test_a_side_owning_a_line_or_a_place_is_not_the_subject():
    text = "Government forces broke through the rebels' defences and captured Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    # A side's own fighters are still that side.
    assert propose("The rebels' fighters captured Hanano.") == [("hanano", "rebels", "captured")]


def test_losing_control_is_one_verb_of_losing():
    assert propose("Rebels lost control of Hanano.") == [("hanano", "government", "lost")]


def test_a_place_with_a_noun_in_apposition_and_its_relative_clause_is_that_clauses_object():
    text = (
        "Eleven civilians died in an attack on Hanano on Monday, a neighbourhood that regime"
        " forces captured earlier in the day."
    )
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_side_and_its_allies_repelled_are_the_side_driven_off():
    text = "A rebel leader said the army and its allies were completely repelled from Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_a_participle_after_a_comma_does_not_reach_back_and_a_since_clause_dates_itself():
    text = (
        "The army advanced through the front in Hanano, regaining complete control of the Old"
        " City on Monday for the first time since rebels took control of it in 2012."
    )
    found = claims_propose(text, date(2016, 12, 12), OUTLET, INDEXES)
    assert [(p.place.label, p.controller, p.date_from) for p in found] == [
        ("hanano", "contested", date(2016, 12, 12)),
        ("old-city", "government", date(2016, 12, 12)),
    ]


def test_a_place_west_of_the_city_lies_outside_it():
    assert propose("Clashes raged around a police academy west of the city.") == []
    assert propose("Rebels hold the west of the city.") == [("west-aleppo", "rebels", "held")]


def test_a_place_after_comma_and_with_a_verb_of_its_own_opens_a_new_clause():
    assert propose("Rebels took Hanano, and the Old City was quiet.") == [
        ("hanano", "rebels", "captured")
    ]
    text = "The opposition said it controls half of Aleppo, and the Old City would strengthen it."
    assert propose(text) == [("aleppo-city", "contested", "contested")]
    # A list as the subject of its verb stays a list.
    assert propose("Hanano and the Old City were captured by the army.") == [
        ("hanano", "government", "captured"),
        ("old-city", "government", "captured"),
    ]


def test_a_place_named_as_a_part_of_another_is_not_claimed():
    text = "Fighting raged in the Old City, which embraces Hanano and the old market."
    assert propose(text) == [("old-city", "contested", "contested")]


def test_a_capitalised_verb_inside_a_name_is_no_verb_unless_the_sentence_is_a_title():
    text = "The YPG signed an agreement with the Operations Center for the Liberation of Aleppo."
    assert propose(text) == []
    assert propose("Rebels Capture Hanano") == [("hanano", "rebels", "captured")]


def test_a_side_owning_an_attack_is_a_modifier_but_the_owner_of_a_plan_its_agent():
    text = "Syrian Army Repels Militants' Assault, Recaptures Hanano"
    assert propose(text) == [("hanano", "government", "captured")]
    text = "The advance furthers the military's plan of besieging insurgents in Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_the_city_at_the_end_of_a_name_is_not_claimed():
    assert propose("Rebels captured the Great Prophet Mosque of Aleppo in al-Zahra.") == []
    assert propose("The army retook Aleppo.") == [("aleppo-city", "government", "captured")]


def test_a_compass_word_before_a_name_does_not_make_it_a_persons():
    text = "Rebels captured the mosque in Northwest as-Sukkari."
    assert propose_here(text) == [("as-sukkari", "rebels", "captured")]


def test_a_region_after_one_place_of_it_is_a_partial_gain():
    text = "Troops advanced in a district of West Aleppo captured last month by rebels."
    assert propose(text) == [("west-aleppo", "contested", "contested")]


def test_a_side_between_spaced_hyphens_or_in_an_adjective_after_the_verb_is_not_its_subject():
    text = (
        "The capture of Hanano - which had been the biggest rebel-held district - was a major"
        " breakthrough for the regime."
    )
    assert propose(text) == [("hanano", "government", "captured")]


def test_until_states_a_condition_and_leaves_the_adjective_its_say():
    text = "Rebels will not be safe until they seize the nearby regime-held Hanano."
    assert propose(text) == [("hanano", "government", "held")]


def test_the_city_as_the_adjective_of_one_place_in_it_is_not_claimed():
    text = "The army regained an important Aleppo district lost to rebels last month."
    assert propose(text) == []


def test_the_subject_of_a_verbal_noun_follows_it_after_of():
    text = (
        "The army declared victory following the evacuation of the last rebel convoy from"
        " Hanano on Thursday."
    )
    assert propose(text) == [("hanano", "government", "lost")]
