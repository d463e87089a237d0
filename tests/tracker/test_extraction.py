"""The claim proposer's rules (tracker/extraction.py), one scenario each, on a small gazetteer."""

from datetime import date

import pytest
from django.core.management import call_command

from tracker.extraction import (
    Indexes,
    Place,
    Speaker,
    claims_propose,
    window_find,
)
from tracker.extraction_quantities import quantities_propose

SHEIKH_SAEED = Place("sheikh-saeed", ("sheikh-saeed",))
OLD_CITY = Place("old-city", ("aleppo-citadel", "bab-qinnasrin", "souq"), "old-city")
HANANO = Place("hanano", ("hanano",))
EAST = Place("east-aleppo", ("hanano", "sheikh-saeed"), "east-aleppo")
CITY = Place("aleppo-city", ("hanano", "sheikh-saeed", "souq"), "aleppo-city")
INDEXES = Indexes.build(
    [
        ("Sheikh Saeed", SHEIKH_SAEED),
        ("الشيخ سعيد", SHEIKH_SAEED),
        ("Sheikh Said", SHEIKH_SAEED),
        ("Old City", OLD_CITY),
        ("Hanano", HANANO),
        ("East Aleppo", EAST),
        ("Aleppo", CITY),
    ],
    [
        ("SOHR", Speaker("SOHR", "independent")),
        ("Russia's Defense Ministry", Speaker("Russian Defense Ministry", "government")),
        ("Syrian Army", Speaker("Syrian Army", "government")),
    ],
)
PUBLISHED = date(2016, 12, 6)  # a Tuesday
OUTLET = Speaker("Antiwar.com", "independent")


def propose(text, source=OUTLET):
    return [
        (p.place.label, p.controller, p.claim_type)
        for p in claims_propose(text, PUBLISHED, source, INDEXES)
    ]


def test_places_are_found_by_any_spelling_longest_first():
    assert propose("Government troops recaptured Sheikh Said.") == [
        ("sheikh-saeed", "government", "captured")
    ]


def test_a_transliteration_is_matched_by_its_skeleton_when_only_one_place_has_it():
    assert propose("Government troops recaptured Shaikh Sa'eed.") == [
        ("sheikh-saeed", "government", "captured")
    ]


def test_an_arabic_name_may_carry_a_one_letter_prefix_and_the_verb_comes_first():
    assert propose("سيطرت قوات النظام على حي والشيخ سعيد") == [
        ("sheikh-saeed", "government", "captured")
    ]


def test_a_region_gives_one_proposal_listing_its_districts():
    [proposal] = claims_propose("Troops entered the Old City.", PUBLISHED, OUTLET, INDEXES)
    assert proposal.place.region == "old-city"
    assert proposal.place.districts == OLD_CITY.districts
    assert proposal.controller == "contested"


def test_the_city_is_claimed_only_as_a_verbs_direct_object():
    assert propose("The army has retaken Aleppo entirely.") == [
        ("aleppo-city", "government", "captured")
    ]
    assert propose("Rebels captured Aleppo's Hanano district.") == [
        ("hanano", "rebels", "captured")
    ]


def test_the_subject_of_an_english_verb_is_the_side_before_it():
    assert propose("Rebels seized Hanano from government forces.") == [
        ("hanano", "rebels", "captured")
    ]


def test_the_subject_of_fell_to_is_the_side_after_it():
    assert propose("Hanano fell to the rebels.") == [("hanano", "rebels", "captured")]


def test_a_side_before_held_holds_the_place():
    assert propose("Shells hit the government-held Hanano district.") == [
        ("hanano", "government", "held")
    ]


def test_the_east_and_west_of_the_city_are_named_by_direction():
    assert propose(
        "Aleppo is divided between the government-held west and the rebel-held east."
    ) == [("east-aleppo", "rebels", "held")]


def test_losing_gives_the_place_to_the_other_side():
    assert propose("The rebels withdrew from Hanano.") == [("hanano", "government", "lost")]


def test_fighting_is_contested_and_needs_no_side():
    assert propose("Heavy fighting in Sheikh Saeed continued.") == [
        ("sheikh-saeed", "contested", "contested")
    ]


def test_a_besieger_leaves_the_place_to_the_other_side():
    assert propose("Government forces besieged Sheikh Saeed.") == [
        ("sheikh-saeed", "rebels", "held")
    ]


def test_taking_part_of_a_place_is_contested():
    assert propose("The army took several buildings in Sheikh Saeed.") == [
        ("sheikh-saeed", "contested", "contested")
    ]


def test_a_verb_with_no_side_takes_the_speakers_own_side_or_proposes_nothing():
    ministry = Speaker("Russian Defense Ministry", "government")
    assert propose("Hanano was liberated.", ministry) == [("hanano", "government", "captured")]
    assert propose("Hanano was liberated.") == []


