"""The claim proposer's rules of round 21: a side that moved into a place fights there, control
taken with a possessive or a degree ("regained its control", "seized total control") or won back
in the passive is a taking, and so is a fall "in the hands of" a side
(`tracker.extraction_words_gains`); a side who says so after a comma is not one more side a place
was taken from (`tracker.extraction_third`); a district after another place, a comma and "in"
("Jdeide, in Aleppo's Old City") is its setting (`tracker.extraction_places.located`); both ends
of "in between X and Y" are landmarks (`tracker.extraction_incidental`); a list runs on past a
relative clause on one of its items or its first item's preposition said again ("in X and in Y",
`tracker.extraction_lists`); an offensive "on Sunday" to take
a place is an aim (`tracker.extraction_words.NEGATION`); a name that is a spelling on record after
a fold of transliteration (k for q, i for ee, u for oo and ou, doubled consonants once) is that
spelling, not a guess (`tracker.extraction_spellings.translit_spellings`), and the fold merges no
two places of the gazetteer. One scenario each, with its guards."""

import csv
import json
from functools import partial

from districts.names import name_key
from tests.tracker.test_extraction_rules import DATA, SPELLED, propose
from tracker.extraction import Indexes, Place
from tracker.extraction_spellings import SPELLINGS, translit_key

JDEIDE = Place("beit-muheb-jdeydeh", ("beit-muheb-jdeydeh",))
INDEXES = Indexes.build([*SPELLED, ("Jdeide", JDEIDE)], [])
propose21 = partial(propose, indexes=INDEXES)


def test_a_side_that_moved_into_a_place_fights_there():
    assert propose21("Rebel units moved into Hanano on Tuesday night.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose21("Troops moved deeper into Sheikh Saeed, a commander said.") == [
        ("sheikh-saeed", "contested", "contested")
    ]
    # Guard: people moving into a place say nothing of who holds it.
    assert propose21("Hundreds of families moved into Hanano after the shelling stopped.") == []


def test_control_taken_with_a_possessive_or_a_degree_is_a_capture():
    assert propose21("The army regained its control of Hanano on Monday.") == [
        ("hanano", "government", "captured")
    ]
    assert propose21("Rebels seized total control of Sheikh Saeed at dawn.") == [
        ("sheikh-saeed", "rebels", "captured")
    ]
    # Guard: control kept is a holding.
    assert propose21("Rebels maintained their control of Hanano.") == [("hanano", "rebels", "held")]


def test_a_fall_in_the_hands_of_a_side_is_its_taking():
    text = "Hanano was the first district to fall in the hands of the rebels that summer."
    assert propose21(text) == [("hanano", "rebels", "captured")]


def test_control_won_back_in_the_passive_is_a_taking():
    text = "Complete control of Hanano has been won back from the rebels, the army said."
    assert propose21(text) == [("hanano", "government", "captured")]


def test_a_side_who_says_so_is_not_a_side_the_place_was_taken_from():
    text = "Sheikh Saeed was taken from the rebels, the army said on Sunday."
    assert propose21(text) == [("sheikh-saeed", "government", "captured")]
    # Guard: two sides it was taken from leave it to the third.
    text = "Hanano was captured from the regime and the YPG on Sunday."
    assert propose21(text) == [("hanano", "rebels", "captured")]


def test_a_district_after_a_place_a_comma_and_in_is_its_setting():
    assert propose21("Rebels seized a mosque near Jdeide, in Aleppo's Old City.") == []
    assert propose21("Rebels seized Jdeide, in Aleppo's Old City, on Monday.") == [
        ("beit-muheb-jdeydeh", "rebels", "captured")
    ]
    # Guard: the district with a verb of its own is claimed.
    assert propose21("Rebels seized Jdeide, and the army still holds the Old City.") == [
        ("beit-muheb-jdeydeh", "rebels", "captured"),
        ("old-city", "government", "held"),
    ]


