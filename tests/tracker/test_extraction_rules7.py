"""The claim proposer's rules written this stop from sentences tried as an analyst would paste
them (tracker/extraction*.py): one scenario each, on the shared small gazetteer."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import HANANO, OUTLET, SHEIKH_SAEED, SPELLED, propose
from tracker.extraction import Indexes, claims_propose
from tracker.extraction_patterns import word_pattern

ARABIC = Indexes.build([*SPELLED, ("هنانو", HANANO), ("الشيخ سعيد", SHEIKH_SAEED)], [])
propose_ar = partial(propose, indexes=ARABIC)


def test_arabic_control_with_a_word_of_degree_is_a_verb_of_taking_by_its_possessor():
    text = "أعلنت القيادة العامة للجيش السوري اليوم سيطرتها الكاملة على حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "government", "captured")]
    assert propose_ar("أعلن الجيش السوري السيطرة التامة على حي هنانو.") == [
        ("hanano", "government", "captured")
    ]


def test_a_verb_after_a_new_clause_begins_does_not_reach_back_to_a_place_before_it():
    """ "while", "فيما", "بينما": the clashes are Hanano's, not Sheikh Saeed's."""
    calm = "Calm returned to Sheikh Saeed while clashes continue in Hanano."
    assert propose(calm) == [("hanano", "contested", "contested")]
    for text in (
        "عاد الهدوء إلى حي الشيخ سعيد فيما تستمر الاشتباكات في حي هنانو.",
        "عاد الهدوء إلى حي الشيخ سعيد، بينما تدور معارك في هنانو.",
    ):
        assert propose_ar(text) == [("hanano", "contested", "contested")]
    text = "سيطرت قوات النظام على حي الشيخ سعيد، فيما تستمر الاشتباكات في حي هنانو."
    assert propose_ar(text) == [
        ("sheikh-saeed", "government", "captured"),
        ("hanano", "contested", "contested"),
    ]


def test_after_the_preposition_la_an_arabic_article_is_written_la():
    pattern = word_pattern("الجيش السوري|قوات النظام")
    assert pattern.search("القيادة العامة للجيش السوري").group() == "لجيش السوري"
    assert pattern.search("وللجيش السوري").group() == "لجيش السوري"
    assert pattern.search("لقوات النظام").group() == "قوات النظام"
    assert pattern.search("الجيشان") is None and pattern.search("مللجيش السوري") is None


def test_a_date_in_a_noun_in_apposition_dates_only_the_apposition():
    text = "Government forces recaptured Hanano, a rebel stronghold since 2012."
    [proposal] = claims_propose(text, date(2016, 12, 6), OUTLET, ARABIC)
    assert (proposal.controller, proposal.claim_type) == ("government", "captured")
    assert (proposal.date_from, proposal.date_to) == (date(2016, 12, 6), date(2016, 12, 6))