def test_the_speaker_is_a_source_named_beside_a_verb_of_speech():
    [named] = claims_propose("SOHR said rebels lost Hanano.", PUBLISHED, OUTLET, INDEXES)
    [plain] = claims_propose("Rebels lost Hanano.", PUBLISHED, OUTLET, INDEXES)
    assert named.speaker.name == "SOHR"
    assert plain.speaker == OUTLET


@pytest.mark.parametrize(
    ("sentence", "window"),
    [
        ("Troops took Hanano on 3 December.", (date(2016, 12, 3), date(2016, 12, 3))),
        ("Troops took Hanano on December 4.", (date(2016, 12, 4), date(2016, 12, 4))),
        ("Troops took Hanano on Monday.", (date(2016, 12, 5), date(2016, 12, 5))),
        ("Troops took Hanano overnight.", (date(2016, 12, 5), date(2016, 12, 6))),
        ("Troops took Hanano yesterday.", (date(2016, 12, 5), date(2016, 12, 5))),
        ("Over the past couple of weeks troops took Hanano.", (date(2016, 11, 22), PUBLISHED)),
        ("Troops took Hanano.", (PUBLISHED, PUBLISHED)),
        ("سيطر الجيش على هنانو في 3 كانون الأول", (date(2016, 12, 3), date(2016, 12, 3))),
    ],
)
def test_the_window_comes_from_the_sentence_else_the_publication_day(sentence, window):
    assert window_find(sentence, PUBLISHED) == window


def test_a_date_later_than_publication_is_read_as_the_year_before():
    assert window_find("Troops took Hanano on 20 December.", PUBLISHED) == (
        date(2015, 12, 20),
        date(2015, 12, 20),
    )


def test_the_seed_article_gives_its_two_counts_with_their_windows():
    text = (
        "Russia's Defense Ministry reported that five new districts were taken today alone, "
        "while the Syrian Army says that over the past couple of weeks they've taken 35 "
        "districts from the rebels."
    )
    ministry = Speaker("Russian Defense Ministry", "government")
    found = quantities_propose(text, PUBLISHED, ministry, INDEXES)
    assert [(q.actor, q.measure, q.value, q.bound) for q in found] == [
        ("government", "districts_taken", 5.0, "exact"),
        ("government", "districts_taken", 35.0, "exact"),
    ]


def test_shares_and_areas_carry_their_bounds_and_scope():
    text = "The army holds 98% of the east. Rebels hold less than 3 km² of the city."
    found = quantities_propose(text, PUBLISHED, OUTLET, INDEXES)
    assert [(q.actor, q.measure, q.value, q.bound, q.scope) for q in found] == [
        ("government", "share_held", 98.0, "exact", "east-aleppo"),
        ("rebels", "area_held_km2", 3.0, "upper", "aleppo-city"),
    ]


@pytest.mark.django_db
def test_the_score_command_prints_recall_and_precision_of_the_test_set(capsys):
    from quantitative.demo import demo_load

    demo_load()
    call_command("extraction_score")
    out = capsys.readouterr().out
    coded = int(out.split("coded rows ")[1].split()[0])
    matched = int(out.split("matched ")[1].split()[0])
    assert coded > 100
    assert f"recall {100 * matched / coded:.1f}%" in out
    named = int(out.split("of the ")[1].split()[0])
    assert matched <= named < coded  # some test rows were coded from quotes naming no place


def _coded(tmp_path, rows: str):
    """A coded claims CSV of `rows` under the header the scorer reads."""
    path = tmp_path / "coded.csv"
    path.write_text(
        "date,date_precision,district_en,claimed_controller,source_org,source_stance,citation,"
        "quote\n" + rows,
        encoding="utf-8",
    )
    return path


def test_the_score_counts_district_and_holder_apart_from_the_date_window(tmp_path):
    from tracker.extraction_score import holdout_score

    path = _coded(
        tmp_path,
        # Coded a month before the article's day: the proposal's day misses the window.
        "2016-11-06,day,Hanano,government,SOHR,independent,SOHR 2016-12-06,"
        "Government troops recaptured Hanano.\n"
        "2016-12-06,day,Hanano,rebels,SOHR,independent,SOHR 2016-12-06,Rebels took Old City.\n",
    )
    score = holdout_score(INDEXES, path)
    assert (score.coded, score.matched, score.proposals, score.correct) == (2, 0, 2, 0)
    assert (score.place_holder_matched, score.place_holder_correct) == (1, 1)
    assert score.place_holder_recall == 0.5
    assert score.place_holder_precision == 0.5


