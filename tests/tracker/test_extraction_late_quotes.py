"""English quotes of 2016 (the last offensive: Castello road, Ramouseh, the siege and fall of the
east, the evacuation): constructions the claim proposer (tracker/extraction*.py) misread in wire
sentences of one or two sentences, one scenario per rule in sentences of our own, with guards
where a rule could over-reach."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import OUTLET, SPELLED, propose
from tracker.extraction import Indexes, Speaker, claims_propose
from tracker.extraction_places import Place

MIDAN = Place("al-midan", ("al-midan",))
INDEXES = Indexes.build([*SPELLED, ("al-Midan", MIDAN)], [])
propose_l = partial(propose, indexes=INDEXES)
STATE = Speaker("State outlet", "government")


def test_forces_allied_with_or_loyal_to_the_president_are_the_governments():
    text = "Forces allied with President Assad took over Hanano after the rebels pulled back."
    assert propose_l(text) == [("hanano", "government", "captured")]
    text = "Forces loyal to Syrian President Bashar al-Assad seized Sheikh Saeed."
    assert propose_l(text) == [("sheikh-saeed", "government", "captured")]
    # Rebels allied with a rebel group stay rebels.
    text = "Rebels allied with the Levant Front seized Hanano."
    assert propose_l(text) == [("hanano", "rebels", "captured")]


def test_allied_fighters_are_the_governments():
    text = "Allied fighters regained Hanano on Sunday, the military source said."
    assert propose_l(text) == [("hanano", "government", "captured")]
    # Fighters alone are still the rebels.
    assert propose_l("Fighters regained Hanano on Sunday.") == [("hanano", "rebels", "captured")]


def test_a_side_that_losses_are_inflicted_on_or_whose_positions_are_attacked_is_the_object():
    text = "Government forces inflicted heavy losses on the rebels and seized Hanano."
    assert propose_l(text) == [("hanano", "government", "captured")]
    text = "Rebels attacked positions of the regime forces and recaptured Hanano."
    assert propose_l(text) == [("hanano", "rebels", "captured")]
    # A relative pronoun makes the side its verb's subject.
    text = "The rebels inflicted losses on the army, which took Hanano days later."
    assert propose_l(text) == [("hanano", "government", "captured")]


def test_we_who_took_a_place_from_a_side_are_its_foe():
    text = "“We have retaken Hanano from the regime militias,” the commander said."
    assert propose_l(text) == [("hanano", "rebels", "captured")]
    # A government outlet's "we" is still its own side.
    text = "“We liberated Hanano from the terrorists,” the officer said."
    assert propose_l(text, source=STATE) == [("hanano", "government", "captured")]


def test_the_city_after_in_and_a_direction_is_a_setting():
    assert propose_l("Government forces recaptured areas in southwestern Aleppo.") == []
    assert propose_l("Troops seized several blocks in north-east Aleppo on Sunday.") == []
    # The city as the verb's direct object is still claimed.
    text = "Government forces recaptured Aleppo."
    assert propose_l(text) == [("aleppo-city", "government", "captured")]


def test_a_place_within_a_distance_is_a_landmark():
    assert propose_l("Clashes broke out within a kilometre of Hanano.") == []
    assert propose_l("Shells fell within 500 metres of Sheikh Saeed on Monday.") == []
    assert propose_l("Clashes broke out in Hanano.") == [("hanano", "contested", "contested")]


def test_a_place_that_districts_surround_is_a_landmark():
    text = "Rebels pulled out of Hanano and Sheikh Saeed that surround the Old City."
    assert propose_l(text) == [
        ("hanano", "government", "lost"),
        ("sheikh-saeed", "government", "lost"),
    ]
    # A side's troops that surround a place are no districts: the place is not set aside.
    assert propose_l("Troops that surround Hanano blocked the road.") != []


def test_a_guessed_reading_before_a_word_of_the_news_is_a_medium():
    text = "The pan-Arab al-Mayadeen news agency said warplanes were targeting rebels."
    assert propose_l(text) == []
    text = "Al-Mayadeen TV said the rebels were retreating."
    assert propose_l(text) == []
    # The place itself, with a verb, is still read.
    assert propose_l("Rebels hold al-Midan.") == [("al-midan", "rebels", "held")]


def test_celebratory_gunfire_is_no_fighting():
    text = "Residents in Hanano greeted the news with celebratory gunfire."
    assert propose_l(text) == []
    text = "Men in Sheikh Saeed fired gunfire into the air."
    assert propose_l(text) == []
    assert propose_l("Gunfire was heard in Hanano.") == [("hanano", "contested", "contested")]


def test_fighting_alongside_an_ally_is_no_fighting_in_a_place():
    text = "Hezbollah, whose men are fighting alongside the army, denied that Hanano had fallen."
    assert propose_l(text) == []
    # Fighting alongside an ally in a place is fighting there.
    text = "Hezbollah men were fighting alongside the army in Hanano."
    assert propose_l(text) == [("hanano", "contested", "contested")]


def test_a_side_after_alongside_is_an_ally_not_the_subject():
    text = "The Kurdish YPG, fighting alongside rebels, took Sheikh Saeed."
    assert propose_l(text) == [("sheikh-saeed", "kurdish_ypg", "captured")]
    # With no side before it, the one after "alongside" is still read.
    text = "Alongside the army, militias took Hanano."
    assert propose_l(text) == [("hanano", "government", "captured")]


def test_a_control_one_will_be_able_to_or_can_assume_is_to_come():
    text = "Once the convoys leave, the army will be able to claim full control of Hanano."
    assert propose_l(text) == []
    text = "The government can assume total control of Sheikh Saeed after the evacuation."
    assert propose_l(text) == []
    text = "The government has assumed total control of Sheikh Saeed."
    assert propose_l(text) == [("sheikh-saeed", "government", "held")]


def test_the_beginning_of_a_taking_is_an_aim():
    text = "The rebels say the offensive is only the beginning of “liberating Hanano”."
    assert propose_l(text) == []
    text = "Rebels call it the start of retaking Sheikh Saeed."
    assert propose_l(text) == []
    text = "Rebels liberated Hanano at the beginning of the month."
    assert propose_l(text) == [("hanano", "rebels", "captured")]


def test_a_former_stronghold_is_no_holding_now():
    text = "Buses left with the last families from former rebel strongholds in Hanano."
    assert propose_l(text) == []
    assert propose_l("Families returned to the formerly rebel-held Sheikh Saeed.") == []
    # A stronghold now still holds.
    text = "Families sheltered in rebel strongholds in Hanano."
    assert propose_l(text) == [("hanano", "rebels", "held")]


def test_civilians_called_on_to_leave_a_place_are_no_side_leaving_it():
    text = "The army called on civilians to leave Hanano before the assault."
    assert ("hanano", "rebels", "lost") not in propose_l(text)
    assert ("hanano", "government", "lost") not in propose_l(text)
    text = "Rebels agreed to leave Hanano."
    assert propose_l(text) == [("hanano", "government", "lost")]


def test_an_aim_of_taking_the_whole_city_from_a_side_gives_it_no_side():
    text = "The government has been fighting to recapture Aleppo from rebels since 2012."
    assert propose_l(text) == []
    # A district kept from the side named is still theirs.
    text = "The army failed to take Hanano from the rebels."
    assert propose_l(text) == [("hanano", "rebels", "held")]


def days(text):
    """The proposals for `text` with their days, published on 28 November 2016."""
    return [
        (p.place.label, p.controller, p.date_from.isoformat(), p.date_to.isoformat())
        for p in claims_propose(text, date(2016, 11, 28), OUTLET, INDEXES)
    ]


def test_a_past_clause_after_since_dates_its_own_verb():
    text = "The city has been bitterly fought over since rebels captured Hanano in 2012."
    assert days(text) == [("hanano", "rebels", "2012-01-01", "2012-12-31")]
    # The verb before "since" still runs from then to the publication.
    text = "Hanano has been contested since rebels captured it in 2012."
    assert days(text) == [("hanano", "contested", "2012-01-01", "2016-11-28")]
    text = "Hanano has been under siege since the army cut off the road in early July."
    assert days(text) == [("hanano", "rebels", "2016-07-01", "2016-11-28")]


def test_a_first_since_clause_never_dates_the_deed_before_it():
    text = "Troops seized Hanano on Friday, their first advance there since losing it in 2012."
    assert days(text) == [("hanano", "government", "2016-11-25", "2016-11-25")]
    text = "The army retook Hanano for the first time since rebels took it in 2012."
    assert days(text) == [("hanano", "government", "2016-11-28", "2016-11-28")]
    # A holding "since" a year, with no "first", still runs from then.
    assert days("Rebels have held Hanano since 2012.") == [
        ("hanano", "rebels", "2012-01-01", "2016-11-28")
    ]
