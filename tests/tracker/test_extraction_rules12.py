"""The claim proposer's rules from whole Arabic articles about Aleppo (2012-2016): verbs of
wresting, getting back, routing and a grip tightened (`tracker.extraction_words_arabic`), the
regime's irregulars and fighters loyal to the regime as its side, people who fled to a side's areas
(`tracker.extraction_nouns`, `tracker.extraction_presence`), a part taken in a relative clause
(`tracker.extraction_parts`), a side after "على" and a noun of positions or in a phrase of holding
(`tracker.extraction_subject`, `tracker.extraction_clauses`), a place cleared of a side's men
(`tracker.extraction_recipient`), sections, edges and buildings of a district, a place at whose
edges something lies, control shared and a taking going on (`tracker.extraction_idioms`), a place
gone out of a side's control, the city's sectors as its halves (`tracker.extraction_halves`), one
district of a half, what remains of a place (`tracker.extraction_verbs`); Arabic words of time
(`tracker.extraction_when`, `tracker.extraction_words_time`). One scenario each, in sentences of our
own, with its guards."""

from datetime import date

from tests.tracker.test_extraction_arabic import propose_ar as propose_full
from tests.tracker.test_extraction_arabic_quotes import ARABIC as AR_INDEXES
from tests.tracker.test_extraction_arabic_quotes import propose_ar
from tests.tracker.test_extraction_rules import OUTLET, propose
from tracker.extraction import claims_propose


def test_an_arabic_verb_of_wresting_or_getting_back_takes_the_place():
    text = "انتزعت فصائل المعارضة حي هنانو من قوات النظام بعد يومين من القتال."
    assert propose_ar(text) == [("hanano", "rebels", "captured")]
    text = "واسترجعت قوات النظام حي الشيخ سعيد صباح اليوم."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    text = "استرد الجيش حي هنانو بعد أسبوع من المعارك."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    # Guards: a block wrested stays a part; breath regained is no taking.
    text = "انتزع الثوار كتلة أبنية من حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    assert propose_ar("استرد الأهالي أنفاسهم في حي هنانو بعد توقف القصف.") == []


def test_routing_a_side_from_a_place_takes_it():
    text = "دحرت وحدات الجيش المجموعات المسلحة من حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    # Guard: routing an attack is repelling it, no taking by the router.
    text = "دحر الجيش هجوما للمسلحين على حي هنانو."
    assert ("hanano", "government", "captured") not in propose_ar(text)


def test_a_side_that_tightened_its_grip_on_a_place_takes_it():
    text = "أحكمت قوات النظام قبضتها على حي هنانو بعد انسحاب المسلحين."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    text = "وأحكم الثوار قبضتهم بشكل كامل على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "captured")]
    # Guard: a place in a side's grip is held by it, not taken.
    assert propose_ar("ما زال حي هنانو في قبضة الثوار.") == [("hanano", "rebels", "held")]


def test_the_shabiha_are_the_governments_side():
    text = "اقتحم الشبيحة حي هنانو وسيطروا عليه."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    text = "سيطر شبيحة النظام على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]


def test_people_who_fled_from_a_place_to_a_sides_areas_leave_it_to_no_one():
    text = "فرت عشرات العائلات من حي هنانو وحي الشيخ سعيد إلى مناطق سيطرة النظام."
    assert propose_ar(text) == []
    text = "ونزح الأهالي من حي هنانو باتجاه مناطق سيطرة الثوار."
    assert propose_ar(text) == []
    # Guards: the side's areas in apposition to the places are theirs.
    text = "تعرض حي هنانو وحي الشيخ سعيد، مناطق سيطرة النظام، لقصف عنيف."
    assert propose_ar(text) == [
        ("hanano", "government", "held"),
        ("sheikh-saeed", "government", "held"),
    ]


def test_a_part_taken_in_a_relative_clause_leaves_the_place_contested():
    text = "استعاد الثوار النقاط التي سيطرت عليها قوات النظام في حي هنانو أمس."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    text = "Rebels won back the positions that government forces had captured in Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]
    # Guards: the last positions are the whole; positions a side holds say it is there.
    text = "The army stormed the last positions that rebels held in Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "Rebels attacked the positions that the army holds in Hanano."
    assert propose(text) == [("hanano", "government", "held")]


