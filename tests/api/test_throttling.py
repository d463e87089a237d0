"""Anonymous readers are rate limited by TRACKER_API_ANON_RATE; signed-in users are not."""

import pytest
from django.core.cache import cache

from tests.api.conftest import client_as

pytestmark = pytest.mark.django_db


def test_anonymous_requests_past_the_rate_get_429_with_retry_after(anon, world, settings):
    settings.TRACKER_API_ANON_RATE = "3/minute"
    cache.clear()
    statuses = [anon.get("/api/v1/actors/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = anon.get("/api/v1/timeline/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()


def test_signed_in_users_are_not_throttled(world, users, settings):
    settings.TRACKER_API_ANON_RATE = "2/minute"
    cache.clear()
    client = client_as(users["analyst"])
    assert {client.get("/api/v1/actors/").status_code for _ in range(5)} == {200}


def test_no_rate_means_no_limit(anon, world, settings):
    settings.TRACKER_API_ANON_RATE = None
    assert {anon.get("/api/v1/actors/").status_code for _ in range(30)} == {200}
