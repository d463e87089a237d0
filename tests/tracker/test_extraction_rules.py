"""The claim proposer's later rules (tracker/extraction.py, tracker/extraction_places.py), one
scenario each, on a small gazetteer of their own."""

import csv
import json
from datetime import date
from pathlib import Path

from tracker.extraction import Indexes, Place, Speaker, claims_propose
from tracker.extraction_places import places_find
from tracker.extraction_spellings import SPELLINGS

DATA = Path(__file__).resolve().parents[2] / "districts" / "data"
HANANO = Place("hanano", ("hanano",))
SHEIKH_SAEED = Place("sheikh-saeed", ("sheikh-saeed",))
BUSTAN = Place("bustan-al-basha", ("bustan-al-basha",))
OLD_CITY = Place("old-city", ("aleppo-citadel", "souq"), "old-city")
EAST = Place("east-aleppo", ("hanano", "sheikh-saeed"), "east-aleppo")
WEST = Place("west-aleppo", ("souq",), "west-aleppo")
CITY = Place("aleppo-city", ("hanano", "sheikh-saeed", "souq"), "aleppo-city")
SPELLED = [
    ("Hanano", HANANO),
    ("Sheikh Saeed", SHEIKH_SAEED),
    ("Bustan al-Basha", BUSTAN),
    ("Old City", OLD_CITY),
    ("East Aleppo", EAST),
    ("West Aleppo", WEST),
    ("Aleppo", CITY),
]
INDEXES = Indexes.build(SPELLED, [])
OUTLET = Speaker("Outlet", "independent")


def propose(text, published=date(2016, 12, 6), source=OUTLET, indexes=INDEXES):
    """The proposals for `text` as (place, holder, claim type); the later rounds' modules
    bind their own gazetteer (`functools.partial(propose, indexes=...)`)."""
    return [
        (p.place.label, p.controller, p.claim_type)
        for p in claims_propose(text, published, source, indexes)
    ]


def test_places_of_one_enumeration_share_its_verb():
    assert propose("Rebels lost Hanano, the Old City and Sheikh Saeed in clashes.") == [
        ("hanano", "government", "lost"),
        ("old-city", "government", "lost"),
        ("sheikh-saeed", "government", "lost"),
    ]


def test_an_adjective_reaches_only_the_noun_after_it():
    assert propose("Shells fired from the rebel-held east hit the Old City.") == [
        ("east-aleppo", "rebels", "held")
    ]
    text = "Fighting raged as government forces shelled the besieged pocket and Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "contested", "contested")]


def test_a_negated_or_modal_verb_claims_nothing():
    assert propose("The army failed to capture Hanano.") == []
    assert propose("Rebels did not withdraw from Sheikh Saeed.") == []
    assert propose("The army could retake Hanano within days.") == []


def test_a_direction_wins_over_the_citys_name_inside_it():
    assert propose("Shells hit rebel-held eastern Aleppo.") == [("east-aleppo", "rebels", "held")]


def test_a_side_between_a_holding_verb_and_its_place_holds_that_place():
    assert propose("The rebels hold the east and the regime the west.") == [
        ("east-aleppo", "rebels", "held"),
        ("west-aleppo", "government", "held"),
    ]


def test_a_guessed_place_beside_a_capitalised_word_is_a_persons_name():
    text = "Commander Shaikh Sa'eed Hamdan said they are in Shaikh Sa'eed now."
    found = places_find(text, INDEXES, [])
    assert [(span.text, place.label) for span, place in found] == [
        ("Shaikh Sa'eed", "sheikh-saeed")
    ]


def test_a_looser_skeleton_reads_w_p_and_sheik_spellings():
    assert propose("Government troops recaptured Bustan al-Pasha.") == [
        ("bustan-al-basha", "government", "captured")
    ]
    assert propose("Government troops recaptured Sheik Saeed.") == [
        ("sheikh-saeed", "government", "captured")
    ]


def test_a_russian_spelling_is_read_in_its_romanisation():
    assert propose("Армия освободила Шейх Саид.") == [("sheikh-saeed", "government", "captured")]


def test_verbs_and_sides_of_other_languages_are_read():
    assert propose("Le quartier de Hanano a été libéré par l'armée.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Los rebeldes se retiraron de Sheikh Saeed.") == [
        ("sheikh-saeed", "government", "lost")
    ]


