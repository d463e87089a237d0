"""The claim proposer's rules of recall from English wire and regional reporting of July-December
2016: the whole city as the subject of a passive verb of taking ("Aleppo has been retaken", "Aleppo
fell to": `tracker.extraction_halves.city_subject`); "the east (west) of Aleppo" as the half, as
"the east of the city" is, and so are a held "eastern zone" and "Aleppo's eastern half"
(`tracker.extraction_halves.DIRECTIONS`);
a region after a name and a noun of places as their setting ("Minyan districts in the west of Aleppo":
`tracker.extraction_places.located`); an aside between dashes read as one between commas
(`tracker.extraction_clauses.main_verb`, `tracker.extraction_subject`, `tracker.extraction_when`);
"advanced at" a place is fighting there and "re-captured", "re-gained" are verbs of taking
(`tracker.extraction_words.VERBS`) and "terrorist
(militant, jihadist) forces (groups, factions)" are the rebels (`tracker.extraction_words.SIDES`);
a side repelled "from X" is no origin ("rebels repelled the army and allied militias from X":
`tracker.extraction_incidental`); a participle after a comma is no predicate of a held place
before it ("in rebel-held X, capturing several streets": `tracker.extraction_verbs.changing`);
what is "only a matter of time" has not happened (`tracker.extraction_verbs.negated`);
spellings outlets use that no skeleton reaches
(`tracker.extraction_spellings`). One scenario each, with its guards."""

from datetime import date

import pytest

from tests.tracker.test_extraction_rules import INDEXES, OUTLET, propose
from tracker.extraction import claims_propose


def test_the_city_as_the_subject_of_a_passive_verb_of_taking_is_claimed():
    assert propose("The command said that Aleppo has been fully recaptured from the rebels.") == [
        ("aleppo-city", "government", "captured")
    ]
    assert propose("Aleppo was retaken by the army on Thursday.") == [
        ("aleppo-city", "government", "captured")
    ]
    assert propose("Aleppo fell to the army after a month of fighting.") == [
        ("aleppo-city", "government", "captured")
    ]
    # Guards: a noun's complement, a setting, a city divided, a verb of no taking.
    assert propose("Parts of Aleppo were retaken by the army.") == []
    assert propose("Two districts in Aleppo were retaken by the army.") == []
    assert propose("Aleppo was split between the army and the rebels.") == []
    assert propose("Aleppo was shelled by the army overnight.") == []


def test_the_east_or_west_of_aleppo_is_the_half():
    assert propose("The rebels overran the east of Aleppo in 2012.") == [
        ("east-aleppo", "rebels", "captured")
    ]
    assert propose("The army has held the west of Aleppo since 2012.") == [
        ("west-aleppo", "government", "held")
    ]
    # Guards: a direction from the city, and the province.
    assert propose("The army advanced to the east of Aleppo.") == []
    assert propose("Rebels hold villages in the east of Aleppo province.") == []


def test_a_held_eastern_zone_or_enclave_is_the_half():
    assert propose(
        "The city is split between the government-held west and a rebel-held eastern zone."
    ) == [
        ("west-aleppo", "government", "held"),
        ("east-aleppo", "rebels", "held"),
    ]
    assert propose("Civilians fled the rebel-held eastern enclave.") == [
        ("east-aleppo", "rebels", "held")
    ]


def test_a_region_after_a_name_and_a_noun_of_places_is_their_setting():
    text = "The army regained control of Minyan and Assad districts in the west of Aleppo."
    assert propose(text) == []
    # Guard: the half claimed on its own.
    assert propose("The army regained control of the west of Aleppo.") == [
        ("west-aleppo", "government", "captured")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("The army restored security to the Agyul neighbourhood.", "aghyor"),
        ("Troops took control of the Kastel Mashtal quarter.", "qastal-mosht"),
        ("Troops took control of the historical part of Aleppo.", "old-city"),
    ],
)
def test_spellings_seen_in_2016_reporting_name_their_district(indexes, text, slug):
    assert [label for label, _, _ in propose(text, indexes=indexes)] == [slug]


