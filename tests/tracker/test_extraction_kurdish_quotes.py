"""Quotes of the three-sided fighting around the Kurdish districts of Aleppo (Sheikh Maqsoud,
Ashrafiyeh, Bani Zaid, Hellok, Bustan al-Basha), 2012-2016: constructions the claim proposer
(tracker/extraction*.py) misread in sentences of one or two sentences, where the holder is often
the Kurds. One scenario per rule, in sentences of our own, with guards where a rule could
over-reach."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import OUTLET, propose
from tracker.extraction import Indexes, Speaker, claims_propose
from tracker.extraction_places import Place

MAQSOUD = Place("ash-sheikh-maqsoud", ("ash-sheikh-maqsoud",))
ASHRAFIYEH = Place("al-ashrafiyeh", ("al-ashrafiyeh",))
BANI_ZAID = Place("bani-zaid", ("bani-zaid",))
HELLOK = Place("hellok", ("hellok",))
BUSTAN = Place("bustan-al-basha", ("bustan-al-basha",))
INDEXES = Indexes.build(
    [
        ("Sheikh Maqsoud", MAQSOUD),
        ("Ashrafiyeh", ASHRAFIYEH),
        ("Bani Zaid", BANI_ZAID),
        ("Hellok", HELLOK),
        ("Bustan al-Basha", BUSTAN),
    ],
    [],
)
propose_k = partial(propose, indexes=INDEXES)
KURDISH = Speaker("Kurdish outlet", "kurdish")


def test_a_place_the_rebels_besiege_is_the_kurds_when_the_sentence_names_the_kurds():
    text = "Islamist factions have surrounded the Kurdish district of Sheikh Maqsoud for weeks."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    text = "Rebel brigades besieged Sheikh Maqsoud after the YPG refused to leave."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    # In a Kurdish outlet the rebels' siege is of the Kurds too.
    text = "Armed groups led by Nusra have surrounded Sheikh Maqsoud in recent days."
    assert propose_k(text, source=KURDISH) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    # Guards: with no Kurds named, or with the government named too, the government holds it.
    assert propose_k("Rebels besieged Hellok.") == [("hellok", "government", "held")]
    text = "Rebels besieged Hellok as the army and Kurdish units looked on."
    assert propose_k(text) == [("hellok", "government", "held")]


def test_a_place_the_rebels_lose_goes_to_the_kurds_the_sentence_names():
    text = "Rebels withdrew from Bani Zaid after days of clashes with the YPG."
    assert propose_k(text) == [("bani-zaid", "kurdish_ypg", "lost")]
    text = "The gangs withdrew from Ashrafiyeh after clashes with the Asayish."
    assert propose_k(text, source=KURDISH) == [("al-ashrafiyeh", "kurdish_ypg", "lost")]
    # Guards: a Kurdish outlet naming no Kurds, the government named, or no Kurds at all.
    text = "The gangs withdrew from Ashrafiyeh on Sunday."
    assert propose_k(text, source=KURDISH) == [("al-ashrafiyeh", "government", "lost")]
    text = "The gangs withdrew from Hellok as regime troops pressed on."
    assert propose_k(text, source=KURDISH) == [("hellok", "government", "lost")]
    assert propose_k("Rebels withdrew from Hellok.") == [("hellok", "government", "lost")]


def test_islamists_and_the_kurdish_presss_gangs_and_mercenaries_are_rebels():
    assert propose_k("Islamists captured Bani Zaid.") == [("bani-zaid", "rebels", "captured")]
    text = "Mercenary groups seized Hellok at dawn."
    assert propose_k(text) == [("hellok", "rebels", "captured")]
    text = "Gang groups seized Hellok at dawn."
    assert propose_k(text) == [("hellok", "rebels", "captured")]
    # Guard: the Kurdish press's "ISIS gangs" are ISIS.
    assert propose_k("ISIS gangs seized Hellok.") == [("hellok", "isis", "captured")]


def test_the_ypj_the_asayish_and_jaysh_al_thuwar_are_the_kurds():
    assert propose_k("The Asayish took Ashrafiyeh.") == [
        ("al-ashrafiyeh", "kurdish_ypg", "captured")
    ]
    text = "Jaysh al-Thuwar seized Bani Zaid on Friday."
    assert propose_k(text) == [("bani-zaid", "kurdish_ypg", "captured")]
    assert propose_k("YPJ fighters captured Hellok.") == [("hellok", "kurdish_ypg", "captured")]
    # "YPG fighters", "SDF fighters" are one Kurdish side, not the rebels' "fighters".
    assert propose_k("SDF fighters seized Hellok.") == [("hellok", "kurdish_ypg", "captured")]
    # Guard: fighters alone are still the rebels.
    assert propose_k("Fighters seized Hellok.") == [("hellok", "rebels", "captured")]


def test_clashes_over_control_of_a_place_are_fighting_not_a_holding():
    text = "Heavy clashes took place over control of Sheikh Maqsoud between rebels and the YPG."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "contested", "contested")]
    text = "Fighting over the control of Bani Zaid went on for a week."
    assert propose_k(text) == [("bani-zaid", "contested", "contested")]
    # Guard: taking control is a taking.
    text = "The YPG took control of Sheikh Maqsoud."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "captured")]


def test_an_aggression_on_a_place_is_fighting_there():
    text = "The gangs began a fresh aggression on Sheikh Maqsoud at dawn."
    assert propose_k(text, source=KURDISH) == [("ash-sheikh-maqsoud", "contested", "contested")]


def test_a_counterattack_on_a_place_is_fighting_there():
    text = "Rebel groups launched counterattacks on the Kurdish neighbourhood of Hellok."
    assert propose_k(text) == [("hellok", "contested", "contested")]
    assert propose_k("Rebels counterattacked in Bani Zaid.") == [
        ("bani-zaid", "contested", "contested")
    ]


def test_a_relief_body_labelled_by_a_side_holds_nothing():
    text = "Volunteers of the Kurdish Red Crescent set up a field clinic in Hellok."
    assert propose_k(text) == []
    # Guard: the side itself is still placed there.
    text = "Kurdish fighters patrol the streets of Hellok."
    assert propose_k(text) == [("hellok", "kurdish_ypg", "held")]


def test_a_relative_clause_after_the_places_noun_leaves_them_to_the_main_verb():
    text = (
        "Hellok and Bustan al-Basha districts, which rebels had held since 2012, were handed over"
        " to the YPG."
    )
    assert propose_k(text) == [
        ("hellok", "kurdish_ypg", "captured"),
        ("bustan-al-basha", "kurdish_ypg", "captured"),
    ]
    text = (
        "The Bani Zaid neighbourhood of Aleppo, which the rebels held for years, fell to the army."
    )
    assert propose_k(text) == [("bani-zaid", "government", "captured")]


def test_a_blockade_or_a_siege_on_a_place_is_a_siege():
    text = "Rebels imposed a blockade on Sheikh Maqsoud, the Kurdish-majority district."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    # Guard: with no Kurds named, the besieger's foe is the government.
    assert propose_k("Rebels imposed a blockade on Hellok.") == [("hellok", "government", "held")]
    assert propose_k("Rebels laid siege on Hellok.") == [("hellok", "government", "held")]


def test_the_target_of_an_attack_launched_from_another_place_is_no_claim():
    text = "The gangs began an assault on Sheikh Maqsoud from the areas of Bani Zaid at dawn."
    assert propose_k(text, source=KURDISH) == [("bani-zaid", "rebels", "held")]
    # Guard: an attack on a place with no origin named is still fighting there.
    text = "The gangs began an assault on Sheikh Maqsoud at dawn."
    assert propose_k(text, source=KURDISH) == [("ash-sheikh-maqsoud", "contested", "contested")]


def test_a_taking_whose_only_sides_lost_the_place_is_the_third_sides():
    text = "Briefly captured most of Ashrafiyeh from the Syrian regime and the YPG's units."
    assert propose_k(text) == [("al-ashrafiyeh", "rebels", "captured")]
    text = "Took Hellok from the Syrian regime on Monday."
    assert propose_k(text) == [("hellok", "rebels", "captured")]
    # Guard: a taker named is the taker.
    text = "The YPG took Hellok from the Syrian regime."
    assert propose_k(text) == [("hellok", "kurdish_ypg", "captured")]


def test_a_written_day_before_a_dash_is_the_datelines_and_a_later_one_dates_the_claim():
    text = "Monitor, August 20, 2016—On July 28, 2016, the YPG seized Bani Zaid."
    found = claims_propose(text, date(2016, 8, 20), OUTLET, INDEXES)
    assert [(p.place.label, p.date_from, p.date_to) for p in found] == [
        ("bani-zaid", date(2016, 7, 28), date(2016, 7, 28))
    ]
    # Guard: a dateline's day alone still dates the sentence.
    text = "Monitor, August 20, 2016—The YPG seized Bani Zaid."
    found = claims_propose(text, date(2016, 8, 22), OUTLET, INDEXES)
    assert [(p.date_from, p.date_to) for p in found] == [(date(2016, 8, 20), date(2016, 8, 20))]
