"""Rule 1's last resort (`tracker.extraction_anaphora`): "the district" in a sentence that names
no place takes up the one district the sentence before it named."""

from datetime import date

import pytest

from tests.tracker.test_extraction_rules import OUTLET
from tracker.extraction import claims_propose

PUBLISHED = date(2016, 12, 6)


def _claims(text, indexes):
    return [
        (p.place.label, p.controller, p.quote)
        for p in claims_propose(text, PUBLISHED, OUTLET, indexes)
    ]


@pytest.mark.django_db
def test_the_district_in_the_next_sentence_takes_up_the_one_district_named_before(indexes):
    text = (
        "Syrian troops pushed into Sakhour in eastern Aleppo on Sunday. The Observatory said"
        " troops now control most of the district."
    )
    assert _claims(text, indexes) == [
        (
            "as-sakhour",
            "contested",
            "Syrian troops pushed into Sakhour in eastern Aleppo on Sunday.",
        ),
        (
            "as-sakhour",
            "government",
            "The Observatory said troops now control most of the district.",
        ),
    ]


@pytest.mark.django_db
def test_a_place_taken_up_is_taken_up_again_by_the_sentence_after(indexes):
    text = (
        "Rebels hold Hanano. The neighbourhood was shelled. The army took the district on Monday."
    )
    assert [(label, holder) for label, holder, _ in _claims(text, indexes)] == [
        ("hanano", "rebels"),
        ("hanano", "government"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rebels hold Hanano and Sakhour. The army took the district on Monday.",
            [("hanano", "rebels"), ("as-sakhour", "rebels")],
        ),
        ("Fighting raged in the city. The army took the district on Monday.", []),
        ("The army took Hanano. The district council met on Monday.", [("hanano", "government")]),
        ("The army took Hanano. Rebels still hold a district nearby.", [("hanano", "government")]),
        (
            "The army took Hanano. Rebels hold the district of Sakhour.",
            [("hanano", "government"), ("as-sakhour", "rebels")],
        ),
    ],
)
def test_the_district_takes_up_nothing_when_the_sentence_before_named_two_or_none(
    indexes, text, expected
):
    assert [(label, holder) for label, holder, _ in _claims(text, indexes)] == expected
