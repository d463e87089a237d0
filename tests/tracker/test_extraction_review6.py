"""Guards from the review of the 2016 English, the other-language and the lead's late rules of
the claim proposer (tracker/extraction*.py): sentences of our own, in the style of short news
quotes, where a rule misfired or missed a small variation of its own wording, each with the
rule's reading kept beside it."""

from datetime import date

from tests.tracker.test_extraction_rules import INDEXES, OUTLET, propose
from tracker.extraction import claims_propose


def days(text):
    """The proposals for `text` with their days, published on Tuesday 6 December 2016."""
    return [
        (p.place.label, p.controller, p.date_from.isoformat(), p.date_to.isoformat())
        for p in claims_propose(text, date(2016, 12, 6), OUTLET, INDEXES)
    ]


def test_a_side_after_a_relative_pronoun_and_an_adverb_is_its_verbs_subject():
    text = "Rebels inflicted losses on government forces, who then retook Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Rebels shelled government forces, who later retook Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_side_driven_or_pushed_back_is_that_verbs_object():
    text = "The army drove back rebels and took Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "The army repelled the rebels and took Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    # Pure guard of current behaviour: the side pushing back is still the subject.
    text = "Rebels pushed back the army and retook Hanano."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_a_fall_into_a_sides_hands_in_spanish_or_italian_is_held_by_that_side():
    text = "La caída de Hanano en manos del ejército fue confirmada."
    assert propose(text) == [("hanano", "government", "held")]
    text = "La caduta di Sheikh Saeed nelle mani dell'esercito è stata confermata."
    assert propose(text) == [("sheikh-saeed", "government", "held")]
    # Pure guard of current behaviour: a fall with no taker still places no side.
    assert propose("La caída de Hanano debilitó a los rebeldes.") == []


def test_a_turkish_case_ending_after_a_places_own_name_is_that_place():
    assert propose("Muhalifler Hanano'yu ele geçirdi.") == [("hanano", "rebels", "captured")]
    assert propose("Hanano'da çatışmalar sürüyor.") == [("hanano", "contested", "contested")]
    assert propose("Rejim güçleri Hanano'dan çekildi.") == [("hanano", "rebels", "lost")]


def test_a_turkish_failure_or_attempt_to_take_says_nothing_of_control():
    assert propose("Rejim güçleri Hanano'yu ele geçiremedi.") == []
    assert propose("Rejim güçleri Hanano mahallesini ele geçirmeye çalışıyor.") == []


def test_a_half_of_a_district_in_other_languages_is_a_part_of_it():
    assert propose("Армия освободила половину Ханано.") == [("hanano", "contested", "contested")]
    text = "Die Armee eroberte die Hälfte von Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "L'esercito ha riconquistato metà di Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]
    assert propose("O exército retomou metade de Hanano.") == [("hanano", "contested", "contested")]


def test_a_half_of_the_city_named_with_the_word_city_in_other_languages():
    assert propose("L'armée tient l'ouest de la ville.") == [("west-aleppo", "government", "held")]
    text = "El ejército controla el oeste de la ciudad."
    assert propose(text) == [("west-aleppo", "government", "held")]
    text = "Die Armee kontrolliert den Westen der Stadt."
    assert propose(text) == [("west-aleppo", "government", "held")]
    assert propose("O exército controla o oeste da cidade.") == [
        ("west-aleppo", "government", "held")
    ]
    text = "I ribelli controllano la metà orientale di Aleppo."
    assert propose(text) == [("east-aleppo", "rebels", "held")]
    text = "Боевики контролируют восточную половину Алеппо."
    assert propose(text) == [("east-aleppo", "rebels", "held")]
    text = "Боевики удерживают восточные кварталы Алеппо."
    assert propose(text) == [("east-aleppo", "rebels", "held")]
    # Pure guards of current behaviour: a place beside the city is no half of it.
    assert propose("Les rebelles tiennent un village à l'ouest de la ville.") == []
    assert propose("Los rebeldes controlan una aldea al oeste de la ciudad.") == []
    # Pure guard of current behaviour: the eastern half of a district is no half of the city.
    text = "Los rebeldes controlan la mitad oriental de Hanano."
    assert ("east-aleppo", "rebels", "held") not in propose(text)


