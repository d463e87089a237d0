"""Each source's track record (tracker.quantitative, rules 5-7) on constructed cases: who is
confirmed by the others, how far ahead or behind, and by how much its numbers overstate."""

import datetime

import pytest

from quantitative.record import ClaimOutcome, claim_outcome
from quantitative.selectors import track_record
from quantitative.services import quantitative_claim_review
from tests.factories import DistrictFactory, reviewer_user
from tests.quantitative.quantitative_city import TAKEN, City, city_build
from tracker import services
from tracker.timeline import ClaimFact, Period

D = datetime.date


@pytest.fixture
def city(db) -> City:
    return city_build(taken=3)


# ---- pure: one claim against the others' periods -----------------------------------------


def fact(day, actor="government", status="held"):
    return ClaimFact(
        id=1, district=7, status=status, actor=actor, earliest=day, day=day, source="s"
    )


def period(start, end, status="held", actor="government", actors=("government",)):
    return Period(
        district=7,
        status=status,
        actor=actor,
        actors=actors,
        start=start,
        end=end,
        start_earliest=start,
    )


def test_a_claim_the_others_reach_later_is_confirmed_with_a_negative_lag():
    others = [period(D(2016, 11, 1), D(2016, 12, 4), actor="rebels"), period(D(2016, 12, 4), None)]
    assert claim_outcome(fact(D(2016, 12, 1)), others) == ClaimOutcome(1, True, -3)


def test_a_claim_repeating_an_old_state_is_confirmed_with_a_positive_lag():
    assert claim_outcome(fact(D(2016, 12, 1)), [period(D(2016, 11, 20), None)]).lag_days == 11


def test_a_state_the_others_reach_after_the_fortnight_does_not_confirm():
    others = [
        period(D(2016, 11, 1), D(2016, 12, 20), actor="rebels"),
        period(D(2016, 12, 20), None),
    ]
    assert claim_outcome(fact(D(2016, 12, 1)), others).confirmed is False


def test_a_disputed_state_confirms_neither_side():
    disputed = period(D(2016, 12, 1), None, "disputed", None, ("government", "rebels"))
    assert claim_outcome(fact(D(2016, 12, 1)), [disputed]).confirmed is False


def test_a_claim_about_a_place_the_others_never_mention_cannot_be_judged():
    assert claim_outcome(fact(D(2016, 12, 1)), []).confirmed is None
    assert claim_outcome(fact(D(2016, 12, 1)), [period(D(2017, 1, 1), None)]).confirmed is None


# ---- recorded: constructed sources ---------------------------------------------------------


def test_a_source_always_confirmed_by_the_others_has_a_share_of_one(city):
    # Three days before the monitor, an army outlet reports the three districts taken.
    for district in city.districts[:3]:
        city.claim("army-outlet", district, "government", TAKEN - datetime.timedelta(days=3))
    record = track_record(source=city.sources["army-outlet"])
    assert (record.claims_total, record.claims_judged, record.claims_confirmed) == (3, 3, 3)
    assert record.confirmed_share == 1.0
    assert record.median_lag_days == -3  # it was ahead of the monitor


def test_a_source_never_confirmed_by_the_others_has_a_share_of_zero(city):
    # After the monitor's report, a rebel outlet keeps saying the three districts are theirs.
    for district in city.districts[:3]:
        city.claim("rebel-outlet", district, "rebels", TAKEN + datetime.timedelta(days=3))
    record = track_record(source=city.sources["rebel-outlet"])
    assert (record.claims_judged, record.claims_confirmed) == (3, 0)
    assert record.confirmed_share == 0.0
    assert record.median_lag_days is None


def test_a_source_that_overstates_by_half_has_a_median_ratio_of_one_and_a_half(city):
    # The map: 3 of 6 equal districts taken in the window and held on 3 December (50%).
    city.number("boaster", "districts_taken", 6)  # twice the 3 mapped
    city.number("boaster", "share_held", 75)  # one and a half times 50%
    city.number("boaster", "districts_held", 3)  # right
    city.number("boaster", "districts_held", 1, bound="lower")  # a bound: no ratio
    rejected = city.number("boaster", "districts_held", 30)
    quantitative_claim_review(
        claim=rejected, review_status="rejected", reviewed_by=reviewer_user(), reason="Wrong"
    )
    record = track_record(source=city.sources["boaster"])
    assert sorted(record.ratios) == pytest.approx([1.0, 1.5, 2.0], abs=1e-3)
    assert record.median_ratio == pytest.approx(1.5, abs=1e-3)
    assert record.quantitative_total == 4
    assert record.verdicts == {"consistent": 2, "inconsistent": 2, "cannot_judge": 0}


def test_a_lone_source_cannot_confirm_itself(city):
    alone = DistrictFactory(slug="far-away")
    city.claim("lone-voice", alone, "government", TAKEN)
    record = track_record(source=city.sources["lone-voice"])
    assert (record.claims_total, record.claims_judged) == (1, 0)
    assert record.confirmed_share is None


def test_the_monitor_is_judged_by_the_others_not_by_its_own_claims(city):
    # The monitor made the map; with nobody else speaking, none of its claims can be judged.
    record = track_record(source=city.sources["monitor"])
    assert record.claims_total == 9 and record.claims_judged == 0


def test_rejected_and_retracted_claims_do_not_count(city):
    first, second, third = (
        city.claim("army-outlet", d, "government", TAKEN) for d in city.districts[:3]
    )
    services.claim_review(
        claim=first, review_status="rejected", reviewed_by=reviewer_user(), reason="Wrong"
    )
    services.claim_retract(claim=second, retracted_on=TAKEN)
    record = track_record(source=city.sources["army-outlet"])
    assert record.claims_total == 1 and set(record.outcomes) == {third.pk}
