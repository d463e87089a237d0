"""The stop's own review of constructions earlier reviews left undone: sentences of our own where
the proposer misread, each with a guard beside it."""

import pytest

from tests.tracker.test_extraction_rules import propose


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
