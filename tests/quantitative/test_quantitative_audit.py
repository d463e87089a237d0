"""The audit of quantitative claims against the consensus map (tracker.quantitative, rules 1-4):
pure functions on plain states, and the audit of claims recorded in a small city."""

import datetime
import math

import pytest

from quantitative.audit import (
    CANNOT_JUDGE,
    CONSISTENT,
    INCONSISTENT,
    DistrictDay,
    accepted_range,
    audit_compute,
    half_unit,
    measure_compute,
    verdict_judge,
)
from quantitative.selectors import (
    quantitative_audits,
    quantitative_claims_near,
    quantitative_claims_visible,
)
from quantitative.services import quantitative_claim_review
from tests.factories import RegionFactory, reviewer_user
from tests.quantitative.quantitative_city import TAKEN, City, city_build

D = datetime.date
GOV, REB = DistrictDay("held", "government"), DistrictDay("held", "rebels")
UNKNOWN, CONTESTED = DistrictDay("unknown"), DistrictDay("contested")
DISPUTED = DistrictDay("disputed", None, ("government", "rebels"))
AREAS = {1: 1e6, 2: 1e6, 3: 2e6}  # m²: 4 km² in all


def audit_of(claim):
    return quantitative_audits([claim])[claim.pk]


# ---- pure functions ----------------------------------------------------------------------


def test_districts_held_counts_only_districts_the_coalition_holds_on_the_last_day():
    measured = measure_compute(
        measure="districts_held",
        coalition="government",
        areas=AREAS,
        end={1: GOV, 2: REB, 3: CONTESTED},
    )
    assert (measured.mapped, measured.low, measured.high) == (1, 1, 1)


def test_share_held_is_the_percent_of_the_regions_area_held():
    measured = measure_compute(
        measure="share_held", coalition="government", areas=AREAS, end={1: GOV, 3: GOV, 2: REB}
    )
    assert measured.mapped == pytest.approx(75.0)


def test_area_held_is_in_square_kilometres():
    measured = measure_compute(
        measure="area_held_km2", coalition="rebels", areas=AREAS, end={1: GOV, 2: REB, 3: REB}
    )
    assert measured.mapped == pytest.approx(3.0)


def test_districts_taken_are_held_at_the_end_and_were_not_held_the_day_before_the_window():
    measured = measure_compute(
        measure="districts_taken",
        coalition="government",
        areas=AREAS,
        before={1: REB, 2: GOV, 3: REB},
        end={1: GOV, 2: GOV, 3: REB},
    )
    assert (measured.mapped, measured.low, measured.high) == (1, 1, 1)


def test_a_district_unknown_before_the_window_counts_as_taken_on_the_map_but_leaves_doubt():
    measured = measure_compute(
        measure="districts_taken",
        coalition="government",
        areas=AREAS,
        before={1: REB, 3: REB},
        end={1: GOV, 2: GOV, 3: REB},
    )
    # District 2 was unknown before: the map shows it taken, but it may have been held already.
    assert (measured.mapped, measured.low, measured.high) == (2, 1, 2)
    assert measured.districts_unknown == 1


def test_unknown_and_disputed_districts_widen_the_range_but_not_the_mapped_value():
    measured = measure_compute(
        measure="districts_held",
        coalition="government",
        areas=AREAS,
        end={1: GOV, 2: DISPUTED},
    )
    assert (measured.mapped, measured.low, measured.high) == (1, 1, 3)
    assert (measured.districts_unknown, measured.districts_disputed) == (1, 1)


def test_a_dispute_between_two_other_sides_leaves_no_doubt_about_a_third():
    measured = measure_compute(
        measure="districts_held", coalition="kurdish_ypg", areas={1: 1e6}, end={1: DISPUTED}
    )
    assert (measured.mapped, measured.high) == (0, 0)


def test_half_unit_follows_the_last_digit_written():
    assert half_unit(75) == 0.5
    assert half_unit(7.5) == pytest.approx(0.05)
    assert half_unit(0.25) == pytest.approx(0.005)


def test_each_bound_accepts_what_its_words_say():
    assert accepted_range(value=5, bound="exact", measure="districts_taken") == (4.5, 5.5)
    assert accepted_range(value=10, bound="upper", measure="area_held_km2") == (-math.inf, 10)
    assert accepted_range(value=93, bound="lower", measure="share_held") == (93, math.inf)
    # About 30 percent: 10% either way.
    assert accepted_range(value=30, bound="approx", measure="share_held") == pytest.approx((27, 33))
    # About 3 districts: never tighter than one district either way.
    assert accepted_range(value=3, bound="approx", measure="districts_taken") == (2, 4)


def test_a_verdict_needs_every_possible_value_accepted_or_none():
    assert verdict_judge(low=3, high=3, accepted=(4.5, 5.5)) == INCONSISTENT
    assert verdict_judge(low=5, high=5, accepted=(4.5, 5.5)) == CONSISTENT
    assert verdict_judge(low=3, high=8, accepted=(4.5, 5.5)) == CANNOT_JUDGE
    assert verdict_judge(low=0, high=2, accepted=(-math.inf, 10)) == CONSISTENT


