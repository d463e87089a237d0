"""Review means review, through the API: an analyst's change of substance returns an accepted
claim to pending; a reviewer changes only review_status and reason (403 naming the other
fields); rejecting or disputing takes a reason (400 naming `reason`), shown in changes/."""

import datetime

import pytest

from tests.api.conftest import client_as
from tests.factories import actor
from tracker import roles
from tracker.models import Claim

pytestmark = pytest.mark.django_db


def url(claim: Claim) -> str:
    return f"/api/v1/claims/{claim.pk}/"


def today_changes(client) -> list[dict]:
    today = datetime.date.today().isoformat()
    return client.get(f"/api/v1/changes/?since={today}&until={today}").json()["changes"]


@pytest.mark.parametrize(
    "body",
    [
        {"district": "ash-shaar"},
        {"place_name": "Hanano housing"},
        {"actor": "rebels"},
        {"kind": "held"},
        {"status": "contested", "actor": None, "kind": "contested"},
        {"effective_from": "2016-11-20"},
        {"effective_to": "2016-11-28"},
        {"source": "syrian-army"},
        {"retracted_on": "2016-12-01"},
    ],
    ids=lambda body: next(iter(body)),
)
def test_an_analyst_patching_an_accepted_claims_substance_returns_it_to_pending(world, users, body):
    claim = world.claims["hanano_monitor"]
    assert claim.review_status == "accepted"
    response = client_as(users["analyst"]).patch(url(claim), body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["review_status"] == "pending"
    latest = Claim.objects.get(pk=claim.pk).history.first()
    assert latest.history_user == users["analyst"]
    assert next(iter(body)) in latest.history_change_reason


def test_an_analyst_patching_a_note_leaves_the_claim_accepted(world, users):
    claim = world.claims["hanano_monitor"]
    response = client_as(users["analyst"]).patch(url(claim), {"note": "seen"}, format="json")
    assert response.status_code == 200 and response.json()["review_status"] == "accepted"


def test_an_admin_patching_substance_keeps_the_claim_accepted(world, users):
    claim = world.claims["hanano_monitor"]
    response = client_as(users["admin"]).patch(url(claim), {"actor": "rebels"}, format="json")
    assert response.status_code == 200
    assert (response.json()["review_status"], response.json()["actor"]) == ("accepted", "rebels")


@pytest.mark.parametrize(
    "body, named",
    [
        ({"quote": "Forged"}, "quote"),
        ({"actor": "rebels", "review_status": "accepted"}, "actor"),
        ({"district": "ash-shaar", "note": "moved"}, "district, note"),
    ],
)
def test_a_reviewer_patching_other_fields_gets_a_403_naming_them(world, users, body, named):
    claim = world.claims["hanano_monitor"]
    response = client_as(users["reviewer"]).patch(url(claim), body, format="json")
    assert response.status_code == 403
    assert f"Changing {named} needs the 'analyst' group" in response.json()["detail"]
    stored = Claim.objects.get(pk=claim.pk)
    assert (stored.quote, stored.actor) == (claim.quote, actor("government"))


def test_an_analyst_sending_a_reason_gets_a_403_naming_it(world, users):
    response = client_as(users["analyst"]).patch(
        url(world.claims["shaar_army"]), {"reason": "I think so"}, format="json"
    )
    assert (
        response.status_code == 403 and "reason needs the 'reviewer'" in response.json()["detail"]
    )


def test_a_put_is_not_offered(world, users):
    response = client_as(users["admin"]).put(
        url(world.claims["shaar_army"]), {"review_status": "accepted"}, format="json"
    )
    assert response.status_code == 405


@pytest.mark.parametrize("status", ["rejected", "disputed"])
@pytest.mark.parametrize("reason", [None, "", "   ", "x" * (roles.REASON_MAX_LENGTH + 1)])
def test_rejecting_or_disputing_without_a_fit_reason_is_a_400_naming_reason(
    world, users, status, reason
):
    claim = world.claims["shaar_army"]
    body = (
        {"review_status": status} if reason is None else {"review_status": status, "reason": reason}
    )
    response = client_as(users["reviewer"]).patch(url(claim), body, format="json")
    assert response.status_code == 400
    assert "reason" in response.json()
    assert Claim.objects.get(pk=claim.pk).review_status == "pending"


def test_a_dispute_and_its_reason_are_kept_and_shown_in_the_change_feed(world, users, anon):
    claim = world.claims["shaar_army"]
    response = client_as(users["reviewer"]).patch(
        url(claim), {"review_status": "disputed", "reason": "Only the army says so"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["review_reason"] == "Only the army says so"
    assert claim.history.first().review_reason == "Only the army says so"
    disputed = [c for c in today_changes(anon) if c["type"] == "disputed"]
    assert [(c["claims"], c["reason"]) for c in disputed] == [([claim.pk], "Only the army says so")]


def test_a_rejection_row_of_the_change_feed_carries_its_reason(world, anon):
    rejected = [c for c in today_changes(anon) if c["type"] == "rejected"]
    assert [(c["claims"], c["reason"]) for c in rejected] == [
        ([world.claims["bustan_rejected"].pk], "Contradicted by every other source")
    ]
    record = anon.get("/api/v1/changes/?since=2016-11-01&until=2016-12-31").json()["changes"]
    control = next(c for c in record if c["type"] == "control")
    assert control["reason"] is None and set(control) >= {"source", "recorded_at", "claims"}


def test_quantitative_claims_cannot_be_written_through_the_api(world, users):
    response = client_as(users["admin"]).patch(
        "/api/v1/quantitative-claims/1/", {"value": 99}, format="json"
    )
    assert response.status_code == 405


def test_the_schema_offers_reason_on_a_claim_patch_and_in_the_change_feed(anon):
    schema = anon.get("/api/schema/?format=json").json()["components"]["schemas"]
    patch = schema["PatchedClaimPatchRequest"]["properties"]
    assert patch["reason"]["maxLength"] == roles.REASON_MAX_LENGTH
    change = schema["Change"]
    assert "reason" in change["properties"] and "reason" not in change.get("required", [])
    assert "disputed" in str(schema.get("ChangeTypeEnum", change["properties"]["type"]))
