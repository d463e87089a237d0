"""The claim proposer's rules written from whole Russian, German, Italian and Portuguese articles
pasted as an analyst would (tracker/extraction*.py): one scenario each, on the shared small
gazetteer and a few places of their own, in sentences of our own."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_numbers import MINISTRY, numbers
from tests.tracker.test_extraction_rules import CITY, OLD_CITY, SPELLED, propose
from tracker.extraction import Indexes, Speaker, claims_propose
from tracker.extraction_places import Place, places_find
from tracker.extraction_spellings import SPELLINGS

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
    # Overnight, and "за сутки" (in the last day and night): the day before to the day.
    for text in ("Ночью армия освободила Ханано.", "За сутки армия освободила Ханано."):
        (claim,) = claims_propose(text, published, Speaker("Outlet", "independent"), GAZETTEER)
        assert (claim.date_from, claim.date_to) == (date(2016, 12, 6), published), text


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


# The Old City under its names in the other languages, as `tracker.extraction_spellings` adds them.
OLD_NAMES = [(name, OLD_CITY) for name, slug, _ in SPELLINGS if slug == "old-city"]
# The whole city holds the Old City's districts, as on the map.
WHOLE_CITY = Place("aleppo-city", (*CITY.districts, *OLD_CITY.districts), "aleppo-city")
WITH_OLD_NAMES = Indexes.build(
    [*[(n, p) for n, p in SPELLED if p != CITY], ("Aleppo", WHOLE_CITY), *OLD_NAMES], []
)
propose_old = partial(propose, indexes=WITH_OLD_NAMES)


def test_the_old_city_is_read_by_its_russian_german_italian_and_portuguese_names():
    assert propose_old("Армия освободила Старый город.") == [("old-city", "government", "captured")]
    assert propose_old("Армия освободила от боевиков историческую часть города.") == [
        ("old-city", "government", "captured")
    ]
    assert propose_old("Войска выбили боевиков из исторической части Алеппо.") == [
        ("old-city", "government", "captured")
    ]
    # The city after the Old City's name is its setting, not a place taken whole.
    assert propose_old("Die syrische Armee erobert die Altstadt von Aleppo.") == [
        ("old-city", "government", "captured")
    ]
    assert propose_old("O exército tomou a cidade velha.") == [
        ("old-city", "government", "captured")
    ]


def test_a_russian_landmark_is_not_claimed():
    assert propose("Армия взяла под контроль шоссе к аэропорту в Шейх-Саиде.") == []
    assert propose("Бои идут возле Ханано.") == []


def test_a_russian_short_passive_of_driving_out_needs_no_auxiliary():
    assert propose("Боевики выбиты из Ханано.") == [("hanano", "government", "captured")]
    # The active verb keeps its subject.
    assert propose("Боевики выбили армию из Ханано.") == [("hanano", "rebels", "captured")]


def test_a_russian_passive_of_capture_with_its_agent_after_and_a_week_ago():
    published = date(2012, 8, 25)
    text = "Кварталы Ханано и Шейх-Саид были захвачены оппозиционерами неделю назад."
    claims = claims_propose(text, published, Speaker("Outlet", "independent"), GAZETTEER)
    assert [(c.place.label, c.controller) for c in claims] == [
        ("hanano", "rebels"),
        ("sheikh-saeed", "rebels"),
    ]
    # A week back, less half a week's spread, to the report (as "a week ago").
    assert {(c.date_from, c.date_to) for c in claims} == {(date(2012, 8, 15), published)}


def test_breaking_through_and_penetrating_are_fighting():
    assert propose("Отряды армии прорываются вглубь Ханано.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Le forze governative sono penetrate nei quartieri di Hanano.") == [
        ("hanano", "contested", "contested")
    ]


def test_german_held_by_and_its_former_holding():
    assert propose("Die von Rebellen gehaltenen Viertel Hanano und Sheikh Saeed.") == [
        ("hanano", "rebels", "held"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    # "bisher" (until now) makes the holding a past one: no claim.
    assert propose("Das bisher von Rebellen gehaltene Viertel Hanano.") == []
    # Halves of the city in German.
    assert propose("Die Stadt ist in einen von Rebellen gehaltenen Ostteil geteilt.") == [
        ("east-aleppo", "rebels", "held")
    ]


def test_german_von_before_an_active_participle_of_taking_is_from():
    text = "Die Armee hat Hanano von den Rebellen zurückerobert."
    assert propose(text) == [("hanano", "government", "captured")]
    # After a passive auxiliary it is the agent, "by".
    text = "Hanano wurde von der syrischen Armee erobert."
    assert propose(text) == [("hanano", "government", "captured")]
    assert propose("Die Rebellen haben Hanano eingebüßt.") == [("hanano", "government", "lost")]


def test_words_of_a_part_right_before_a_place_the_verb_follows():
    assert propose("Die Armee hat 40 Prozent von Hanano erobert.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Parts of Sheikh Saeed were captured by the army.") == [
        ("sheikh-saeed", "contested", "contested")
    ]
    # Words of a part further back, in another phrase, do not reach the place.
    assert propose("Sources inside Aleppo say the Hanano area is controlled by the army.") == [
        ("hanano", "government", "held")
    ]


def test_a_russian_plural_noun_of_places_is_no_persons_name():
    assert propose("Кварталы Ханано освобождены армией.") == [("hanano", "government", "captured")]


def test_russian_german_italian_and_portuguese_months_date_a_claim():
    published = date(2016, 12, 9)
    for text in (
        "7 декабря армия освободила Ханано.",
        "Die Armee hat Hanano am 7 Dezember erobert.",
        "L'esercito ha riconquistato Hanano il 7 dicembre.",
        "O exército tomou Hanano em 7 de dezembro.",
    ):
        (claim,) = claims_propose(text, published, Speaker("Outlet", "independent"), GAZETTEER)
        assert (claim.date_from, claim.date_to) == (date(2016, 12, 7), date(2016, 12, 7)), text


def test_a_counted_number_of_fighters_is_not_the_side_itself():
    # Sixty-six fighters who lay down their arms and leave do not hand the place over.
    assert propose("66 боевиков сложили оружие и покинули Ханано.") == []
    assert propose("Боевики покинули Ханано.") == [("hanano", "government", "lost")]


def test_a_german_spelling_is_read_by_the_english_letters_of_its_sounds():
    assert propose("Die Armee hat das Stadtviertel Scheich Saeed erobert.") == [
        ("sheikh-saeed", "government", "captured")
    ]
    assert propose_here("Die Armee hat Dschabal Badro erobert.") == [
        ("jabal-badro", "government", "captured")
    ]


def test_an_ally_after_with_the_support_of_is_not_the_subject():
    text = "Силы режима при поддержке ополченцев и курдов захватили 5 кварталов."
    assert numbers(text) == [("government", "districts_taken", 5.0, "exact", "east-aleppo")]
    text = "Government forces, with the support of Kurdish fighters, captured Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_italian_and_portuguese_sides_verbs_and_the_citys_name():
    assert propose("Le truppe del regime strappano ai ribelli il quartiere di Hanano.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("O exército tinha retomado Hanano.") == [("hanano", "government", "captured")]
    # The city by its Portuguese name, as `tracker.extraction_spellings` adds it.
    names = [(n, WHOLE_CITY) for n, slug, _ in SPELLINGS if slug == "aleppo-city"]
    with_names = Indexes.build([*SPELLED, *names], [])
    assert propose("O exército retomou Alepo.", indexes=with_names) == [
        ("aleppo-city", "government", "captured")
    ]


def test_a_while_clause_in_other_languages_is_a_new_clause():
    text = "I ribelli controllano Hanano, mentre nei quartieri di Sheikh Saeed vivono i civili."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_a_dateline_in_capitals_is_not_read_by_the_looser_skeleton():
    looser = Indexes.build([*SPELLED, ("as-Sabil", Place("as-sabil", ("as-sabil",)))], [])
    assert propose("SÃO PAULO - O exército retomou Hanano.", indexes=looser) == [
        ("hanano", "government", "captured")
    ]


def test_fractions_in_italian_german_portuguese_and_russian():
    assert numbers("I ribelli controllano un terzo della città.") == [
        ("rebels", "share_held", 33.3, "exact", "aleppo-city")
    ]
    assert numbers("Боевики удерживают треть территории восточного Алеппо.") == [
        ("rebels", "share_held", 33.3, "exact", "east-aleppo")
    ]
    # German puts the verb last: a number lost is still the gainer's.
    text = "Die Rebellen haben zwei Drittel des Ostteils der Stadt eingebüßt."
    assert numbers(text) == [("government", "share_held", 66.7, "exact", "east-aleppo")]


def test_an_italian_fall_is_a_verb_only_with_its_auxiliary():
    assert propose("Hanano è caduto nelle mani dell'esercito.") == [
        ("hanano", "government", "captured")
    ]
    # "la caduta di X" (the fall of X) names no taker.
    assert propose("Dopo la caduta di Hanano l'esercito ha ucciso dieci ribelli.") == []


def test_german_in_the_hand_of_a_side_is_held_by_it():
    assert propose("Hanano ist in der Hand der Rebellen.") == [("hanano", "rebels", "held")]
    # With words of a part before the place: contested, as "90 percent of X is in army hands".
    assert propose("Rund 90 Prozent von Hanano sind in der Hand der Armee.") == [
        ("hanano", "contested", "contested")
    ]


MAQSOUD = Place("ash-sheikh-maqsoud", ("ash-sheikh-maqsoud",))
KHALDIYEH = Place("al-khaldiyeh", ("al-khaldiyeh",))
SAKAN = Place("as-sakan-ash-shababi", ("as-sakan-ash-shababi",))
ASHRAFIYEH = Place("al-ashrafiyeh", ("al-ashrafiyeh",))
ORTHOGRAPHIES = Indexes.build(
    [
        *SPELLED,
        ("ash-Sheikh Maqsoud", MAQSOUD),
        ("al-Khaldiyeh", KHALDIYEH),
        ("as-Sakan ash-Shababi", SAKAN),
        ("al-Ashrafiyeh", ASHRAFIYEH),
        ("Jabal Badro", BADRO),
    ],
    [],
)


def _found(text: str) -> list[str]:
    return [place.label for _, place in places_find(text, ORTHOGRAPHIES, [])]


def test_a_french_kurdish_or_spanish_spelling_is_read_by_the_english_letters_of_its_sounds():
    assert _found("les combattants du quartier de Cheikh Maqsoud") == ["ash-sheikh-maqsoud"]
    assert _found("Şêx Meqsûd û Eşrefiye") == ["ash-sheikh-maqsoud", "al-ashrafiyeh"]
    assert _found("los combates en el barrio de Al Jalidiya") == ["al-khaldiyeh"]
    assert _found("êrîşên li ser Seken Şebab") == ["as-sakan-ash-shababi"]
    assert _found("el barrio de Sheij Maqsud") == ["ash-sheikh-maqsoud"]
    text = "L'armée syrienne a repris le quartier de Cheikh Maqsoud."
    assert propose(text, indexes=ORTHOGRAPHIES) == [
        ("ash-sheikh-maqsoud", "government", "captured")
    ]


def test_an_english_spelling_on_record_is_not_read_as_another_orthography():
    # The English j of a spelling on record stays j: Jabal Badro is not "Khabal Badro".
    assert _found("the army entered Jabal Badro") == ["jabal-badro"]
    # A name that is no place in any orthography stays none: "Church" read as French is not a
    # place either.
    assert _found("a statement from the Church") == []


def test_the_airport_and_the_citadel_are_read_by_their_short_names_in_the_languages_read():
    airport = Place("aleppo-international-airport", ("aleppo-international-airport",))
    citadel = Place("aleppo-citadel", ("aleppo-citadel",))
    targets = {"aleppo-international-airport": airport, "aleppo-citadel": citadel}
    names = [(n, targets[slug]) for n, slug, _ in SPELLINGS if slug in targets]
    indexes = Indexes.build([*SPELLED, *names], [])
    for text in (
        "a road leading to Aleppo airport",
        "près de l'aéroport international d'Alep, toujours contrôlé par le régime",
        "cerca del aeropuerto de Alepo",
        "вблизи аэропорт Алеппо",
        "die Straße zum Flughafen von Aleppo",
    ):
        assert [p.label for _, p in places_find(text, indexes, [])] == [
            "aleppo-international-airport"
        ], text
    for text in ("a tunnel under Aleppo castle", "près de la citadelle d'Alep", "die Zitadelle"):
        assert [p.label for _, p in places_find(text, indexes, [])] == ["aleppo-citadel"], text


def test_control_taken_or_lost_is_read_before_the_noun_control_alone():
    assert propose("El ejército sirio tomó el control del barrio de Hanano.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Los rebeldes perdieron el control de Hanano.") == [
        ("hanano", "government", "lost")
    ]
    assert propose("Os rebeldes perderam o controle de Hanano.") == [
        ("hanano", "government", "lost")
    ]
    # German puts the verb last, after the place: "Kontrolle über X erlangt" (gained).
    assert propose("Die syrische Armee hat die Kontrolle über Hanano erlangt.") == [
        ("hanano", "government", "captured")
    ]
    # ... and "Kontrolle über X verloren" is still a loss.
    assert propose("Die Rebellen haben die Kontrolle über Hanano verloren.") == [
        ("hanano", "government", "lost")
    ]


def test_a_german_separable_verb_of_withdrawing_is_read_across_its_place():
    # "zogen sich aus X zurück": withdrew from X, the particle after the place.
    assert propose("Die Rebellen zogen sich aus Hanano zurück.") == [
        ("hanano", "government", "lost")
    ]
    # "sich" without "zurück" is another verb: gathered in Hanano, the rebels are there.
    assert propose("Die Rebellen zogen sich in Hanano zusammen.") == [("hanano", "rebels", "held")]


def test_the_loss_of_a_place_is_a_loss_in_french_spanish_portuguese_and_italian():
    assert propose("Les rebelles ont confirmé la perte de Hanano.") == [
        ("hanano", "government", "lost")
    ]
    assert propose("Los rebeldes confirmaron la pérdida de Hanano.") == [
        ("hanano", "government", "lost")
    ]


def test_a_german_verb_of_surrounding_is_a_siege():
    # "umzingelt" (surrounded): the other side holds the place, as after "besieged".
    assert propose("Die Armee hat Hanano umzingelt.") == [("hanano", "rebels", "held")]