def test_the_proposers_own_spellings_name_places_on_the_map():
    with (DATA / "aleppo_districts.geojson").open(encoding="utf-8") as handle:
        slugs = {f["properties"]["slug"] for f in json.load(handle)["features"]}
    with (DATA / "aleppo_regions.csv").open(encoding="utf-8", newline="") as handle:
        slugs |= {row["slug"] for row in csv.DictReader(handle)}
    assert [slug for _, slug, _ in SPELLINGS if slug not in slugs] == []
    assert all(note for _, _, note in SPELLINGS)


def test_a_side_before_neighbourhoods_holds_the_places_listed():
    assert propose("Shells hit the opposition neighbourhoods of Hanano and Sheikh Saeed.") == [
        ("hanano", "rebels", "held"),
        ("sheikh-saeed", "rebels", "held"),
    ]


def test_an_adjective_in_apposition_describes_the_place_before_it():
    assert propose("said a resident of Hanano, one of the last rebel-held districts.") == [
        ("hanano", "rebels", "held")
    ]


def test_a_place_named_as_a_landmark_is_not_claimed():
    assert propose("The army captured the district north of the Old City.") == []
    assert propose("The army captured Hanano, near Sheikh Saeed.") == [
        ("hanano", "government", "captured")
    ]


def test_a_region_holding_a_place_named_beside_it_is_its_setting():
    assert propose("Rebels lost Hanano in east Aleppo.") == [("hanano", "government", "lost")]
    assert propose("Rebels lost east Aleppo.") == [("east-aleppo", "government", "lost")]
    assert propose("Troops took the Old City district in the eastern part of Aleppo.") == [
        ("old-city", "government", "captured")
    ]


def test_a_city_divided_between_sides_is_claimed_by_neither_as_a_whole():
    assert propose("The rebels control Aleppo.") == [("aleppo-city", "rebels", "held")]
    assert propose("Control of Aleppo is divided between the rebels and the army.") == []


def test_a_side_placed_in_a_place_no_verb_reaches_holds_it():
    assert propose("Government jets struck militants in Hanano.") == [("hanano", "rebels", "held")]
    assert propose("Rebels captured Hanano, with militants in Sheikh Saeed.") == [
        ("hanano", "rebels", "captured"),
        ("sheikh-saeed", "rebels", "captured"),
    ]


def test_a_list_runs_on_across_a_name_not_on_the_map():
    text = "The army took control of Hanano, Ard al-Hamra, Kafr Hamra, Sheikh Saeed in clashes."
    assert propose(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "government", "captured"),
    ]


def test_a_side_before_a_passive_siege_verb_is_besieged_and_holds_the_place():
    assert propose("Rebels encircled in Sheikh Saeed fought on.") == [
        ("sheikh-saeed", "rebels", "held")
    ]
    assert propose("The army encircled Sheikh Saeed.") == [("sheikh-saeed", "rebels", "held")]
    assert propose("The rebels encircled Sheikh Saeed.") == [("sheikh-saeed", "government", "held")]


def test_written_years_ranges_and_since_make_the_window():
    from tracker.extraction import window_find

    published = date(2016, 11, 28)
    assert window_find("on the night of 19 July 2012", published) == (
        date(2012, 7, 19),
        date(2012, 7, 19),
    )
    assert window_find("seized them on November 26 - 27", published) == (
        date(2016, 11, 26),
        date(2016, 11, 27),
    )
    assert window_find("it fell to the rebels in 2012", published) == (
        date(2012, 1, 1),
        date(2012, 12, 31),
    )
    assert window_find("divided since fighting began there in mid-2012", published) == (
        date(2012, 1, 1),
        published,
    )


def test_the_score_counts_apart_the_rows_whose_quote_names_their_place(tmp_path):
    from tracker.extraction_score import holdout_score

    path = tmp_path / "rows.csv"
    header = "date,date_precision,district_en,claimed_controller,source_org,source_stance,"
    rows = [
        "2016-12-06,day,Hanano,rebels,AFP,independent,AFP 2016-12-06,Rebels captured Hanano.",
        "2016-12-06,day,Hanano,rebels,AFP,independent,AFP 2016-12-05,Rebels took the district.",
    ]
    path.write_text(header + "citation,quote\n" + "\n".join(rows) + "\n", encoding="utf-8")
    score = holdout_score(INDEXES, path)
    assert (score.coded, score.matched, score.named, score.named_matched) == (2, 1, 1, 1)
    assert (score.recall, score.named_recall, score.precision) == (0.5, 1.0, 1.0)


