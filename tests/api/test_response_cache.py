"""Public reads are built once per dataset version and served from the shared cache
(config/response_cache.py): in the local-memory cache and in a real Redis."""

import datetime
import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient

from districts.services import district_save
from tests.api.conftest import claim_add, client_as
from tests.conftest import free_port, notified_wait
from tests.factories import actor, reviewer_user
from tracker import services
from tracker.source_changes import source_update

pytestmark = pytest.mark.django_db

KEPT = [
    "/map/districts.geojson",
    "/api/v1/control/?on=2016-12-07",
    "/api/v1/timeline/",
    "/api/v1/districts/",
    "/api/v1/districts/hanano/history/",
    "/api/v1/stats/area/?step=30",
    "/api/v1/frontline/?on=2016-12-07",
    "/api/v1/claims/?page_size=50",
]
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}


@pytest.fixture(params=["local", "redis"])
def shared_cache(request, settings):
    """The embedded default (local memory), then a real Redis on a loopback port."""
    if request.param == "redis":
        location = request.getfixturevalue("redis_url")
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
        settings.CACHES = {"default": backend}
    cache.clear()
    yield request.param
    cache.clear()


def built(url: str, settings, **headers):
    """The answer as the views build it, with nothing kept."""
    kept = settings.TRACKER_RESPONSE_CACHE_PATHS
    settings.TRACKER_RESPONSE_CACHE_PATHS = ()
    try:
        return APIClient().get(url, **headers)
    finally:
        settings.TRACKER_RESPONSE_CACHE_PATHS = kept


@pytest.mark.parametrize("url", KEPT)
def test_the_second_public_read_is_one_version_query_with_the_same_bytes_and_headers(
    anon, world, shared_cache, url, django_assert_num_queries
):
    miss = anon.get(url, **GZIP)
    assert miss.status_code == 200
    with django_assert_num_queries(1):  # the dataset version; nothing is built
        hit = anon.get(url, **GZIP)
    assert hit.content == miss.content
    assert dict(hit.items()) == dict(miss.items())


@pytest.mark.parametrize("url", KEPT)
def test_a_matching_validator_is_answered_304_from_the_cache(
    anon, world, shared_cache, url, django_assert_num_queries
):
    etag = anon.get(url)["ETag"]
    with django_assert_num_queries(1):
        again = anon.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag


def test_gzip_and_plain_readers_each_get_their_own_encoding(anon, world, shared_cache):
    plain = anon.get("/map/districts.geojson")
    zipped = anon.get("/map/districts.geojson", **GZIP)
    again = anon.get("/map/districts.geojson")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain and "Content-Encoding" not in again
    assert again.content == plain.content


def _claim(world):
    claim_add(
        world,
        "new",
        source="rebels",
        district="hanano",
        who="rebels",
        day=datetime.date(2016, 12, 3),
    )


def _review(world):
    services.claim_review(
        claim=world.claims["bustan_rejected"], review_status="accepted", reviewed_by=reviewer_user()
    )


def _source(world):
    source_update(source=world.sources["monitor"], stance="opposition")


def _district(world):
    hanano = world.districts["hanano"]
    hanano.name_en = "Hanano Housing"
    district_save(district=hanano, redrawn=False)


def _actor(world):
    services.actor_update(actor=actor("rebels"), colour="#123456")


@pytest.mark.parametrize("write", [_claim, _review, _source, _district, _actor])
def test_after_any_write_through_the_services_every_read_is_built_afresh(
    anon, world, shared_cache, settings, write
):
    def seen(response):
        return response.content, response["ETag"]

    before = {url: seen(anon.get(url)) for url in KEPT}
    write(world)
    after = {url: seen(anon.get(url)) for url in KEPT}
    assert after == {url: seen(built(url, settings)) for url in KEPT}
    # The write shows in every API answer's ETag (an actor's colour is in no kept body).
    assert all(after[url][1] != before[url][1] for url in KEPT if url.startswith("/api/"))


def test_the_public_never_gets_a_body_built_for_a_reviewer_nor_the_reverse(
    world, users, shared_cache
):
    url = "/api/v1/claims/?page_size=50"
    rejected = world.claims["bustan_rejected"].pk
    reviewer = client_as(users["reviewer"])
    signed_in = client_as(users["reviewer"], token=False)

    def ids(response):
        return {c["id"] for c in response.json()["results"]}

    assert rejected in ids(reviewer.get(url)) and rejected in ids(signed_in.get(url))
    assert rejected not in ids(APIClient().get(url))
    assert rejected not in ids(APIClient().get(url))  # a hit
    assert rejected in ids(reviewer.get(url)) and rejected in ids(signed_in.get(url))


def test_a_hit_counts_against_the_anonymous_rate(anon, world, shared_cache, settings):
    settings.TRACKER_API_ANON_RATE = "3/minute"
    statuses = [anon.get("/api/v1/timeline/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_a_cache_that_does_not_answer_leaves_reads_working(anon, world, settings):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": dead,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    first, second = anon.get("/api/v1/timeline/"), anon.get("/api/v1/timeline/")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content == built("/api/v1/timeline/", settings).content


WRITER = """
import django
django.setup()
from districts.models import District
from districts.services import district_save
hanano = District.objects.get(slug="hanano")
hanano.name_en = "Hanano renamed elsewhere"
district_save(district=hanano, redrawn=False)
"""


@pytest.mark.postgis_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_write_in_another_process_is_seen_by_the_next_read(world, redis_url, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    cache.clear()
    url = "/map/districts.geojson"
    assert APIClient().get(url).content == APIClient().get(url).content  # kept
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "REDIS_URL": "",  # the writer knows nothing of the readers' cache
        "DATABASE_URL": (
            f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
    }
    subprocess.run(
        [sys.executable, "-c", WRITER], env=env, check=True, cwd=settings.BASE_DIR, timeout=120
    )
    notified_wait()  # a moment after the commit (tracker/version_notified.py)
    names = {f["properties"]["name_en"] for f in APIClient().get(url).json()["features"]}
    assert "Hanano renamed elsewhere" in names
    cache.clear()
