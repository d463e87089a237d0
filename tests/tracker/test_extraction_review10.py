"""The stop's own review of constructions earlier reviews left undone: sentences of our own where
the proposer misread, each with a guard beside it."""

from datetime import date

import pytest

from tests.tracker.test_extraction_rules import OUTLET, propose
from tracker.extraction import claims_propose
from tracker.extraction_patterns import sentences_split
from tracker.extraction_when import window_find


@pytest.mark.django_db
def test_a_one_word_spelling_in_a_title_case_headline_is_the_place(indexes):
    assert propose("Syrian Army Takes Zahara", indexes=indexes) == [
        ("az-zahra", "government", "captured")
    ]
    assert propose("Loyalist Troops Recapture Shar And Sakhour", indexes=indexes) == [
        ("ash-shaar", "government", "captured"),
        ("as-sakhour", "government", "captured"),
    ]
    # Guard: a capitalised name after the spelling, or a title before it, is still a person's.
    for text in (
        "Reporter Zahara Ahmed Says Rebels Hold Hanano",
        "Rebel Commander Shar Says Fighters Hold Hanano",
    ):
        assert propose(text, indexes=indexes) == [("hanano", "rebels", "held")], text
    # Guard: in a sentence that is not a headline, the capital before still makes a name.
    assert "az-zahra" not in {
        slug
        for slug, _, _ in propose(
            "We met Ahmed Zahara in a shelter; the army holds Hanano.", indexes=indexes
        )
    }


PUBLISHED = date(2016, 12, 6)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("Les rebelles ont pris le quartier le 3 décembre.", ((2016, 12, 3), (2016, 12, 3))),
        ("Los rebeldes tomaron el barrio el 2 de diciembre.", ((2016, 12, 2), (2016, 12, 2))),
        ("Die Armee eroberte das Viertel am 4. Dezember.", ((2016, 12, 4), (2016, 12, 4))),
        ("Die Rebellen eroberten das Viertel im November.", ((2016, 11, 1), (2016, 11, 30))),
        ("L'armée a repris le quartier en novembre.", ((2016, 11, 1), (2016, 11, 30))),
        ("El ejército tomó el barrio a finales de octubre.", ((2016, 10, 1), (2016, 10, 31))),
        ("I ribelli hanno conquistato il quartiere a novembre.", ((2016, 11, 1), (2016, 11, 30))),
        ("Die Rebellen halten das Viertel seit August.", ((2016, 8, 1), (2016, 12, 6))),
        ("Le régime contrôle le quartier depuis juillet.", ((2016, 7, 1), (2016, 12, 6))),
        ("Армия освободила район в ноябре.", ((2016, 11, 1), (2016, 11, 30))),
        ("В конце октября боевики покинули район.", ((2016, 10, 1), (2016, 10, 31))),
        ("Боевики удерживают район с августа.", ((2016, 8, 1), (2016, 12, 6))),
    ],
)
def test_a_month_in_another_language_beside_a_day_or_after_its_preposition_is_read(text, window):
    assert window_find(text, PUBLISHED) == tuple(date(*d) for d in window)


def test_a_month_after_an_english_word_that_is_an_italian_preposition_is_no_month():
    # Guard: "a march", "fine May weather" are English words, not Italian "a marzo".
    assert window_find("Rebels held the district during a march on Sunday.", PUBLISHED) == (
        date(2016, 12, 4),
        date(2016, 12, 4),
    )
    assert window_find("Rebels held the district in fine May weather.", PUBLISHED) == (
        PUBLISHED,
        PUBLISHED,
    )


def test_a_german_day_with_its_full_stop_ends_no_sentence():
    assert sentences_split("Die Armee eroberte am 7. Dezember das Viertel. Es war ruhig.") == [
        "Die Armee eroberte am 7. Dezember das Viertel.",
        "Es war ruhig.",
    ]
    # Guard: a number at a sentence's end still ends it.
    assert sentences_split("The toll rose to 12. Rebels took the district.") == [
        "The toll rose to 12.",
        "Rebels took the district.",
    ]


