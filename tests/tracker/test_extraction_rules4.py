"""The claim proposer's rules of the fourth round (tracker/extraction*.py): one scenario each,
made up in the shape of a construction seen in half A of the development set, on a small
gazetteer of their own."""

from functools import partial

from tests.tracker.test_extraction_rules import HANANO, SPELLED
from tests.tracker.test_extraction_rules import propose as rules_propose
from tracker.extraction import Indexes, Place

SULEIMANIYEH = Place("al-suleimaniyeh", ("al-suleimaniyeh",))
INDEXES = Indexes.build(
    [
        *SPELLED,
        ("al-Suleimaniyeh", SULEIMANIYEH),
        ("هنانو", HANANO),
        ("Masaken Hanano", HANANO),
    ],
    [],
)


propose = partial(rules_propose, indexes=INDEXES)


def test_a_noun_of_places_in_another_language_does_not_make_a_guessed_name_a_persons():
    # "The Sleimaniya district is under the control of the army" (Russian).
    assert propose("Район Слеймания находится под контролем армии.") == [
        ("al-suleimaniyeh", "government", "held")
    ]
    # A capitalised word that is no noun of places still makes it a name.
    assert propose("Иван Слеймания находится под контролем армии.") == []


def test_a_russian_side_is_read_in_every_case_the_agent_of_a_passive_included():
    # "Sleimaniya is controlled by the Syrian army": the agent in the instrumental case.
    assert propose("Слеймания контролируется сирийской армией.") == [
        ("al-suleimaniyeh", "government", "held")
    ]


def test_a_sides_unnamed_districts_in_the_plural_are_its_half_of_the_city():
    text = "Regime helicopters dropped barrel bombs on opposition-held districts in the city."
    assert propose(text) == [("east-aleppo", "rebels", "held")]
    text = "القصف الذي يستهدف كل الأحياء الخاضعة لسيطرة المعارضة"
    assert propose(text) == [("east-aleppo", "rebels", "held")]
    text = "Rebels shelled government-controlled neighbourhoods on Monday."
    assert propose(text) == [("west-aleppo", "government", "held")]
    # A named district: the plural says what it is. Areas may lie outside the city.
    text = "said a fighter in Hanano, one of the last rebel-held neighbourhoods."
    assert propose(text) == [("hanano", "rebels", "held")]
    assert propose("Regime jets struck opposition-held areas on Monday.") == []


def test_an_arabic_noun_in_the_accusative_has_the_side_before_it_as_subject():
    # "The regime's forces impose a siege on the rebels' areas in Hanano": the regime besieges.
    text = "وتفرض قوات النظام طوقاً على مناطق الثوار في حي هنانو"
    assert propose(text) == [("hanano", "rebels", "held")]


def test_a_region_after_a_name_not_on_the_map_and_a_comma_locates_that_name():
    text = "Rebel fighters took control of Dahiyet al-Assad, West Aleppo, on Saturday."
    assert propose(text) == []
    text = "Rebel fighters took control of Hanano and West Aleppo on Saturday."
    assert ("west-aleppo", "rebels", "captured") in propose(text)


def test_a_region_whose_parts_are_counted_is_their_setting_not_a_claim():
    text = "Rebels seized three Christian quarters of the Old City, including Hanano."
    assert propose(text) == [("hanano", "rebels", "captured")]
    text = "Rebels seized the Old City, including Hanano."
    assert ("old-city", "rebels", "captured") in propose(text)


def test_a_russian_kh_may_stand_for_an_arabic_h():
    # "The army took control of Masakin-Khanano": х for ح (Hanano), not only for خ.
    assert propose("Армия взяла под контроль Масакин-Ханано.") == [
        ("hanano", "government", "captured")
    ]