def test_a_russian_flight_from_a_place_is_its_loss():
    assert propose("Боевики бежали из Ханано.") == [("hanano", "government", "lost")]


def test_a_place_within_a_few_kilometres_or_that_hills_surround_is_a_landmark():
    assert propose("The army is within a few kilometres of Hanano.") == []
    assert propose("Rebels seized the hills that surround Hanano.") == []
    assert propose("Rebels shelled districts surrounding Hanano.") == []
    # Pure guard of current behaviour: a side's troops surrounding a place are no districts.
    assert propose("Troops surrounding Hanano cut the road.") != []


def test_fought_alongside_an_ally_is_fighting_only_in_a_place_of_its_own():
    text = "Iraqi militias fought alongside the army in Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Hezbollah, whose men fought alongside the army, denied that Hanano had fallen."
    assert propose(text) == []


def test_a_place_bombed_or_besieged_between_commas_is_the_later_verbs_subject():
    text = "Hanano, bombed by Russian jets, was taken by rebels."
    assert propose(text) == [("hanano", "rebels", "captured")]
    text = "Hanano, besieged for months, fell to the army."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Hanano, besieged by the army since July, was taken by rebels on Sunday."
    assert days(text) == [("hanano", "rebels", "2016-12-04", "2016-12-04")]
    # With no verb after it, the siege still says who holds the place.
    assert propose("Hanano, besieged by the army, is short of food.") == [
        ("hanano", "rebels", "held")
    ]


def test_plain_claims_the_late_rules_leave_alone():
    # Pure guard of current behaviour: plain claims near the words of the 2016 rules.
    assert propose("Government forces loyal to Assad lost Hanano.") == [
        ("hanano", "rebels", "lost")
    ]
    assert propose("Rebels, held back for weeks, finally took Hanano.") == [
        ("hanano", "rebels", "captured")
    ]
    assert propose("Hanano, once a rebel stronghold, is now firmly under army control.") == [
        ("hanano", "government", "held")
    ]
    assert propose("Within a week, the army retook Hanano.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Rebels said government forces took Hanano.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Армия освободила квартал Ханано.") == [("hanano", "government", "captured")]
    assert propose("L'esercito ha preso il controllo di Hanano, Sakhour e Sheikh Saeed.")[0] == (
        "hanano",
        "government",
        "captured",
    )


def test_a_stronghold_of_a_place_taken_goes_to_the_taker():
    text = "The army captured the last rebel stronghold of Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Rebels retook their former stronghold of Hanano."
    assert propose(text) == [("hanano", "rebels", "captured")]
    # A stronghold only shelled, or named alone, still says who holds the place.
    text = "The army shelled the rebel stronghold of Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    assert propose("Hanano remains a rebel stronghold.") == [("hanano", "rebels", "held")]


def test_a_participle_between_commas_in_other_languages_is_an_aside():
    text = "Il quartiere di Hanano, controllato dai ribelli, è stato riconquistato dall'esercito."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "El barrio de Hanano, controlado por los rebeldes, fue tomado por el ejército."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Hanano, tenu par les rebelles depuis 2012, a été repris par l'armée."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Hanano, controllato dai ribelli dal 2012, è caduto nelle mani dell'esercito."
    assert propose(text) == [("hanano", "government", "captured")]
    # With no verb after it, the participle still says who holds the place.
    assert propose("Hanano, tenu par les rebelles, a été bombardé.") == [
        ("hanano", "rebels", "held")
    ]


