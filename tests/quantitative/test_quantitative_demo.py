"""The shipped quantitative claims (tracker/data/aleppo_aggregate_claims_demo.csv) against the
demo map: each gets a mapped value, or says plainly that the map cannot judge it."""

import csv
import datetime

import pytest
from django.db import transaction

from quantitative.audit import CANNOT_JUDGE
from quantitative.demo import DEMO_QUANTITATIVE, demo_load
from quantitative.models import QuantitativeClaim
from quantitative.selectors import quantitative_audits, track_record
from tracker import selectors

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(scope="module")
def audits(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (the tests only read it) and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        claims = list(QuantitativeClaim.objects.select_related("source", "region", "actor"))
        yield claims, quantitative_audits(claims)
        transaction.set_rollback(True)


def test_every_demo_number_gets_a_mapped_value_or_a_coverage_reason(audits):
    claims, found = audits
    with DEMO_QUANTITATIVE.open(encoding="utf-8", newline="") as f:
        assert len(claims) == len(list(csv.DictReader(f)))  # one claim per row of the file
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


def test_early_in_the_offensive_the_numbers_are_read_against_a_map_of_the_whole_east(audits):
    # The record reaches back to 2012, so on 28 November 2016 every district of the east already
    # has a state: nothing is unknown, and each number is read against what the stored consensus
    # periods show that day (the audit resolves the claims itself: two paths, one answer).
    claims, found = audits
    day = D(2016, 11, 28)
    early = [c for c in claims if c.date_to == day and c.region.slug == "east-aleppo"]
    assert {c.measure for c in early} == {"districts_held", "share_held"}
    east = {d.slug: d.area_m2 for d in early[0].region.districts.all()}
    states = {s.district: s for s in selectors.control_on(on=day, lens="consensus")}
    assert all(states[slug].status != "unknown" for slug in east)
    held = [slug for slug in east if states[slug].actor == "government"]
    # A district disputed between the government and another side could go either way.
    undecided = [
        slug
        for slug in east
        if states[slug].status == "disputed" and "government" in states[slug].actors
    ]

    def share(slugs: list[str]) -> float:
        return 100 * sum(east[slug] for slug in slugs) / sum(east.values())

    judged = 0
    for claim in early:
        audit = found[claim.pk]
        assert audit.districts_unknown == 0 and audit.coverage == 1.0
        if claim.measure == "districts_held":
            assert (audit.mapped_low, audit.mapped_high) == (len(held), len(held + undecided))
        else:
            assert audit.mapped_low == pytest.approx(share(held))
            assert audit.mapped_high == pytest.approx(share(held + undecided))
        if claim.bound == "approx" and not undecided:
            # Rule 3: "about" accepts 10% either side of the number.
            within = abs(audit.mapped - claim.value) <= claim.value / 10
            assert audit.consistent is within, claim
            judged += 1
    assert judged >= 2  # SOHR's "nearly 30 percent" and the activists' 45


def test_the_demo_sources_that_gave_numbers_have_a_median_ratio(audits):
    claims, _ = audits
    for source in {c.source for c in claims if c.bound in ("exact", "approx")}:
        record = track_record(source=source)
        assert record.quantitative_total >= 1
        assert record.median_ratio is not None, source