@pytest.mark.django_db
def test_a_french_or_italian_elided_word_before_a_place_is_read_apart(indexes):
    assert propose("Les rebelles ont pris le quartier d'Achrafieh.", indexes=indexes) == [
        ("al-ashrafiyeh", "rebels", "captured")
    ]
    assert propose("Les insurgés contrôlent le quartier d'Al-Sukkari.", indexes=indexes) == [
        ("as-sukkari", "rebels", "held")
    ]
    assert propose("L'esercito ha preso il controllo dell'Ashrafiyeh.", indexes=indexes) == [
        ("al-ashrafiyeh", "government", "captured")
    ]
    # Guard: an apostrophe inside a name is the name's own.
    assert propose("Rebels hold Sha'ar.", indexes=indexes) == [("ash-shaar", "rebels", "held")]


@pytest.mark.django_db
def test_a_sides_name_before_a_guessed_place_is_no_part_of_a_persons_name(indexes):
    assert propose("Muhalifler Şeyh Said'i kontrol ediyor.", indexes=indexes) == [
        ("sheikh-saeed", "rebels", "held")
    ]
    assert propose("YPG Şeyh Maksud'u kontrol ediyor.", indexes=indexes) == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "held")
    ]
    # Guard: a capitalised name that is no side's still makes a person's name.
    assert propose("Komutan Ahmed Şeyh Said'i gördü.", indexes=indexes) == []


@pytest.mark.django_db
def test_an_advance_in_french_or_german_is_fighting_and_a_german_pulling_out_a_loss(indexes):
    for text in (
        "L'armée avance dans le quartier de Hanano.",
        "Les rebelles progressent dans Hanano.",
        "Die Armee rückt in Hanano vor.",
    ):
        assert propose(text, indexes=indexes) == [("hanano", "contested", "contested")], text
    assert propose("Die Rebellen rückten aus Hanano ab.", indexes=indexes) == [
        ("hanano", "government", "lost")
    ]
    # Guard: an advance towards a place ("vers", "hacia", "in Richtung") claims nothing there.
    for text in (
        "L'armée avance vers Hanano.",
        "El ejército avanza hacia Hanano.",
        "Die Armee rückt in Richtung Hanano vor.",
    ):
        assert propose(text, indexes=indexes) == [], text


@pytest.mark.django_db
def test_a_turkish_passive_of_driving_out_is_the_sides_loss(indexes):
    for text in ("Muhalifler Hanano'dan çıkarıldı.", "Muhalifler Hanano'dan püskürtüldü."):
        assert propose(text, indexes=indexes) == [("hanano", "government", "lost")], text


@pytest.mark.django_db
def test_an_attack_the_same_clause_says_was_beaten_back_leaves_the_place_to_the_other_side(
    indexes,
):
    for text, holder in (
        ("Troops stormed Sakhour but were repelled.", "rebels"),
        ("The army attacked Sakhour but was forced to retreat.", "rebels"),
        ("Rebels attacked Hanano, only to be pushed back.", "government"),
        ("Rebels held off an army attack on Sakhour.", "rebels"),
        ("Rebels fought off a government assault in Sakhour.", "rebels"),
    ):
        (proposal,) = propose(text, indexes=indexes)
        assert proposal[1] == holder, text
    # Guard: the undoing of another side's attack later in the sentence is that side's.
    assert ("as-sakhour", "contested", "contested") in propose(
        "Troops stormed Sakhour and rebels attacked Hanano but were repelled.", indexes=indexes
    )
    # Guard: an attack that pushes the other side back is no attack undone.
    assert propose("Troops stormed Sakhour and pushed back the rebels.", indexes=indexes) == [
        ("as-sakhour", "contested", "contested")
    ]


