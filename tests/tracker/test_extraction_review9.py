"""An adversarial review of the proposer's newest rules (pronoun objects, "not" asides, Sheikh
Maqsoud, repelled advances, the base a side fired from, wire verbs, dates, denials, spellings):
sentences of our own where a rule misfired, each with the rule's own reading kept beside it as a
guard."""

from datetime import date

import pytest

from tests.tracker.test_extraction_arabic_quotes import ARABIC as AR_INDEXES
from tests.tracker.test_extraction_arabic_quotes import propose_ar
from tests.tracker.test_extraction_kurdish_quotes import propose_k
from tests.tracker.test_extraction_rules import INDEXES, OUTLET, propose
from tracker.extraction import claims_propose


def test_them_after_one_place_is_not_the_place():
    text = "Rebels attacked Hanano with two tanks but lost them both to anti-tank missiles."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Rebels stormed Hanano and captured dozens of soldiers, then held them in a school."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Pro-government fighters stormed Hanano, but the rebels took them by surprise."
    assert propose(text) == [("hanano", "contested", "contested")]
    # Guard: "them" after a list of places takes the list up.
    text = "The army captured Hanano and Sheikh Saeed and held them for a week."
    assert propose(text) == [
        ("hanano", "government", "held"),
        ("sheikh-saeed", "government", "held"),
    ]


def test_an_arabic_pronoun_of_people_is_not_the_place():
    text = "اقتحم الجيش حي هنانو وقبض على عشرات الشبان وسيطر عليهم."
    assert ("hanano", "government", "captured") not in propose_ar(text)
    text = "شن الثوار هجوماً على حي هنانو وسيطر عليهم الإرهاق بعد ساعات."
    assert ("hanano", "rebels", "captured") not in propose_ar(text)
    # Guard: عليه after the verb is the place.
    text = "اقتحم الجيش حي هنانو صباح اليوم وسيطر عليه بعد معارك عنيفة."
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_it_in_an_idiom_of_the_verb_is_not_the_place():
    text = "Rebels stormed Hanano and took it as a sign that the army was weakening."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "The army stormed Hanano and took it for granted that the rebels would flee."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Government troops stormed Hanano and took it in turns to guard the prisoners."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Troops stormed Hanano and held it up as proof that the rebels were beaten."
    assert propose(text) == [("hanano", "contested", "contested")]
    assert propose("The army pounded Hanano and left it in ruins.") == []
    assert propose("Rebels shelled Hanano and took it hard when the army hit back.") == []
    # Guard: "took it" with nothing after is the taking.
    text = "Government forces stormed Hanano on Monday and took it after heavy fighting."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_side_fired_upon_from_a_place_does_not_hold_it():
    assert propose("Rebels came under fire from Hanano on Monday.") == []
    assert propose("Rebels said they were fired upon from Hanano.") == []
    assert propose("Rebel fighters were shot dead by snipers firing from Hanano.") == []
    assert propose("The army said a mortar fired from Hanano hit its positions.") == []
    # Guard: the side that fired holds its base.
    assert propose("The army accused rebels of firing from Hanano.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Army snipers fired at civilians from the Old City.") == [
        ("old-city", "government", "held")
    ]
    assert propose("Rebels were targeted from Hanano overnight.") == []
    # Guard: a side firing in the progressive is the one firing.
    assert propose("Rebels are firing at the Old City from Hanano.") == [
        ("hanano", "rebels", "held")
    ]


def test_where_people_fired_at_came_from_is_not_the_firing_sides_base():
    assert ("hanano", "government", "held") not in propose(
        "The army shelled rebels fleeing from Hanano."
    )
    text = "Army snipers fired at civilians trying to flee from the Old City."
    assert ("old-city", "government", "held") not in propose(text)
    text = "The army fired at a rebel convoy heading from Hanano to Sheikh Saeed."
    assert ("hanano", "government", "held") not in propose(text)
    # Guard: a base named after the people fired at.
    assert propose("The army fired on rebels from its positions in Hanano.") == [
        ("hanano", "government", "held")
    ]


# The proposer's own spellings (`tracker.extraction_spellings`) against the shipped gazetteer.
CITADEL = "aleppo-citadel"


def _slugs(text, indexes):
    return {slug for slug, _, _ in propose(text, indexes=indexes)}


