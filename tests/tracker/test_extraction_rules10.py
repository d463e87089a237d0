"""The claim proposer's rules of pronouns and asides: a place taken up again by "it" is the object
of the verb the pronoun follows (`tracker.extraction_pronouns.pronoun_object`), and a side after
"not" between commas is no subject (`tracker.extraction_subject`); in the Kurds' own district the
other side is the Kurds (`tracker.extraction_recipient`); with "امس", yesterday written without its
hamza (`tracker.extraction_words_time`). One scenario each, with its guards."""

from datetime import date

from tests.tracker.test_extraction_arabic_quotes import ARABIC as AR_INDEXES
from tests.tracker.test_extraction_arabic_quotes import propose_ar
from tests.tracker.test_extraction_kurdish_quotes import propose_k
from tests.tracker.test_extraction_rules import INDEXES, OUTLET, propose
from tracker.extraction import claims_propose


def test_a_verb_of_taking_whose_object_is_it_takes_the_place_named_before():
    text = "Government forces stormed Hanano on Monday and took it after heavy fighting."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Rebels entered Sheikh Saeed and seized it within hours."
    assert propose(text) == [("sheikh-saeed", "rebels", "captured")]
    text = "The army pushed into Hanano and held it overnight."
    assert propose(text) == [("hanano", "government", "held")]


def test_a_stronghold_until_a_side_took_it_is_that_sides():
    text = "Hanano was a rebel stronghold until the army took it last week."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Hanano, a rebel stronghold until the army captured it on Saturday, is now quiet."
    assert propose(text) == [("hanano", "government", "captured")]
    # The taking is dated by its own words ("last week"), not the description's.
    text = "Hanano was a rebel stronghold until the army took it last week."
    (proposal,) = claims_propose(text, date(2016, 12, 6), OUTLET, INDEXES)
    assert (proposal.controller, proposal.date_from) == ("government", date(2016, 11, 29))


def test_an_arabic_verb_with_its_pronoun_takes_the_place_it_follows():
    text = "اقتحم الجيش حي هنانو صباح اليوم وسيطر عليه بعد معارك عنيفة."
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_a_negated_verb_with_it_leaves_the_fighting():
    # Pure guards: the rule must not reach a verb that claims nothing.
    text = "Rebels stormed Hanano but failed to take it."
    assert propose(text) == [("hanano", "contested", "contested")]
    # "took it upon itself" is no taking.
    text = "The army entered Hanano and took it upon itself to evacuate the wounded."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_it_after_another_place_names_that_place():
    text = "Rebels stormed Hanano and attacked Sheikh Saeed, then took it."
    assert propose(text) == [
        ("hanano", "contested", "contested"),
        ("sheikh-saeed", "rebels", "captured"),
    ]


def test_a_side_after_not_between_commas_is_not_the_subject():
    assert propose("Rebels, not the army, hold Hanano.") == [("hanano", "rebels", "held")]
    text = "The rebels, and not government forces, control Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    # Pure guard of current behaviour: without the aside, the nearest side holds.
    assert propose("Rebels said the army holds Hanano.") == [("hanano", "government", "held")]


def test_yesterday_without_its_hamza_is_yesterday():
    text = "سيطرت قوات النظام امس على حي هنانو."
    (proposal,) = claims_propose(text, date(2016, 12, 6), OUTLET, AR_INDEXES)
    assert (proposal.date_from, proposal.date_to) == (date(2016, 12, 5), date(2016, 12, 5))


def test_in_the_kurds_own_district_the_other_side_is_the_kurds():
    text = "Rebels withdrew from Sheikh Maqsoud on Sunday evening."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "lost")]
    text = "Islamist brigades besieged Sheikh Maqsoud for months."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    text = "The army pulled out of Sheikh Maqsoud in 2012."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "lost")]
    # Guards: a side named keeps its say, and other districts keep the default.
    text = "Rebels withdrew from Sheikh Maqsoud as the army advanced."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "government", "lost")]
    assert propose("Rebels withdrew from Hanano.") == [("hanano", "government", "lost")]


def test_an_advance_repelled_is_held_by_the_side_repelling_it():
    text = "Rebels repelled an army advance on Sheikh Saeed overnight."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    text = "Government forces thwarted a rebel incursion into Hanano."
    assert propose(text) == [("hanano", "government", "held")]
    # Pure guard of current behaviour: an advance not repelled is fighting.
    assert propose("The army's advance on Hanano went on.") == [
        ("hanano", "contested", "contested")
    ]


def test_a_place_no_longer_under_a_sides_control_is_the_other_sides():
    assert propose("Hanano is no longer under government control.") == [
        ("hanano", "rebels", "held")
    ]
    text = "Sheikh Saeed is no longer in rebel hands."
    assert propose(text) == [("sheikh-saeed", "government", "held")]
    text = "Sheikh Maqsoud is now the only area of the city not under regime control."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    # Guards: a denial by no side claims nothing, and a siege lifted names no holder.
    assert propose("Residents denied that the army took Hanano.") == []
    assert propose("Hanano is no longer under siege by the regime.") == []


