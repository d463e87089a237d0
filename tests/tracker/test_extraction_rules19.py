"""The claim proposer's rules found in Arabic news pages on Aleppo (2012-2016): districts named
after a part word by "وهي" ("which are") are that part, whole (`tracker.extraction_parts`); a
place after "باتجاه" or "نحو" with the plural or the dual of "district" before it is where a side
heads (`tracker.extraction_incidental`); a verb's noun right after a word of imminence ("بقرب",
"على وشك") tells of an event to come (`tracker.extraction_words_arabic.IMMINENT`); a verbal noun
of control reaches على past a subject of up to five words (`tracker.extraction_words`); a common
noun without the article is not the place the record names only with it ("في مشهد", a scene) and
ل before the article is written لل ("للصاخور": `tracker.extraction_places`); Jabal Badro as
"جبل بدورو", the Syriac quarter as "الحي السرياني" and Sheikh Najjar's industrial city as "المدينة
الصناعية" (`tracker.extraction_spellings`); control as the object of an aim ("لاستعادة السيطرة
على X") claims nothing (`tracker.extraction_verbs`); an Arabic month after "وفي" or "في مطلع"
dates the claim, and an Arabic coordinate clause ("، واستطاعت أمس") with its own word of time
dates its own verb (`tracker.extraction_when`); "في قبضة" a side is a verb of holding
(`tracker.extraction_words`); forces sent to a place place no side there
(`tracker.extraction_incidental`); "the district" after a verb joined to the place is its object
(`tracker.extraction_pronouns`). One scenario each, with its guards."""

from datetime import date
from functools import partial

import pytest
from django.db import transaction

from districts.name_import import aliases_import, regions_import
from districts.polygon_import import districts_import
from tests.tracker.test_extraction_rules import OUTLET, propose
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS
from tracker.extraction import Indexes, Place, claims_propose
from tracker.extraction_index import indexes_load

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
    assert propose19("وتواصل القوات تقدمها على محور المطار وباتجاه حي السكري.") == []


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


MASHHAD = Place("al-ansari-mashhad", ("al-ansari-mashhad",))
HANANO = Place("hanano", ("hanano",))
ARTICLED = Indexes.build(
    [("المشهد", MASHHAD), ("الشعار", SHAAR), ("هنانو", HANANO), ("الصاخور", SAKHOUR)], []
)
propose_articled = partial(propose, indexes=ARTICLED)


def test_a_common_noun_without_the_article_is_not_the_place_named_with_it():
    text = "وتقدم الثوار في حي الشعار، في مشهد يؤشر على اقتراب المعركة."
    assert propose_articled(text) == [("ash-shaar", "contested", "contested")]
    text = "وسيطرت قوات النظام على حي الشعار ورفعت شعار النصر."
    assert propose_articled(text) == [("ash-shaar", "government", "captured")]


def test_a_name_after_a_noun_of_districts_or_on_record_without_the_article_is_the_place():
    assert propose_articled("سيطرت قوات النظام على حي مشهد.") == [
        ("al-ansari-mashhad", "government", "captured")
    ]
    assert propose_articled("سيطرت قوات النظام على هنانو وبالمشهد.")[:1] == [
        ("hanano", "government", "captured")
    ]


def test_li_before_the_article_is_written_lam_lam():
    assert propose_articled("أعلنت قوات النظام استعادتها للصاخور بعد معارك.") == [
        ("as-sakhour", "government", "captured")
    ]


@pytest.mark.django_db
def test_the_outlets_arabic_spellings_of_jabal_badro_the_syriac_quarter_and_the_industrial_city(
    django_db_blocker,
):
    with django_db_blocker.unblock(), transaction.atomic():
        districts_import(DEMO_DISTRICTS)
        regions_import(DEMO_REGIONS)
        aliases_import(DEMO_ALIASES)
        indexes = indexes_load()
        transaction.set_rollback(True)
    text = "سيطرت قوات النظام على جبل بدورو، وقال الثوار إنهم حرروا الحي السرياني."
    labels = {p.place.label for p in claims_propose(text, date(2016, 11, 28), OUTLET, indexes)}
    assert {"jabal-badro", "as-siryan-syriac-quarter"} <= labels
    text = "واقتحمت قوات النظام المدينة الصناعية صباح الأمس."
    (proposal,) = claims_propose(text, date(2014, 2, 19), OUTLET, indexes)
    assert (proposal.place.label, proposal.controller) == ("sheikh-najjar", "contested")