@pytest.mark.django_db
def test_a_passive_taking_of_a_place_said_to_be_a_sides_is_the_other_sides(indexes):
    for text, taker in (
        ("Rebel-held Hanano was retaken on Tuesday.", "government"),
        ("Hanano, held by rebels since 2012, was retaken on Tuesday.", "government"),
        ("Hanano, a rebel stronghold, was captured on Tuesday.", "government"),
        ("Hanano, which rebels had held since 2012, was retaken on Tuesday.", "government"),
        ("Government-held Hanano was overrun on Tuesday.", "rebels"),
    ):
        assert propose(text, indexes=indexes) == [("hanano", taker, "captured")], text
    # Guard: an agent named after the verb is the taker.
    assert propose("Rebel-held Hanano was captured from the regime.", indexes=indexes) == [
        ("hanano", "rebels", "captured")
    ]
    # Guard: a place the Kurds held has no one other side.
    assert propose("Kurdish-held Sheikh Maqsoud was captured on Tuesday.", indexes=indexes) == []


@pytest.mark.django_db
def test_fighting_in_an_apposition_between_commas_leaves_the_place_to_the_verb_after_it(indexes):
    assert propose(
        "Aleppo's Sakhour district, the scene of fierce fighting, is now under army control.",
        indexes=indexes,
    ) == [("as-sakhour", "government", "held")]
    assert propose(
        "Sakhour, the site of heavy clashes for weeks, was recaptured by the army.",
        indexes=indexes,
    ) == [("as-sakhour", "government", "captured")]
    # Guard: with no verb after it, the fighting before the place is still the place's.
    assert propose(
        "Fighting raged in Sakhour, the heart of the rebel enclave.", indexes=indexes
    ) == [("as-sakhour", "contested", "contested")]


@pytest.mark.django_db
def test_a_side_that_enters_a_place_unopposed_takes_it(indexes):
    for text in (
        "Government troops entered Sakhour unopposed.",
        "Government troops entered Sakhour without a fight.",
    ):
        assert propose(text, indexes=indexes) == [("as-sakhour", "government", "captured")], text
    # Guard: entering alone is fighting.
    assert propose("Government troops entered Sakhour.", indexes=indexes) == [
        ("as-sakhour", "contested", "contested")
    ]


@pytest.mark.django_db
def test_a_place_a_side_is_a_few_hundred_metres_from_is_a_landmark(indexes):
    for text in (
        "The army is now within a few hundred metres of Sakhour.",
        "Rebels came within two hundred meters of Hamdaniyeh.",
    ):
        assert propose(text, indexes=indexes) == [], text


@pytest.mark.django_db
def test_an_adverb_between_the_auxiliary_and_the_main_verb_after_an_aside_keeps_it_main(indexes):
    for text in (
        "Hanano, long held by rebels, was finally captured by government forces on Tuesday.",
        "Hanano, which rebels seized in 2012, was eventually recaptured by the army.",
    ):
        assert propose(text, indexes=indexes) == [("hanano", "government", "captured")], text


@pytest.mark.django_db
def test_a_side_with_a_relative_clause_is_the_subject_of_the_main_verb_after_it(indexes):
    text = "Rebels who had held Hanano since 2012 were driven out on Tuesday."
    (proposal,) = claims_propose(text, PUBLISHED, OUTLET, indexes)
    assert (proposal.place.label, proposal.controller) == ("hanano", "government")
    assert (proposal.date_from, proposal.date_to) == (PUBLISHED, PUBLISHED)
    assert propose("Rebels who attacked the army were driven out of Hanano.", indexes=indexes) == [
        ("hanano", "government", "captured")
    ]
    # Guard: with no main verb after the place, the relative clause's holding stands.
    assert propose("Rebels who hold Hanano say they will fight on.", indexes=indexes) == [
        ("hanano", "rebels", "held")
    ]