def test_the_place_a_side_fired_from_is_that_sides():
    text = "Army snipers fired at civilians from the Old City."
    assert propose(text) == [("old-city", "government", "held")]
    text = "Rebels shelled Hanano from Sheikh Saeed on Monday."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    # Guards: shells with no side name no holder, and people from a place are its natives.
    assert propose("Shells fired from Hanano hit Sheikh Saeed.") == []
    assert propose("Rebel fighters from Hanano joined the battle.") == []


def test_wire_verbs_of_taking_losing_and_fighting_are_read():
    assert propose("Troops swept into Hanano after rebels fled.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Rebels clawed back Sheikh Saeed.") == [("sheikh-saeed", "rebels", "captured")]
    assert propose("Rebels gave up Hanano without a fight.") == [("hanano", "government", "lost")]
    text = "Soldiers raised the Syrian flag over Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("Government forces broke into Hanano.") == [("hanano", "contested", "contested")]
    text = "The army made significant gains in Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]
    text = "The army pushed deep into Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_pro_government_fighters_are_the_governments():
    text = "Pro-government fighters took Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("Pro-regime gunmen took Hanano.") == [("hanano", "government", "captured")]
    # Pure guard of current behaviour: fighters alone are the rebels.
    assert propose("Fighters took Hanano.") == [("hanano", "rebels", "captured")]


def test_the_last_positions_of_a_side_taken_are_the_whole_place():
    text = "The army seized control of the last rebel positions in Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    # Guard: some positions are a part, so the place is contested.
    text = "The army captured several rebel positions in Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_a_relative_clause_of_holding_says_what_was_so_before():
    text = "Rebels withdrew from the last parts of Hanano they held."
    assert propose(text) == [("hanano", "government", "lost")]
    # Guard: a relative clause after a comma dates and describes only itself.
    text = "Rebels captured Hanano, which they held until 2016."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_an_arabic_year_after_since_or_in_dates_the_claim():
    text = "يسيطر الثوار على حي هنانو منذ عام 2012."
    (proposal,) = claims_propose(text, date(2016, 12, 6), OUTLET, AR_INDEXES)
    assert (proposal.date_from, proposal.date_to) == (date(2012, 1, 1), date(2016, 12, 6))
    text = "سيطر الثوار على حي هنانو خلال عام 2013."
    (proposal,) = claims_propose(text, date(2016, 12, 6), OUTLET, AR_INDEXES)
    assert (proposal.date_from, proposal.date_to) == (date(2013, 1, 1), date(2013, 12, 31))


def test_a_year_after_since_in_the_other_languages_runs_to_the_publication():
    for text in (
        "Los rebeldes controlan Hanano desde 2012.",
        "Les rebelles contrôlent Hanano depuis 2012.",
        "I ribelli controllano Hanano dal 2012.",
    ):
        (proposal,) = claims_propose(text, date(2016, 12, 6), OUTLET, INDEXES)
        assert (proposal.date_from, proposal.date_to) == (date(2012, 1, 1), date(2016, 12, 6))


def window(text, published=date(2016, 12, 6)):
    (proposal,) = claims_propose(text, published, OUTLET, INDEXES)
    return proposal.date_from, proposal.date_to


def test_an_abbreviated_month_beside_a_day_is_read_and_ends_no_sentence():
    assert window("The army took Hanano on Nov. 28. Residents fled.") == (
        date(2016, 11, 28),
        date(2016, 11, 28),
    )
    assert window("The army took Hanano on 28 Nov 2016.") == (date(2016, 11, 28),) * 2
    # Guard: alone, an abbreviation is no month ("Mar" is a saint's title in Syriac names).
    assert window("The army took Hanano near Mar Elias church.") == (date(2016, 12, 6),) * 2


def test_last_month_days_ago_and_the_end_of_a_month_are_read():
    assert window("The army took Hanano last month.") == (date(2016, 11, 1), date(2016, 12, 6))
    assert window("The army took Hanano days ago.") == (date(2016, 12, 3), date(2016, 12, 6))
    text = "The army took Hanano at the end of November."
    assert window(text) == (date(2016, 11, 1), date(2016, 11, 30))
    text = "The army took Hanano this past weekend."
    assert window(text) == (date(2016, 12, 3), date(2016, 12, 4))


def test_a_side_denying_the_other_sides_taking_or_its_own_loss_holds_the_place():
    assert propose("Rebels denied that the army took Hanano.") == [("hanano", "rebels", "held")]
    text = "The army denied that it had lost Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "government", "held")]
    text = "نفت فصائل المعارضة سيطرة قوات النظام على حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "held")]
    # Guards: a denial by no side, or of the other side's loss, names no holder.
    assert propose("Residents denied that the army took Hanano.") == []
    assert propose("The army denied that rebels lost Hanano.") == []


def test_a_side_routed_lost_the_place():
    assert propose("Rebels were routed in Hanano.") == [("hanano", "government", "captured")]
    text = "Rebels routed government forces from Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "captured")]
    # Guard: a route is a road, not a rout.
    assert propose("The supply route to Hanano was cut.") == []


def test_german_fighting_in_the_passive_is_fighting():
    assert propose("In Hanano wird heftig gekämpft.") == [("hanano", "contested", "contested")]