def test_the_reason_names_coverage_when_the_map_cannot_judge():
    audit = audit_compute(
        claim=1,
        measure="districts_held",
        value=2,
        bound="exact",
        coalition="government",
        date_from=D(2016, 12, 1),
        date_to=D(2016, 12, 1),
        areas=AREAS,
        states={D(2016, 12, 1): {1: GOV}},
    )
    assert audit.verdict == CANNOT_JUDGE and audit.consistent is None
    assert audit.mapped == 1 and audit.reason.startswith("cannot judge: coverage")
    assert audit.districts_unknown == 2 and audit.coverage == pytest.approx(1 / 3)


# ---- the small city: claims recorded through the services --------------------------------


@pytest.fixture
def city(db) -> City:
    return city_build(taken=3)


def test_five_districts_claimed_taken_when_the_map_shows_three_is_inconsistent(city):
    claim = city.number("russian-mod", "districts_taken", 5, bound="exact")
    audit = audit_of(claim)
    assert audit.baseline == D(2016, 11, 30) and audit.day == D(2016, 12, 3)
    assert audit.mapped == 3
    assert audit.ratio == pytest.approx(5 / 3)
    assert audit.difference == 2
    assert audit.consistent is False and audit.verdict == INCONSISTENT
    assert audit.coverage == 1.0 and audit.districts_unknown == 0
    assert "does not hold" in audit.reason and "the map shows 3" in audit.reason


def test_the_same_five_as_an_upper_bound_holds_and_as_a_lower_bound_does_not(city):
    assert audit_of(city.number("russian-mod", "districts_taken", 5, bound="upper")).consistent
    assert audit_of(city.number("russian-mod", "districts_taken", 5, bound="lower")).consistent is (
        False
    )


def test_about_four_districts_taken_is_within_one_district_of_three(city):
    assert audit_of(city.number("russian-mod", "districts_taken", 4, bound="approx")).consistent


def test_a_window_that_ends_before_the_change_maps_nothing_taken(city):
    claim = city.number(
        "russian-mod",
        "districts_taken",
        3,
        date_from=D(2016, 11, 20),
        date_to=TAKEN - datetime.timedelta(days=1),
    )
    audit = audit_of(claim)
    assert audit.mapped == 0 and audit.ratio is None and audit.consistent is False


def test_half_the_city_held_by_the_government_is_fifty_percent_of_its_area(city):
    audit = audit_of(city.number("sohr", "share_held", 50, date_from=TAKEN, date_to=TAKEN))
    assert audit.mapped == pytest.approx(50.0, abs=0.01)
    assert audit.consistent is True


def test_rebels_area_left_is_measured_in_square_kilometres(city):
    area = sum(d.area_m2 for d in city.districts[3:]) / 1e6
    audit = audit_of(
        city.number(
            "army", "area_held_km2", 10, who="rebels", bound="upper", date_from=TAKEN, date_to=TAKEN
        )
    )
    assert audit.mapped == pytest.approx(area)
    assert audit.consistent is True  # three squares of about 1 km² are under 10 km²


def test_a_coalition_members_number_counts_as_the_coalitions(city):
    audit = audit_of(city.number("army", "districts_held", 3, who="syrian-arab-army"))
    assert audit.mapped == 3 and audit.consistent is True


def test_days_before_the_first_claim_leave_the_map_unable_to_judge(city):
    audit = audit_of(
        city.number("army", "districts_held", 6, date_from=D(2016, 10, 1), date_to=D(2016, 10, 1))
    )
    assert audit.mapped == 0 and audit.districts_unknown == 6
    assert audit.verdict == CANNOT_JUDGE and audit.reason.startswith("cannot judge: coverage")


def test_a_region_with_no_districts_gets_no_mapped_value_and_says_why(city):
    empty = RegionFactory(slug="nowhere", name_en="Nowhere")
    audit = audit_of(city.number("army", "districts_held", 3, region=empty))
    assert audit.mapped is None and audit.verdict == CANNOT_JUDGE
    assert "no districts" in audit.reason


def test_the_audit_follows_the_map_when_the_district_claims_change(city):
    claim = city.number("russian-mod", "districts_taken", 5)
    for district in city.districts[3:5]:
        city.claim("monitor", district, "government", TAKEN)
    assert audit_of(claim).mapped == 5 and audit_of(claim).consistent is True


def test_rejected_numbers_are_hidden_from_the_public_but_not_from_the_team(city):
    claim = city.number("russian-mod", "districts_taken", 5)
    quantitative_claim_review(
        claim=claim, review_status="rejected", reviewed_by=reviewer_user(), reason="Wrong"
    )
    assert not quantitative_claims_visible(include_rejected=False).filter(pk=claim.pk).exists()
    assert quantitative_claims_visible(include_rejected=True).filter(pk=claim.pk).exists()


def test_claims_near_a_day_are_those_whose_window_ends_within_the_given_days(city):
    near = city.number("a", "districts_held", 3, date_from=TAKEN, date_to=D(2016, 12, 5))
    city.number("a", "districts_held", 3, date_from=TAKEN, date_to=D(2016, 12, 9))
    found = quantitative_claims_near(
        quantitative_claims_visible(include_rejected=False), on=D(2016, 12, 3), within=3
    )
    assert list(found) == [near]