def test_a_side_after_a_noun_of_positions_acted_on_is_not_the_subject():
    text = (
        "وقال المراسل إن وحدات الجيش نفذت عمليات على تجمعات وأوكار المسلحين حيث أعادت الأمن"
        " والاستقرار إلى حي هنانو."
    )
    assert propose_ar(text) == [("hanano", "government", "captured")]
    # Guard: the verb's own subject after it still leads; the positions taken are a part.
    text = "سيطر الثوار على مواقع قوات النظام في حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]


def test_a_place_cleared_of_a_sides_men_is_taken_from_that_side():
    text = "وتم تطهير حي هنانو من عناصر قوات النظام فجر اليوم."
    assert propose_ar(text) == [("hanano", "rebels", "captured")]
    text = "تم تحرير حي الشيخ سعيد من فلول الإرهابيين."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]


def test_fighters_loyal_to_the_regime_are_the_governments_side():
    text = "وسيطر المسلحون الموالون للنظام على حي هنانو بعد معارك عنيفة."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    text = "اقتحمت الفصائل الموالية للحكومة حي الشيخ سعيد واستولت عليه."
    assert ("sheikh-saeed", "rebels", "captured") not in propose_ar(text)
    # Guard: fighters with no loyalty named are the rebels.
    assert propose_ar("سيطر المسلحون على حي هنانو.") == [("hanano", "rebels", "captured")]


def test_a_section_in_a_direction_or_the_edges_of_a_district_is_a_part():
    text = "أعادت وحدات الجيش الأمن إلى القسم الشمالي الغربي لحي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    text = "سيطر الثوار على الجزء الجنوبي من حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]
    assert propose_ar("سيطر الثوار على أطراف حي هنانو.") == [("hanano", "contested", "contested")]
    # Guard: a section of the city the side went to, named as a district, is that district.
    text = "انسحب المسلحون من حي هنانو باتجاه القسم الشرقي من المدينة وهو حي الشيخ سعيد."
    assert ("sheikh-saeed", "rebels", "held") in propose_ar(text)


def test_a_place_at_whose_edges_something_else_lies_is_a_landmark():
    text = "استعادت قوات النظام قرية صغيرة عند أطراف حي هنانو."
    assert propose_ar(text) == []
    text = "سيطر الثوار على حاجز عند مدخل حي الشيخ سعيد."
    assert propose_ar(text) == []


def _days(text, published=date(2016, 12, 14)):
    (proposal,) = claims_propose(text, published, OUTLET, AR_INDEXES)
    return proposal.date_from, proposal.date_to


def test_arabic_last_week_runs_the_week_before_the_publication():
    text = "سيطرت قوات النظام على حي هنانو الأسبوع الماضي."
    assert _days(text) == (date(2016, 12, 7), date(2016, 12, 14))


def test_the_day_before_yesterday_is_two_days_back():
    assert _days("سيطر الجيش على حي هنانو أول أمس.") == (date(2016, 12, 12), date(2016, 12, 12))
    assert _days("سيطر الجيش على حي هنانو أمس الأول.") == (date(2016, 12, 12), date(2016, 12, 12))
    # Guard: yesterday alone stays one day back.
    assert _days("سيطر الجيش على حي هنانو أمس.") == (date(2016, 12, 13), date(2016, 12, 13))


def test_days_counted_back_with_qabl_or_a_few_days_with_mundhu():
    text = "استعادت قوات النظام حي هنانو قبل ثلاثة أيام."
    assert _days(text) == (date(2016, 12, 11), date(2016, 12, 14))
    text = "سيطر الثوار على حي هنانو منذ أيام."
    assert _days(text) == (date(2016, 12, 11), date(2016, 12, 14))
    # Guard: "قبل أن" (before) counts nothing back.
    text = "سيطر الثوار على حي هنانو قبل أن يصل الجيش."
    assert _days(text) == (date(2016, 12, 14), date(2016, 12, 14))


def test_early_in_the_month_alone_is_this_month():
    text = "سيطر الثوار على حي هنانو مطلع الشهر."
    assert _days(text) == (date(2016, 12, 1), date(2016, 12, 14))
    # Guard: early last month is last month's.
    text = "سيطر الثوار على حي هنانو مطلع الشهر الماضي."
    assert _days(text) == (date(2016, 11, 1), date(2016, 12, 14))


