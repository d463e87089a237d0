"""The claim proposer's rules written from whole articles on the three-sided fighting around
Sheikh Maqsoud (tracker/extraction*.py): one scenario each, in sentences of our own, on the
shared small gazetteer."""

from tests.tracker.test_extraction_rules import SPELLED, propose
from tracker.extraction import Indexes, Place


def test_a_place_handed_over_to_a_named_side_is_held_by_that_side():
    for text in (
        "The insurgents handed over Hanano to Kurdish fighters.",
        "Militants handed Hanano over to the YPG on Sunday.",
    ):
        assert propose(text) == [("hanano", "kurdish_ypg", "captured")], text
    text = "Kurdish fighters handed Bustan al-Basha back to the rebels."
    assert propose(text) == [("bustan-al-basha", "rebels", "captured")]


def test_a_sides_own_positions_handed_to_another_are_the_whole_place():
    text = "Regime troops handed their positions in Hanano to the Kurdish militia."
    assert propose(text) == [("hanano", "kurdish_ypg", "captured")]


def test_a_place_left_and_then_taken_by_a_named_side_is_that_sides():
    for text in (
        "Rebels pulled out of Hanano, which Kurdish fighters then seized.",
        "The army withdrew from Hanano, leaving it to the YPG.",
        "Rebels abandoned Hanano, which was later taken over by Kurdish fighters.",
        "Government forces withdrew from Hanano, allowing the YPG to move in.",
    ):
        assert propose(text) == [("hanano", "kurdish_ypg", "captured")], text


