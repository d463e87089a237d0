"""The shipped quantitative claims (tracker/data/aleppo_aggregate_claims_demo.csv) against the
demo map: each gets a mapped value, or says plainly that the map cannot judge it."""

import datetime

import pytest

from tracker.demo import demo_load
from tracker.models import QuantitativeClaim
from tracker.quantitative import CANNOT_JUDGE, quantitative_audits, track_record

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def audits():
    demo_load()
    claims = list(QuantitativeClaim.objects.select_related("source", "region", "actor"))
    return claims, quantitative_audits(claims)


def test_every_demo_number_gets_a_mapped_value_or_a_coverage_reason(audits):
    claims, found = audits
    assert len(claims) == 18
    for claim in claims:
        audit = found[claim.pk]
        assert audit.mapped is not None, claim
        assert audit.districts_total == claim.region.districts.count()
        if audit.verdict == CANNOT_JUDGE:
            assert audit.reason.startswith("cannot judge: coverage"), claim
        else:
            assert audit.consistent is not None


def test_98_percent_of_the_east_is_more_than_the_map_allows_whichever_way_the_unknown_went(
    audits,
):
    # Syrian Army, 12 December: "98 percent of eastern Aleppo is in the hands of regime forces".
    claims, found = audits
    [claim] = [
        c
        for c in claims
        if c.source.slug == "syrian-army" and c.actor.slug == "government" and c.value == 98
    ]
    audit = found[claim.pk]
    assert audit.mapped_high < 98 and audit.consistent is False
    assert audit.ratio > 1


def test_days_early_in_the_offensive_leave_most_of_the_east_unknown(audits):
    # On 28 November only a few districts of the east have a claim yet: the map cannot judge.
    claims, found = audits
    early = [c for c in claims if c.date_to == D(2016, 11, 28) and c.region.slug == "east-aleppo"]
    assert early and all(found[c.pk].verdict == CANNOT_JUDGE for c in early)
    assert all(found[c.pk].coverage < 0.5 for c in early)


def test_the_demo_sources_that_gave_numbers_have_a_median_ratio(audits):
    claims, _ = audits
    for source in {c.source for c in claims if c.bound in ("exact", "approx")}:
        record = track_record(source=source)
        assert record.quantitative_total >= 1
        assert record.median_ratio is not None, source
