"""The claim proposer's rules for faults earlier rounds saw but left (round 22), in sentences of
our own, one scenario each, on the shared small gazetteer with Arabic names added: a month and
year after "seit" (depuis, منذ) runs to the publication; people of no side entering a place is no
fighting; days named together before "respectively" pair with their places; a later verb of a
side on a place named twice wins over fighting on its first mention; an Arabic "ثم" or "، وبعد ..."
joins a place to "كامل الحي" after it; Arabic على with a pronoun of most of a place; German and
French verbs of holding and German aims; a place an attack came from with its own clause of
taking; a side after قبل أن; an Arabic relative clause of an event dating only itself."""

from datetime import date

from tests.tracker.test_extraction_rules import (
    BUSTAN,
    HANANO,
    OUTLET,
    SHEIKH_SAEED,
    SPELLED,
    propose,
)
from tracker.extraction import Indexes, claims_propose

ARABIC = [("هنانو", HANANO), ("الشيخ سعيد", SHEIKH_SAEED), ("بستان الباشا", BUSTAN)]
INDEXES = Indexes.build(SPELLED + ARABIC, [])
PUBLISHED = date(2016, 11, 28)  # a Monday


def dated(text):
    """The proposals for `text` with their days, published on `PUBLISHED`."""
    return [
        (p.place.label, p.controller, p.claim_type, p.date_from, p.date_to)
        for p in claims_propose(text, PUBLISHED, OUTLET, INDEXES)
    ]


def test_a_month_and_year_after_a_foreign_since_runs_to_the_publication():
    text = "Die Aufständischen halten Hanano seit Juli 2013."
    assert dated(text) == [("hanano", "rebels", "held", date(2013, 7, 1), PUBLISHED)]
    text = "Les rebelles tiennent Hanano depuis juillet 2013."
    assert dated(text) == [("hanano", "rebels", "held", date(2013, 7, 1), PUBLISHED)]


def test_a_guard_a_month_and_year_after_in_is_that_month_only():
    text = "Die Armee eroberte Hanano im Juli 2013."
    assert dated(text)[0][3:] == (date(2013, 7, 1), date(2013, 7, 31))


def test_people_of_no_side_entering_a_place_is_no_fighting_there():
    assert propose("Municipal repair crews have entered Hanano to restore water.") == []
    assert propose("A UN aid convoy entered Sheikh Saeed on Sunday.") == []
    assert propose("Journalists entered Hanano for the first time in years.") == []
    assert propose("دخلت فرق الدفاع المدني إلى حي هنانو صباح اليوم.", indexes=INDEXES) == []


def test_a_guard_fighters_entering_a_place_still_fight_there():
    assert propose("Army units entered Hanano on Sunday.") == [("hanano", "contested", "contested")]
    text = "Rebel fighters and journalists entered Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]
    assert propose("دخلت قوات النظام حي هنانو.", indexes=INDEXES) == [
        ("hanano", "contested", "contested")
    ]


def test_days_named_together_before_respectively_pair_with_their_places():
    text = "The army seized Hanano and Sheikh Saeed on Thursday and Saturday, respectively."
    assert dated(text) == [
        ("hanano", "government", "captured", date(2016, 11, 24), date(2016, 11, 24)),
        ("sheikh-saeed", "government", "captured", date(2016, 11, 26), date(2016, 11, 26)),
    ]
    text = "سيطر الجيش على حيي هنانو والشيخ سعيد يومي الخميس والسبت على التوالي."
    assert [d[3] for d in dated(text)] == [date(2016, 11, 24), date(2016, 11, 26)]


def test_a_guard_one_day_with_respectively_dates_every_place():
    text = "Rebels and the army took Hanano and Sheikh Saeed respectively on Thursday."
    assert [d[3] for d in dated(text)] == [date(2016, 11, 24)] * 2


def test_a_later_verb_of_taking_on_a_place_named_twice_wins_over_fighting_on_the_first():
    text = "هاجمت قوات النظام حي هنانو فجر اليوم، وسيطرت بعد الظهر على كامل حي هنانو."
    assert propose(text, indexes=INDEXES) == [("hanano", "government", "captured")]


def test_a_guard_fighting_after_a_taking_of_a_place_named_twice_stands():
    text = "The army took Hanano on Monday, but clashes resumed in Hanano on Tuesday."
    assert ("hanano", "contested", "contested") in propose(text)