def test_an_apposition_with_one_of_or_an_encirclement_is_an_aside():
    text = "Hanano, one of the first districts rebels took in 2012, fell to the army."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Hanano, encircled for weeks, was retaken by the army."
    assert propose(text) == [("hanano", "government", "captured")]


def test_italian_ha_preso_and_spanish_cayo_en_manos_are_takings():
    text = "L'esercito ha preso Hanano, i ribelli sono fuggiti."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Hanano, bombardata dalla Russia, è stata presa dall'esercito."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("Hanano cayó en manos de los rebeldes.") == [("hanano", "rebels", "captured")]
    # Taking part is no taking.
    text = "I ribelli hanno preso parte ai combattimenti a Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_a_sides_own_allied_fighters_are_that_sides():
    text = "Rebels and their allied fighters captured Hanano."
    assert propose(text) == [("hanano", "rebels", "captured")]
    assert propose("Rebels and allied fighters captured Hanano.") == [
        ("hanano", "rebels", "captured")
    ]
    # Allied fighters alone are still the government's.
    text = "Allied fighters regained Hanano on Sunday."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_places_own_relative_clause_outlives_a_voided_verb_before_it():
    text = "Civilians will be able to leave Hanano, which rebels still hold."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "Rebels say they will be able to hold Hanano, which they captured on Sunday."
    assert propose(text) == [("hanano", "rebels", "captured")]
    # Pure guard of current behaviour: a verb not voided keeps the place, the clause its past.
    text = "The army retook Hanano, which rebels captured in 2012."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_negation_in_other_languages_voids_the_verb_after_it():
    assert propose("O exército ainda não assumiu o controle de Hanano.") == []
    assert propose("Die Armee hat noch nicht die Kontrolle über Hanano erlangt.") == []
    assert propose("L'armée n'a pas repris Hanano.") == []
    assert propose("L'esercito non ha preso Hanano.") == []
    assert propose("Армия не освободила Ханано.") == []
    assert propose("Tentara gagal merebut Hanano.") == []
    # Pure guard of current behaviour: without the negation the taking stands.
    assert propose("Армия освободила Ханано.") == [("hanano", "government", "captured")]


def test_not_far_from_a_place_in_other_languages_is_a_landmark():
    text = "Les rebelles, non loin de Hanano, ont pris Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "rebels", "captured")]
    text = "Los rebeldes tomaron Sheikh Saeed, no lejos de Hanano."
    assert propose(text) == [("sheikh-saeed", "rebels", "captured")]


def test_portuguese_expelling_in_the_past_or_the_passive_is_a_taking():
    text = "O exército expulsou os rebeldes de Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("Os rebeldes foram expulsos de Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_fought_is_fighting_and_the_side_fought_is_its_object():
    assert propose("Rebels fought the army in Hanano.") == [("hanano", "contested", "contested")]
    text = "The army fought rebels for weeks and took Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Rebels fought the army and lost Hanano."
    assert propose(text) == [("hanano", "government", "lost")]
    # Fighting on, off or back is no fighting in the place.
    text = "Rebels encircled in Sheikh Saeed fought on."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]


def test_not_only_negates_nothing():
    text = "The army not only took Hanano but also Sheikh Saeed."
    assert propose(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "government", "captured"),
    ]
    text = "Армия не только освободила Ханано, но и Шейх-Саид."
    assert ("hanano", "government", "captured") in propose(text)
    assert propose("Die Armee hat nicht nur Hanano erobert.") == [
        ("hanano", "government", "captured")
    ]
    # A plain negation still voids the verb.
    assert propose("The army did not take Hanano.") == []


def test_a_fall_into_a_sides_hands_in_french_or_german_is_its_taking():
    text = "Hanano, contrôlé par les rebelles depuis 2012, est tombé aux mains de l'armée."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("Hanano fiel an die Armee.") == [("hanano", "government", "captured")]
    text = "Hanano fiel in die Hände der Rebellen."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_indonesian_government_soldiers_are_the_government():
    text = "Tentara pemerintah berhasil merebut Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
