"""Writes: analysts record and edit through the services, reviewers review, nobody deletes.
The permission matrix covers anonymous, analyst, reviewer and admin on every write endpoint."""

import datetime

import pytest
from django.contrib.auth.models import Group

from tests.api.conftest import client_as
from tests.factories import UserFactory
from tracker import selectors
from tracker.models import Claim, ControlPeriod

pytestmark = pytest.mark.django_db
D = datetime.date


def _new_claim(world):
    return {
        "document": world.documents["monitor"].pk,
        "district": "ash-shaar",
        "status": "held",
        "actor": "government",
        "kind": "captured",
        "effective_from": "2016-12-15",
    }


def _requests(world):
    """Every write endpoint with a valid body: (label, method, url, body)."""
    claim = world.claims["shaar_army"].pk
    return {
        "claim create": ("post", "/api/v1/claims/", _new_claim(world)),
        "claim edit": ("patch", f"/api/v1/claims/{claim}/", {"note": "checked the video"}),
        "claim review": ("patch", f"/api/v1/claims/{claim}/", {"review_status": "accepted"}),
        "claim edit and review": (
            "patch",
            f"/api/v1/claims/{claim}/",
            {"note": "seen", "review_status": "disputed", "reason": "One source only"},
        ),
        "claim put": ("put", f"/api/v1/claims/{claim}/", _new_claim(world)),
        "claim delete": ("delete", f"/api/v1/claims/{claim}/", None),
        "source create": (
            "post",
            "/api/v1/sources/",
            {"slug": "reuters", "name": "Reuters", "stance": "independent", "kind": "news"},
        ),
        "source edit": ("patch", "/api/v1/sources/sohr/", {"reliability": "B"}),
        "source delete": ("delete", "/api/v1/sources/sohr/", None),
        "document create": (
            "post",
            "/api/v1/documents/",
            {"source": "sohr", "citation": "SOHR, 13 Dec 2016", "url": "https://example.org/x"},
        ),
        "document edit": (
            "patch",
            f"/api/v1/documents/{world.documents['army'].pk}/",
            {"title": "Statement of the General Command"},
        ),
        "document delete": ("delete", f"/api/v1/documents/{world.documents['army'].pk}/", None),
        "district create": ("post", "/api/v1/districts/", {"slug": "x"}),
        "actor edit": ("patch", "/api/v1/actors/government/", {"colour": "#000000"}),
    }


OK, CREATED, UNAUTHENTICATED, FORBIDDEN, NOT_ALLOWED = 200, 201, 401, 403, 405
# Expected status per (endpoint, role). Deletes, PUT and writes to read-only resources are
# 405 for everyone: no role may do them, so the method itself is refused.
MATRIX = {
    #                          anonymous,        analyst,     reviewer,    admin
    "claim create": (UNAUTHENTICATED, CREATED, FORBIDDEN, CREATED),
    "claim edit": (UNAUTHENTICATED, OK, FORBIDDEN, OK),
    "claim review": (UNAUTHENTICATED, FORBIDDEN, OK, OK),
    "claim edit and review": (UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, OK),
    "claim put": (NOT_ALLOWED,) * 4,
    "claim delete": (NOT_ALLOWED,) * 4,
    "source create": (UNAUTHENTICATED, CREATED, FORBIDDEN, CREATED),
    "source edit": (UNAUTHENTICATED, OK, FORBIDDEN, OK),
    "source delete": (NOT_ALLOWED,) * 4,
    "document create": (UNAUTHENTICATED, CREATED, FORBIDDEN, CREATED),
    "document edit": (UNAUTHENTICATED, OK, FORBIDDEN, OK),
    "document delete": (NOT_ALLOWED,) * 4,
    "district create": (NOT_ALLOWED,) * 4,
    "actor edit": (NOT_ALLOWED,) * 4,
}
ROLES = ("anonymous", "analyst", "reviewer", "admin")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_permission_matrix(world, users, endpoint, role):
    method, url, body = _requests(world)[endpoint]
    client = client_as(users.get(role))
    response = getattr(client, method)(url, body, format="json")
    expected = MATRIX[endpoint][ROLES.index(role)]
    assert response.status_code == expected, (endpoint, role, response.content)
    if expected == UNAUTHENTICATED:
        assert response["WWW-Authenticate"].startswith("Token")
    if expected == FORBIDDEN:
        assert "group" in response.json()["detail"]


def test_staff_outside_the_groups_cannot_write(world, users):
    method, url, body = _requests(world)["claim create"]
    response = client_as(users["staff"]).post(url, body, format="json")
    assert response.status_code == 403


