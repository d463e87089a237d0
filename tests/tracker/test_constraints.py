"""The database refuses what the model forbids, on both engines."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import ClaimFactory, DistrictFactory, DocumentFactory, actor
from tracker.models import Actor, Claim

pytestmark = pytest.mark.django_db


def test_contract_actor_slugs_are_seeded():
    slugs = set(Actor.objects.values_list("slug", flat=True))
    assert {"government", "rebels", "nusra", "kurdish_ypg", "isis"} <= slugs
    assert Actor.objects.get(slug="syrian-arab-army").parent.slug == "government"


def test_claim_window_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(
            effective_from=datetime.date(2016, 12, 5), effective_to=datetime.date(2016, 12, 1)
        )


def test_held_claim_must_name_an_actor():
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(status=Claim.Status.HELD, actor=None)


def test_contested_claim_names_no_actor():
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(status=Claim.Status.CONTESTED, actor=actor("rebels"))


def test_unmapped_claim_keeps_its_place_name_without_district():
    claim = ClaimFactory(district=None, place_name="Handarat camp")
    claim.refresh_from_db()
    assert claim.district is None and claim.place_name == "Handarat camp"
    assert not claim.is_mapped


def test_import_key_is_unique():
    ClaimFactory(import_key="row-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(import_key="row-1")


def test_document_url_is_unique_when_present_and_optional():
    DocumentFactory(url="https://example.org/a", citation="https://example.org/a")
    DocumentFactory(url=None, citation="Wikipedia: Battle of Aleppo")
    DocumentFactory(url=None, citation="Wikipedia: Aleppo offensive")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(url="https://example.org/a", citation="a copy")


def test_district_area_must_be_positive():
    with pytest.raises(IntegrityError), transaction.atomic():
        DistrictFactory(area_m2=0)


def test_claim_edit_is_kept_in_history():
    claim = ClaimFactory(review_status=Claim.Review.PENDING)
    claim.review_status = Claim.Review.ACCEPTED
    claim.save()
    assert [h.review_status for h in claim.history.order_by("history_date")] == [
        "pending",
        "accepted",
    ]