@pytest.mark.django_db
def test_the_armed_forces_are_the_governments_and_the_factions_the_rebels(indexes):
    assert propose(
        "Units of the armed forces established control over Jabal Badro.", indexes=indexes
    ) == [("jabal-badro", "government", "captured")]
    assert propose("The factions managed to recapture Sakhour.", indexes=indexes) == [
        ("as-sakhour", "rebels", "captured")
    ]
    # Guard: another state's armed forces, and warring factions, are no side of ours.
    assert propose("Turkish armed forces took Sheikh Maqsoud.", indexes=indexes) == []
    assert propose("The warring factions clashed in Sakhour.", indexes=indexes) == [
        ("as-sakhour", "contested", "contested")
    ]


@pytest.mark.django_db
def test_a_headlines_present_lose_or_pull_out_of_is_a_loss(indexes):
    assert propose("Rebels lose Hanano to government forces", indexes=indexes) == [
        ("hanano", "government", "captured")
    ]
    assert propose("Rebels pull out of Sakhour", indexes=indexes) == [
        ("as-sakhour", "government", "lost")
    ]
    # Guard: pulling people out of a place is no withdrawal from it.
    assert propose("Troops pull out the wounded from Hanano", indexes=indexes) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Army reclaims Sakhour", ("as-sakhour", "government", "captured")),
        ("Army overruns Sakhour", ("as-sakhour", "government", "captured")),
        ("Army secures Sakhour", ("as-sakhour", "government", "captured")),
        ("Army expels rebels from Sakhour", ("as-sakhour", "government", "captured")),
        ("Army sweeps into Sakhour", ("as-sakhour", "government", "captured")),
        ("Army storms Sakhour", ("as-sakhour", "contested", "contested")),
        ("Army encircles Sakhour", ("as-sakhour", "rebels", "held")),
        ("Rebels cede Sakhour", ("as-sakhour", "government", "lost")),
        ("Rebels evacuate Sakhour", ("as-sakhour", "government", "lost")),
    ],
)
def test_a_headlines_present_tense_means_what_its_past_does(indexes, text, claim):
    assert propose(text, indexes=indexes) == [claim]


@pytest.mark.django_db
def test_people_evacuated_from_a_place_are_no_side_leaving_it(indexes):
    assert propose("Army evacuates civilians from Sakhour", indexes=indexes) == []


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("The army took the district on 27/11/2016.", ((2016, 11, 27), (2016, 11, 27))),
        ("Clashes on 27.11.16 in the district.", ((2016, 11, 27), (2016, 11, 27))),
        ("The army took the district on 2016-11-27.", ((2016, 11, 27), (2016, 11, 27))),
        ("The army took the district on 11/27/2016.", ((2016, 11, 27), (2016, 11, 27))),
        # Either order possible: the wider window, from the earlier day to the later.
        ("The army took the district on 03/12/2016.", ((2016, 3, 12), (2016, 12, 3))),
        ("The army took the district on the 27th.", ((2016, 11, 27), (2016, 11, 27))),
        ("The army took the district on the 3rd.", ((2016, 12, 3), (2016, 12, 3))),
        ("The army took the district this weekend.", ((2016, 12, 3), (2016, 12, 4))),
    ],
)
def test_a_date_in_figures_or_a_day_of_the_month_alone_is_read(text, window):
    assert window_find(text, PUBLISHED) == tuple(date(*d) for d in window)


def test_an_ordinal_that_is_no_day_dates_nothing():
    for text in (
        "Rebels took the district on the 5th day of fighting.",
        "The army took the district on the 4th anniversary of the uprising.",
        "The army took the district on 12/31/2016.",  # after the publication
    ):
        assert window_find(text, PUBLISHED) == (PUBLISHED, PUBLISHED), text


@pytest.mark.django_db
def test_took_back_control_is_a_taking(indexes):
    for text in (
        "The army took back control of Hanano.",
        "The army is taking back full control of Hanano.",
    ):
        assert propose(text, indexes=indexes) == [("hanano", "government", "captured")], text
