"""Services keep the stored periods in step with the claims, recomputing only what changed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from districts.models import Alias
from tests.factories import (
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    RegionFactory,
    SourceFactory,
    actor,
    reviewer_user,
)
from tracker import selectors, services
from tracker.models import Claim, ControlPeriod

pytestmark = pytest.mark.django_db
D = datetime.date
DEC_1 = D(2016, 12, 1)


@pytest.fixture
def army_doc():
    return DocumentFactory(source=SourceFactory(slug="syrian-army", stance="government"))


@pytest.fixture
def rebel_doc():
    return DocumentFactory(source=SourceFactory(slug="rebel-media", stance="opposition"))


def record(doc, district, who="government", day=DEC_1, **kw):
    status = "held" if who != "contested" else "contested"
    return services.claim_record(
        document=doc,
        district=district,
        place_name=district.name_en,
        status=status,
        actor=actor(who) if status == "held" else None,
        kind="captured" if status == "held" else "contested",
        effective_from=day,
        **kw,
    )


def test_recording_a_claim_creates_its_periods_in_every_lens_it_counts_in(army_doc):
    district = DistrictFactory()
    record(army_doc, district)
    lenses = set(ControlPeriod.objects.filter(district=district).values_list("lens", flat=True))
    assert lenses == {"consensus", "stance:government", "source:syrian-army"}


def test_recording_a_claim_leaves_other_districts_untouched(army_doc, rebel_doc):
    here, elsewhere = DistrictFactory(), DistrictFactory()
    record(army_doc, elsewhere)
    before = list(ControlPeriod.objects.filter(district=elsewhere).values_list("pk", flat=True))
    record(rebel_doc, here, "rebels")
    after = list(ControlPeriod.objects.filter(district=elsewhere).values_list("pk", flat=True))
    assert before == after  # same rows, not recomputed


def test_rejecting_the_only_claim_returns_the_district_to_unknown(army_doc):
    district = DistrictFactory()
    claim = record(army_doc, district)
    reviewer = reviewer_user()
    services.claim_review(
        claim=claim, review_status="rejected", reviewed_by=reviewer, reason="Never happened"
    )
    [state] = [s for s in selectors.control_on(on=D(2016, 12, 5), lens="consensus")]
    assert state.status == "unknown"
    claim.refresh_from_db()
    assert claim.reviewed_by == reviewer and claim.reviewed_at is not None


def test_accepting_a_denial_settles_a_disputed_day(army_doc, rebel_doc):
    district = DistrictFactory()
    record(army_doc, district, "government")
    denial = record(rebel_doc, district, "rebels")
    assert selectors.control_on(on=D(2016, 12, 1), lens="consensus")[0].status == "disputed"
    services.claim_review(claim=denial, review_status="accepted", reviewed_by=reviewer_user())
    state = selectors.control_on(on=D(2016, 12, 1), lens="consensus")[0]
    assert (state.status, state.actor, state.claims) == ("held", "rebels", [denial.pk])


def test_retracted_claim_stops_counting_but_stays_on_record(army_doc):
    district = DistrictFactory()
    claim = record(army_doc, district)
    services.claim_retract(claim=claim, retracted_on=D(2016, 12, 3))
    assert Claim.objects.filter(pk=claim.pk).exists()
    assert not ControlPeriod.objects.filter(district=district).exists()


def test_moving_a_claim_to_another_district_recomputes_both(army_doc):
    first, second = DistrictFactory(), DistrictFactory()
    claim = record(army_doc, first)
    services.claim_update(claim=claim, district=second)
    assert not ControlPeriod.objects.filter(district=first).exists()
    assert ControlPeriod.objects.filter(district=second, lens="consensus").count() == 1


def test_an_invalid_claim_is_refused_and_writes_nothing(army_doc):
    district = DistrictFactory()
    with pytest.raises(ValidationError):
        services.claim_record(
            document=army_doc,
            district=district,
            place_name="x",
            status="held",
            actor=None,
            kind="captured",
            effective_from=D(2016, 12, 1),
        )
    assert not Claim.objects.exists() and not ControlPeriod.objects.exists()


def test_mapping_a_place_name_maps_every_claim_with_that_name(army_doc):
    ClaimFactory(district=None, place_name="Sheikh Lutfi", document=army_doc)
    ClaimFactory(district=None, place_name="sheikh-lutfi", document=army_doc)
    other = ClaimFactory(district=None, place_name="Handarat camp", document=army_doc)
    target = DistrictFactory()
    mapped = services.place_name_map(name="Sheikh Lutfi", district=target)
    assert len(mapped) == 2 and all(c.district == target for c in mapped)
    assert Alias.objects.get(district=target).origin == "analyst"
    other.refresh_from_db()
    assert other.district is None
    assert ControlPeriod.objects.filter(district=target, lens="consensus").exists()


def test_mapping_a_name_to_a_region_gives_each_district_the_claim(army_doc):
    region = RegionFactory()
    members = [DistrictFactory(), DistrictFactory(), DistrictFactory()]
    region.districts.set(members)
    ClaimFactory(district=None, place_name="Old City", document=army_doc, import_key="k1")
    mapped = services.place_name_map(name="Old City", region=region)
    assert sorted(c.district_id for c in mapped) == sorted(d.pk for d in members)
    assert len({c.import_key for c in mapped}) == 3


def test_rebuild_matches_incremental_updates(army_doc, rebel_doc):
    district = DistrictFactory()
    record(army_doc, district, day=D(2016, 11, 20))
    record(rebel_doc, district, "contested", day=D(2016, 11, 25))
    incremental = sorted(
        ControlPeriod.objects.values_list("lens", "district", "status", "start", "end")
    )
    counts = services.timeline_rebuild()
    rebuilt = sorted(
        ControlPeriod.objects.values_list("lens", "district", "status", "start", "end")
    )
    assert incremental == rebuilt
    assert counts["consensus"] == 2 and counts["source:rebel-media"] == 1


def test_rebuild_command_prints_period_counts_per_lens(army_doc, capsys):
    record(army_doc, DistrictFactory())
    call_command("rebuild_timeline")
    out = capsys.readouterr().out
    assert "consensus" in out and "source:syrian-army" in out and "periods in all" in out


def test_area_held_reports_shares_of_the_whole_map(army_doc):
    held, other = DistrictFactory(), DistrictFactory()
    record(army_doc, held, day=D(2016, 12, 2))
    before, after = selectors.area_held(
        lens="consensus", start=D(2016, 12, 1), end=D(2016, 12, 2), step_days=1
    )
    assert before.share == {"unknown": pytest.approx(1.0)}
    total = held.area_m2 + other.area_m2
    assert after.share["government"] == pytest.approx(held.area_m2 / total)
    assert after.area_m2["unknown"] == pytest.approx(other.area_m2)


def test_changes_between_lists_periods_that_began_in_the_range(army_doc, rebel_doc):
    district = DistrictFactory()
    record(army_doc, district, day=D(2016, 11, 20))
    record(rebel_doc, district, "rebels", day=D(2016, 12, 5))
    changes = selectors.changes_between(
        since=D(2016, 12, 1), until=D(2016, 12, 31), lens="consensus"
    )
    assert [(c.start, c.actor.slug) for c in changes] == [(D(2016, 12, 5), "rebels")]
    everything = selectors.changes_between(
        since=D(2016, 1, 1), until=D(2016, 12, 31), lens="consensus"
    )
    assert len(everything) == 2


@pytest.mark.postgis_only
def test_postgis_refuses_overlapping_periods():
    district = DistrictFactory()
    ControlPeriod.objects.create(
        lens="consensus",
        district=district,
        status="contested",
        start=D(2016, 12, 1),
        end=D(2016, 12, 10),
        start_earliest=D(2016, 12, 1),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ControlPeriod.objects.create(
            lens="consensus",
            district=district,
            status="contested",
            start=D(2016, 12, 5),
            end=None,
            start_earliest=D(2016, 12, 5),
        )
    assert connection.vendor == "postgresql"