def test_a_side_inside_an_aside_is_not_the_subject():
    text = "Rebels – fighting government forces for months – took Hanano."
    assert propose(text) == [("hanano", "rebels", "captured")]


def test_a_description_of_holding_in_apposition_wins_over_a_nearer_verb():
    assert propose("The fighting was in Hanano, a rebel stronghold.") == [
        ("hanano", "rebels", "held")
    ]


def test_repelling_an_attack_is_holding_by_the_defender():
    assert propose("Troops repelled an attack by rebels on Hanano.") == [
        ("hanano", "government", "held")
    ]


def test_idioms_built_on_verbs_of_control_say_nothing_of_control():
    assert propose("The rebels took advantage of the lull in Hanano.") == []
    assert propose("The talks took place in Hanano.") == []


def test_a_sides_positions_in_a_place_say_it_holds_the_place():
    text = "The army attacked the terrorist groups' positions in the districts of Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_an_adjective_inside_the_object_of_a_taking_verb_yields_to_the_verb():
    assert propose("Government forces seized the rebel-held district of Hanano.") == [
        ("hanano", "government", "captured")
    ]
    text = "A barrel bomb attack hit a rebel-held area in Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_the_city_after_a_preposition_of_place_is_a_setting():
    assert propose("Rebels liberated the barracks in Aleppo.") == []
    assert propose("Rebels liberated Aleppo.") == [("aleppo-city", "rebels", "captured")]


def test_arabic_halves_of_the_city_are_read_without_hamza_and_with_the_word_city():
    assert propose("يسيطر النظام على الاحياء الغربية") == [("west-aleppo", "government", "held")]
    assert propose("الأحياء التي يسيطر عليها النظام غرب مدينة حلب") == [
        ("west-aleppo", "government", "held")
    ]


def test_an_arabic_verbal_noun_with_a_possessive_suffix_is_its_possessors():
    indexes = Indexes.build([("الشيخ سعيد", SHEIKH_SAEED)], [])
    text = "أعلن الثوار صدهم هجوماً لقوات النظام في حي الشيخ سعيد"
    proposed = claims_propose(text, date(2016, 12, 6), OUTLET, indexes)
    assert [(p.place.label, p.controller) for p in proposed] == [("sheikh-saeed", "rebels")]


def test_a_sentence_about_one_side_with_no_verb_places_it_in_the_place():
    assert propose("Rebels with rifles patrol the streets of Hanano.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Rebel mortar fire hit Hanano.") == []
    assert propose("Rebels and the army met near the road in Hanano.") == []


def test_taking_up_positions_in_a_place_is_holding_it():
    assert propose("Rebel fighters take up positions in Hanano.") == [("hanano", "rebels", "held")]
    text = "The front line where government forces are positioned includes Hanano."
    assert propose(text) == [("hanano", "government", "held")]


def test_a_participle_after_after_has_the_main_clauses_subject():
    text = "Government forces clashed with rebels in the Old City after taking Hanano."
    assert ("hanano", "government", "captured") in propose(text)
    assert propose("Rebel fighters downed a jet after taking off from Hanano.") == []
    text = "Government forces pushed back the rebels, taking Hanano."
    assert propose(text) == [("hanano", "government", "captured")]


def test_the_kurdish_forces_full_names_are_kurdish():
    text = "The Syrian Democratic Forces expelled rebels from Hanano."
    assert propose(text) == [("hanano", "kurdish_ypg", "captured")]


def test_a_siege_to_come_still_says_who_holds_the_place_now():
    assert propose("Hanano will be under siege by the regime.") == [("hanano", "rebels", "held")]
    assert propose("The regime has not besieged Hanano.") == []


def test_a_place_inside_a_region_described_as_held_is_held_by_the_same_side():
    text = "A strike killed a family in rebel-held east Aleppo's Hanano neighbourhood."
    assert propose(text) == [("hanano", "rebels", "held")]


def test_a_name_after_bab_is_a_gate_not_the_district():
    assert propose("Rebels advanced towards the Bab Hanano district, held by rebels.") == []
    assert propose("Rebels held Hanano.") == [("hanano", "rebels", "held")]


def test_a_majority_taken_is_control_not_a_partial_gain():
    assert propose("The army captured most of Hanano.") == [("hanano", "government", "captured")]
    assert propose("The army captured parts of Hanano.") == [("hanano", "contested", "contested")]