def test_a_withdrawal_with_no_side_named_after_it_still_leaves_the_place_to_the_other_side():
    """Guards: a side that is not the taker, or a place after "to", does not count."""
    assert propose("Rebels withdrew from Hanano, which the army had shelled for weeks.") == [
        ("hanano", "government", "lost")
    ]
    assert propose("Rebels withdrew from Hanano to Sheikh Saeed.") == [
        ("hanano", "government", "lost"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    assert propose("Rebels withdrew from Hanano to rebel-held areas.") == [
        ("hanano", "government", "lost")
    ]


NAYRAB = Place("an-nayrab", ("an-nayrab",))
NEW_ALEPPO = Place("new-aleppo", ("new-aleppo",))
GUESSED = Indexes.build([*SPELLED, ("an-Nayrab", NAYRAB), ("New Aleppo", NEW_ALEPPO)], [])


def test_an_english_word_capitalised_is_never_read_as_a_transliterated_place():
    """ "Nearby" shares an-Nayrab's skeleton, "In Aleppo" New Aleppo's looser one."""
    assert propose("Nearby, rebels with rifles stood guard.", indexes=GUESSED) == []
    assert propose("Army Fails To Take Kurdish Areas In Aleppo", indexes=GUESSED) == []
    assert propose("Rebels took the Nairab district.", indexes=GUESSED) == [
        ("an-nayrab", "rebels", "captured")
    ]


def test_the_city_as_the_modifier_of_a_noun_of_places_is_not_the_verbs_object():
    assert propose("Rebels Take over Aleppo Kurdish Area, Seize Army Post") == []
    assert propose("Rebels seized an Aleppo district on Monday.") == []
    assert propose("The army retook Aleppo in December.") == [
        ("aleppo-city", "government", "captured")
    ]


def test_a_sides_positions_reach_only_a_place_right_after_in():
    text = "Rebels shelled army positions, forcing the troops to hide in Hanano."
    assert ("hanano", "government", "held") not in propose(text)
    assert propose("Rebels shelled army positions in Hanano.") == [("hanano", "government", "held")]


def test_a_failed_taking_from_a_side_leaves_the_place_to_that_side():
    for text in (
        "The regime was not able to take Sheikh Saeed from the Kurds.",
        "Rebels failed to seize Sheikh Saeed from the YPG last week.",
    ):
        assert propose(text) == [("sheikh-saeed", "kurdish_ypg", "held")], text
    assert propose("Rebels failed to seize Sheikh Saeed.") == []


def test_a_participle_of_holding_with_its_agent_describes_the_noun_before_it():
    text = "A zone controlled by rebels, and a Nusra column heading towards Hanano, were seen."
    assert propose(text) == []
    text = "Limpiaron una zona controlada por los rebeldes y frenaron a la columna hacia Hanano."
    assert ("hanano", "rebels", "held") not in propose(text)
    assert propose("Areas held by rebels, including Hanano, are quiet.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("The districts controlled by the rebels in Hanano are quiet.") == [
        ("hanano", "rebels", "held")
    ]


def test_a_unit_named_after_a_place_is_a_side_not_the_place():
    assert propose("Clashes erupted between the YPG and the Hanano battalion of the FSA.") == []
    assert propose("Los choques entre las YPG y la katiba Hanano del ELS dejaron 20 muertos.") == []
    assert propose("Liwa Hanano fighters attacked a checkpoint.") == []
    assert propose("Clashes erupted between the YPG and the FSA in Hanano.") == [
        ("hanano", "contested", "contested")
    ]


def test_a_place_besieged_by_two_opposing_sides_at_once_is_held_by_neither():
    for text in (
        "Sheikh Saeed has been besieged by both the regime and the rebels.",
        "Sheikh Saeed has been besieged for a year by both regime and rebel forces.",
    ):
        assert propose(text) == [], text
    assert propose("Sheikh Saeed has been besieged by the regime.") == [
        ("sheikh-saeed", "rebels", "held")
    ]


def test_french_and_spanish_attacks_are_fighting_and_shelling_an_attack_from_afar():
    assert propose("Las milicias atacaron Hanano el martes.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Les rebelles ont attaqué Hanano mardi.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Hanano fue bombardeado por el régimen.") == []


def test_german_militants_and_kurdish_forces_are_sides():
    text = "Das Feuer kam aus den von Militanten kontrollierten Vierteln Hanano und Sheikh Saeed."
    assert propose(text) == [("hanano", "rebels", "held"), ("sheikh-saeed", "rebels", "held")]
    text = "Der Angriff galt dem von kurdischen Kräften kontrollierten Viertel Hanano."
    assert propose(text) == [("hanano", "kurdish_ypg", "held")]
    assert propose("Die Armee rückte gegen die Kämpfer im Viertel Hanano vor.") == [
        ("hanano", "contested", "contested")
    ]


def test_a_loss_with_no_taker_named_goes_to_a_third_side_the_article_says_took_the_place():
    text = (
        "Kurdish fighters seized Hanano on Sunday after two days of clashes. "
        "A rebel commander confirmed their withdrawal from Hanano on Sunday."
    )
    assert propose(text) == [("hanano", "kurdish_ypg", "captured")]
    text = "The army retook Hanano on Sunday. Rebels withdrew from Hanano on Sunday."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Rebels withdrew from Hanano on Sunday."
    assert propose(text) == [("hanano", "government", "lost")]


def test_a_run_ending_in_an_article_is_no_name_and_a_name_going_on_after_al_is_longer():
    sukkari = Place("as-sukkari", ("as-sukkari",))
    indexes = Indexes.build([*SPELLED, ("as-Sukkari", sukkari)], [])
    text = "The attacks of Suwar Al-Sham, Siqor Al Jabal and Ahrar Suriye went on."
    assert propose(text, indexes=indexes) == []
    assert propose("Rebels took Sukkari on Monday.", indexes=indexes) == [
        ("as-sukkari", "rebels", "captured")
    ]


def test_a_unit_named_after_a_place_and_a_person_is_a_side():
    text = "Fighters of the Hanano Badr brigade were killed in clashes with the YPG."
    assert propose(text) == []


def test_french_penetrating_into_a_place_is_fighting_there():
    assert propose("Près de 200 rebelles ont pénétré jeudi dans Hanano.") == [
        ("hanano", "contested", "contested")
    ]


def test_a_place_an_attack_came_from_is_the_attackers_base():
    assert propose("Rebels attacked Sheikh Saeed from Hanano on Monday.") == [
        ("sheikh-saeed", "contested", "contested"),
        ("hanano", "rebels", "held"),
    ]
    assert propose("The militants infiltrated Sheikh Saeed from the side of Hanano.") == [
        ("sheikh-saeed", "contested", "contested"),
        ("hanano", "rebels", "held"),
    ]
    assert propose("Fighting spread from Hanano to Sheikh Saeed.") == [
        ("hanano", "contested", "contested"),
        ("sheikh-saeed", "contested", "contested"),
    ]


def test_the_second_of_two_sides_between_which_something_lies_is_not_placed_in_the_place():
    text = "The deal bans opening a crossing between them and the regime in Hanano."
    assert propose(text) == []
    assert propose("Clashes broke out between the army and rebels in Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Rebels with rifles patrol Hanano.") == [("hanano", "rebels", "held")]


def test_a_districts_name_given_to_a_canton_is_not_the_district():
    assert propose("Clashes went on in the Hanano canton on Monday.") == []
    assert propose("Los combates siguieron en el cantón Hanano el lunes.") == []
    assert propose("Clashes went on in Hanano on Monday.") == [("hanano", "contested", "contested")]


def test_a_sieges_default_holder_yields_to_a_third_side_the_article_says_holds_the_place():
    text = (
        "Kurdish fighters hold Hanano on Monday. "
        "Rebel groups have surrounded Hanano in recent days."
    )
    assert propose(text) == [("hanano", "kurdish_ypg", "held")]
    text = "The Nusra Front holds Hanano. The regime besieged Hanano."
    assert propose(text) == [("hanano", "nusra", "held"), ("hanano", "rebels", "held")]
    assert propose("Rebel groups have surrounded Hanano in recent days.") == [
        ("hanano", "government", "held")
    ]