@pytest.mark.django_db
def test_a_citadel_that_is_a_sides_stronghold_or_a_complex_is_not_aleppos(indexes):
    for text in (
        "The army captured Hanano, the last rebel citadel in the east.",
        "The rebels' last citadel in the east, Hanano, fell to the army.",
        "Rebels turned Hanano into their citadel.",
        "The army stormed the rebel citadel of Hanano.",
        "Hanano, la citadelle rebelle, est tombée aux mains de l'armée.",
        "Los rebeldes perdieron la ciudadela rebelde de Hanano.",
        "El ejército tomó la ciudadela deportiva de Hanano.",
    ):
        assert CITADEL not in _slugs(text, indexes), text
    # Guard: the citadel itself, alone or of the city.
    assert _slugs("The army still holds the citadel.", indexes) == {CITADEL}
    assert _slugs("The army still holds the citadel of Aleppo.", indexes) == {CITADEL}
    assert _slugs("L'armée tient toujours la citadelle.", indexes) == {CITADEL}
    assert CITADEL in _slugs("The army holds Aleppo and its citadel.", indexes)


@pytest.mark.django_db
def test_a_common_place_of_the_capital_or_of_a_city_named_after_its_noun_is_not_aleppos(indexes):
    for text, slug in (
        (
            "Government troops guarded the international airport in the capital.",
            "aleppo-international-airport",
        ),
        (
            "Rebels shelled the Syrian capital's international airport.",
            "aleppo-international-airport",
        ),
        ("Les rebelles tiennent toujours la vieille ville de la capitale.", "old-city"),
        ("Los rebeldes controlan el casco histórico de la ciudad de Idlib.", "old-city"),
        ("Rebels hold the old city of the town of Maarat al-Numan.", "old-city"),
        ("Les rebelles tiennent la citadelle de la ville de Homs.", CITADEL),
    ):
        assert slug not in _slugs(text, indexes), text
    # Guard: of the city of Aleppo, the Old City is Aleppo's.
    assert _slugs("Rebels hold the old city of the city of Aleppo.", indexes) == {"old-city"}


@pytest.mark.django_db
def test_a_one_word_spelling_beside_a_name_or_after_a_title_is_a_person(indexes):
    for text, slug in (
        ("Rebels interviewed by reporter Zahara Ahmed said they hold Hanano.", "az-zahra"),
        ("Zahara, a mother of three, said rebels still hold Hanano.", "az-zahra"),
        ("Rebel commander Abu Mayssar said his fighters still hold Hanano.", "karm-al-myassar"),
        ("Kurdish commander Shar said rebels still hold Hanano.", "ash-shaar"),
        ("A rebel known as Jandul said his men hold Hanano.", "ayn-at-tal"),
    ):
        assert slug not in _slugs(text, indexes), text
    # Guard: the spelling alone is the place.
    assert propose("Los rebeldes controlan Shar.", indexes=indexes) == [
        ("ash-shaar", "rebels", "held")
    ]
    assert propose("Rebels still hold Zahara.", indexes=indexes) == [("az-zahra", "rebels", "held")]


def _days(text, propose_with=None):
    (proposal,) = claims_propose(text, date(2016, 12, 6), OUTLET, propose_with or INDEXES)
    return proposal.date_from, proposal.date_to


TODAY = (date(2016, 12, 6), date(2016, 12, 6))


def test_a_year_in_an_arabic_relative_clause_dates_only_that_clause():
    text = "استعاد الجيش حي هنانو الذي كان تحت سيطرة المسلحين منذ عام 2012."
    assert _days(text, AR_INDEXES) == TODAY
    text = "قال الجيش إنه استعاد حي هنانو الذي خسره خلال عام 2013."
    assert _days(text, AR_INDEXES) == TODAY
    # Guard: a relative clause of place runs on into the main clause's time.
    text = "سيطر الجيش على حي هنانو الذي يقع شرق المدينة خلال عام 2013."
    assert _days(text, AR_INDEXES) == (date(2013, 1, 1), date(2013, 12, 31))
    # Guard: the year of the clause's own verb.
    text = "يسيطر الثوار على حي هنانو منذ عام 2012."
    assert _days(text, AR_INDEXES) == (date(2012, 1, 1), date(2016, 12, 6))


def test_a_year_in_a_relative_clause_of_another_language_dates_only_that_clause():
    text = "Die Armee eroberte Hanano zurück, das seit 2012 von Rebellen gehalten wurde."
    assert _days(text) == TODAY
    text = "L'esercito ha riconquistato Hanano, in mano ai ribelli dal 2012."
    assert _days(text) == TODAY
    # Guard: "desde" with the claim's own verb.
    assert _days("Los rebeldes controlan Hanano desde 2012.") == (date(2012, 1, 1), TODAY[1])


