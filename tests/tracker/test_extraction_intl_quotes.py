"""The claim proposer's rules written from Russian, French, Spanish, German, Portuguese and
Indonesian quotes of one or two sentences, the size of the coded quotes
(tracker/extraction_words_intl.py, tracker/extraction_halves.py): one scenario each, on the shared
small gazetteer, in sentences of our own."""

from tests.tracker.test_extraction_intl import propose_old
from tests.tracker.test_extraction_rules import propose
from tracker.extraction import Indexes
from tracker.extraction_places import Place


def test_a_russian_cessation_of_hostilities_is_no_fighting():
    text = "Боевики нарушили режим прекращения боевых действий, обстреляв квартал Ханано."
    assert propose(text) == []
    # Guard: hostilities going on in a district are fighting there.
    text = "В квартале Ханано продолжаются боевые действия."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_a_direction_in_russian_and_indonesian_is_no_place_of_fighting():
    assert propose("Боевики перешли в наступление в направлении квартала Ханано.") == []
    assert propose("Pemberontak merangsek menuju selatan ke Distrik Hanano.") == []
    # Guard: an offensive in the district is fighting there.
    text = "Боевики перешли в наступление в квартале Ханано."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_portuguese_control_assumed_with_an_adverb_between():
    text = "O exército assumiu totalmente o controle do bairro Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_noun_of_reconquest_with_a_contracted_article_is_a_taking():
    text = "O regime celebrou a reconquista do bairro Hanano."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Il governo celebra la riconquista del quartiere Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_german_control_gained_with_the_verb_second_is_a_taking():
    text = "Am Montag gewannen die Regierungstruppen die Kontrolle über Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_fraction_of_a_district_is_a_part_of_it():
    assert propose("Die Armee eroberte zwei Drittel des Viertels Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Армия освободила две трети квартала Ханано.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Los rebeldes perdieron un tercio de Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    # Guard: the whole district is taken whole.
    assert propose("Die Armee eroberte das Viertel Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_an_area_of_a_district_in_a_romance_language_is_a_part_of_it():
    text = "El ejército expulsó a los rebeldes de una zona de Hanano."
    assert propose(text) == [("hanano", "contested", "contested")]


def test_spanish_avanzado_is_fighting_there():
    assert propose("El ejército ha avanzado en Hanano.") == [("hanano", "contested", "contested")]


def test_a_participle_of_holding_with_its_agent_is_held_by_that_side():
    text = "L'armée a repris une colline, autour des quartiers contrôlés par les rebelles à Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_the_halves_of_the_city_named_in_other_languages():
    assert propose("Боевики удерживают восточную часть Алеппо.") == [
        ("east-aleppo", "rebels", "held")
    ]
    assert propose("O exército anunciou a retomada do leste de Aleppo.") == [
        ("east-aleppo", "government", "captured")
    ]
    assert propose("Los rebeldes controlan el este de Alepo.") == [
        ("east-aleppo", "rebels", "held")
    ]
    assert propose("Les rebelles tiennent la partie orientale de la ville d'Alep.") == [
        ("east-aleppo", "rebels", "held")
    ]
    assert propose("Die Stadt ist in den von der Armee gehaltenen Westen geteilt.") == [
        ("west-aleppo", "government", "held")
    ]
    assert propose("Pemberontak menguasai Aleppo timur.") == [("east-aleppo", "rebels", "held")]


def test_a_quarter_of_the_compass_or_a_direction_from_the_city_is_no_half():
    assert ("east-aleppo", "rebels", "held") not in propose(
        "Боевики удерживают северо-восточную часть Алеппо."
    )
    assert propose("Los rebeldes controlan una aldea al oeste de Alepo.") == []


def test_turkish_sides_and_verbs_of_taking_with_the_verb_last():
    assert propose("Muhalifler, Hanano mahallesinin kontrolünü ele geçirdi.") == [
        ("hanano", "rebels", "captured")
    ]
    assert propose("Hanano mahallesi rejim güçlerinin eline geçti.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Şeyh Said mahallesinde ÖSO ile Esed güçleri arasında çatışmalar sürüyor.") == [
        ("sheikh-saeed", "contested", "contested")
    ]
    # Guard: an attempt to seize ("ele geçirmeye çalıştı") is no taking.
    assert propose("Rejim güçleri Hanano mahallesini ele geçirmeye çalıştı.") != [
        ("hanano", "government", "captured")
    ]


def test_turkish_seyh_is_sheikh():
    assert propose("Muhalifler, Şeyh Said mahallesini ele geçirdi.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]


def test_a_russian_flight_or_retreat_to_places_gives_them_to_no_verb_before():
    text = "Армия освободила Ханано, боевики бежали в южные районы города: Шейх-Саид и другие."
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Боевики оставили Ханано и отступили в Шейх-Саид."
    assert propose(text) == [("hanano", "government", "lost")]


def test_a_russian_short_participle_of_expelling_with_an_adverb_before_it():
    text = "Боевики полностью выбиты из квартала Ханано."
    assert propose(text) == [("hanano", "government", "captured")]


def test_the_old_quarters_in_russian_are_the_old_city():
    text = "Армия освободила старые кварталы Алеппо."
    assert propose_old(text) == [("old-city", "government", "captured")]


def test_no_name_runs_on_past_a_comma():
    # "Sakhour, i militari": the Italian article after the comma is no "Sakhour I".
    sakhour = Place("as-sakhour", ("as-sakhour",))
    sakhour_one = Place("as-sakhour-i", ("as-sakhour-i",))
    indexes = Indexes.build([("Sakhour", sakhour), ("Sakhour I", sakhour_one)], [])
    text = "Le truppe governative strappano ai ribelli Sakhour, i militari sminano le strade."
    assert propose(text, indexes=indexes) == [("as-sakhour", "government", "captured")]
    # Guard: the longer name written whole is still found.
    text = "Le truppe governative strappano ai ribelli Sakhour I."
    assert propose(text, indexes=indexes) == [("as-sakhour-i", "government", "captured")]


def test_a_turkish_case_ending_after_an_apostrophe_is_no_name_beside_a_place():
    text = "Muhalifler Halep'in Şeyh Said mahallesinde çatışıyor."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]


def test_italian_entering_penetrating_an_advance_and_an_assault_are_fighting():
    assert propose("L'esercito entra nel quartiere di Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("I soldati sono riusciti a penetrare nel quartiere di Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("L'esercito continua la sua avanzata nel quartiere di Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("L'esercito ha dato l'assalto al quartiere di Hanano.") == [
        ("hanano", "contested", "contested")
    ]


def test_italian_near_with_an_article_is_a_landmark():
    text = "L'esercito ha conquistato una collina vicino alla zona di Hanano."
    assert propose(text) == []


def test_an_italian_agent_after_dalla_or_dalle_holds():
    text = "I ribelli dicono che Hanano è controllato dalle forze governative."
    assert propose(text) == [("hanano", "government", "held")]
    text = "I ribelli dicono che Hanano è controllato dalla milizia curda."
    assert propose(text) == [("hanano", "kurdish_ypg", "held")]


def test_italian_soldiers_of_damascus_are_the_government():
    text = "I soldati di Damasco controllano il quartiere di Hanano."
    assert propose(text) == [("hanano", "government", "held")]


def test_rockets_and_mortars_in_other_languages_are_an_attack_from_afar():
    assert propose("I ribelli hanno colpito con razzi il quartiere di Hanano.") == []
    assert propose("Os rebeldes dispararam foguetes contra Hanano.") == []
    assert propose("Pemberontak menembakkan roket ke Hanano.") == []


def test_a_fall_in_other_languages_places_no_side_there():
    assert propose("La chute du quartier de Hanano affaiblit les rebelles.") == []
    assert propose("Падение квартала Ханано ослабило боевиков.") == []
    # Guard: a fall to come (German "mit einem Fall") leaves the place with its holder.
    text = "Mit einem Fall von Hanano würden die Rebellen ihre Hochburg verlieren."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_russian_illegal_armed_formations_and_groupings_are_rebels():
    text = "Квартал Ханано является оплотом незаконных вооружённых формирований."
    assert propose(text) == [("hanano", "rebels", "held")]
    text = "Квартал Ханано остаётся под контролем террористических группировок."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_french_bare_east_held_is_the_east_half():
    text = "La ville reste coupée, avec l'Est tenu par les rebelles."
    assert propose(text) == [("east-aleppo", "rebels", "held")]
    # Guard: a direction is no half.
    assert propose("Les rebelles reculent vers l'est sous le feu.") == []


def test_german_control_gained_in_quotes_or_with_an_adjective():
    text = 'Die Regierungstruppen hätten die "vollständige Kontrolle" über Hanano erlangt.'
    assert propose(text) == [("hanano", "government", "captured")]
    text = "Die Regierungstruppen haben die volle Kontrolle über Hanano erlangt."
    assert propose(text) == [("hanano", "government", "captured")]
