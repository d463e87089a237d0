"""The claim proposer's rules found in Arabic news pages on Aleppo (2012-2016): districts named
after a part word by "وهي" ("which are") are that part, whole (`tracker.extraction_parts`); a
place after "باتجاه" or "نحو" with the plural or the dual of "district" before it is where a side
heads (`tracker.extraction_incidental`); a verb's noun right after a word of imminence ("بقرب",
"على وشك") tells of an event to come (`tracker.extraction_words_arabic.IMMINENT`); a verbal noun
of control reaches على past a subject of up to five words (`tracker.extraction_words`). One
scenario each, with its guards."""

from functools import partial

from tests.tracker.test_extraction_rules import propose
from tracker.extraction import Indexes, Place

SAKHOUR = Place("as-sakhour", ("as-sakhour",))
HAYDARIYEH = Place("al-haydariyeh", ("al-haydariyeh",))
SUKKARI = Place("as-sukkari", ("as-sukkari",))
AMIRIYEH = Place("al-amiriyeh", ("al-amiriyeh",))
KALLASEH = Place("al-kallaseh", ("al-kallaseh",))
SHAAR = Place("ash-shaar", ("ash-shaar",))
INDEXES = Indexes.build(
    [
        ("الصاخور", SAKHOUR),
        ("الحيدرية", HAYDARIYEH),
        ("السكري", SUKKARI),
        ("العامرية", AMIRIYEH),
        ("الكلاسة", KALLASEH),
        ("الشعار", SHAAR),
    ],
    [],
)
propose19 = partial(propose, indexes=INDEXES)


def test_districts_named_by_wahiya_after_a_part_word_are_the_part_whole():
    text = "انسحب المسلحون فجراً باتجاه القسم الجنوبي من أحياء المدينة وهي الكلاسة، السكري."
    assert propose19(text) == [
        ("al-kallaseh", "rebels", "held"),
        ("as-sukkari", "rebels", "held"),
    ]


def test_a_part_word_right_before_a_district_still_makes_it_contested():
    text = "سيطرت قوات النظام على القسم الشمالي من حي الصاخور."
    assert propose19(text) == [("as-sakhour", "contested", "contested")]


def test_a_place_after_towards_and_the_plural_of_district_is_where_a_side_heads():
    assert propose19("وتابعت وحدات الجيش تقدمها باتجاه أحياء العامرية والسكري.") == []
    assert propose19("وتقدمت قوات النظام نحو حيي الكلاسة والسكري.") == []


def test_an_advance_in_the_plural_of_district_is_still_fighting_there():
    assert propose19("وتقدمت قوات النظام في أحياء العامرية والسكري.") == [
        ("al-amiriyeh", "contested", "contested"),
        ("as-sukkari", "contested", "contested"),
    ]


def test_a_verbal_noun_after_a_word_of_imminence_claims_nothing():
    assert propose19("احتفل السكان بقرب سيطرة الجيش على حي الشعار.") == []
    assert propose19("باتت قوات النظام على وشك السيطرة على حي الصاخور.") == []


def test_a_control_near_a_district_is_not_imminence():
    text = "قال مراسل قرب الجبهة إن قوات النظام سيطرت على حي الشعار أمس."
    assert propose19(text)[:1] == [("ash-shaar", "government", "captured")]


def test_a_verbal_noun_of_control_reaches_past_a_long_subject():
    text = "وأدت سيطرة قوات النظام والمليشيات العراقية الموالية على حي الصاخور إلى نزوح الآلاف."
    assert propose19(text) == [("as-sakhour", "government", "captured")]


def test_under_the_control_of_a_long_subject_is_still_a_holding():
    text = "ويبقى حي الحيدرية تحت سيطرة قوات النظام والمليشيات العراقية الموالية على الأرض."
    assert propose19(text) == [("al-haydariyeh", "government", "held")]
