"""Quantitative claims: the database refuses what makes no sense, the model says how to fix it,
the services keep history, and nobody deletes a claim through the admin groups."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from quantitative.models import QuantitativeClaim
from quantitative.services import (
    quantitative_claim_record,
    quantitative_claim_retract,
    quantitative_claim_review,
    quantitative_claim_update,
)
from tests.factories import DocumentFactory, RegionFactory, actor, reviewer_user

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def values():
    document = DocumentFactory()
    return {
        "document": document,
        "source": document.source,
        "actor": actor("government"),
        "region": RegionFactory(),
        "measure": "districts_taken",
        "value": 5,
        "bound": "exact",
        "date_from": D(2016, 12, 1),
        "date_to": D(2016, 12, 3),
    }


@pytest.mark.parametrize(
    "changes, constraint",
    [
        ({"date_from": D(2016, 12, 4)}, "qclaim_window_ordered"),
        ({"value": -1}, "qclaim_value_not_negative"),
        ({"measure": "share_held", "value": 101}, "qclaim_share_at_most_100_percent"),
        ({"measure": "districts_lost"}, "qclaim_measure_valid"),
        ({"bound": "roughly"}, "qclaim_bound_valid"),
    ],
)
def test_the_database_refuses_a_claim_that_breaks_a_named_rule(values, changes, constraint):
    with pytest.raises(IntegrityError) as raised, transaction.atomic():
        QuantitativeClaim.objects.create(**{**values, **changes})
    assert constraint in str(raised.value)


def test_one_imported_row_is_stored_once(values):
    QuantitativeClaim.objects.create(**values, import_key="abc")
    with pytest.raises(IntegrityError), transaction.atomic():
        QuantitativeClaim.objects.create(**values, import_key="abc")


def test_the_service_says_a_count_of_districts_is_whole(values):
    with pytest.raises(ValidationError) as raised:
        quantitative_claim_record(**{**values, "value": 2.5})
    assert "whole number" in str(raised.value.message_dict["value"])


def test_the_service_refuses_an_infinite_value(values):
    with pytest.raises(ValidationError) as raised:
        quantitative_claim_record(**{**values, "measure": "area_held_km2", "value": float("inf")})
    assert "value" in raised.value.message_dict


def test_a_one_day_window_and_the_documents_source_are_the_defaults(values):
    del values["source"], values["date_to"]
    claim = quantitative_claim_record(**values)
    assert claim.date_to == claim.date_from and claim.source == claim.document.source


def test_every_change_is_kept_in_history(values):
    claim = quantitative_claim_record(**values)
    quantitative_claim_update(claim=claim, value=6)
    quantitative_claim_review(claim=claim, review_status="accepted", reviewed_by=reviewer_user())
    quantitative_claim_retract(claim=claim, retracted_on=D(2016, 12, 5))
    history = list(claim.history.order_by("history_id").values_list("value", "review_status"))
    # Retracted without a reviewer: the accepted claim goes back to pending.
    assert history == [(5, "pending"), (6, "pending"), (6, "accepted"), (6, "pending")]
    # Its review stamps are cleared on the claim; the history keeps when it was reviewed.
    assert claim.reviewed_at is None and claim.retracted_on == D(2016, 12, 5)
    assert claim.history.filter(review_status="accepted", reviewed_at__isnull=False).exists()


def test_analysts_enter_reviewers_review_and_nobody_deletes():
    def codes(group):
        return set(
            Permission.objects.filter(
                group__name=group, codename__endswith="quantitativeclaim"
            ).values_list("codename", flat=True)
        )

    assert Group.objects.filter(name="analyst").exists()
    assert codes("analyst") == {
        "add_quantitativeclaim",
        "change_quantitativeclaim",
        "view_quantitativeclaim",
    }
    assert codes("reviewer") == {"change_quantitativeclaim", "view_quantitativeclaim"}


@pytest.mark.parametrize(
    "changes, sentence",
    [
        ({}, "{actor}: exactly 5 districts taken in {region}, 2016-12-01 to 2016-12-03"),
        (
            {"measure": "districts_held", "value": 35, "bound": "lower"},
            "{actor}: at least 35 districts of {region} held, 2016-12-01 to 2016-12-03",
        ),
        (
            {"measure": "share_held", "value": 98, "bound": "approx", "date_from": D(2016, 12, 3)},
            "{actor}: about 98% of {region} held, 2016-12-03",
        ),
        (
            {"measure": "area_held_km2", "value": 2.5, "bound": "upper"},
            "{actor}: at most 2.5 km² of {region} held, 2016-12-01 to 2016-12-03",
        ),
    ],
)
def test_a_claim_reads_as_a_sentence_in_lists_not_as_codes(values, changes, sentence):
    claim = QuantitativeClaim(**{**values, **changes})
    expected = sentence.format(actor=values["actor"].name_en, region=values["region"].name_en)
    assert str(claim) == expected
    assert claim.measure not in str(claim)  # the code ("districts_taken") is never shown
