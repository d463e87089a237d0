"""Every page carries a Content Security Policy limited to this origin; only /embed/ frames."""

import pytest

from common.security import url_origin

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", ["/", "/api/v1/actors/", "/api/docs/", "/admin/login/"])
def test_pages_allow_scripts_and_connections_only_from_this_origin(client, url):
    response = client.get(url)
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert [s for s in directives["script-src"] if not s.startswith("'nonce-")] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_only_the_embed_page_may_be_framed(client):
    response = client.get("/embed/")
    assert policy(response)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in response


def test_the_api_docs_page_runs_no_inline_script(client):
    html = client.get("/api/docs/").content.decode()
    assert "<script>" not in html and "<script src=" in html


def test_a_configured_tile_server_is_the_only_other_image_origin(client, settings):
    assert "https://tiles.example.org" not in policy(client.get("/"))["img-src"]
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    assert policy(client.get("/"))["img-src"][-1] == "https://tiles.example.org"
    assert policy(client.get("/embed/"))["img-src"][-1] == "https://tiles.example.org"


def test_tile_url_origins():
    assert (
        url_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    )
    assert url_origin("https://tiles.example.org/{z}/{x}/{y}.png") == "https://tiles.example.org"
    assert url_origin("") == "" and url_origin("not a url") == ""
