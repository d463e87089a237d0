"""The claim proposer's words of one language or use read in ordinary sentences of another
(tracker/extraction*.py): one scenario each, on the shared small gazetteer, in sentences of
our own, written in review of the whole-article rounds."""

from datetime import date

from tests.tracker.test_extraction_arabic import propose_ar
from tests.tracker.test_extraction_articles import propose_here
from tests.tracker.test_extraction_numbers import numbers
from tests.tracker.test_extraction_rules import propose
from tracker.extraction import Speaker
from tracker.extraction_when import window_find

PUBLISHED = date(2016, 12, 6)


def test_until_before_a_verb_in_the_past_is_a_time_not_a_condition():
    text = "The fighting went on until the army captured Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Rebels held out until government forces took Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    # Before a verb not in the past it is still a condition.
    assert propose("Rebels will fight on until the army takes Hanano.") == []


def test_a_denial_reaches_no_further_than_its_clause():
    text = "Rebels denied reports of a truce, but the army has captured Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "The government, which denied using chemical weapons, has retaken Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    # The denied clause itself is still void: the side denying it holds the place.
    assert propose("Rebels denied the army had taken Hanano.") == [("hanano", "rebels", "held")]


def test_a_datelines_dash_opens_no_aside_with_the_next_dash():
    text = "BEIRUT (Reuters) - Syrian government forces captured Hanano - a key district - today."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "ALEPPO, Syria - Government forces captured Hanano - rebels said - on Saturday."
    assert propose(text) == [("hanano", "government", "captured")]


def test_so_far_voids_only_a_holding_not_a_taking():
    assert propose("Die syrische Armee hat bisher Hanano erobert.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Die Armee hatte zuvor Hanano erobert.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Das bisher von Rebellen gehaltene Viertel Hanano.") == []


def test_hier_is_here_in_a_german_sentence_and_yesterday_in_a_french_one():
    assert window_find("Hier kontrollieren die Rebellen Hanano.", PUBLISHED) == (
        PUBLISHED,
        PUBLISHED,
    )
    yesterday = date(2016, 12, 5)
    assert window_find("L'armée a repris Hanano hier.", PUBLISHED) == (yesterday, yesterday)


def test_to_the_west_of_a_place_is_a_landmark_and_the_west_of_it_a_part():
    assert propose("Rebels shelled government positions to the west of Hanano.") == []
    assert propose("Government forces advanced to the east of Hanano.") == []
    assert propose("The army seized the east of the Old City.") == [
        ("old-city", "contested", "contested")
    ]


def test_italian_soldiers_fallen_in_a_place_took_nothing():
    text = "Tre soldati sono caduti ad Hanano durante gli scontri."
    assert propose(text) == [("hanano", "contested", "contested")]
    assert propose("Hanano è caduto nelle mani dell'esercito.") == [
        ("hanano", "government", "captured")
    ]


def test_since_of_another_clause_does_not_stretch_a_month_to_the_publication():
    text = "Rebels have held the district since 2012 and the army retook Hanano in July."
    assert window_find(text, PUBLISHED) == (date(2016, 7, 1), date(2016, 7, 31))
    text = "Hanano has been under siege since the army cut off the last road in early July."
    assert window_find(text, PUBLISHED) == (date(2016, 7, 1), PUBLISHED)


def test_a_year_or_a_day_before_a_side_is_no_count_of_its_people():
    assert propose("In 2012 rebels seized Hanano.") == [("hanano", "rebels", "captured")]
    text = "On December 3 government forces captured Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    # A count of people is still not the side itself.
    assert propose("Yesterday 300 rebels left Hanano.") == []


def test_a_side_owning_an_attack_is_its_subject_when_no_other_side_is_named():
    assert propose("The army's offensive retook Hanano.") == [("hanano", "government", "captured")]
    text = "Syrian Army Repels Militants' Assault, Recaptures Hanano"
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_fraction_is_a_word_of_its_own_before_the_territory_it_divides():
    assert numbers("The council spoke on behalf of the city's residents.") == []
    assert numbers("The army seized a quarter in eastern Aleppo.") == []
    assert numbers("The army took a third district in eastern Aleppo.") == []
    assert numbers("سيطرت قوات النظام على أربع مناطق في حلب.") == []
    # A fraction of the territory is still a share.
    assert numbers("Rebels control half of the city.") == [
        ("rebels", "share_held", 50.0, "exact", "aleppo-city")
    ]
    assert numbers("Боевики удерживают треть территории восточного Алеппо.") == [
        ("rebels", "share_held", 33.3, "exact", "east-aleppo")
    ]


def test_the_east_of_a_number_is_a_word_of_its_own():
    assert numbers("Rebels hold at least 30 percent, the monitor said.") == [
        ("rebels", "share_held", 30.0, "lower", "aleppo-city")
    ]
    assert numbers("The army ostensibly holds 40 percent, officials said.") == [
        ("government", "share_held", 40.0, "exact", "aleppo-city")
    ]
    assert numbers("Die Armee hält 40 Prozent im Osten.") == [
        ("government", "share_held", 40.0, "exact", "east-aleppo")
    ]


def test_military_sources_and_foreign_troops_are_not_the_government():
    # French "sources militaires" are a speaker, not a side.
    text = "Sources militaires: les rebelles contrôlent Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    # Turkish troops are not the Syrian government's.
    assert propose("Турецкие войска вошли в Ханано.") == []
    text = "Les militaires de Bachar el-Assad avaient reconquis le quartier de Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_launched_from_says_who_holds_the_place_after_it_not_the_one_before():
    text = "سيطرت قوات النظام على حي هنانو انطلاقاً من مواقعها في الشيخ سعيد."
    assert propose_ar(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "government", "held"),
    ]


def test_a_road_named_after_a_place_is_not_the_place():
    assert propose_here("Rebels cut the Sukkary Road on Monday.") == []
    # A square or a roundabout named after its district is in it.
    assert propose_here("The army restored control over the Sukkary Square.") == [
        ("as-sukkari", "government", "captured")
    ]


def test_a_russian_ceasefire_regime_is_not_the_regime():
    text = "Боевики нарушили режим прекращения огня и захватили Ханано."
    assert propose(text) == [("hanano", "rebels", "captured")]
    assert propose("Режим Асада вернул контроль над Ханано.") == [
        ("hanano", "government", "captured")
    ]


def test_a_reporters_we_is_no_side():
    text = "Government forces, we were told, captured Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("The army, we understand, has retaken Hanano.") == [
        ("hanano", "government", "captured")
    ]
    # The first person of one who fights is still their side.
    text = "Our fight is against the regime forces, that is why we took Hanano."
    assert propose(text, source=Speaker("Rebel outlet", "opposition")) == [
        ("hanano", "rebels", "captured")
    ]


def test_every_district_or_the_last_district_in_a_region_is_the_whole_of_it():
    assert propose("Rebels still hold every district in East Aleppo.") == [
        ("east-aleppo", "rebels", "held")
    ]
    assert propose("Rebels lost their last district in East Aleppo.") == [
        ("east-aleppo", "government", "lost")
    ]
    # One district in it is still a partial gain.
    assert propose("The army seized full control of a key district in East Aleppo.") == [
        ("east-aleppo", "contested", "contested")
    ]


def test_a_russian_withdrawal_into_a_place_is_to_where_the_side_went():
    assert propose("Боевики ушли в Ханано.") == [("hanano", "rebels", "held")]
    assert propose("Боевики ушли из Ханано.") == [("hanano", "government", "lost")]