def test_a_participles_aside_and_a_relative_of_holding_with_no_comma_date_only_themselves():
    assert _days("The army retook Hanano, lost to rebels in a surprise attack last month.") == TODAY
    text = "The army took Hanano from rebels who had controlled it since March 2013."
    assert _days(text) == TODAY
    # Guard: a month with the claim's own verb.
    assert _days("The army took Hanano last month.") == (date(2016, 11, 1), TODAY[1])


def test_a_clause_after_after_that_a_comma_opens_dates_its_own_verb():
    text = "The army took Sheikh Saeed on Monday, weeks after the offensive began at the end of October."
    assert _days(text) == (date(2016, 12, 5), date(2016, 12, 5))
    # Guard: the month dates the main verb when it has no time of its own.
    assert _days("At the end of November the army captured Hanano.") == (
        date(2016, 11, 1),
        date(2016, 11, 30),
    )


def test_a_wire_verb_whose_object_or_subject_is_no_side_and_no_place_claims_nothing():
    assert propose("Rebels gave up hope of taking Hanano.") == []
    assert propose("Rebels gave up five prisoners in Hanano in a swap.") == []
    text = "Government troops broke into homes in Hanano and arrested dozens of men."
    assert ("hanano", "contested", "contested") not in propose(text)
    text = "Panic swept through Hanano as government forces advanced."
    assert ("hanano", "government", "captured") not in propose(text)
    # Guard: the wire verbs with a place and a side.
    assert propose("Rebels gave up Hanano on Monday.") == [("hanano", "government", "lost")]
    assert propose("Rebels broke into Hanano on Monday.") == [("hanano", "contested", "contested")]
    assert propose("Rebels swept into Hanano on Monday.") == [("hanano", "rebels", "captured")]


def test_a_takeover_feared_or_planned_claims_nothing():
    assert propose("Rebels fear a government takeover of Hanano.") == []
    assert propose("The army's planned takeover of Hanano stalled.") == []
    # Guard: a takeover done.
    text = "The army's takeover of Hanano ended four years of rebel rule."
    assert propose(text) == [("hanano", "government", "captured")]


def test_the_origin_of_an_advance_repelled_is_not_the_defenders():
    text = "Rebels repelled an army advance on Sheikh Saeed from Hanano."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    assert propose("Rebels repelled an army advance launched from Hanano.") == []
    text = "The army repelled a rebel incursion from Sheikh Saeed into Hanano."
    assert propose(text) == [("hanano", "government", "held")]


def test_not_under_a_sides_full_control_claims_nothing():
    assert propose("Hanano is not under full government control.") == []
    # Guard: no longer under a side's control is the other side's.
    text = "Hanano was no longer under government control by Monday."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_an_arabic_place_no_longer_under_a_sides_control_is_the_other_sides():
    assert propose_ar("لم يعد حي هنانو تحت سيطرة المعارضة.") == [("hanano", "government", "held")]
    assert propose_ar("لم تعد قوات النظام تسيطر على حي هنانو.") == [("hanano", "rebels", "held")]
    # Guard: still under its control.
    assert propose_ar("ما زال حي هنانو تحت سيطرة المعارضة.") == [("hanano", "rebels", "held")]


def test_the_kurds_own_district_is_read_apart_from_its_list():
    assert propose_k("Rebels lost Sheikh Maqsoud and Bani Zaid.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "lost"),
        ("bani-zaid", "government", "lost"),
    ]
    assert propose_k("Rebels lost Bani Zaid and Sheikh Maqsoud.") == [
        ("bani-zaid", "government", "lost"),
        ("ash-sheikh-maqsoud", "kurdish_ypg", "lost"),
    ]
    # Guard: a list of other districts shares its verb.
    assert propose_k("Rebels lost Bani Zaid and Hellok.") == [
        ("bani-zaid", "government", "lost"),
        ("hellok", "government", "lost"),
    ]


def test_in_a_cleft_a_side_after_not_is_not_the_antecedent():
    assert propose("It was the army, not the rebels, that took Hanano.") == [
        ("hanano", "government", "captured")
    ]
    # Guard: the antecedent of "who" is the subject.
    assert propose("The army clashed with rebels, who took Hanano.") == [
        ("hanano", "rebels", "captured")
    ]


