"""Reads carry an ETag and Last-Modified from the dataset version; every write changes them;
a client that sends them back gets a 304 while nothing changed."""

import pytest
from django.utils.http import http_date

from tests.api.conftest import client_as
from tests.factories import DistrictFactory
from tracker import services

pytestmark = pytest.mark.django_db

READS = [
    "/api/v1/districts/",
    "/api/v1/districts/hanano/",
    "/api/v1/districts/hanano/history/",
    "/api/v1/actors/",
    "/api/v1/sources/",
    "/api/v1/documents/",
    "/api/v1/claims/",
    "/api/v1/claims/?format=csv",
    "/api/v1/control/?on=2016-12-07",
    "/api/v1/timeline/",
    "/api/v1/changes/?since=2016-12-01",
    "/api/v1/stats/area/?step=30",
]


@pytest.mark.parametrize("url", READS)
def test_a_read_revalidates_to_304_while_nothing_changed(anon, world, url):
    first = anon.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and modified.endswith("GMT")
    assert "must-revalidate" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = anon.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and again.content == b""
    assert anon.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304


def test_each_url_and_format_has_its_own_etag(anon, world):
    tags = {anon.get(url)["ETag"] for url in READS}
    assert len(tags) == len(READS)


def test_readers_who_see_rejected_claims_get_another_etag(anon, world, users):
    public = anon.get("/api/v1/claims/")["ETag"]
    analyst = client_as(users["analyst"]).get("/api/v1/claims/")
    assert analyst["ETag"] != public and "private" in analyst["Cache-Control"]


def _etag(client):
    return client.get("/api/v1/timeline/")["ETag"]


def test_every_kind_of_write_changes_the_etag(anon, world, users):
    seen = [_etag(anon)]
    analyst, reviewer = client_as(users["analyst"]), client_as(users["reviewer"])
    claim = world.claims["shaar_army"].pk
    writes = [
        lambda: analyst.patch(f"/api/v1/claims/{claim}/", {"note": "x"}, format="json"),
        lambda: reviewer.patch(
            f"/api/v1/claims/{claim}/", {"review_status": "accepted"}, format="json"
        ),
        lambda: analyst.patch("/api/v1/sources/sohr/", {"description": "d"}, format="json"),
        lambda: analyst.post("/api/v1/documents/", {"citation": "new one"}, format="json"),
        lambda: analyst.patch(
            f"/api/v1/documents/{world.documents['army'].pk}/", {"title": "t"}, format="json"
        ),
        lambda: DistrictFactory(),
        lambda: services.timeline_rebuild(),
    ]
    for write in writes:
        result = write()
        assert getattr(result, "status_code", 200) in (200, 201)
        seen.append(_etag(anon))
    assert len(set(seen)) == len(seen)


def test_a_stale_etag_gets_the_new_body(anon, world, users):
    stale = _etag(anon)
    claim = world.claims["shaar_army"].pk
    client_as(users["analyst"]).patch(
        f"/api/v1/claims/{claim}/", {"effective_from": "2016-11-30"}, format="json"
    )
    response = anon.get("/api/v1/timeline/", HTTP_IF_NONE_MATCH=stale)
    assert response.status_code == 200 and response["ETag"] != stale


def test_an_old_if_modified_since_gets_the_body(anon, world):
    response = anon.get("/api/v1/timeline/", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert response.status_code == 200


def test_errors_are_not_cached(anon, world):
    response = anon.get("/api/v1/control/?on=bad")
    assert response.status_code == 400 and response["Cache-Control"] == "no-store"
    assert not response.has_header("ETag")


@pytest.mark.parametrize("url", ["/api/v1/districts/", "/api/v1/timeline/", "/api/v1/claims/"])
def test_large_payloads_are_gzipped_and_still_revalidate(anon, world, url):
    import gzip
    import json

    response = anon.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))
    etag = response["ETag"]
    again = anon.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
