"""The claim proposer's rules written from whole Russian, German, Italian and Portuguese articles
pasted as an analyst would (tracker/extraction*.py): one scenario each, on the shared small
gazetteer and a few places of their own, in sentences of our own."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_numbers import MINISTRY, numbers
from tests.tracker.test_extraction_rules import SPELLED, propose
from tracker.extraction import Indexes, Speaker, claims_propose
from tracker.extraction_places import Place

BADRO = Place("jabal-badro", ("jabal-badro",))
HELWANIYEH = Place("al-helwaniyeh", ("al-helwaniyeh",))
SHAAR = Place("ash-shaar", ("ash-shaar",))
BESEL = Place("al-besel", ("al-besel",))
GAZETTEER = Indexes.build(
    [
        *SPELLED,
        ("Jabal Badro", BADRO),
        ("Halwaniyah", HELWANIYEH),
        ("Shaar", SHAAR),
        ("Besel", BESEL),
    ],
    [],
)
propose_here = partial(propose, indexes=GAZETTEER)


def test_russian_dzh_is_arabic_jim_and_v_is_waw():
    assert propose_here("Армия освободила Джабаль Бадро.") == [
        ("jabal-badro", "government", "captured")
    ]
    assert propose_here("Армия освободила Хальванию.") == [
        ("al-helwaniyeh", "government", "captured")
    ]


def test_a_russian_name_romanised_may_be_a_spelling_on_record():
    assert propose_here("Армия освободила Шаар.") == [("ash-shaar", "government", "captured")]


def test_the_looser_p_for_b_fold_never_reads_a_russian_word():
    # "После" romanised is "Posle", whose p-for-b skeleton is Besel's.
    assert propose_here("После боев армия вошла в город.", source=MINISTRY) == []


def test_a_russian_city_after_another_noun_is_of_the_city_not_the_object():
    assert propose("Армия взяла под контроль центр Алеппо.") == []
    assert propose("Армия взяла под контроль весь город Алеппо.") == [
        ("aleppo-city", "government", "captured")
    ]


def test_a_fighter_is_no_battle():
    # "боевики" (fighters) begins like "бои", "боевые" (battles); it is a side, not fighting.
    assert propose("Армия освободила от боевиков Ханано.") == [("hanano", "government", "captured")]
    assert propose("Ожесточенные бои идут в Ханано.") == [("hanano", "contested", "contested")]


def test_russian_regaining_control_and_driving_out_are_taking():
    assert propose("Сирийские войска вернули контроль над Ханано.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Ополченцы выбили террористов из Шейх-Саида.") == [
        ("sheikh-saeed", "government", "captured")
    ]
    # A passive of driving out: the side driven out lost the place.
    assert propose("Боевики были выбиты из Ханано.") == [("hanano", "government", "captured")]


def test_russian_leaving_is_losing_and_the_opposition_is_the_rebels():
    assert propose("Отряды оппозиции оставили Ханано.") == [("hanano", "government", "lost")]
    assert propose("Боевики ушли из Шейх-Саида.") == [("sheikh-saeed", "government", "lost")]


def test_russian_troops_of_the_opposition_are_not_the_army():
    assert propose("Войска оппозиции оставили Ханано.") == [("hanano", "government", "lost")]


def test_a_russian_part_of_a_place_is_partial_but_the_greater_part_is_not():
    assert propose("Армия освободила часть района Бустан-аль-Баша.") == [
        ("bustan-al-basha", "contested", "contested")
    ]
    assert propose("Армия освободила большую часть района Бустан-аль-Баша.") == [
        ("bustan-al-basha", "government", "captured")
    ]
    # "a district in the east": the east is the setting of a partial gain.
    assert propose("Армия освободила еще один квартал в восточном Алеппо.") == [
        ("east-aleppo", "contested", "contested")
    ]


def test_portuguese_confrontations_are_fighting():
    assert propose("Os enfrentamentos continuam em Hanano.") == [
        ("hanano", "contested", "contested")
    ]


def test_russian_german_and_portuguese_yesterday_and_weekdays_date_a_claim():
    published = date(2016, 12, 7)  # a Wednesday
    for text, day in (
        ("Накануне армия освободила Ханано.", date(2016, 12, 6)),
        ("Вчера армия освободила Ханано.", date(2016, 12, 6)),
        ("В понедельник армия освободила Ханано.", date(2016, 12, 5)),
        ("Die Armee hat am Montag Hanano erobert.", date(2016, 12, 5)),
        ("O exército tomou Hanano ontem.", date(2016, 12, 6)),
    ):
        (claim,) = claims_propose(text, published, Speaker("Outlet", "independent"), GAZETTEER)
        assert (claim.date_from, claim.date_to) == (day, day), text


def test_russian_and_other_words_bound_a_number():
    assert numbers("Армия контролирует более 80% территории восточного Алеппо.") == [
        ("government", "share_held", 80.0, "lower", "east-aleppo")
    ]
    assert numbers("Боевики удерживают менее 10 кв. км в восточной части.") == [
        ("rebels", "area_held_km2", 10.0, "upper", "east-aleppo")
    ]
    assert numbers("Die Armee kontrolliert rund 90 Prozent des Ostteils.") == [
        ("government", "share_held", 90.0, "approx", "east-aleppo")
    ]


def test_a_russian_count_may_carry_an_adjective_and_name_regions():
    assert numbers("Армия освободила 12 жилых кварталов.", MINISTRY) == [
        ("government", "districts_taken", 12.0, "exact", "east-aleppo")
    ]
    assert numbers("Армия освободила 5 районов.", MINISTRY) == [
        ("government", "districts_taken", 5.0, "exact", "east-aleppo")
    ]


def test_the_side_a_verb_of_taking_drives_out_is_not_whose_number_it_is():
    text = "Войска выбили боевиков и заняли 12 кварталов на востоке."
    assert numbers(text) == [("government", "districts_taken", 12.0, "exact", "east-aleppo")]
    text = "The army drove out the rebels and took 12 districts."
    assert numbers(text) == [("government", "districts_taken", 12.0, "exact", "east-aleppo")]