def test_forces_sent_to_a_place_place_no_side_in_it():
    assert propose19("وقال ناشطون إن الجيش يدفع بدبابات وجنود إلى حي الصاخور.") == []
    assert propose19("أرسلت قوات النظام تعزيزات عسكرية إلى حي الشعار.") == []


def test_a_side_placed_in_a_place_with_no_move_still_holds_it():
    assert propose19("وقال ناشطون إن الجيش ينتشر بدباباته في حي الصاخور.") == [
        ("as-sakhour", "government", "held")
    ]


def test_the_district_after_a_verb_joined_to_the_place_is_its_object():
    text = "دخلت وحدات الجيش حي الصاخور بعد قصف عنيف وسيطرت على كامل الحي."
    assert propose19(text) == [("as-sakhour", "government", "captured")]
    assert propose("Troops stormed Hanano at dawn and secured the whole district.") == [
        ("hanano", "government", "captured")
    ]


def test_the_district_of_another_place_is_no_pronoun():
    assert propose("Troops stormed Hanano and took the district of Sheikh Saeed.") == [
        ("hanano", "contested", "contested"),
        ("sheikh-saeed", "government", "captured"),
    ]


def test_control_as_the_object_of_an_aim_claims_nothing():
    assert propose19("شنت القوات الحكومية هجوماً عنيفاً لاستعادة السيطرة على حي الشعار.") == []
    assert propose19("بدأ الثوار معركة لفرض السيطرة على حي الصاخور.") == []


def test_control_regained_as_a_deed_still_takes():
    assert propose19("استعادت القوات الحكومية السيطرة على حي الشعار بعد معارك.") == [
        ("ash-shaar", "government", "captured")
    ]


def test_an_arabic_month_after_a_preposition_with_wa_written_on_dates_the_claim():
    published = date(2016, 9, 9)
    for text in (
        "وفي آب سيطر مقاتلو المعارضة على حي الشعار.",
        "وفي مطلع أغسطس/آب سيطر مقاتلو المعارضة على حي الشعار.",
        "وخلال شهر آب سيطر مقاتلو المعارضة على حي الشعار.",
    ):
        (proposal,) = claims_propose(text, published, OUTLET, INDEXES)
        assert (proposal.date_from, proposal.date_to) == (date(2016, 8, 1), date(2016, 8, 31))


def test_in_the_grip_of_a_side_holds_a_place_over_a_farther_verb():
    text = (
        "ويشدد الجيش الحصار على مناطق تسيطر عليها المعارضة في حي الصاخور ويسهل وصوله"
        " إلى مناطق في قبضة الحكومة في حي الشعار."
    )
    assert propose19(text) == [
        ("as-sakhour", "rebels", "held"),
        ("ash-shaar", "government", "held"),
    ]


def test_an_arabic_coordinate_clause_with_its_own_word_of_time_dates_its_own_verb():
    text = (
        "شنت قوات النظام هجوماً على الأحياء الشرقية في نوفمبر، واستطاعت أمس السيطرة على حي الشعار."
    )
    (proposal,) = claims_propose(text, date(2016, 11, 28), OUTLET, INDEXES)
    assert (proposal.date_from, proposal.date_to) == (date(2016, 11, 27), date(2016, 11, 27))


def test_a_list_joined_by_a_comma_and_wa_keeps_the_sentences_word_of_time():
    text = "سيطرت قوات النظام على حي الشعار، والصاخور يوم الاثنين."
    for proposal in claims_propose(text, date(2016, 11, 30), OUTLET, INDEXES):
        assert (proposal.date_from, proposal.date_to) == (date(2016, 11, 28), date(2016, 11, 28))
