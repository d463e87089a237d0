"""An adversarial review of the rules added in the same stop (anaphora, passive takings with no
agent, dates in figures, headline presents, epithets): sentences of our own made to misfire, each
beside the rule's own case, which still holds."""

from datetime import date

import pytest

from tests.tracker.test_extraction_rules import OUTLET, propose
from tracker.extraction import claims_propose
from tracker.extraction_numeric_dates import numeric_window

PUBLISHED = date(2016, 12, 5)


@pytest.mark.django_db
def test_the_district_placed_beside_the_one_named_is_another(indexes):
    for text in (
        "Troops pushed into Hanano on Sunday. Rebels said the district next door was theirs.",
        "The army advanced in Hanano. Rebels hold the district to the south.",
        "Troops pushed into Hanano on Sunday. Rebels control the quarter behind the hospital.",
    ):
        assert ("hanano", "rebels", "held") not in propose(text, indexes=indexes), text
    # The rule's own case: the district with nothing placing it elsewhere is the one named.
    text = "Troops pushed into Hanano on Sunday. The army now controls the district."
    assert ("hanano", "government", "held") in propose(text, indexes=indexes)


@pytest.mark.django_db
def test_a_passive_taking_reads_a_holder_only_of_its_place(indexes):
    text = "A rebel-held convoy was seized in Hanano on Sunday."
    assert ("hanano", "government", "captured") not in propose(text, indexes=indexes)
    # The rule's own cases: the holder said of the place itself.
    for text in (
        "Rebel-held Hanano was retaken on Sunday.",
        "Hanano, long held by rebels, was captured on Sunday.",
        "The rebel-held district of Hanano was captured on Sunday.",
    ):
        assert propose(text, indexes=indexes) == [("hanano", "government", "captured")], text


def test_figures_that_are_numbers_or_counts_are_no_day():
    for text in (
        "Rebels hold Hanano, according to version 2.1.15 of the report.",
        "Rebels hold Hanano, said resolution 22.11.15 of the council.",
        "Casualties in Hanano were 12-10-14 killed, wounded and missing.",
        "Rebels captured Hanano on the 2nd attempt.",
        "The army attacked Hanano on the 3rd consecutive day.",
    ):
        assert numeric_window(text, PUBLISHED) is None, text
    # The rule's own cases: a date in figures, a day of the month alone.
    assert numeric_window("Rebels took Hanano on 27-11-2016.", PUBLISHED) == (
        date(2016, 11, 27),
        date(2016, 11, 27),
    )
    assert numeric_window("On 2016-11-27 40 were killed.", PUBLISHED) == (
        date(2016, 11, 27),
        date(2016, 11, 27),
    )
    assert numeric_window("Rebels captured Hanano on the 3rd.", PUBLISHED) == (
        date(2016, 12, 3),
        date(2016, 12, 3),
    )


@pytest.mark.django_db
def test_people_who_evacuate_a_place_are_no_side_leaving_it(indexes):
    for text in (
        "Residents evacuate Hanano as army advances",
        "Families Evacuate Hanano As Rebels Close In",
    ):
        assert not [p for p in propose(text, indexes=indexes) if p[2] == "lost"], text
    # The rule's own case: a side evacuates.
    assert propose("Rebels evacuate Hanano", indexes=indexes) == [("hanano", "government", "lost")]


@pytest.mark.django_db
def test_rebel_security_forces_are_the_rebels(indexes):
    assert propose("Rebel security forces control Hanano.", indexes=indexes) == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Security forces control Hanano.", indexes=indexes) == [
        ("hanano", "government", "held")
    ]


@pytest.mark.django_db
def test_a_dated_claim_keeps_its_day_beside_a_count(indexes):
    proposals = claims_propose(
        "The army controls Hanano; casualties were 12-10-14 killed, wounded and missing.",
        PUBLISHED,
        OUTLET,
        indexes,
    )
    assert [(p.date_from, p.date_to) for p in proposals] == [(PUBLISHED, PUBLISHED)]


@pytest.mark.django_db
def test_a_title_case_verb_of_leaving_is_no_guessed_place(indexes):
    assert propose("Rebels Pull Out Of Hanano", indexes=indexes) == [
        ("hanano", "government", "lost")
    ]


@pytest.mark.django_db
def test_opponents_and_defectors_of_the_government_are_the_rebels(indexes):
    for text in (
        "The Syrian government's opponents captured Hanano.",
        "Opponents of the Syrian regime captured Hanano.",
        "Army defectors captured Hanano.",
    ):
        assert propose(text, indexes=indexes) == [("hanano", "rebels", "captured")], text
    # The rule's own case: the Syrian regime's forces are the government's.
    assert propose("Syrian regime forces captured Hanano.", indexes=indexes) == [
        ("hanano", "government", "captured")
    ]


@pytest.mark.django_db
def test_an_attack_repelled_from_another_place_is_not_undone(indexes):
    for text in (
        "Rebels attacked Hanano and were repelled from Sakhour by the Kurds.",
        "Rebels stormed Hanano before being forced to withdraw from Sheikh Maqsoud.",
    ):
        assert ("hanano", "government", "held") not in propose(text, indexes=indexes), text
    # The rule's own cases: the attack on the place itself undone.
    for text in (
        "Rebels stormed Hanano but were repelled.",
        "Rebels attacked Hanano, only to be pushed back from the district.",
    ):
        assert propose(text, indexes=indexes) == [("hanano", "government", "held")], text


@pytest.mark.django_db
def test_a_side_that_loses_men_in_a_place_does_not_lose_it(indexes):
    for text in ("Rebels lost a commander in Hanano.", "Rebels Lose Fighters In Hanano"):
        assert ("hanano", "government", "lost") not in propose(text, indexes=indexes), text
    # The rule's own case, in a headline's present.
    assert propose("Rebels Lose Hanano", indexes=indexes) == [("hanano", "government", "lost")]


@pytest.mark.django_db
def test_the_district_of_another_city_is_not_taken_up(indexes):
    for text in (
        "Troops entered Hanano on Sunday. In Idlib, rebels control the district.",
        "Troops entered Hanano on Sunday. Rebels in Homs control the neighbourhood.",
    ):
        assert ("hanano", "rebels", "held") not in propose(text, indexes=indexes), text
    # The rule's own case: with no other city named, the district is the one before.
    text = "Troops entered Hanano on Sunday. Rebels still control the district."
    assert ("hanano", "rebels", "held") in propose(text, indexes=indexes)


@pytest.mark.django_db
def test_a_guessed_name_after_a_verb_of_saying_is_a_person(indexes):
    assert propose("The army captured Hanano, said Ahmed on the way.", indexes=indexes) == [
        ("hanano", "government", "captured")
    ]


@pytest.mark.django_db
def test_a_side_that_pulls_out_of_talks_over_a_place_keeps_it(indexes):
    for text in (
        "Rebels Pull Out Of Talks Over Hanano",
        "Rebels withdrew from the negotiations on Hanano.",
    ):
        assert propose(text, indexes=indexes) == [], text
    # The rule's own case: pulling out of the place.
    assert propose("Rebels pulled out of Hanano.", indexes=indexes) == [
        ("hanano", "government", "lost")
    ]
