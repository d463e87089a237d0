"""The analyst note is private: analysts and reviewers read it in the API (and the admin); the
public never does, in JSON or CSV, and the CSV never carries it, whoever asks. The public note
(`note`) is unchanged: it is part of the published record."""

import csv
import io

import pytest

from quantitative import services as quantitative_services
from tests.api.conftest import client_as
from tests.factories import DocumentFactory, RegionFactory, actor
from tracker.api.serializers import CLAIM_CSV_COLUMNS
from tracker.models import Claim

pytestmark = pytest.mark.django_db
SECRET = "ANALYST-ONLY: the caller is our stringer, do not publish"
PUBLIC = "Date inferred from the AFP copy."


@pytest.fixture
def noted(world):
    """One public claim with a public note and a private one."""
    claim = world.claims["hanano_monitor"]
    Claim.objects.filter(pk=claim.pk).update(note=PUBLIC, analyst_note=SECRET)
    return claim


@pytest.fixture
def quantitative(world):
    return quantitative_services.quantitative_claim_record(
        document=DocumentFactory(source=world.sources["army"]),
        actor=actor("government"),
        region=RegionFactory(slug="east"),
        measure="districts_taken",
        value=5,
        date_from=world.claims["hanano_army"].effective_from,
        note=PUBLIC,
        analyst_note=SECRET,
    )


def _body(response) -> str:
    assert response.status_code == 200
    return response.getvalue().decode()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims/",
        "/api/v1/claims/?format=csv",
        "/api/v1/claims/{id}/",
        "/api/v1/claims/{id}/?format=csv",
        "/api/v1/districts/hanano/history/",
        "/api/v1/quantitative-claims/",
        "/api/v1/sources/sohr/record/",
        "/api/v1/changes/?since=2012-01-01",
        "/sources/sohr/",
        "/sources/syrian-army/",
    ],
)
def test_anonymous_reads_never_carry_the_analyst_note(anon, noted, quantitative, path):
    body = _body(anon.get(path.format(id=noted.pk)))
    assert SECRET not in body and "analyst_note" not in body


def test_anonymous_reads_keep_the_public_note(anon, noted, quantitative):
    claim = anon.get(f"/api/v1/claims/{noted.pk}/").json()
    assert claim["note"] == PUBLIC and "analyst_note" not in claim
    rows = list(csv.DictReader(io.StringIO(_body(anon.get("/api/v1/claims/?format=csv")))))
    assert {r["note"] for r in rows if int(r["id"]) == noted.pk} == {PUBLIC}
    (numbers,) = anon.get("/api/v1/quantitative-claims/").json()["results"]
    assert numbers["note"] == PUBLIC and "analyst_note" not in numbers


@pytest.mark.parametrize("role", ["analyst", "reviewer", "admin"])
def test_analysts_and_reviewers_read_the_analyst_note_in_json(users, noted, quantitative, role):
    client = client_as(users[role])
    assert client.get(f"/api/v1/claims/{noted.pk}/").json()["analyst_note"] == SECRET
    listed = {c["id"]: c for c in client.get("/api/v1/claims/?page_size=100").json()["results"]}
    assert listed[noted.pk]["analyst_note"] == SECRET
    assert all("analyst_note" in c for c in listed.values())
    (numbers,) = client.get("/api/v1/quantitative-claims/").json()["results"]
    assert numbers["analyst_note"] == SECRET


def test_signed_in_user_in_no_group_does_not_read_it(users, noted):
    body = _body(client_as(users["staff"]).get(f"/api/v1/claims/{noted.pk}/"))
    assert SECRET not in body and "analyst_note" not in body


def test_the_csv_never_carries_it_even_for_an_analyst(users, noted):
    assert "analyst_note" not in CLAIM_CSV_COLUMNS
    body = _body(client_as(users["analyst"]).get("/api/v1/claims/?format=csv"))
    assert SECRET not in body
    assert next(csv.reader(io.StringIO(body))) == CLAIM_CSV_COLUMNS


def test_an_analyst_records_and_edits_the_analyst_note(users, world):
    client = client_as(users["analyst"])
    created = client.post(
        "/api/v1/claims/",
        {
            "document": world.documents["monitor"].pk,
            "district": "hanano",
            "status": "held",
            "actor": "government",
            "kind": "held",
            "effective_from": "2016-12-20",
            "note": PUBLIC,
            "analyst_note": SECRET,
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["analyst_note"] == SECRET and created.json()["note"] == PUBLIC
    claim = Claim.objects.get(pk=created.json()["id"])
    assert (claim.note, claim.analyst_note) == (PUBLIC, SECRET)
    patched = client.patch(
        f"/api/v1/claims/{claim.pk}/", {"analyst_note": "checked"}, format="json"
    )
    assert patched.status_code == 200, patched.content
    claim.refresh_from_db()
    assert claim.analyst_note == "checked" and claim.note == PUBLIC
    assert SECRET not in _body(client_as().get(f"/api/v1/claims/{claim.pk}/"))


def test_the_schema_declares_the_analyst_note_optional_and_private(anon):
    schema = anon.get("/api/schema/?format=json").json()["components"]["schemas"]
    claim = schema["Claim"]
    assert "analyst_note" in claim["properties"]
    assert "analyst_note" not in claim.get("required", [])
    assert claim["properties"]["analyst_note"].get("nullable") is True
    create = schema["ClaimCreateRequest"]["properties"]
    assert create["analyst_note"]["maxLength"] == create["note"]["maxLength"] == 2000
    assert "analyst_note" not in schema["QuantitativeClaim"].get("required", [])
