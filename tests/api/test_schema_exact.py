"""The schema says exactly what the API does (issue 17, part 5), rule by rule: reads anonymous
users may make are declared so; a parameter takes one value, never empty; what a pattern or a
bound refuses, the API refuses with a 400 naming the parameter; every status the API gives is
documented; a value already taken is a 409; writes take JSON only. The property-based suites
(test_schemathesis*.py) check the same across every operation; these are the cases by name."""

import pytest
from django.test import Client

from tests.api.conftest import client_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(db) -> dict:
    return Client().get("/api/schema/?format=json").json()


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/claims/?page=1&page=2", "page"),
        ("/api/v1/claims/?page_size=10&page_size=20", "page_size"),
        ("/api/v1/actors/?page_size=5&page_size=5", "page_size"),
        ("/api/v1/timeline/?lens=consensus&lens=consensus", "lens"),
    ],
)
def test_a_parameter_given_more_than_once_is_a_400_naming_it(anon, world, url, parameter):
    response = anon.get(url)
    assert response.status_code == 400, response.content
    assert "once" in response.json()[parameter][0]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/claims/?to=", "to"),
        ("/api/v1/claims/?page=&format=csv", "page"),
        ("/api/v1/quantitative-claims/?to=", "to"),
        ("/api/v1/stats/area/?to=", "to"),
    ],
)
def test_a_parameter_given_empty_is_a_400_naming_it(anon, world, url, parameter):
    response = anon.get(url)
    assert response.status_code == 400, response.content
    assert "leave it out" in response.json()[parameter][0]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/control/?on=2016-1-7", "on"),
        ("/api/v1/control/?on=216-01-07", "on"),
        ("/api/v1/control/?on=2016-12-07%20", "on"),
        ("/api/v1/claims/?from=0145-04-23", "from"),
        ("/api/v1/claims/?to=2016-12-7", "to"),
        ("/api/v1/claims/?district=hanano%0A", "district"),
        ("/api/v1/claims/?source=%20sohr", "source"),
        ("/api/v1/timeline/?lens=consensus%20", "lens"),
        ("/api/v1/districts/?bbox=3.7e1,36,37.3,36.3", "bbox"),
        ("/api/v1/districts/?bbox=%2037,36,37.3,36.3", "bbox"),
        ("/api/v1/quantitative-claims/?on=2016-12-12&within=3.0", "within"),
        ("/api/v1/quantitative-claims/?on=2016-12-12&within=%2B3", "within"),
        ("/api/v1/stats/area/?step=%207", "step"),
        ("/api/v1/claims/?format=csv&page_size=ten", "page_size"),
        ("/api/v1/claims/?format=csv&page=0", "page"),
    ],
)
def test_a_value_the_schema_refuses_is_a_400_naming_it(anon, world, url, parameter):
    response = anon.get(url)
    assert response.status_code == 400, response.content
    assert parameter in response.json()


def test_public_reads_are_declared_anonymous_and_writes_are_not(schema):
    for path, method, operation in _operations(schema):
        anonymous = {} in operation["security"]
        assert anonymous == (method == "get"), (method, path)
        assert {"tokenAuth": []} in operation["security"]


def test_every_status_the_api_gives_is_documented(schema):
    for path, method, operation in _operations(schema):
        codes = set(operation["responses"])
        assert {"400", "401", "404", "405", "406", "414", "429", "503"} <= codes, (method, path)
        if method == "get":
            assert {"304", "412"} <= codes, path
        else:
            assert {"403", "409", "413", "415"} <= codes, (method, path)


def test_each_endpoint_declares_the_formats_it_serves(schema):
    def formats(path):
        (parameter,) = [
            p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "format"
        ]
        return set(parameter["schema"]["enum"])

    assert formats("/api/v1/claims/") == {"json", "csv"}
    assert formats("/api/v1/control/") == {"json", "geojson"}
    assert formats("/api/v1/districts/") == {"json"}


def test_days_lenses_and_slugs_declare_their_patterns_and_bounds(schema):
    def parameter(path, name):
        (found,) = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
        return found["schema"]

    on = parameter("/api/v1/control/", "on")
    assert on["format"] == "date" and on["pattern"].startswith("^(19[0-9]{2}|2[01][0-9]{2})")
    assert "source:" in parameter("/api/v1/timeline/", "lens")["pattern"]
    assert parameter("/api/v1/claims/", "district")["maxLength"] == 100
    assert parameter("/api/v1/districts/", "simplify") == {
        "type": "number",
        "minimum": 0,
        "maximum": 0.01,
    }
    until = schema["paths"]["/api/v1/changes/"]["get"]["parameters"]
    (until,) = [p for p in until if p["name"] == "until"]
    assert {"not_before": "since"} in until["x-rules"]


def test_a_patch_body_leaves_out_what_is_set_once(schema):
    components = schema["components"]["schemas"]
    assert "slug" in components["SourceRequest"]["properties"]
    assert "slug" not in components["PatchedSourceRequest"]["properties"]


def test_a_claims_field_rules_are_declared_on_its_fields(schema):
    properties = schema["components"]["schemas"]["ClaimCreateRequest"]["properties"]
    assert {"required_when": {"status": ["held"]}} in properties["actor"]["x-rules"]
    assert {"required_unless": "district"} in properties["place_name"]["x-rules"]
    assert {"not_after": "tomorrow"} in properties["effective_to"]["x-rules"]


def test_writes_take_json_only(world, users):
    response = client_as(users["analyst"]).post(
        "/api/v1/sources/", {"slug": "new", "name": "New", "stance": "independent"}
    )  # a multipart form
    assert response.status_code == 415


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"citation": "A report", "source": ""}, "source"),
        ({"citation": "A report", "excerpt": 0}, "excerpt"),
        ({"citation": "A report", "url": "https://a.b.c.d.example.org/"}, "url"),
        ({"citation": "A report", "url": " https://example.org/x"}, "url"),
        ({"citation": "   "}, "citation"),
    ],
)
def test_a_document_field_the_schema_refuses_is_a_400_naming_it(world, users, body, field):
    response = client_as(users["analyst"]).post("/api/v1/documents/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_a_claim_document_given_as_a_string_is_a_400(world, users):
    body = {"document": str(world.documents["monitor"].pk), "status": "contested"}
    body |= {"kind": "contested", "effective_from": "2016-12-01", "district": "hanano"}
    response = client_as(users["analyst"]).post("/api/v1/claims/", body, format="json")
    assert response.status_code == 400 and "document" in response.json()


def test_a_change_feed_from_a_day_after_today_is_that_day_not_an_error(anon, world):
    response = anon.get("/api/v1/changes/?since=2100-01-01")
    assert response.status_code == 200, response.content
    assert response.json()["until"] == "2100-01-01"


@pytest.mark.parametrize(
    "query",
    ["from=2016-11-15&step=3660", "to=2063-12-30", "to=2012-01-01", "from=2199-12-01"],
)
def test_area_defaults_keep_within_the_point_cap_and_the_day_given(anon, world, query):
    response = anon.get(f"/api/v1/stats/area/?{query}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["from"] <= body["to"]
    assert len(body["series"]) <= 2000
