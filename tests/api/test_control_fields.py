"""control/'s `fields=` (issue 18's first paint): a client names the fields of each district's
row it uses and gets only those, `district` always first, in the document's order, with the
values the whole document has; an unknown name is a 400 naming `fields`; left out, the
document is the contract's, whole. The same on PostGIS (the SQL-built document) and
SpatiaLite (the serializer); kept apart by the response cache; described by the schema."""

import gzip

import pytest
from django.core.cache import cache

from tracker.selectors import CONTROL_FIELDS

pytestmark = pytest.mark.django_db

DAY = "/api/v1/control/?on=2016-12-07&lens=consensus"
CONTRACT = ["district", "status", "actor", "actors", "since", "claims"]


def test_without_fields_every_row_holds_every_field(anon, world):
    rows = anon.get(DAY).json()["districts"]
    assert rows and all(list(row)[: len(CONTRACT)] == CONTRACT for row in rows)
    assert all(set(row) == set(CONTROL_FIELDS) for row in rows)


@pytest.mark.parametrize(
    ("asked", "kept"),
    [
        ("status,actor,actors,since,last_reported,stale", CONTROL_FIELDS[:5] + CONTROL_FIELDS[6:]),
        ("stale,status", ("district", "status", "stale")),  # the document's order, not the ask's
        ("district", ("district",)),
        ("claims,claims", ("district", "claims")),
    ],
)
def test_fields_keeps_only_the_named_fields_with_the_whole_documents_values(
    anon, world, asked, kept
):
    whole = anon.get(DAY).json()
    assert any(row["claims"] for row in whole["districts"])  # there is something to leave out
    cut = anon.get(DAY + "&fields=" + asked)
    assert cut.status_code == 200, cut.content
    document = cut.json()
    assert (document["on"], document["lens"]) == (whole["on"], whole["lens"])
    assert [list(row) for row in document["districts"]] == [list(kept)] * len(whole["districts"])
    assert document["districts"] == [
        {name: row[name] for name in kept} for row in whole["districts"]
    ]


def test_leaving_out_the_claims_makes_the_answer_shorter(anon, world):
    whole = anon.get(DAY).content
    cut = anon.get(DAY + "&fields=status,actor,actors,since,last_reported,stale").content
    assert b'"claims"' in whole and b'"claims"' not in cut
    assert len(cut) < len(whole)


@pytest.mark.parametrize(
    "asked", ["status,owner", "claim", "status,", ",status", "STATUS", "status, stale"]
)
def test_an_unknown_field_is_a_400_naming_fields(anon, world, asked):
    response = anon.get(DAY + "&fields=" + asked)
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["fields"]
    assert "status" in response.json()["fields"][0]  # it names the fields to choose from


def test_an_empty_fields_is_a_400_naming_it(anon, world):
    response = anon.get(DAY + "&fields=")
    assert response.status_code == 400 and "fields" in response.json()


def test_the_geojson_features_carry_only_the_named_fields_and_the_names(anon, world):
    features = anon.get(DAY + "&format=geojson&fields=status").json()["features"]
    assert features
    assert all(
        set(f["properties"]) == {"district", "name_en", "name_ar", "status"} for f in features
    )


def test_the_response_cache_keeps_each_set_of_fields_apart(anon, world, settings):
    assert "/api/v1/control/" in settings.TRACKER_RESPONSE_CACHE_PATHS
    cache.clear()
    whole = anon.get(DAY).content
    cut = anon.get(DAY + "&fields=status").content
    assert anon.get(DAY).content == whole and anon.get(DAY + "&fields=status").content == cut
    assert b'"actor"' in whole and b'"actor"' not in cut


def test_the_schema_declares_fields_and_an_answer_that_may_be_cut_down(anon, world):
    schema = anon.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/control/"]["get"]
    (fields,) = [p for p in operation["parameters"] if p["name"] == "fields"]
    assert not fields.get("required") and fields["schema"]["type"] == "string"
    for name in CONTROL_FIELDS:
        assert name in fields["schema"]["pattern"] and name in fields["description"]
    components = schema["components"]["schemas"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer == {"$ref": "#/components/schemas/ControlAnswer"}
    assert components["ControlAnswer"] == {
        "anyOf": [
            {"$ref": "#/components/schemas/Control"},
            {"$ref": "#/components/schemas/ControlFields"},
        ]
    }
    # The contract's document is unchanged; the cut-down rows require only `district`.
    assert set(components["ControlDistrict"]["required"]) == set(CONTROL_FIELDS)
    assert components["ControlDistrictFields"]["required"] == ["district"]
    assert set(components["ControlDistrictFields"]["properties"]) == set(CONTROL_FIELDS)


@pytest.mark.parametrize("query", ["", "&fields=status,since"])
def test_control_is_gzipped_for_a_client_that_accepts_it(anon, world, query):
    plain = anon.get(DAY + query)
    zipped = anon.get(DAY + query, HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in plain and zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
