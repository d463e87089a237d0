"""Review means review, in the admin: reviewers' forms offer only the review fields, an
analyst's change of substance returns an accepted claim to pending, and a bulk rejection or
dispute asks for its reason on an intermediate page before anything changes."""

import datetime

import pytest
from django.urls import reverse

from quantitative import services as qs
from quantitative.models import QuantitativeClaim
from tests.factories import DistrictFactory, DocumentFactory, SourceFactory, actor
from tests.quantitative.quantitative_city import city_build
from tests.quantitative.test_quantitative_admin import form_data as quantitative_form_data
from tests.test_admin_roles import REASON_GIVEN, admin_url, staff_in
from tracker import services
from tracker.models import Claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst():
    return staff_in("analyst")


@pytest.fixture
def reviewer():
    return staff_in("reviewer")


@pytest.fixture
def accepted(reviewer) -> Claim:
    source = SourceFactory(name="Syrian Army", slug="syrian-army", stance="government")
    claim = services.claim_record(
        document=DocumentFactory(source=source),
        district=DistrictFactory(),
        place_name="",
        status="held",
        actor=actor("government"),
        kind="captured",
        effective_from=datetime.date(2016, 12, 7),
    )
    return services.claim_review(claim=claim, review_status="accepted", reviewed_by=reviewer)


def claim_form_data(claim: Claim, **overrides) -> dict:
    data = {
        "document": claim.document_id,
        "source": claim.source_id,
        "attribution": "",
        "place_name": claim.place_name,
        "district": claim.district_id,
        "status": claim.status,
        "actor": claim.actor_id or "",
        "kind": claim.kind,
        "effective_from": claim.effective_from.isoformat(),
        "effective_to": claim.effective_to.isoformat(),
        "date_precision": claim.date_precision,
        "basis": "",
        "quote": claim.quote,
        "note": "",
        "retracted_on": "",
    }
    return {**data, **overrides}


def test_an_analyst_changing_an_accepted_claims_actor_in_the_admin_returns_it_to_pending(
    client, analyst, accepted
):
    client.force_login(analyst)
    data = claim_form_data(accepted, actor=actor("rebels").pk)
    assert client.post(admin_url(Claim, "change", accepted.pk), data).status_code == 302
    accepted.refresh_from_db()
    assert (accepted.review_status, accepted.actor) == ("pending", actor("rebels"))
    latest = accepted.history.first()
    assert latest.history_user == analyst and "actor" in latest.history_change_reason
    page = client.get(admin_url(Claim, "change", accepted.pk)).content.decode()
    assert "review_status: accepted → pending" in page
    assert "(Back to pending: actor changed without a reviewer)" in page


def test_an_analyst_retracting_an_accepted_claim_in_the_admin_returns_it_to_pending(
    client, analyst, accepted
):
    client.force_login(analyst)
    data = claim_form_data(accepted, retracted_on="2016-12-09")
    assert client.post(admin_url(Claim, "change", accepted.pk), data).status_code == 302
    assert Claim.objects.get(pk=accepted.pk).review_status == "pending"


def test_a_reviewers_claim_form_shows_every_other_field_read_only(client, reviewer, accepted):
    client.force_login(reviewer)
    page = client.get(admin_url(Claim, "change", accepted.pk))
    admin_form = page.context["adminform"]
    assert set(admin_form.form.fields) == {"review_status", "review_reason"}
    assert {"actor", "district", "retracted_on", "quote"} <= set(admin_form.readonly_fields)


def test_a_reviewer_rejecting_on_the_change_form_must_give_a_reason(client, reviewer, accepted):
    client.force_login(reviewer)
    url = admin_url(Claim, "change", accepted.pk)
    response = client.post(url, {"review_status": "rejected", "review_reason": ""})
    assert response.status_code == 200
    assert "review_reason" in response.context["adminform"].form.errors
    assert Claim.objects.get(pk=accepted.pk).review_status == "accepted"
    response = client.post(url, {"review_status": "rejected", "review_reason": "Staged"})
    assert response.status_code == 302
    stored = Claim.objects.get(pk=accepted.pk)
    assert (stored.review_status, stored.review_reason) == ("rejected", "Staged")


