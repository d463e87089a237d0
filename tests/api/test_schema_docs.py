"""The OpenAPI schema validates and documents every endpoint and parameter with examples;
the Swagger UI page is served with local assets only (no CDN)."""

import re
from html.parser import HTMLParser

import pytest
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

CONTRACT_PATHS = {
    "/api/v1/",
    "/api/v1/districts/",
    "/api/v1/districts/{slug}/",
    "/api/v1/districts/{slug}/history/",
    "/api/v1/actors/",
    "/api/v1/sources/",
    "/api/v1/documents/",
    "/api/v1/claims/",
    "/api/v1/control/",
    "/api/v1/timeline/",
    "/api/v1/changes/",
    "/api/v1/stats/area/",
    "/api/v1/quantitative-claims/",
    "/api/v1/quantitative-claims/{id}/",
    "/api/v1/sources/{slug}/record/",
}


@pytest.fixture
def schema(anon):
    response = anon.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "patch", "put", "delete"}:
                yield path, method, operation


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_the_schema_covers_every_contract_path(schema):
    assert set(schema["paths"]) >= CONTRACT_PATHS
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_every_operation_is_described(schema):
    for path, method, operation in _operations(schema):
        assert operation.get("summary") or operation.get("description"), (path, method)
        assert "200" in operation["responses"] or "201" in operation["responses"]
        assert "400" in operation["responses"]


def test_every_parameter_is_described_with_an_example(schema):
    missing = []
    for path, method, operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            has_example = (
                "example" in parameter
                or "examples" in parameter
                or "example" in parameter.get("schema", {})
            )
            if not parameter.get("description") and parameter["in"] != "path":
                missing.append((path, method, parameter["name"], "description"))
            if not has_example:
                missing.append((path, method, parameter["name"], "example"))
    assert missing == []


def test_the_timeline_encoding_is_documented(schema):
    description = schema["paths"]["/api/v1/timeline/"]["get"]["description"]
    assert "district_index" in description and "actor_index" in description


def test_the_schema_is_also_served_as_yaml(anon):
    response = anon.get("/api/schema/")
    assert response.status_code == 200 and b"openapi: 3" in response.content


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in {"src", "href"} and value]


def test_the_docs_page_references_only_local_static_assets(anon):
    response = anon.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    parser = _Links()
    parser.feed(html)
    assert parser.urls, "the page should load Swagger UI"
    # Local files only: the sidecar's static copies, and the page's own start-up script.
    assert all(url.startswith(("/static/", "/api/docs/?script")) for url in parser.urls), (
        parser.urls
    )
    assert not re.search(r"""["'(]\s*(https?:)?//""", html), "no absolute or CDN URL"
    for url in parser.urls:
        assert anon.get(url).status_code == 200, url


def _parameter(schema, path, name):
    [found] = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
    return found


@pytest.mark.parametrize(
    ("path", "name", "maximum"),
    [
        ("/api/v1/claims/", "page_size", 1000),
        ("/api/v1/documents/", "page_size", 1000),
        ("/api/v1/stats/area/", "step", 3660),
    ],
)
def test_the_schema_states_each_maximum(schema, path, name, maximum):
    parameter = _parameter(schema, path, name)
    assert parameter["schema"]["maximum"] == maximum and parameter["schema"]["minimum"] == 1
    assert str(maximum) in parameter["description"]


def test_the_schema_states_the_longest_ranges(schema):
    area = schema["paths"]["/api/v1/stats/area/"]["get"]
    assert "At most 2000 points" in area["description"]
    assert "2000 points" in _parameter(schema, "/api/v1/stats/area/", "to")["description"]
    changes = schema["paths"]["/api/v1/changes/"]["get"]
    assert "at most 3660 days" in changes["description"]
    assert "3660 days" in _parameter(schema, "/api/v1/changes/", "until")["description"]


def test_the_api_root_lists_every_contract_listing(anon):
    """Every contract path without a slug or id in it is named at /api/v1/, with its URL."""
    listed = {url.removeprefix("http://testserver") for url in anon.get("/api/v1/").json().values()}
    fixed = {path for path in CONTRACT_PATHS if "{" not in path} - {"/api/v1/"}
    assert fixed <= listed, fixed - listed
    assert {"/api/schema/", "/api/docs/"} <= listed