def test_an_arabic_then_or_after_clause_joins_a_place_to_a_later_district_pronoun():
    text = "اقتحم الثوار حي الشيخ سعيد مساء أمس، ثم سيطروا على كامل الحي."
    assert propose(text, indexes=INDEXES) == [("sheikh-saeed", "rebels", "captured")]
    text = "اقتحم الثوار حي الشيخ سعيد، وبعد اشتباكات استمرت ساعات سيطروا على كامل الحي."
    assert propose(text, indexes=INDEXES) == [("sheikh-saeed", "rebels", "captured")]


def test_a_guard_an_arabic_after_clause_taking_another_place_leaves_the_first_fought():
    text = "اقتحم الثوار حي الشيخ سعيد، وبعد ساعات سيطر الجيش على حي هنانو."
    assert ("sheikh-saeed", "contested", "contested") in propose(text, indexes=INDEXES)


def test_an_arabic_relative_clause_holding_most_of_it_holds_the_place_before():
    text = "سقطت قذائف على حي هنانو الذي تسيطر قوات النظام على معظمه."
    assert propose(text, indexes=INDEXES) == [("hanano", "government", "held")]
    text = "استهدف الطيران حي الشيخ سعيد الذي يسيطر الثوار على أغلب أجزائه."
    assert propose(text, indexes=INDEXES) == [("sheikh-saeed", "rebels", "held")]


def test_a_guard_an_arabic_verb_with_its_own_object_after_a_place_does_not_reach_it():
    text = "قصف الطيران حي الشيخ سعيد، وسيطر الثوار على حي هنانو."
    assert propose(text, indexes=INDEXES) == [("hanano", "rebels", "captured")]


def test_german_and_french_present_and_past_verbs_of_holding_hold():
    text = "Die Aufständischen hielten Hanano trotz heftiger Angriffe der Armee."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "Les rebelles tiennent encore Hanano malgré les frappes de l'armée."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_a_guard_german_halten_fur_and_french_se_tient_are_no_holding():
    text = "Die Armee hielt die Rebellen für die Zerstörung in Hanano verantwortlich."
    assert ("hanano", "government", "held") not in propose(text)


def test_a_german_infinitive_of_control_with_a_modal_or_zu_is_an_aim():
    assert propose("Die Armee will Hanano bald erobern.") == []
    assert propose("Während die Armee Hanano kontrollieren will, bombardiert sie den Osten.") == []
    assert propose("Die Rebellen versuchen seit Wochen, Hanano zu erobern.") == []


def test_a_place_an_attack_came_from_is_the_object_of_its_own_clause_of_taking():
    text = "Rebels pushed into Hanano from Sheikh Saeed, which they seized on Thursday."
    assert dated(text) == [
        ("hanano", "contested", "contested", PUBLISHED, PUBLISHED),
        ("sheikh-saeed", "rebels", "captured", date(2016, 11, 24), date(2016, 11, 24)),
    ]


def test_a_guard_a_place_withdrawn_from_keeps_the_withdrawal():
    text = "Rebels withdrew from Sheikh Saeed, which the army captured on Thursday."
    assert dated(text)[0][3] == PUBLISHED


def test_a_side_in_an_arabic_clause_after_before_that_is_not_the_subject_of_the_control():
    text = "وكان الجيش قد أعلن السيطرة الكاملة على حي هنانو قبل أن يشن الثوار هجوماً معاكساً."
    assert propose(text, indexes=INDEXES) == [("hanano", "government", "captured")]


def test_a_guard_a_side_right_after_an_arabic_noun_of_control_is_its_subject():
    text = "قال مصدر محلي إن سيطرة الثوار على حي هنانو جاءت بعد معارك عنيفة."
    assert propose(text, indexes=INDEXES) == [("hanano", "rebels", "captured")]


def test_an_arabic_relative_clause_of_an_event_there_dates_only_its_own_verb():
    text = "استعاد الجيش حي هنانو الذي شهد اشتباكات عنيفة يوم الخميس."
    assert dated(text) == [("hanano", "government", "captured", PUBLISHED, PUBLISHED)]


def test_a_guard_an_arabic_relative_clause_of_place_leaves_its_time_to_the_main_verb():
    text = "استعاد الجيش حي هنانو الذي يقع شرق المدينة يوم الخميس."
    assert dated(text)[0][3] == date(2016, 11, 24)