def test_an_arabic_day_written_as_an_ordinal_is_that_day():
    text = "سيطرت وحدات حماية الشعب على حي الشيخ سعيد في السابع والعشرين من أيلول."
    assert _days(text) == (date(2016, 9, 27), date(2016, 9, 27))
    text = "انسحب الثوار من حي هنانو في الحادي عشر من تشرين الثاني 2015."
    assert _days(text) == (date(2015, 11, 11), date(2015, 11, 11))
    assert _days("سيطر الجيش على حي هنانو في الأول من كانون الأول.")[0] == date(2016, 12, 1)


def test_a_side_in_a_phrase_of_holding_is_not_the_subject_of_a_later_verb():
    text = "هاجمت قوات النظام الأحياء الواقعة تحت سيطرة المعارضة واستعادت حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "captured")]
    text = "تقدم الجيش نحو الأحياء الخاضعة لسيطرة المسلحين، كما استعاد حي الشيخ سعيد."
    assert ("sheikh-saeed", "government", "captured") in propose_ar(text)
    # Guard: a side after the verbal noun of taking is its subject, and leads the next verb.
    text = "بعد سيطرة الثوار على حي هنانو سيطروا على حي الشيخ سعيد."
    assert propose_ar(text) == [
        ("hanano", "rebels", "captured"),
        ("sheikh-saeed", "rebels", "captured"),
    ]


def test_control_two_sides_share_is_fighting():
    text = "ويسيطر الطرفان مناصفة على حي الشيخ سعيد منذ أسبوع."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]
    text = "يتقاسم الجيش والمعارضة السيطرة على حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    # Guard: sharing anything else is no fighting.
    assert propose_ar("تقاسمت العائلات المساعدات في حي هنانو.") == []


def test_buildings_taken_in_a_district_are_a_part_of_it():
    text = "تقدم الثوار وسيطروا على مبانٍ في حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]
    text = "سيطرت قوات النظام على عدة مباني في حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]


def test_the_citys_eastern_or_western_sector_is_its_half():
    text = "تسيطر المعارضة على القطاع الشرقي من مدينة حلب."
    assert propose_full(text) == [("east-aleppo", "rebels", "held")]
    text = "وما زالت القوات الحكومية تسيطر على الشطر الغربي من المدينة."
    assert propose_full(text) == [("west-aleppo", "government", "held")]


def test_one_district_of_a_half_leaves_the_half_contested():
    text = "سيطر الثوار على حي في شرق حلب بعد معارك عنيفة."
    assert propose_full(text) == [("east-aleppo", "contested", "contested")]
    text = "استعادت قوات النظام أحد أحياء حلب الشرقية."
    assert propose_full(text) == [("east-aleppo", "contested", "contested")]
    # Guard: the half itself, taken, is the taker's.
    text = "سيطر الثوار على الأحياء الشرقية."
    assert propose_full(text) == [("east-aleppo", "rebels", "captured")]


def test_a_taking_still_going_on_is_fighting():
    text = "تواصل وحدات الجيش عملية تطهير حي هنانو من فلول الإرهابيين."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    text = "وواصل الثوار تحرير حي الشيخ سعيد لليوم الثالث."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]
    # Guard: a taking done, then a continuing, is a taking.
    text = "حرر الجيش حي هنانو وواصل تقدمه."
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_a_place_gone_out_of_a_sides_control_is_lost_by_that_side():
    text = "وخرج حي هنانو عن سيطرة قوات النظام بشكل كامل."
    assert propose_ar(text) == [("hanano", "rebels", "lost")]
    text = "خرجت أحياء هنانو والشيخ سعيد عن سيطرة الثوار بعد معارك."
    assert propose_ar(text) == [
        ("hanano", "government", "lost"),
        ("sheikh-saeed", "government", "lost"),
    ]
    # Guard: people going out of a place say nothing of it.
    assert propose_ar("خرج المدنيون من حي هنانو.") == []


def test_what_remains_of_a_place_fought_over_is_no_base_of_the_attack():
    text = "هاجمت قوات النظام ما تبقى من حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]
    text = "تقدمت قوات النظام في ما تبقى من حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    # Guard: an advance from a place is from the attacker's base.
    text = "تقدمت قوات النظام من حي هنانو باتجاه حي الشيخ سعيد."
    assert ("hanano", "government", "held") in propose_ar(text)
