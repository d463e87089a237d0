"""Seventh review: misfires found in sentences of our own around the rules of the three-sided
(Kurdish) round and the Arabic 2013-2015 round, one guard each, named for what it guards."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_arabic_middle import propose_ar
from tests.tracker.test_extraction_kurdish_quotes import INDEXES, KURDISH, MAQSOUD, propose_k
from tests.tracker.test_extraction_rules import OUTLET, propose
from tracker.extraction import Indexes, claims_propose

# Sheikh Maqsoud by its Arabic name.
propose_mq = partial(propose, indexes=Indexes.build([("الشيخ مقصود", MAQSOUD)], []))


def test_mercenaries_of_isis_by_any_of_its_names_are_not_the_rebels():
    text = "Daesh mercenaries seized Hellok on Friday."
    assert propose_k(text, source=KURDISH) == [("hellok", "isis", "captured")]
    text = "ISIL mercenaries seized Hellok on Friday."
    assert propose_k(text, source=KURDISH) == [("hellok", "isis", "captured")]
    # Pure guard of current behaviour: the mercenaries alone are the rebels.
    text = "The mercenaries seized Hellok on Friday."
    assert propose_k(text, source=KURDISH) == [("hellok", "rebels", "captured")]


def test_fighters_led_by_the_kurds_are_the_kurds():
    assert propose_k("SDF-led fighters captured Hellok.") == [("hellok", "kurdish_ypg", "captured")]
    text = "Kurdish-led fighters took Bani Zaid overnight."
    assert propose_k(text) == [("bani-zaid", "kurdish_ypg", "captured")]
    # Pure guard of current behaviour: fighters alone are the rebels.
    assert propose_k("Fighters captured Hellok.") == [("hellok", "rebels", "captured")]


def test_a_negated_or_sought_arabic_control_after_an_is_no_taking():
    assert propose_ar("لم يستطع الثوار أن يسيطروا على حي هنانو.") == []
    assert propose_ar("يسعى الثوار إلى أن يسيطروا على حي هنانو.") == []
    assert propose_ar("لن تستطيع الفصائل أن تسيطر على حي هنانو.") == []
    # Pure guard of current behaviour: managing to take it takes it.
    text = "استطاع الثوار أن يسيطروا على حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "captured")]


def test_a_wide_area_of_a_place_in_the_singular_is_a_part():
    text = "سيطر الثوار على مساحة واسعة من حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]


def test_the_plural_countryside_of_the_governorate_is_not_the_district():
    assert propose_ar("توسعت سيطرة الثوار في أرياف المحافظة.") == []
    # Pure guard of current behaviour: the district itself.
    text = "حي المحافظة تحت سيطرة النظام."
    assert propose_ar(text) == [("al-muhafaza", "government", "held")]


def test_an_arabic_control_not_managed_or_only_wished_for_is_no_taking():
    assert propose_ar("لم تتمكن قوات النظام من السيطرة على حي هنانو.") == []
    assert propose_ar("يريد الثوار أن يسيطروا على حي هنانو.") == []
    assert propose_ar("من المتوقع أن يسيطر الثوار على حي الشيخ سعيد.") == []
    # Pure guard of current behaviour: a control managed takes.
    text = "تمكنت قوات النظام من السيطرة على حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_an_arabic_handover_goes_to_the_side_after_ila_or_li():
    text = "تم تسليم حي هنانو إلى قوات النظام بعد الاتفاق."
    assert propose_ar(text) == [("hanano", "government", "lost")]
    text = "سلمت قوات النظام حي الشيخ مقصود للوحدات الكردية."
    assert propose_mq(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "lost")]
    # Pure guard of current behaviour: the other side of the one handing it over.
    text = "سلّم المسلحون حي هنانو إلى الجيش."
    assert propose_ar(text) == [("hanano", "government", "lost")]


def test_an_arabic_present_siege_is_a_siege():
    text = "تحاصر المجموعات المسلحة حي الشيخ مقصود منذ أشهر."
    assert propose_mq(text, source=KURDISH) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    text = "تحاصر الفصائل حي الشيخ مقصود الكردي."
    assert propose_mq(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    text = "يحاصر الجيش حي هنانو منذ أسابيع."
    assert propose_ar(text) == [("hanano", "rebels", "held")]


def test_an_arabic_advance_repelled_leaves_the_place_to_the_side_that_repelled_it():
    text = "تصدى الثوار لتقدم قوات النظام في حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "held")]
    text = "صد الثوار تقدماً لقوات النظام في حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "rebels", "held")]
    # Guard: an advance not repelled is fighting.
    text = "حقق الثوار تقدماً في حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]


def test_a_denial_of_what_was_published_voids_the_control():
    text = "نفى مصدر في المعارضة صحة ما نشرته وسائل إعلام النظام عن سيطرة الجيش على حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "held")]  # the denying side's (`denied_by`)
    # Pure guard: a denial by no side claims nothing.
    assert propose_ar("نفى القائد سيطرة قوات النظام على حي هنانو.") == []


def test_conflicting_reports_of_a_toll_leave_the_clashes():
    text = "تضاربت الأنباء حول حصيلة القتلى في اشتباكات حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    # Pure guard of current behaviour: conflicting reports about the control claim nothing.
    assert propose_ar("تضاربت الأنباء حول سيطرة الثوار على حي هنانو.") == []


def test_a_place_the_kurds_lose_goes_to_the_rebels_the_sentence_names():
    text = "The YPG withdrew from Bani Zaid after clashes with Islamists."
    assert propose_k(text) == [("bani-zaid", "rebels", "lost")]
    text = "Kurdish forces pulled out of Hellok after Nusra attacked."
    assert propose_k(text) == [("hellok", "nusra", "lost")]
    # Pure guards of current behaviour: the government named, or no other side named.
    text = "The YPG retreated from Hellok as the army and the rebels advanced."
    assert propose_k(text) == [("hellok", "government", "lost")]
    assert propose_k("The Asayish withdrew from Hellok.") == [("hellok", "government", "lost")]


def test_an_aggression_or_counterattack_repelled_leaves_the_place_to_the_defender():
    text = "A rebel counterattack on Hellok was repelled by the army."
    assert propose_k(text) == [("hellok", "government", "held")]
    text = "The army's aggression on Sheikh Maqsoud was repelled by the YPG."
    assert propose_k(text) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]


def test_clashes_that_erupted_over_control_of_a_place_are_fighting():
    assert propose_k("Clashes erupted over control of Hellok.") == [
        ("hellok", "contested", "contested")
    ]
    text = "Fighting broke out over control of Hellok between the YPG and the rebels."
    assert propose_k(text) == [("hellok", "contested", "contested")]


def test_a_side_joined_to_the_subject_is_no_other_side_of_the_fighting():
    assert propose_k("Rebels and the YPG besieged Hellok.") == [("hellok", "government", "held")]
    text = "The YPG and the rebels withdrew from Hellok."
    assert propose_k(text) == [("hellok", "government", "lost")]
    # Pure guard of current behaviour: a side after "with" is the other side.
    text = "Rebels withdrew from Bani Zaid after days of clashes with the YPG."
    assert propose_k(text) == [("bani-zaid", "kurdish_ypg", "lost")]


def days_k(text, published=date(2016, 8, 20)):
    return [(p.date_from, p.date_to) for p in claims_propose(text, published, OUTLET, INDEXES)]


def test_a_datelines_day_gives_way_to_a_later_day_written_in_the_other_order():
    text = "Outlet, 12 August 2016 - YPG fighters took Bani Zaid on August 10."
    assert days_k(text) == [(date(2016, 8, 10), date(2016, 8, 10))]


def test_a_day_after_on_before_a_dash_is_no_dateline():
    text = "Rebels took Bani Zaid on 12 August 2016 – a day before the army retook it on 13 August."
    assert days_k(text) == [(date(2016, 8, 12), date(2016, 8, 12))]


def test_fighters_islamists_or_mercenaries_named_for_isis_or_nusra_are_theirs():
    assert propose_k("ISIS fighters seized Hellok.") == [("hellok", "isis", "captured")]
    assert propose_k("Nusra fighters seized Hellok.") == [("hellok", "nusra", "captured")]
    assert propose_k("ISIS Islamists seized Hellok.") == [("hellok", "isis", "captured")]
    text = "Islamist Nusra fighters seized Hellok."
    assert propose_k(text) == [("hellok", "nusra", "captured")]


def test_mercenaries_of_the_government_side_are_the_governments():
    assert propose_k("Iranian mercenaries took Hellok.") == [("hellok", "government", "captured")]
    text = "Assad's mercenaries took Bani Zaid."
    assert propose_k(text) == [("bani-zaid", "government", "captured")]


def test_an_arabic_denial_of_a_clause_after_an_voids_its_verb():
    text = "نفى الجيش أن يكون الثوار قد سيطروا على حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "held")]  # the denying side's
    # Pure guard of current behaviour: a comma ends the denial.
    text = "نفى الجيش الأنباء، وأكد أن الثوار انسحبوا من حي هنانو."
    assert propose_ar(text) == [("hanano", "government", "lost")]
