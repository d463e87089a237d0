"""The claim proposer's rules of the sixth round (tracker/extraction*.py): one scenario each,
for a construction of news English found in any war report (voice, attachment, apposition,
aims), made up on the shared small gazetteer."""

from datetime import date

from tests.tracker.test_extraction_rules import CITY, HANANO, INDEXES, OUTLET, SPELLED, propose
from tracker.extraction import Indexes, Speaker, claims_propose

ARABIC = Indexes.build([*SPELLED, ("هنانو", HANANO), ("حلب", CITY)], [])


def test_a_side_after_from_is_the_one_a_place_was_taken_from():
    assert propose("Hanano was liberated from terrorists.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Hanano was recaptured from rebels by government forces.") == [
        ("hanano", "government", "captured")
    ]
    # The speaker's own side takes it, unless it is the side it was taken from.
    kurdish = Speaker("YPG", "kurdish")
    assert propose("They took Hanano from the rebels.", source=kurdish) == [
        ("hanano", "kurdish_ypg", "captured")
    ]
    rebel = Speaker("FSA", "opposition")
    assert propose("Hanano was taken from the rebels.", source=rebel) == [
        ("hanano", "government", "captured")
    ]
    # A subject named before the verb stays the subject.
    assert propose("Rebels took Hanano from government forces.") == [
        ("hanano", "rebels", "captured")
    ]


def test_a_side_as_the_subject_of_a_passive_verb_of_driving_out_is_the_side_driven_out():
    assert propose("Rebels were driven out of Hanano by the army.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Rebels have been ousted from Hanano.") == [("hanano", "government", "captured")]
    assert propose("Government forces were repelled from Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "held")
    ]
    # The active voice keeps its subject; a place as the passive's subject keeps its agent.
    assert propose("The army ousted rebels from Hanano.") == [("hanano", "government", "captured")]
    assert propose("Hanano was captured by rebels.") == [("hanano", "rebels", "captured")]


def test_a_place_lost_to_a_side_is_gained_by_that_side():
    assert propose("Hanano was lost to the army.") == [("hanano", "government", "captured")]
    assert propose("Kurdish fighters lost Hanano to rebels.") == [("hanano", "rebels", "captured")]
    assert propose("Rebels surrendered Hanano to government forces.") == [
        ("hanano", "government", "captured")
    ]
    # Without "to" a side, the other side of the loser holds it.
    assert propose("Rebels lost Hanano.") == [("hanano", "government", "lost")]


def test_a_verb_of_taking_that_states_the_aim_of_an_effort_claims_nothing():
    assert propose("Rebels launched a counterattack to recapture Hanano.") == []
    assert propose("The army's push to fully capture Hanano stalled.") == []
    # Managing to take it is taking it.
    assert propose("The army managed to take Hanano.") == [("hanano", "government", "captured")]


def test_a_description_in_apposition_to_a_taken_object_says_who_held_it_before():
    assert propose("The army captured Hanano, the largest rebel-held district.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Government troops retook Hanano, a rebel stronghold.") == [
        ("hanano", "government", "captured")
    ]
    # Fighting in it does not take it: the description says who holds it.
    assert propose("The army entered Hanano, a rebel stronghold.") == [("hanano", "rebels", "held")]


def test_a_side_after_with_against_or_a_verb_of_fighting_is_not_the_subject():
    assert propose("Rebels fighting the government took Hanano.") == [
        ("hanano", "rebels", "captured")
    ]
    assert propose("Government forces, after clashes with rebels, took Hanano.") == [
        ("hanano", "government", "captured")
    ]
    # A verb of holding right after that side describes it.
    assert propose("Rebels battled with the army stationed in Hanano.") == [
        ("hanano", "government", "held")
    ]
    # Alone before the verb, such a side is still its subject.
    assert propose("After clashes with rebels took Hanano.") == [("hanano", "rebels", "captured")]