@pytest.mark.parametrize(
    "action, status", [("claims_reject", "rejected"), ("claims_dispute", "disputed")]
)
def test_a_bulk_rejection_or_dispute_asks_for_a_reason_first(
    client, reviewer, accepted, action, status
):
    client.force_login(reviewer)
    url = admin_url(Claim, "changelist")
    selected = {"action": action, "_selected_action": [accepted.pk]}
    page = client.post(url, selected)
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    assert 'name="review_apply"' in page.content.decode()
    assert Claim.objects.get(pk=accepted.pk).review_status == "accepted"
    empty = client.post(url, {**selected, "review_apply": "yes", "reason": "  "})
    assert empty.status_code == 200 and empty.context["form"].errors["reason"]
    assert Claim.objects.get(pk=accepted.pk).review_status == "accepted"
    done = client.post(url, {**selected, **REASON_GIVEN}, follow=True)
    assert done.redirect_chain and "claim" in done.content.decode()
    stored = Claim.objects.get(pk=accepted.pk)
    assert (stored.review_status, stored.review_reason) == (status, REASON_GIVEN["reason"])
    assert stored.history.first().history_user == reviewer


def test_bulk_accepting_asks_for_no_reason(client, reviewer, accepted):
    services.claim_update(claim=accepted, quote="x", actor=actor("rebels"))  # back to pending
    client.force_login(reviewer)
    client.post(
        admin_url(Claim, "changelist"),
        {"action": "claims_accept", "_selected_action": [accepted.pk]},
    )
    assert Claim.objects.get(pk=accepted.pk).review_status == "accepted"


# Quantitative claims


@pytest.fixture
def number(reviewer) -> QuantitativeClaim:
    city = city_build(taken=3)
    claim = city.number("army", "districts_taken", 5)
    claim = qs.quantitative_claim_review(
        claim=claim, review_status="accepted", reviewed_by=reviewer
    )
    claim.city = city
    return claim


def test_a_reviewer_cannot_change_a_quantitative_claims_value_in_the_admin(
    client, reviewer, number
):
    client.force_login(reviewer)
    url = reverse("admin:quantitative_quantitativeclaim_change", args=[number.pk])
    form = client.get(url).context["adminform"].form
    assert set(form.fields) == {"review_status", "review_reason"}
    client.post(url, {"review_status": "accepted", "value": "50"})
    assert QuantitativeClaim.objects.get(pk=number.pk).value == 5


def test_an_analyst_changing_an_accepted_quantitative_value_returns_it_to_pending(
    client, analyst, number
):
    client.force_login(analyst)
    url = reverse("admin:quantitative_quantitativeclaim_change", args=[number.pk])
    data = quantitative_form_data(number.city, source=number.source.pk, value="6")
    data.update(
        document=number.document_id,
        date_from=number.date_from.isoformat(),
        date_to=number.date_to.isoformat(),
        attribution=number.attribution,
        quote=number.quote,
        review_status="accepted",  # read-only for analysts: ignored
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    number.refresh_from_db()
    assert (number.value, number.review_status) == (6, "pending")
    assert number.history.first().history_user == analyst


def test_a_quantitative_rejection_in_the_admin_needs_a_reason(client, number):
    client.force_login(staff_in("reviewer", "rev2"))
    url = reverse("admin:quantitative_quantitativeclaim_change", args=[number.pk])
    response = client.post(url, {"review_status": "rejected", "review_reason": ""})
    assert (
        response.status_code == 200 and "review_reason" in response.context["adminform"].form.errors
    )
    assert QuantitativeClaim.objects.get(pk=number.pk).review_status == "accepted"
