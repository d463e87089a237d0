"""Seventh review: misfires found in sentences of our own around the rules of the three-sided
(Kurdish) round and the Arabic 2013-2015 round, one guard each, named for what it guards."""

from tests.tracker.test_extraction_arabic_middle import propose_ar
from tests.tracker.test_extraction_kurdish_quotes import KURDISH, propose_k


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
