"""A claim's basis in the API: read, written by a PATCH (or a POST once the service takes it),
validated with a 400 naming the field, filtered with ?basis=, and the last CSV column."""

import csv
import io

import pytest

from tests.api.conftest import client_as
from tracker.api.serializers import CLAIM_CSV_COLUMNS
from tracker.models import Claim

pytestmark = pytest.mark.django_db

# The claims CSV columns before basis: a contract that scripts rely on.
CSV_COLUMNS_BEFORE_BASIS = [
    "id",
    "district",
    "place_name",
    "mapped",
    "status",
    "actor",
    "kind",
    "effective_from",
    "effective_to",
    "date_precision",
    "source",
    "stance",
    "attribution",
    "document",
    "citation",
    "url",
    "archive_url",
    "quote",
    "note",
    "review_status",
    "reviewed_at",
    "retracted_on",
    "created_at",
    "updated_at",
]


def _based(world, name, basis):
    Claim.objects.filter(pk=world.claims[name].pk).update(basis=basis)


def test_a_claim_reads_with_its_basis_and_an_unstated_one_is_empty(anon, world):
    _based(world, "hanano_army", "statement")
    stated = anon.get(f"/api/v1/claims/{world.claims['hanano_army'].pk}/").json()
    unstated = anon.get(f"/api/v1/claims/{world.claims['hanano_monitor'].pk}/").json()
    assert stated["basis"] == "statement"
    assert unstated["basis"] == ""


def test_an_analyst_sets_the_basis_with_a_patch(world, users):
    claim = world.claims["shaar_army"]
    response = client_as(users["analyst"]).patch(
        f"/api/v1/claims/{claim.pk}/", {"basis": "evidence"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["basis"] == "evidence"
    claim.refresh_from_db()
    assert claim.basis == "evidence"
    assert claim.history.first().basis == "evidence"


@pytest.mark.parametrize("method", ["patch", "post"])
def test_an_unknown_basis_is_a_400_naming_the_field_and_writes_nothing(world, users, method):
    client = client_as(users["analyst"])
    claim = world.claims["shaar_army"]
    before = Claim.objects.count()
    if method == "patch":
        response = client.patch(f"/api/v1/claims/{claim.pk}/", {"basis": "rumour"}, format="json")
    else:
        body = {
            "document": world.documents["monitor"].pk,
            "district": "ash-shaar",
            "status": "held",
            "actor": "government",
            "kind": "captured",
            "effective_from": "2016-12-15",
            "basis": "rumour",
        }
        response = client.post("/api/v1/claims/", body, format="json")
    assert response.status_code == 400
    message = response.json()["basis"][0]
    assert "'rumour'" in message and "statement, report, assessment, evidence" in message
    claim.refresh_from_db()
    assert claim.basis == "" and Claim.objects.count() == before


def test_a_new_claim_with_a_basis_is_stored_with_it_or_refused_naming_the_field(world, users):
    body = {
        "document": world.documents["monitor"].pk,
        "district": "ash-shaar",
        "status": "held",
        "actor": "government",
        "kind": "captured",
        "effective_from": "2016-12-15",
        "basis": "report",
    }
    before = Claim.objects.count()
    response = client_as(users["analyst"]).post("/api/v1/claims/", body, format="json")
    assert response.status_code == 201, response.content
    assert Claim.objects.get(pk=response.json()["id"]).basis == "report"
    assert Claim.objects.count() == before + 1
    body["basis"] = ""
    created = client_as(users["analyst"]).post("/api/v1/claims/", body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["basis"] == ""


def test_claims_filter_by_basis_and_by_unstated_basis(anon, world):
    _based(world, "hanano_army", "statement")
    _based(world, "shaar_army", "statement")
    _based(world, "bustan_contested", "assessment")
    ids = lambda query: {c["id"] for c in anon.get(f"/api/v1/claims/?{query}").json()["results"]}  # noqa: E731
    assert ids("basis=statement") == {world.claims[n].pk for n in ("hanano_army", "shaar_army")}
    assert ids("basis=assessment") == {world.claims["bustan_contested"].pk}
    unstated = ids("basis=none")
    assert world.claims["hanano_monitor"].pk in unstated
    assert not unstated & {world.claims[n].pk for n in ("hanano_army", "bustan_contested")}


def test_an_unknown_basis_filter_is_a_400_naming_the_parameter(anon, world):
    response = anon.get("/api/v1/claims/?basis=rumour")
    assert response.status_code == 400
    assert "basis" in response.json()


def test_the_csv_keeps_its_columns_and_adds_basis_at_the_end(anon, world):
    _based(world, "hanano_army", "evidence")
    response = anon.get("/api/v1/claims/?format=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8"))))
    assert rows[0] == [*CSV_COLUMNS_BEFORE_BASIS, "basis", "review_reason", "statement"]
    assert rows[0] == CLAIM_CSV_COLUMNS
    by_id = {row[0]: row for row in rows[1:]}
    basis = CLAIM_CSV_COLUMNS.index("basis")
    assert by_id[str(world.claims["hanano_army"].pk)][basis] == "evidence"
    assert by_id[str(world.claims["hanano_monitor"].pk)][basis] == ""


def test_the_district_history_gives_each_claims_basis(anon, world):
    _based(world, "hanano_monitor", "report")
    history = anon.get("/api/v1/districts/hanano/history/").json()
    claims = {
        c["id"]: c
        for period in history["periods"]
        for c in period["supporting_claims"] + period["contradicting_claims"]
    }
    assert claims[world.claims["hanano_monitor"].pk]["basis"] == "report"