def test_a_session_user_writes_with_a_csrf_token(world, users):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(users["analyst"])
    refused = client.post("/api/v1/claims/", _new_claim(world), format="json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    client.get("/admin/login/")  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        "/api/v1/claims/", _new_claim(world), format="json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 201


def test_recording_a_claim_recomputes_the_timeline(world, users):
    analyst = client_as(users["analyst"])
    before = selectors.control_on(on=D(2016, 12, 20), lens="consensus")
    assert {s.district: s.status for s in before}["ash-shaar"] == "disputed"
    body = {**_new_claim(world), "document": world.documents["monitor"].pk}
    response = analyst.post("/api/v1/claims/", body, format="json")
    assert response.status_code == 201
    created = Claim.objects.get(pk=response.json()["id"])
    assert created.recorded_by == users["analyst"] and created.source.slug == "sohr"
    control = analyst.get("/api/v1/control/?on=2016-12-20").json()
    shaar = next(d for d in control["districts"] if d["district"] == "ash-shaar")
    assert (shaar["status"], shaar["actor"], shaar["since"]) == ("held", "government", "2016-12-15")
    # The army's word of 1 Dec still stands beside SOHR's new one: both back the state, and the
    # rebel outlet's is outweighed by the independent source (engine v2, rules 2 and 5c).
    assert shaar["claims"] == sorted([world.claims["shaar_army"].pk, created.pk])
    assert world.claims["shaar_rebels"].pk not in shaar["claims"]
    assert shaar["last_reported"] == "2016-12-15"


def test_an_unmapped_claim_keeps_its_place_name(world, users):
    body = {**_new_claim(world), "district": None, "place_name": "Jabal Badro"}
    response = client_as(users["analyst"]).post("/api/v1/claims/", body, format="json")
    assert response.status_code == 201
    assert response.json()["mapped"] is False and response.json()["place_name"] == "Jabal Badro"


def test_a_reviewer_rejecting_a_claim_hides_it_and_recomputes(world, users):
    claim = world.claims["maqsoud_ypg"]
    response = client_as(users["reviewer"]).patch(
        f"/api/v1/claims/{claim.pk}/",
        {"review_status": "rejected", "reason": "Misread the map"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["review_status"] == "rejected"
    claim.refresh_from_db()
    assert claim.reviewed_by == users["reviewer"] and claim.reviewed_at is not None
    assert not ControlPeriod.objects.filter(district=claim.district, lens="consensus").exists()
    assert client_as().get(f"/api/v1/claims/{claim.pk}/").status_code == 404


def test_an_analyst_retracts_a_claim_by_dating_the_retraction(world, users):
    claim = world.claims["shaar_rebels"]
    response = client_as(users["analyst"]).patch(
        f"/api/v1/claims/{claim.pk}/", {"retracted_on": "2016-12-03"}, format="json"
    )
    assert response.status_code == 200
    state = {s.district: s for s in selectors.control_on(on=D(2016, 12, 5), lens="consensus")}
    assert state["ash-shaar"].status == "held" and state["ash-shaar"].actor == "government"


def test_changing_a_sources_stance_recomputes_its_lenses(world, users):
    response = client_as(users["analyst"]).patch(
        "/api/v1/sources/rebel-media/", {"stance": "independent", "actor": None}, format="json"
    )
    assert response.status_code == 200
    assert not ControlPeriod.objects.filter(lens="stance:opposition").exists()
    assert ControlPeriod.objects.filter(
        lens="stance:independent", district=world.districts["ash-shaar"]
    ).exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "held", "actor": None}, "actor"),
        ({"status": "contested", "actor": "rebels"}, "actor"),
        ({"actor": "nobody"}, "actor"),
        ({"district": "nowhere"}, "district"),
        ({"document": 10**30}, "document"),
        ({"document": "x"}, "document"),
        ({"effective_to": "2016-01-01"}, "effective_to"),
        ({"effective_from": "someday"}, "effective_from"),
        ({"quote": "nul\x00byte"}, "quote"),
        ({"review_status": "approved"}, "review_status"),
        ({"kind": "won"}, "kind"),
    ],
)
def test_a_bad_claim_edit_is_a_400_naming_the_field(world, users, body, field):
    claim = world.claims["shaar_army"]
    response = client_as(users["admin"]).patch(f"/api/v1/claims/{claim.pk}/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"slug": "new one", "name": "New", "stance": "independent"}, "slug"),
        ({"slug": "new", "name": "New", "stance": "neutral"}, "stance"),
    ],
)
def test_a_bad_source_is_a_400_naming_the_field(world, users, body, field):
    response = client_as(users["analyst"]).post("/api/v1/sources/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"slug": "sohr", "name": "Another", "stance": "independent"}, "slug"),
        ({"slug": "new", "name": "SOHR", "stance": "independent"}, "name"),
    ],
)
def test_a_source_slug_or_name_already_taken_is_a_409_naming_the_field(world, users, body, field):
    response = client_as(users["analyst"]).post("/api/v1/sources/", body, format="json")
    assert response.status_code == 409, response.content
    assert field in response.json()


def test_a_document_url_is_unique_a_second_is_a_409(world, users):
    body = {"citation": "copy", "url": "https://example.org/sohr/statement"}
    response = client_as(users["analyst"]).post("/api/v1/documents/", body, format="json")
    assert response.status_code == 409 and "url" in response.json()


def test_a_sources_slug_cannot_change(world, users):
    response = client_as(users["analyst"]).patch(
        "/api/v1/sources/sohr/", {"slug": "sohr-2"}, format="json"
    )
    assert response.status_code == 400 and "slug" in response.json()


def test_a_user_in_both_groups_edits_and_reviews_in_one_patch(world):
    both = UserFactory(username="both")
    both.groups.add(*Group.objects.filter(name__in=["analyst", "reviewer"]))
    claim = world.claims["shaar_army"]
    response = client_as(both).patch(
        f"/api/v1/claims/{claim.pk}/", {"note": "n", "review_status": "accepted"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["review_status"] == "accepted" and response.json()["note"] == "n"
