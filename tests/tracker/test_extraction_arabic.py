"""The claim proposer's rules written from whole Arabic (and a few French and Spanish) articles
pasted as an analyst would (tracker/extraction*.py): one scenario each, on the shared small
gazetteer, in sentences of our own."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import (
    BUSTAN,
    CITY,
    HANANO,
    OUTLET,
    SHEIKH_SAEED,
    SPELLED,
    propose,
)
from tracker.extraction import Indexes, Speaker, claims_propose, sentences_split

ARABIC = Indexes.build(
    [*SPELLED, ("هنانو", HANANO), ("الشيخ سعيد", SHEIKH_SAEED), ("بستان الباشا", BUSTAN)], []
)
propose_ar = partial(propose, indexes=ARABIC)
STATE = Speaker("State outlet", "government")


def test_a_sentence_ends_at_a_full_stop_with_no_space_before_the_next():
    text = "تقدم الجيش في هنانو.وسيطر الثوار على حي الشيخ سعيد."
    assert sentences_split(text) == ["تقدم الجيش في هنانو.", "وسيطر الثوار على حي الشيخ سعيد."]
    assert propose_ar(text) == [
        ("hanano", "contested", "contested"),
        ("sheikh-saeed", "rebels", "captured"),
    ]
    assert sentences_split('قال المصدر "انسحبنا من هنانو."وأضاف') == [
        'قال المصدر "انسحبنا من هنانو."',
        "وأضاف",
    ]
    assert sentences_split("Rebels left Hanano.The army") == ["Rebels left Hanano.", "The army"]
    assert sentences_split("U.S.Army and (أ.ف.ب) agency") == ["U.S.Army and (أ.ف.ب) agency"]


def test_arabic_la_or_lam_before_zala_is_still_not_a_negation():
    assert propose_ar("لا يزال الثوار يسيطرون على حي الشيخ سعيد.") == [
        ("sheikh-saeed", "rebels", "held")
    ]
    assert propose_ar("قال إن الجيش لم يزل يسيطر على هنانو.") == [("hanano", "government", "held")]
    assert propose_ar("قال إن الجيش لم يسيطر على هنانو.") == []


def test_min_after_a_noun_of_units_is_partitive_and_its_side_is_the_subject():
    text = "سيطرت وحدات من الجيش على حي الشيخ سعيد صباح اليوم."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    assert propose_ar("حرر الجيش حي هنانو من المسلحين.") == [("hanano", "government", "captured")]


def test_the_government_and_the_regular_forces_are_the_governments_side():
    text = "نقل المسلحون إلى المناطق التي تسيطر عليها الحكومة في هنانو."
    assert propose_ar(text) == [("hanano", "government", "held")]
    text = "قال المرصد إن القوات النظامية استعادت حي الشيخ سعيد من المتمردين."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]


def test_an_arabic_adjective_of_holding_after_the_object_of_taking_says_who_held_it_before():
    text = "قال ناشطون إن الجيش سيطر على حي الشيخ سعيد الخاضع لسيطرة المعارضة منذ سنوات."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    text = "سقطت القذائف على حي الشيخ سعيد الخاضع لسيطرة المعارضة."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "held")]


def test_an_arabic_verbal_noun_with_its_side_before_ala_is_a_verb_of_taking():
    text = "أكد المرصد سيطرة قوات النظام على حي هنانو، وسيطرة الأكراد على حي الشيخ سعيد."
    assert propose_ar(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "kurdish_ypg", "captured"),
    ]
    text = "تقع هنانو تحت سيطرة قوات النظام على ما يبدو."
    assert propose_ar(text) == [("hanano", "government", "held")]


def test_an_arabic_verb_whose_object_follows_it_does_not_reach_back_to_a_place_before():
    text = "فر المدنيون من حي هنانو بعد إعلان سيطرة قوات النظام على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]


def test_an_arabic_verb_read_inside_a_word_is_negated_by_the_words_before_that_word():
    assert propose_ar("قال إن الجيش تحاول قواته من التقدم في هنانو.") == []
    assert propose_ar("قال إن الجيش يواصل التقدم في هنانو.") == [
        ("hanano", "contested", "contested")
    ]


def test_arabic_places_after_towards_a_withdrawal_are_where_the_side_went():
    text = "انسحب المسلحون من حي هنانو باتجاه القسم الجنوبي من المدينة وهو حي الشيخ سعيد."
    assert propose_ar(text) == [
        ("hanano", "government", "lost"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    text = "خسر المسلحون نحو ثلثي حي الشيخ سعيد."  # نحو is "about" here, not "towards"
    assert propose_ar(text) == [("sheikh-saeed", "government", "lost")]


def test_an_arabic_place_around_which_or_in_whose_direction_or_on_whose_road_is_a_landmark():
    for text in (
        "سيطر الثوار على المنطقة المحيطة بحي هنانو.",
        "سيطر الثوار على مواقع في محيط هنانو.",
        "تقدم الجيش من جهة الشيخ سعيد.",
        "قطع الثوار طريق هنانو.",
    ):
        assert propose_ar(text) == [], text


def test_an_arabic_adjective_of_holding_qualifies_the_noun_right_before_it():
    text = "يشرف حي الشيخ سعيد على الأحياء الخاضعة لسيطرة المسلحين في الجنوب."
    assert propose_ar(text) == []
    assert propose_ar("يقع حي هنانو الخاضع لسيطرة المسلحين في الشرق.") == [
        ("hanano", "rebels", "held")
    ]


def test_an_arabic_verbal_noun_of_withdrawal_with_a_possessive_suffix_is_its_possessors():
    text = "أعلنت فصائل المعارضة اليوم انسحابها من حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "lost")]


def test_a_place_an_attack_is_launched_from_is_held_by_the_attacker():
    text = "صد الثوار هجوما شنته قوات النظام انطلاقا من حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "held")]


def test_an_arabic_incursion_into_a_place_is_fighting_there():
    text = "تمكن الجيش من التوغل في حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]


def window(text, published=date(2016, 11, 28)):
    [proposal] = claims_propose(text, published, OUTLET, ARABIC)
    return proposal.date_from, proposal.date_to


def test_since_a_weekday_runs_from_that_day_to_the_publication():
    assert window("تقدم الجيش منذ ليل السبت في هنانو.") == (date(2016, 11, 26), date(2016, 11, 28))
    assert window("The army has advanced in Hanano since Saturday.") == (
        date(2016, 11, 26),
        date(2016, 11, 28),
    )
    assert window("تقدم الجيش يوم السبت في هنانو.") == (date(2016, 11, 26), date(2016, 11, 26))


def test_an_arabic_span_of_the_past_days_runs_that_far_back_to_the_publication():
    text = "استعاد الجيش في اليومين الماضيين حي هنانو."
    assert window(text) == (date(2016, 11, 26), date(2016, 11, 28))
    text = "خسر المسلحون خلال الأسابيع الثلاثة الماضية حي هنانو."
    assert window(text) == (date(2016, 11, 7), date(2016, 11, 28))
    text = "خسر المسلحون خلال الأيام الماضية حي هنانو."  # a few: three
    assert window(text) == (date(2016, 11, 25), date(2016, 11, 28))


def test_an_arabic_verb_stating_an_aim_claims_nothing():
    for text in (
        "بدأ الجيش هجوما بهدف السيطرة على حي هنانو.",
        "تهدف قوات النظام إلى السيطرة على حي هنانو.",
        "قال إن الجيش يهدف في المرحلة المقبلة إلى السيطرة على حي هنانو.",
        "شن الجيش هجوما بغية السيطرة على حي الشيخ سعيد.",
    ):
        assert propose_ar(text) == [], text


def test_arabic_words_of_partial_gains_with_their_article_or_half_make_a_claim_contested():
    text = "سيطر الجيش على عدد من كتل الأبنية في حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    text = "انتزعت قوات النظام السيطرة على نصف حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]


def test_arabic_fighting_qital_is_a_verb_of_fighting():
    assert propose_ar("يستعر القتال في حي هنانو.") == [("hanano", "contested", "contested")]


def test_an_arabic_place_adjacent_to_another_is_a_landmark():
    text = "تسيطر الفصائل على حي الشيخ سعيد المحاذي لحي هنانو."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "held")]


def test_an_arabic_word_of_shelling_with_its_prefix_or_article_tells_of_an_attack_from_afar():
    for text in ("واستهدف القصف حي هنانو من مواقع قوات النظام.", "طال القصف حي هنانو."):
        assert propose_ar(text) == [], text
    text = "قتل مدني برصاص قناص قوات النظام المتمركز في حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "held")]


def test_a_side_after_min_qabdat_from_the_grip_of_is_the_one_a_place_was_taken_from():
    text = "انتزع الجيش السيطرة على حي هنانو من قبضة المعارضة."
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_a_side_in_an_arabic_relative_clause_is_not_the_subject_of_a_verb_after_it():
    text = "كسر الثوار الحصار الذي تفرضه قوات النظام، بعد السيطرة على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "captured")]


def test_the_arabic_adjective_subject_to_a_side_holds_only_the_noun_before_it():
    text = "شكل حي بستان الباشا ممرا من الريف إلى الأحياء الشرقية الخاضعة للمعارضة."
    assert propose_ar(text) == [("east-aleppo", "rebels", "held")]
    text = "يقع حي هنانو الخاضع للمعارضة في الشرق."
    assert propose_ar(text) == [("hanano", "rebels", "held")]


def test_french_spanish_and_italian_sides_by_their_common_names():
    text = "Les forces militaires ont repris Hanano après des combats avec les rebelles."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Les civils ont rejoint les zones contrôlées par le gouvernement dans Hanano."
    assert propose(text) == [("hanano", "government", "held")]
    text = "Los combatientes del Ejército Libre Sirio se retiraron de Hanano."
    assert propose(text) == [("hanano", "government", "lost")]
    text = "Hanano est le principal bastion du front Al-Nosra."
    assert propose(text) == [("hanano", "nusra", "held")]


def test_french_spanish_and_italian_weekdays_yesterday_and_years_date_a_claim():
    published = date(2016, 11, 28)  # a Monday
    for text, day in (
        ("Les forces du régime ont repris Hanano samedi.", date(2016, 11, 26)),
        ("El ejército recuperó Hanano el jueves.", date(2016, 11, 24)),
        ("L'armée a repris hier Hanano.", date(2016, 11, 27)),
    ):
        [proposal] = claims_propose(text, published, OUTLET, ARABIC)
        assert (proposal.date_from, proposal.date_to) == (day, day), text
    [proposal] = claims_propose(
        "Les rebelles ont pris le contrôle de Hanano en 2012.", published, OUTLET, ARABIC
    )
    assert (proposal.date_from, proposal.date_to) == (date(2012, 1, 1), date(2012, 12, 31))


def test_a_place_after_except_is_not_reached_by_the_verb_before():
    text = "استعاد الجيش معظم ما خسره في حي الشيخ سعيد باستثناء حي هنانو."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    text = "The army retook every district except Hanano."
    assert propose(text) == []


def test_a_place_whose_residents_are_named_is_a_landmark():
    text = "توجه مدنيون من سكان حي الشيخ سعيد إلى هنانو أثناء تقدم قوات النظام فيها."
    assert propose_ar(text) == [("hanano", "contested", "contested")]


def test_a_side_that_loses_control_of_a_place_leaves_it_to_the_other():
    # "فقدت ... السيطرة على" (lost control of): the control after the verb of loss is no gain.
    assert propose_ar("فقدت فصائل المعارضة السيطرة على حي هنانو.") == [
        ("hanano", "government", "lost")
    ]
    assert propose_ar("خسرت قوات النظام السيطرة على حي الشيخ سعيد.") == [
        ("sheikh-saeed", "rebels", "lost")
    ]
    assert propose_ar("فقد الثوار حي هنانو.") == [("hanano", "government", "lost")]
    # Control after any other verb is still a gain.
    assert propose_ar("استعادت فصائل المعارضة السيطرة على حي هنانو.") == [
        ("hanano", "rebels", "captured")
    ]


def test_a_place_inside_a_sides_name_is_no_place():
    # "فتح حلب" (the Conquest of Aleppo) is a rebel operations room, not a claim on the city.
    aleppo = Indexes.build([*SPELLED, ("هنانو", HANANO), ("حلب", CITY)], [])
    text = "أعلنت غرفة عمليات فتح حلب السيطرة على حي هنانو."
    assert propose(text, indexes=aleppo) == [("hanano", "rebels", "captured")]
    assert propose("سيطرت فصائل فتح حلب على هنانو.", indexes=aleppo) == [
        ("hanano", "rebels", "captured")
    ]


def test_a_headlines_arabic_present_tense_of_taking_tells_a_deed_done():
    # Headlines tell a taking in the present ("يحرر", liberates; "يستعيد", regains).
    assert propose_ar("الجيش العربي السوري يحرر حي الشيخ سعيد شرق حلب") == [
        ("sheikh-saeed", "government", "captured")
    ]
    assert propose_ar("الثوار يستعيدون حي هنانو بعد هجوم معاكس") == [
        ("hanano", "rebels", "captured")
    ]
    # A share of a place, in Arabic per cent, is a partial gain.
    assert propose_ar("الجيش يحرر 60 بالمئة من حي هنانو") == [("hanano", "contested", "contested")]


def test_restoring_security_and_stability_to_a_place_is_taking_it():
    text = "أعادت وحدات من الجيش صباح اليوم الأمن والاستقرار إلى حي بستان الباشا."
    assert propose_ar(text) == [("bustan-al-basha", "government", "captured")]
    text = "وحدات من الجيش تعيد الأمن والاستقرار بشكل كامل إلى حي هنانو"
    assert propose_ar(text) == [("hanano", "government", "captured")]
    # With no side named, a state outlet's restoring is its own side's.
    text = "أعلن مصدر عسكري إعادة الأمن إلى حي الشيخ سعيد في جنوب شرق المدينة."
    assert propose_ar(text, source=STATE) == [("sheikh-saeed", "government", "captured")]
    # Security in a place, restored to no one, is no taking.
    assert propose_ar("قال الأهالي إن الأمن في حي هنانو سيئ.") == []


def test_taking_control_in_full_reads_through_the_adverb_of_completeness():
    text = "تمكن الجيش من السيطرة بشكل كامل على حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    text = "أحكمت فصائل المعارضة سيطرتها بالكامل على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "captured")]


def test_fighting_after_after_that_follows_a_place_tells_how_it_was_taken():
    text = "سيطرت وحدات من الجيش على حي هنانو بعد اشتباكات عنيفة."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    assert propose("The army took Hanano after clashes.") == [("hanano", "government", "captured")]
    # With no other verb the fighting still tells of the place.
    assert propose_ar("هدأت الأوضاع في حي هنانو بعد اشتباكات عنيفة.") == [
        ("hanano", "contested", "contested")
    ]


def test_an_arabic_side_after_with_or_against_is_not_the_subject():
    text = "واستعادت السيطرة على حي الشيخ سعيد، إثر معارك مع الفصائل."
    assert propose_ar(text, source=STATE) == [("sheikh-saeed", "government", "captured")]
    assert propose_ar(text) == []  # no side of its own, no one's


def test_a_place_that_falls_into_a_sides_hands_is_that_sides():
    assert propose_ar("سقط حي هنانو بيد قوات النظام بعد حصار طويل.") == [
        ("hanano", "government", "captured")
    ]
    # Shells falling on a place are no taking.
    assert propose_ar("سقطت قذائف على حي هنانو.") == []


def test_an_arabic_side_placed_in_a_place_holds_it():
    text = "قضت وحدات من الجيش على إرهابيين في حي بستان الباشا."
    assert propose_ar(text) == [("bustan-al-basha", "rebels", "held")]
    text = "تتقاسم المدينة قوات النظام في حي هنانو والفصائل في حي الشيخ سعيد."
    assert propose_ar(text) == [
        ("hanano", "government", "held"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    # The positions of a side that are attacked there say no holder.
    assert propose_ar("استهدف الثوار مقرات قوات النظام في حي هنانو.") == []


def test_an_arabic_adjective_of_siege_follows_its_place():
    text = "قصفت قوات النظام حي هنانو المحاصر."
    assert propose_ar(text) == [("hanano", "rebels", "held")]
    # A side after the adjective is not the besieger.
    text = "قصفت مدفعية قوات النظام حي الشيخ سعيد المحاصر الذي تسيطر عليه المعارضة."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "held")]


def test_arabic_fractions_a_third_is_partial_two_thirds_a_majority():
    assert propose_ar("خسر الثوار ثلث حي هنانو.") == [("hanano", "contested", "contested")]
    text = "خسر الثوار جزءاً كبيراً من حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "lost")]


def test_an_arabic_side_past_ala_in_another_verbs_object_is_never_the_subject():
    text = "أعلن مصدر عسكري إعادة الأمن إلى حي هنانو بعد القضاء على المسلحين فيه."
    assert propose_ar(text, source=STATE) == [("hanano", "government", "captured")]
    assert propose_ar(text) == []


def test_the_city_with_the_preposition_bi_attached_is_a_setting():
    aleppo = Indexes.build([*SPELLED, ("هنانو", HANANO), ("حلب", CITY)], [])
    assert propose("الجيش يستعيد مناطق جديدة بحلب", indexes=aleppo) == []
    assert propose("الجيش يستعيد حلب", indexes=aleppo) == [
        ("aleppo-city", "government", "captured")
    ]
    # The countryside with the same preposition is the province, no place of the map.
    assert propose("سيطر الجيش على قرية بريف حلب الشمالي", indexes=aleppo) == []


def test_an_arabic_verbal_noun_of_taking_after_la_of_purpose_is_an_aim():
    # An attack to take a place says no more than its aim, as "an offensive to retake X".
    assert propose_ar("شنت قوات النظام هجوماً للسيطرة على حي الشيخ سعيد.") == []
    # Without the ل of purpose, the taking happened.
    assert propose_ar("أعلن الجيش استعادة حي هنانو.") == [("hanano", "government", "captured")]


def test_the_oppositions_words_for_the_regimes_militias_are_the_governments_side():
    text = "سيطرت الميليشيات الشيعية على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    text = "تقدمت ميليشيات إيران نحو حي هنانو وسيطرت عليه."
    assert propose_ar(text)[0][1] == "government"
    text = "قال ناشطون إن مقاتلين معارضين سيطروا على حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "captured")]
    text = "سيطرت الكتائب الثائرة على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "captured")]


def test_and_also_after_a_comma_opens_a_new_arabic_clause():
    text = "يسود الهدوء حي هنانو اليوم، كما تدور اشتباكات في حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]
    # "كما في" (as in) goes on with the same clause.
    text = "تقدم الجيش في عدة أحياء، كما في حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]


def test_the_areas_of_a_sides_control_are_held_by_it():
    text = "سقطت قذائف أطلقتها الفصائل على مناطق سيطرة قوات النظام في حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "held")]


def test_arabic_areas_of_a_place_are_partial_all_of_its_areas_are_not():
    text = "سيطر الثوار على مناطق عدة في حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]
    text = "سيطر الثوار على جميع أجزاء حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "captured")]
    # The rebels' areas are no part of a place.
    text = "فرضت قوات النظام طوقاً على مناطق الثوار في حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "held")]


def test_a_side_after_an_arabic_verbal_noun_of_expelling_is_its_object_not_a_subject():
    text = "يواصل الجيش تقدمه في حي هنانو وطرد المسلحين منه حيث استطاع تحرير حي الشيخ سعيد."
    assert propose_ar(text) == [
        ("hanano", "contested", "contested"),
        ("sheikh-saeed", "government", "captured"),
    ]
    text = "تابعت قوات النظام ملاحقة الارهابيين وتمكنت من تحرير حي بستان الباشا."
    assert propose_ar(text) == [("bustan-al-basha", "government", "captured")]


def test_foiling_or_confronting_an_attempt_on_a_place_is_holding_it():
    text = "أحبطت وحدات الجيش محاولة مسلحين التسلل إلى نقطة عسكرية في حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "held")]
    text = "قتل عشرات المهاجمين خلال تصدي الثوار لمحاولة اجتياح حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "held")]