def test_both_ends_of_in_between_are_landmarks():
    assert propose21("The army captured the hills in between Hanano and Sheikh Saeed.") == []
    assert propose21("Clashes raged in the area in between Hanano and Sheikh Saeed.") == []
    # Guard: fighting between sides in two places is fighting in both.
    assert propose21("Fighting between rebels and troops raged in Hanano and Sheikh Saeed.") == [
        ("hanano", "contested", "contested"),
        ("sheikh-saeed", "contested", "contested"),
    ]


def test_a_list_runs_on_past_a_relative_clause_on_an_item():
    text = "The army captured Hanano, which rebels had held since 2012, and Sheikh Saeed on Monday."
    assert propose21(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "government", "captured"),
    ]
    # Guard: a place after the clause with a verb of its own starts a new clause.
    text = "The army captured Hanano, which rebels had held since 2012, and Sheikh Saeed was quiet."
    assert propose21(text) == [("hanano", "government", "captured")]


def test_an_offensive_on_a_day_to_take_a_place_is_an_aim():
    text = "Nusra launched an offensive on Sunday to recapture Hanano and Sheikh Saeed."
    assert propose21(text) == []
    assert propose21("Rebels began a new push last week to retake Hanano.") == []
    # Guard: an offensive and a taking joined by "and" is a taking.
    assert propose21("Rebels began an offensive on Sunday and retook Hanano.") == [
        ("hanano", "rebels", "captured")
    ]


def test_a_list_runs_on_past_its_preposition_said_again():
    text = "Rebel tanks are shelling regime positions in Hanano and in Sheikh Saeed."
    assert propose21(text) == [
        ("hanano", "government", "held"),
        ("sheikh-saeed", "government", "held"),
    ]
    # Guard: a place not after the preposition starts no list with the next.
    assert propose21("Rebels took Hanano and in Sheikh Saeed clashes went on.") == [
        ("hanano", "rebels", "captured"),
        ("sheikh-saeed", "contested", "contested"),
    ]


MAQSOUD = Place("ash-sheikh-maqsoud", ("ash-sheikh-maqsoud",))
KURDISH = Indexes.build([*SPELLED, ("Sheikh Maqsoud", MAQSOUD)], [])


def test_a_transliteration_of_a_spelling_on_record_is_that_spelling():
    # k for q and u for ou: not a guess, so the capital before it is no person's name.
    text = "Rebels shelled the Kurdish-held Sheikh Maksud district overnight."
    assert propose(text, indexes=KURDISH) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    text = "Kurdish Fighters Hold Sheikh Maksoud In Aleppo"
    assert propose(text, indexes=KURDISH) == [("ash-sheikh-maqsoud", "kurdish_ypg", "held")]
    # Guard: two places whose spellings fold alike are neither's.
    karm_a = Place("karm-a", ("karm-a",))
    karm_b = Place("karm-b", ("karm-b",))
    twins = Indexes.build([("Karm Qasr", karm_a), ("Karm Kassr", karm_b)], [])
    assert propose("Kurdish-held Karm Kasr was shelled.", indexes=twins) == []


def test_the_transliteration_fold_merges_no_two_places_of_the_gazetteer():
    names: dict[str, set[str]] = {}

    def add(name: str, slug: str) -> None:
        if name and name.isascii():
            names.setdefault(translit_key(name_key(name)), set()).add(slug)

    with (DATA / "aleppo_districts.geojson").open(encoding="utf-8") as handle:
        for feature in json.load(handle)["features"]:
            props = feature["properties"]
            for name in [props["name_en"], *props["alt_names"].split(";")]:
                add(name.strip(), props["slug"])
    with (DATA / "aleppo_aliases.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            add(row["name"], row["target_slug"])
    with (DATA / "aleppo_regions.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for name in [row["name_en"], *row["aliases"].split(";")]:
                add(name.strip(), row["slug"])
    for name, slug, _ in SPELLINGS:
        add(name, slug)
    assert {key: slugs for key, slugs in names.items() if len(slugs) > 1} == {}