def test_a_place_a_side_withdrew_to_is_held_by_that_side():
    assert propose("Rebels withdrew from Hanano to Sheikh Saeed.") == [
        ("hanano", "government", "lost"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    assert propose("Rebels retreated into East Aleppo.") == [("east-aleppo", "rebels", "held")]
    # Losing access to a place is no withdrawal into it.
    assert propose("Rebels lost access to Hanano.") == [("hanano", "government", "lost")]


def test_a_side_that_breaks_the_siege_of_a_place_holds_it():
    assert propose("Rebels broke the siege of Hanano.") == [("hanano", "rebels", "held")]
    assert propose("Rebels launched a battle to break the siege of East Aleppo.") == [
        ("east-aleppo", "rebels", "held")
    ]
    # Its own siege, and a siege going on, are the besieger's.
    assert propose("The army lifted its siege of Hanano.") == [("hanano", "rebels", "held")]


def test_a_verb_in_a_clause_denied_claims_nothing():
    # The taking claims nothing; the side denying it holds the place (`denied_by`).
    text = "The army denied that rebels had retaken Hanano."
    assert propose(text) == [("hanano", "government", "held")]
    text = "Rebels denied reports that the army had captured Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    assert propose("Rebels said that the army had captured Hanano.") == [
        ("hanano", "government", "captured")
    ]


def days(text):
    return [
        (p.place.label, p.date_from, p.date_to)
        for p in claims_propose(text, date(2016, 11, 27), OUTLET, INDEXES)
    ]


def test_a_word_of_time_in_a_relative_clause_dates_only_that_clauses_verb():
    today = date(2016, 11, 27)
    text = "The army recaptured Hanano, which rebels had seized in 2012."
    assert days(text) == [("hanano", today, today)]
    text = "Government forces advanced into Hanano, which had been held by rebels since 2012."
    assert days(text) == [("hanano", today, today)]
    # The clause's own verb keeps its time.
    text = "Rebels, who seized Hanano in 2012, lost Sheikh Saeed on Saturday."
    assert days(text) == [
        ("hanano", date(2012, 1, 1), date(2012, 12, 31)),
        ("sheikh-saeed", date(2016, 11, 26), date(2016, 11, 26)),
    ]


def test_a_place_before_a_relative_clause_is_the_subject_of_the_verb_after_it():
    text = "Hanano, which rebels seized in 2012, was recaptured by the army on Monday."
    assert propose(text) == [("hanano", "government", "captured")]
    assert days(text) == [("hanano", date(2016, 11, 21), date(2016, 11, 21))]
    # Without a verb after the clause, the clause's verb tells.
    assert propose("Shelling hit Hanano, which rebels seized in 2012.") == [
        ("hanano", "rebels", "captured")
    ]


def test_an_arabic_verb_of_shelling_in_any_person_is_an_attack_from_afar():
    # "Regime forces shelled Hanano": the shelling side is not in the place.
    assert propose("قصفت قوات النظام حي هنانو", indexes=ARABIC) == []
    # "The rebels shelled Hanano, under the regime's control": the description tells.
    assert propose("قصف الثوار حي هنانو الخاضع لسيطرة النظام", indexes=ARABIC) == [
        ("hanano", "government", "held")
    ]


def test_a_side_between_a_verb_of_holding_and_a_place_holds_it_only_after_a_conjunction():
    assert propose("Government forces repelled rebels in Hanano.") == [
        ("hanano", "government", "held")
    ]
    assert propose("Rebels control Hanano, the army Sheikh Saeed.") == [
        ("hanano", "rebels", "held"),
        ("sheikh-saeed", "government", "held"),
    ]


def test_a_fight_for_control_of_a_place_or_its_changing_hands_is_contested():
    assert propose("Rebels and the army are battling for control of Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Hanano has changed hands several times.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Rebels took control of Hanano.") == [("hanano", "rebels", "captured")]


def test_a_verb_of_taking_that_states_the_aim_of_a_verb_of_effort_claims_nothing():
    assert propose("The army is fighting to take Hanano.") == []
    assert propose("Rebels vowed to recapture Hanano.") == []


def test_months_counted_days_and_the_weekend_are_words_of_time():
    today = date(2016, 11, 27)  # a Sunday
    assert days("Rebels seized Hanano in July 2012.") == [
        ("hanano", date(2012, 7, 1), date(2012, 7, 31))
    ]
    assert days("Rebels have held Hanano since August 2012.") == [
        ("hanano", date(2012, 8, 1), today)
    ]
    assert days("The army took Hanano in December.") == [
        ("hanano", date(2015, 12, 1), date(2015, 12, 31))
    ]
    assert days("The army took Hanano earlier this month.") == [
        ("hanano", date(2016, 11, 1), today)
    ]
    assert days("The army took Hanano two days ago.") == [("hanano", date(2016, 11, 25), today)]
    assert days("The army took Hanano at the weekend.") == [("hanano", date(2016, 11, 26), today)]
    # A day written with the month tells more.
    assert days("The army took Hanano in July, on 5 July.") == [
        ("hanano", date(2016, 7, 5), date(2016, 7, 5))
    ]


def test_the_city_or_a_half_named_as_the_province_or_its_countryside_is_no_place():
    assert propose("The army took control of villages in southern Aleppo province.") == []
    assert propose("Rebels seized territory in West Aleppo province.") == []
    assert propose("Rebels control much of the Aleppo countryside.") == []
    assert propose("سيطرت قوات النظام على قرى في ريف حلب الجنوبي", indexes=ARABIC) == []
    assert propose("The army retook Aleppo.") == [("aleppo-city", "government", "captured")]


def test_a_region_in_the_possessive_before_a_name_is_its_setting():
    assert propose("Rebels seized West Aleppo's Dahiyet al-Assad.") == []
    assert propose("Rebel-held East Aleppo's residents fled.") == [
        ("east-aleppo", "rebels", "held")
    ]


def test_a_side_in_a_new_clause_is_not_the_subject_of_a_verb_before_it():
    text = "Hanano was captured, while Sheikh Saeed remained under rebel control."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    assert propose("Hanano was captured by rebels.") == [("hanano", "rebels", "captured")]


def test_a_coordinate_clause_with_a_word_of_time_of_its_own_dates_its_own_verbs():
    text = "The army took Hanano on Monday, and advanced into Sheikh Saeed on Wednesday."
    assert days(text) == [
        ("hanano", date(2016, 11, 21), date(2016, 11, 21)),
        ("sheikh-saeed", date(2016, 11, 23), date(2016, 11, 23)),
    ]
    # A clause without one keeps the sentence's.
    text = "On Monday the army took Hanano, and rebels pulled out of Sheikh Saeed."
    assert days(text) == [
        ("hanano", date(2016, 11, 21), date(2016, 11, 21)),
        ("sheikh-saeed", date(2016, 11, 21), date(2016, 11, 21)),
    ]


def test_a_side_as_the_subject_of_a_passive_verb_of_besieging_is_besieged_and_holds():
    assert propose("Rebels in Hanano are besieged.") == [("hanano", "rebels", "held")]
    assert propose("Rebels have been besieged in Hanano since July.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Government forces besieged rebels in Hanano.") == [("hanano", "rebels", "held")]


def test_an_encirclement_or_cutting_off_of_a_place_is_a_siege():
    assert propose("Government forces completed the encirclement of Hanano.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Hanano was cut off by government forces.") == [("hanano", "rebels", "held")]


def test_the_governments_allies_and_the_rebel_groups_by_name_are_sides():
    assert propose("Hezbollah fighters captured Hanano.") == [("hanano", "government", "captured")]
    assert propose("Iranian-backed militias took Sheikh Saeed.") == [
        ("sheikh-saeed", "government", "captured")
    ]
    assert propose("The Nour al-Din al-Zenki movement seized Hanano.") == [
        ("hanano", "rebels", "captured")
    ]


def test_a_side_between_in_and_hands_holds_the_place():
    assert propose("The army took Hanano, leaving Sheikh Saeed in rebel hands.") == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    assert propose("Hanano is in the rebels' hands.") == [("hanano", "rebels", "held")]


def test_an_arabic_verb_of_advancing_in_the_present_tense_is_fighting():
    # "Regime forces are advancing in Hanano": fighting, not the regime's alone (towards Hanano
    # is where they head: `test_a_place_a_side_advances_towards_is_no_fighting_there`).
    assert propose("قوات النظام تتقدم في حي هنانو", indexes=ARABIC) == [
        ("hanano", "contested", "contested")
    ]


def test_an_arabic_verb_after_a_failure_or_an_attempt_claims_nothing():
    # "Regime forces failed to take control of Hanano", "... are trying to take control".
    assert propose("فشلت قوات النظام في السيطرة على حي هنانو", indexes=ARABIC) == []
    assert propose("قوات النظام تحاول السيطرة على حي هنانو", indexes=ARABIC) == []
    assert propose("سيطرت قوات النظام على حي هنانو", indexes=ARABIC) == [
        ("hanano", "government", "captured")
    ]


def test_a_side_after_arabic_min_following_a_verb_of_taking_is_the_one_it_was_taken_from():
    # "The liberation of Hanano from the terrorists": the terrorists lost it.
    assert propose("تحرير حي هنانو من الإرهابيين", indexes=ARABIC) == [
        ("hanano", "government", "captured")
    ]


def test_the_side_before_a_relative_pronoun_is_the_subject_of_its_verb():
    assert propose("Government forces clashed with rebels, who took Hanano.") == [
        ("hanano", "rebels", "captured")
    ]
    assert propose("The army fought rebels who had seized Hanano.") == [
        ("hanano", "rebels", "captured")
    ]


def test_sides_joined_as_one_subject_are_led_by_the_first_named():
    text = "The Democratic Union Party (PYD) and the Free Syrian Army (FSA) took over Hanano."
    assert propose(text) == [("hanano", "kurdish_ypg", "captured")]
    assert propose("Rebels and Kurdish forces took Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]


def test_a_side_holed_up_in_a_place_holds_it():
    assert propose("The army took Hanano from rebels holed up in the Old City.") == [
        ("hanano", "government", "captured"),
        ("old-city", "rebels", "held"),
    ]


def test_a_side_driven_out_in_a_passive_of_another_language_lost_the_place():
    for text in (
        "Les rebelles ont été chassés de Hanano.",
        "Los rebeldes fueron expulsados de Hanano.",
        "Die Rebellen wurden aus Hanano vertrieben.",
    ):
        assert propose(text) == [("hanano", "government", "captured")], text
    assert propose("El ejército expulsó a los rebeldes de Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_a_verb_in_a_condition_claims_nothing():
    assert propose("If government forces take Hanano, the east will be split.") == []
    assert propose("It is unclear whether the army captured Hanano.") == []
    assert propose("Should the army take Hanano, rebels will be cut off.") == []
    assert propose("The army took Hanano, if reports are true.") == [
        ("hanano", "government", "captured")
    ]


def test_a_repelled_attempt_to_advance_on_a_place_is_held_by_the_side_repelling_it():
    text = "Rebels said they had repelled an attempt by government forces to advance on Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    assert propose("Rebels repelled attempts by the army to storm Hanano.") == [
        ("hanano", "rebels", "held")
    ]


def test_an_adjective_of_holding_said_of_a_place_as_its_predicate_holds_it():
    assert propose("Hanano is rebel-held.") == [("hanano", "rebels", "held")]
    assert propose("The army shelled Hanano, which remains rebel-held.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Hanano, now government-held, was quiet.") == [("hanano", "government", "held")]
    # Said of the object of a verb of taking, it tells who held it before.
    assert propose("The army captured Hanano, which was rebel-held.") == [
        ("hanano", "government", "captured")
    ]