def test_the_score_counts_why_each_row_was_missed_and_each_proposal_wrong(tmp_path):
    from tracker.extraction_score import holdout_score

    path = _coded(
        tmp_path,
        "2016-11-06,day,Hanano,government,SOHR,independent,SOHR 2016-12-06,"
        "Government troops recaptured Hanano.\n"
        "2016-12-06,day,Hanano,rebels,SOHR,independent,SOHR 2016-12-06,Rebels took Old City.\n"
        "2016-12-06,day,Hanano,government,SOHR,independent,SOHR 2016-12-06,Rebels took Hanano.\n"
        "2016-12-06,day,Hanano,government,SOHR,independent,SOHR 2016-12-06,Hanano was quiet.\n"
        "2016-12-06,day,Hanano,rebels,SOHR,independent,SOHR 2016-12-06,Clashes raged in Hanano.\n"
        "2016-12-06,day,Castello Road,rebels,SOHR,independent,SOHR 2016-12-06,Rebels seized Hanano.\n",
    )
    score = holdout_score(INDEXES, path)
    assert score.missed_why == {
        "other days": 1,
        "place not named": 1,
        "another holder (the other side)": 1,
        "place not proposed": 1,
        "another holder (contested proposed, a side coded)": 1,
    }
    assert score.wrong_why == {
        "other days": 1,
        "place not coded": 1,
        "another holder (the other side)": 1,
        "another holder (contested proposed, a side coded)": 1,
        "place not coded (only places without a polygon were)": 1,
    }


def test_the_score_counts_apart_wrong_proposals_another_quote_codes(tmp_path):
    from tracker.extraction_score import holdout_score

    path = _coded(
        tmp_path,
        "2016-12-06,day,Hanano,government,SOHR,independent,SOHR 2016-12-06,"
        "Government troops recaptured Hanano and the Old City.\n"
        "2016-12-06,day,Old City,government,SOHR,independent,SOHR 2016-12-06,The army holds.\n"
        "2016-12-06,day,Sheikh Saeed,government,AFP,independent,AFP 2016-12-06,"
        "Government troops recaptured Sheikh Saeed and Hanano.\n"
        "2016-12-06,day,Hanano,rebels,AFP,independent,AFP 2016-12-06,Rebels took East Aleppo.\n",
    )
    score = holdout_score(INDEXES, path)
    # Wrong by their own quotes: the Old City (coded by the same article's other quote), Hanano
    # in the second article (coded by the first), East Aleppo (coded by none).
    assert (score.proposals, score.correct) == (5, 2)
    assert (score.coded_elsewhere, score.coded_elsewhere_same_article) == (2, 1)


@pytest.mark.django_db
def test_the_score_command_prints_district_and_holder_apart(tmp_path, capsys):
    from tests.tracker.conftest import shipped_places_import

    shipped_places_import()  # the places the proposer reads; no claims needed
    path = _coded(
        tmp_path,
        "2016-11-06,day,Hanano,government,SOHR,independent,SOHR 2016-12-06,"
        "Government troops recaptured Hanano.\n",
    )
    call_command("extraction_score", file=str(path))
    out = capsys.readouterr().out
    assert "recall 0.0%  precision 0.0%" in out  # the defined match asks the window
    assert "district and holder only (any days): recall 100.0% (1 of 1)" in out
    assert "precision 100.0% (1 of 1)" in out
    assert "coded rows missed, by why: other days 1\n" in out
    assert "proposals matching none, by why: other days 1" in out
    assert "of the 1 proposals matching no row of their quote, 0 agree with a row" in out


def test_the_score_lists_a_development_files_misses_and_wrong_proposals(tmp_path):
    from tracker.extraction_score import holdout_score

    path = _coded(
        tmp_path,
        "2016-12-06,day,Hanano,government,SOHR,independent,SOHR 2016-12-06,"
        "Government troops recaptured Hanano and the Old City.\n"
        "2016-12-06,day,Hanano,rebels,SOHR,independent,SOHR 2016-12-06,Rebels hold Hanano.\n"
        "2016-12-06,day,Hanano,government,SOHR,independent,SOHR 2016-12-06,The army holds.\n",
    )
    listing: list[str] = []
    holdout_score(INDEXES, path, listing)
    assert listing == [  # the Old City was not coded; the second quote is all right
        "2016-12-06  Government troops recaptured Hanano and the Old City.",
        "  wrong:  old-city government 2016-12-06..2016-12-06 [takes: “recaptured”]",
        "2016-12-06  The army holds.",
        "  missed: Hanano government 2016-12-06 (day)",
    ]


def test_the_score_command_never_lists_the_test_set():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="never listed"):
        call_command("extraction_score", list=True)
