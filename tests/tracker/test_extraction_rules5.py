"""The claim proposer's rules of the fifth round (tracker/extraction*.py): one scenario each,
made up in the shape of a construction seen in half A of the development set, on a small
gazetteer of their own."""

from functools import partial

from tests.tracker.test_extraction_rules import HANANO, SPELLED
from tests.tracker.test_extraction_rules import propose as rules_propose
from tracker.extraction import Indexes, Place, Speaker

ASHRAFIYEH = Place("al-ashrafiyeh", ("al-ashrafiyeh",))
INDEXES = Indexes.build([*SPELLED, ("al-Ashrafiyeh", ASHRAFIYEH)], [])
ARABIC = Indexes.build([*SPELLED, ("مساكن هنانو", HANANO)], [])


propose = partial(rules_propose, indexes=INDEXES)


def test_a_sides_people_after_a_word_of_degree_live_there_and_hold_nothing():
    text = "heavy fighting occurred between YPG units and troops in the predominantly Kurdish district al-Ashrafiyeh"
    assert propose(text) == [("al-ashrafiyeh", "contested", "contested")]
    assert propose("The army shelled the mainly Kurdish district of al-Ashrafiyeh.") == []
    # Held, said with a word of degree, is still held; without one, a Kurdish district is.
    assert propose("They fled the mostly rebel-held Hanano.") == [("hanano", "rebels", "held")]
    assert propose("The army shelled the Kurdish district of al-Ashrafiyeh.") == [
        ("al-ashrafiyeh", "kurdish_ypg", "held")
    ]


def test_a_place_on_a_sides_side_of_the_city_is_held_by_that_side():
    text = "one person was killed in rebel shelling in the Hanano neighbourhood on the government side of the divided city"
    assert propose(text) == [("hanano", "government", "held")]
    assert propose("Sheikh Saeed, on the rebel side of the city, was quiet.") == [
        ("sheikh-saeed", "rebels", "held")
    ]
    # "on the" a side's front, not its side: the verb tells.
    assert propose("The army took Hanano on the rebel front.") == [
        ("hanano", "government", "captured")
    ]


def test_fighting_over_a_place_described_as_held_after_a_comma_makes_it_contested():
    text = "fighting erupted over neighbouring Sheikh Saeed, also held by rebels"
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]
    text = "Armata a patruns cu tancuri in cartierul Hanano, controlat de rebeli"
    assert propose(text) == [("hanano", "contested", "contested")]
    # A description in apposition still wins; so does the participle with no fighting before.
    text = "The focal point for fighting was Hanano, a rebel stronghold."
    assert propose(text) == [("hanano", "rebels", "held")]
    assert propose("The army shelled Hanano, held by rebels.") == [("hanano", "rebels", "held")]
    text = "The army entered the bridge, and Hanano, held by rebels."  # a comma between
    assert propose(text) == [("hanano", "rebels", "held")]


def test_a_side_held_part_reaches_a_place_across_the_citys_possessive():
    text = "Residents in a government-held part of Aleppo’s Hanano neighbourhood watch the buses"
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Residents of the rebel-held Aleppo's Sheikh Saeed district fled."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]


def test_places_named_after_the_words_of_an_enumeration_are_taken_whole():
    rebels = Speaker("Coordination committees", "opposition")
    # "The Free Army took control yesterday of important positions, most notably ... Hanano."
    text = "سيطر الجيش الحر امس على مواقع مهمة في حلب، من ابرزها جبل شويحنة ومساكن هنانو"
    assert propose(text, source=rebels, indexes=ARABIC) == [("hanano", "rebels", "captured")]
    text = "The army seized several positions, including Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    # Without an enumeration, positions in a place are a partial gain.
    text = "The army seized several positions in Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]