def test_a_place_set_against_the_verbs_own_by_not_claims_nothing():
    assert propose("The army took Hanano, not Sheikh Saeed, on Monday.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Rebels took Sheikh Saeed on Monday, but not Hanano.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]
    assert propose("Hanano, not far from the Old City, was quiet as rebels held it.") == [
        ("hanano", "rebels", "held")
    ]
    # Guard: "not only" joins the place to the verb.
    assert propose("Rebels took not only Sheikh Saeed but Hanano.") == [
        ("sheikh-saeed", "rebels", "captured"),
        ("hanano", "rebels", "captured"),
    ]


def test_a_side_in_a_relative_clause_after_a_side_is_not_the_subject_outside_it():
    assert propose("Rebels, who have fought the army since 2012, still hold Hanano.") == [
        ("hanano", "rebels", "held")
    ]
    text = "The army, which denied rebel claims of heavy losses, lost Hanano on Monday."
    assert propose(text) == [("hanano", "rebels", "lost")]
    # Guards: the verb inside the clause keeps its side; after another noun, the side in the
    # clause may say what that noun is.
    assert propose("Hanano, which the army took on Monday, is quiet.") == [
        ("hanano", "government", "captured")
    ]
    text = "The council, which unites the rebel groups, controls a bakery in Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_a_siege_after_after_and_fighting_after_despite_do_not_reach_the_place():
    text = "سيطر الجيش اليوم على حي هنانو بعد حصار دام أشهراً."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    text = "ما زال الثوار يسيطرون على حي هنانو رغم هجوم قوات النظام."
    assert propose_ar(text) == [("hanano", "rebels", "held")]
    # Guard: a siege with no other verb still says who holds the place.
    assert propose_ar("حاصرت قوات النظام حي هنانو.") == [("hanano", "rebels", "held")]


def test_the_pronoun_of_a_verb_of_repelling_is_the_attack_not_the_place():
    text = "The army launched an attack from Sheikh Saeed, but rebels repelled it."
    assert ("sheikh-saeed", "rebels", "held") not in propose(text)
    # Guard: an attack repelled on a place is held by the side repelling it.
    assert propose("Rebels repelled an army attack on Hanano.") == [("hanano", "rebels", "held")]


@pytest.mark.django_db
def test_them_takes_up_a_plural_of_places(indexes):
    # Guard: "them" after "the eastern districts" takes them up.
    text = "The army stormed the eastern districts and took them within a week."
    assert propose(text, indexes=indexes) == [("east-aleppo", "government", "captured")]
    # and not one place.
    text = "The army stormed Hanano and took them prisoner."
    assert propose(text, indexes=indexes) == [("hanano", "contested", "contested")]


def test_ground_gained_in_a_place_is_partial_and_holding_people_responsible_is_no_holding():
    assert propose("Rebels clawed back some ground in Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    text = "Government forces shelled Hanano and held the rebels responsible for the deaths."
    assert ("hanano", "government", "held") not in propose(text)
    # Guard: the wire verb with its place, and a holding.
    assert propose("The army clawed back Hanano on Monday.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Government forces held Hanano for a week.") == [
        ("hanano", "government", "held")
    ]
    assert propose("Rebels held their ground in Hanano for a week.") == [
        ("hanano", "rebels", "held")
    ]


def test_a_third_side_denying_a_taking_holds_nothing():
    assert propose_k("The Kurds denied that rebels had taken Bani Zaid.") == []
    # Guard: the other side of the taker holds the place it says was not taken.
    assert propose_k("The army denied that rebels had taken Bani Zaid.") == [
        ("bani-zaid", "government", "held")
    ]


def test_an_arabic_denial_that_it_be_reaches_its_verb_across_its_subject():
    text = "نفت وزارة الدفاع الروسية أن يكون الجيش السوري قد خسر حي هنانو."
    assert ("hanano", "rebels", "lost") not in propose_ar(text)
    # Guard: the loss itself, undenied.
    assert propose_ar("خسر الجيش السوري حي هنانو.") == [("hanano", "rebels", "lost")]


def test_an_arabic_side_after_a_verbal_noun_after_after_is_not_a_later_verbs_subject():
    text = "دخلت قوات النظام حي هنانو بعد انسحاب المسلحين منه وسيطرت عليه."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    # Guard: a side after its verb is the verb's.
    text = "بعد انسحاب قوات النظام من حي هنانو سيطر الثوار عليه."
    assert ("hanano", "rebels", "captured") in propose_ar(text)
