"""`claims_record_per_district`, the service behind a new claim entered in the admin: one claim
per district its place resolved to, then the review and retraction the form gave, all or nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import DistrictFactory, DocumentFactory, actor, user_in_groups
from tracker.models import Claim, ControlPeriod
from tracker.services import claims_record_per_district

pytestmark = pytest.mark.django_db
DAY = datetime.date(2016, 12, 1)


def claimed(document, **extra) -> dict:
    return {
        "document": document,
        "place_name": "Old City",
        "status": Claim.Status.HELD,
        "actor": actor("government"),
        "kind": Claim.Kind.CAPTURED,
        "effective_from": DAY,
        **extra,
    }


def test_a_region_name_gives_one_claim_per_district_each_on_the_timeline():
    districts = [DistrictFactory(), DistrictFactory()]
    analyst = user_in_groups("analyst-one", "analyst")
    claims = claims_record_per_district(
        **claimed(DocumentFactory()), districts=districts, recorded_by=analyst
    )
    assert [c.district for c in claims] == districts
    assert {c.recorded_by for c in claims} == {analyst}
    assert {c.review_status for c in claims} == {Claim.Review.PENDING}
    held = ControlPeriod.objects.filter(lens="consensus", status="held", start=DAY)
    assert set(held.values_list("district", flat=True)) == {d.pk for d in districts}


def test_an_unknown_name_gives_one_unmapped_claim():
    analyst = user_in_groups("analyst-one", "analyst")
    (claim,) = claims_record_per_district(
        **claimed(DocumentFactory(), place_name="Nowhere-on-the-map"),
        districts=[None],
        recorded_by=analyst,
    )
    assert claim.district is None and claim.place_name == "Nowhere-on-the-map"


def test_a_reviewer_entering_a_claim_reviews_and_retracts_it_in_the_same_call():
    reviewer = user_in_groups("both", "analyst", "reviewer")
    claims = claims_record_per_district(
        **claimed(DocumentFactory()),
        districts=[DistrictFactory(), DistrictFactory()],
        recorded_by=reviewer,
        review_status=Claim.Review.REJECTED,
        review_reason="The map it cites shows the opposite.",
        retracted_on=datetime.date(2016, 12, 5),
    )
    for claim in Claim.objects.filter(pk__in=[c.pk for c in claims]):
        assert claim.review_status == Claim.Review.REJECTED
        assert claim.reviewed_by == reviewer
        assert claim.retracted_on == datetime.date(2016, 12, 5)


def test_a_review_the_user_may_not_give_keeps_none_of_the_claims():
    analyst = user_in_groups("analyst-one", "analyst")
    with pytest.raises(PermissionDenied):
        claims_record_per_district(
            **claimed(DocumentFactory()),
            districts=[DistrictFactory(), DistrictFactory()],
            recorded_by=analyst,
            review_status=Claim.Review.ACCEPTED,
        )
    assert not Claim.objects.exists()
    assert not ControlPeriod.objects.filter(status="held").exists()