def test_an_aside_between_dashes_is_read_as_one_between_commas():
    # Its participle's side holds the place, and the verb after the aside is the place's.
    assert propose("Hanano – held by rebels since 2012 – was shelled again.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("East Aleppo – held by the opposition since 2012 – fell to the army.") == [
        ("east-aleppo", "government", "captured")
    ]
    (proposal,) = claims_propose(
        "East Aleppo – held by the opposition since 2012 – fell to the army.",
        date(2016, 12, 6),
        OUTLET,
        INDEXES,
    )
    assert proposal.date_from == date(2016, 12, 6)
    # Guard: a side in an aside is no subject of a verb outside it.
    text = "Kurdish fighters – backed by government forces – took Hanano."
    assert propose(text) == [("hanano", "kurdish_ypg", "captured")]


def test_terrorist_or_militant_forces_are_the_rebels():
    text = "The fighting ended in the withdrawal of all terrorist forces from Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "government", "lost")]
    assert propose("Militant factions still hold Hanano.") == [("hanano", "rebels", "held")]
    # Guard: ISIS's are ISIS's.
    assert propose("ISIS militant groups still hold Hanano.") == [("hanano", "isis", "held")]


def test_advancing_at_a_place_is_fighting_there():
    text = "Having taken Sheikh Saeed, the troops advanced at the Hanano district overnight."
    assert propose(text) == [
        ("sheikh-saeed", "government", "captured"),
        ("hanano", "contested", "contested"),
    ]
    # Guard: an advance at an hour is no place's.
    assert propose("The army advanced at dawn and took Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_a_side_repelled_from_a_place_is_no_origin():
    text = "A rebel official said rebels had repelled the army and allied militias from Hanano."
    assert propose(text) == [("hanano", "rebels", "held")]
    # Guard: fighters from a place are named by where they come from.
    assert propose("Militias from Hanano joined the government offensive.") == []


def test_a_half_after_the_citys_possessive_is_the_half():
    text = (
        "The army took the Old City, which rebels had held since they seized Aleppo's eastern half."
    )
    assert ("east-aleppo", "rebels", "captured") in propose(text)
    assert propose("The army has long held Aleppo's western part.") == [
        ("west-aleppo", "government", "held")
    ]
    # Guard: a half of another place in the possessive is no half of the city.
    assert "east-aleppo" not in [p for p, _, _ in propose("The army holds Hanano's eastern part.")]


def test_a_participle_after_a_comma_is_no_predicate_of_a_held_place():
    text = "Troops are pushing on in rebel-held Sheikh Saeed, capturing several streets."
    assert propose(text) == [("sheikh-saeed", "rebels", "held")]
    # Guard: a participle that takes the place up again ("capturing it") is its verb.
    text = "Troops pushed into rebel-held Sheikh Saeed, capturing it within hours."
    assert propose(text) == [("sheikh-saeed", "government", "captured")]


def test_a_verb_of_taking_written_with_a_hyphen_after_re_is_read():
    assert propose("Government troops re-captured Hanano on Monday.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Most of East Aleppo has been re-gained by government troops.") == [
        ("east-aleppo", "government", "captured")
    ]
    # Guard: another verb written with "re-" is no verb of taking.
    assert propose("Rebels re-opened the road to Hanano.") == []


def test_what_is_only_a_matter_of_time_has_not_happened():
    text = "Observers said it was only a matter of time before Hanano is back in government hands."
    assert propose(text) == []
    assert propose("It is a matter of days before the army takes Sheikh Saeed.") == []
    # Guard: a clause after "and" is told as done.
    text = "It was a matter of time before the army took Hanano, and on Monday it captured Sheikh Saeed."
    assert propose(text) == [("sheikh-saeed", "government", "captured")]
